import swc from 'unplugin-swc';
import { defineConfig } from 'vitest/config';

// swc keeps decorator metadata (esbuild drops it, and type-graphql/TypeORM need it). graphql must be
// the CommonJS build that type-graphql and Apollo load, or schemas come "from another realm".
const shared = {
  plugins: [
    swc.vite({
      jsc: {
        parser: { syntax: 'typescript' as const, decorators: true },
        transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
        target: 'es2022' as const,
      },
      module: { type: 'es6' as const },
    }),
  ],
  resolve: { alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }] },
};

export default defineConfig({
  test: {
    projects: [
      {
        ...shared,
        test: {
          name: 'unit',
          include: ['server/src/**/*.spec.ts', 'bench/**/*.spec.ts', 'client/src/**/*.spec.ts'],
          environment: 'node',
          sequence: { groupOrder: 0 },
        },
      },
      {
        ...shared,
        test: {
          name: 'integration',
          include: ['server/src/**/*.int-spec.ts'],
          environment: 'node',
          globalSetup: ['server/src/test-support/global-setup.ts'],
          setupFiles: ['server/src/test-support/setup-file.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // Each file gets its own database cloned from a migrated template, so files run in parallel.
          fileParallelism: true,
          maxWorkers: 2,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
