/**
 * GraphQL Code Generator: typed documents for the example operations in examples/*.graphql, checked against the
 * committed schema.graphql. `npm run codegen` writes examples/generated/ (committed; CI fails when it is stale).
 */
import type { CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  schema: 'schema.graphql',
  documents: ['examples/*.graphql'],
  ignoreNoDocuments: false,
  generates: {
    'examples/generated/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        // Node's ESM resolution wants the extension in relative imports.
        emitLegacyCommonJSImports: false,
        useTypeImports: true,
        enumsAsTypes: true,
        strictScalars: true,
        scalars: {
          DateTime: 'string',
          Fen: 'string',
          LocalDate: 'string',
          JSON: 'unknown',
        },
      },
    },
  },
};

export default config;
