import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { graphqlSchemaConfig } from './eslint.schema.config.js';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      '.data/**',
      '.data-*/**',
      'coverage/**',
      'examples/generated/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        URL: 'readonly',
        globalThis: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-console': ['error', { allow: ['error', 'warn'] }],
    },
  },
  {
    files: [
      'test/**/*.ts',
      'scripts/**/*.ts',
      'bench/**/*.ts',
      'src/**/*.cli.ts',
      'src/app/database/cli.ts',
    ],
    rules: { 'no-console': 'off' },
  },
  // The committed schema.graphql: descriptions, naming, Relay connections (eslint.schema.config.js).
  graphqlSchemaConfig,
);
