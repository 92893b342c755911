// GraphQL schema hygiene for the committed schema.graphql (npm run lint:schema).
//
// From the plugin's recommended schema rules, two are off:
// - strict-id-in-types: payloads, connections, edges and value objects (Money-like records, facets, scores,
//   milestones) have no identity of their own; giving each an `id: ID!` would be noise for clients.
// - no-typename-prefix: `Score.score` is a released field; renaming it would break clients for no gain.
// The object-type "Type" suffix ban (naming-convention) is kept, except for the released `ProposalContentType`.
import graphqlPlugin from '@graphql-eslint/eslint-plugin';

const recommended = graphqlPlugin.configs['flat/schema-recommended'].rules;
const [, namingRecommended] = recommended['@graphql-eslint/naming-convention'];

export const graphqlSchemaConfig = {
  files: ['schema.graphql'],
  languageOptions: {
    parser: graphqlPlugin.parser,
    parserOptions: { graphQLConfig: { schema: 'schema.graphql' } },
  },
  plugins: { '@graphql-eslint': graphqlPlugin },
  rules: {
    ...recommended,
    '@graphql-eslint/strict-id-in-types': 'off',
    '@graphql-eslint/no-typename-prefix': 'off',
    // Types PascalCase, fields and arguments camelCase, enum values UPPER_CASE (and the recommended
    // prefix/suffix bans).
    '@graphql-eslint/naming-convention': [
      'error',
      {
        ...namingRecommended,
        'ObjectTypeDefinition,ObjectTypeExtension': {
          ...namingRecommended['ObjectTypeDefinition,ObjectTypeExtension'],
          ignorePattern: '^ProposalContentType$',
        },
      },
    ],
    // Every type (object, input, enum, scalar, interface, union), field, argument, input field and enum value,
    // and every root operation field (Query, Mutation, Subscription). OperationDefinition applies to documents, not to a schema.
    // The root types themselves are exempt: their fields are what clients read, and code-first NestJS has no
    // place to describe `Query`, `Mutation` or `Subscription`.
    '@graphql-eslint/require-description': [
      'error',
      {
        types: true,
        rootField: true,
        FieldDefinition: true,
        InputValueDefinition: true,
        EnumValueDefinition: true,
        DirectiveDefinition: true,
        ignoredSelectors: ['[name.value=/^(Query|Mutation|Subscription)$/]'],
      },
    ],
    // Connections, edges and PageInfo as the Relay cursor connections specification has them. The API has no
    // `Node` interface (objects are fetched by their own queries), and small bounded lists stay plain lists.
    '@graphql-eslint/relay-connection-types': 'error',
    '@graphql-eslint/relay-edge-types': [
      'error',
      { withEdgeSuffix: true, shouldImplementNode: false, listTypeCanWrapOnlyEdgeType: false },
    ],
    '@graphql-eslint/relay-page-info': 'error',
  },
};

export default [graphqlSchemaConfig];
