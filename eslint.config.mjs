// The boundaries of the code base, checked in `npm test` (docs/architecture.md, « Boundaries »).
// Only rules that keep the architecture honest: formatting and style are left to review.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

const root = import.meta.dirname;
const serverModules = readdirSync(join(root, 'server/src/modules'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);
const tests = ['**/*.spec.ts', '**/*.int-spec.ts', 'server/src/test-support/**'];

const clientApp = './client/src/app';
/** The client's feature folders: every folder of client/src/app but the two layers they all share. */
const clientFeatures = readdirSync(join(root, 'client/src/app'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && entry.name !== 'core' && entry.name !== 'shared')
  .map((entry) => entry.name);
/** feature → core, shared; shared → core; core → nothing of the app. What two features need goes to shared/. */
const clientZones = [
  ...clientFeatures.map((name) => ({
    target: `${clientApp}/${name}`,
    from: clientFeatures.filter((other) => other !== name).map((other) => `${clientApp}/${other}`),
    message: 'Une fonctionnalité n’importe pas une autre : ce qu’elles partagent va dans shared/ (ou core/).',
  })),
  { target: `${clientApp}/shared`, from: clientFeatures.map((name) => `${clientApp}/${name}`), message: 'shared/ ne dépend d’aucune fonctionnalité.' },
  {
    target: `${clientApp}/core`,
    from: [...clientFeatures.map((name) => `${clientApp}/${name}`), `${clientApp}/shared`],
    message: 'core/ ne dépend ni des fonctionnalités ni de shared/.',
  },
];

/** A module reaches another only through its index.ts: every file of the other module but that one is off limits. */
const moduleZones = serverModules.map((name) => ({
  target: `./server/src/modules/${name}`,
  from: './server/src/modules',
  except: [`./${name}`, ...serverModules.filter((other) => other !== name).map((other) => `./${other}/index.ts`)],
  message: 'Un module en utilise un autre par son index.ts seulement (modules/<domaine>/index.ts).',
}));

export default tseslint.config(
  { linterOptions: { reportUnusedDisableDirectives: 'error' } },
  { ignores: ['dist/**', 'node_modules/**', '.nx/**', '.angular/**', 'client/src/app/core/graphql/generated/**', 'test-results/**'] },
  {
    files: ['server/src/**/*.ts', 'client/src/**/*.ts', 'e2e/**/*.ts'],
    languageOptions: { parser: tseslint.parser },
    plugins: { 'import-x': importX },
    settings: {
      // The dependency graph (no-cycle) parses the imported files too.
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
      'import-x/extensions': ['.ts', '.js', '.mjs'],
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: ['server/tsconfig.spec.json', 'client/tsconfig.app.json', 'e2e/tsconfig.json'], noWarnOnMultipleProjects: true })],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
  {
    files: ['server/src/**/*.ts'],
    ignores: tests,
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            {
              target: './server/src/platform',
              from: ['./server/src/modules', './server/src/app', './server/src/documents', './server/src/demo'],
              message: 'platform/ ne dépend d’aucun domaine ni de la composition (app/).',
            },
            { target: './server/src/documents', from: ['./server/src/modules', './server/src/app'], message: 'documents/ ne dépend d’aucun domaine.' },
            { target: './server/src/modules', from: ['./server/src/app', './server/src/demo'], message: 'Un module ne dépend pas de la composition (app/).' },
            ...moduleZones,
          ],
        },
      ],
      // Every query, mutation and subscription says who may call it (app/schema-contract.spec.ts checks the built schema too).
      'no-restricted-syntax': [
        'error',
        {
          selector:
            "MethodDefinition:has(Decorator > CallExpression[callee.name=/^(Query|Mutation|Subscription)$/]):not(:has(Decorator > CallExpression[callee.name='Allow']))",
          message: 'Une opération GraphQL déclare qui peut l’appeler : @Allow(Access.…).',
        },
      ],
    },
  },
  {
    files: ['client/src/**/*.ts'],
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        { zones: [{ target: './client', from: ['./server', './e2e', './bench'], message: 'Le client ne parle au serveur que par GraphQL (schema.graphql).' }, ...clientZones] },
      ],
    },
  },
);
