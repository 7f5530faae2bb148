import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Typed GraphQL operations for the client, generated from the server's published contract.
 * Run from the repository root: `npx graphql-codegen --config client/codegen.ts`.
 * The generated folder is committed; a test fails when it drifts from schema.graphql.
 */
const config: CodegenConfig = {
  schema: 'schema.graphql',
  documents: ['client/src/**/*.ts', 'client/src/**/*.graphql', '!client/src/app/core/graphql/generated/**'],
  ignoreNoDocuments: false,
  generates: {
    'client/src/app/core/graphql/generated/': {
      preset: 'client',
      presetConfig: {
        fragmentMasking: false,
      },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        strictScalars: true,
        scalars: {
          DateTimeISO: 'string',
          JSONObject: 'Record<string, unknown>',
        },
      },
    },
  },
};

export default config;
