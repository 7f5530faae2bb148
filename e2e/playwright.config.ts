import { defineConfig } from '@playwright/test';
import { join } from 'node:path';
import { chromiumArgs, chromiumPath } from './support/chromium';

/**
 * Journeys through real Chromium against the real built server (dist/), on a fresh database with
 * the demo département loaded (see support/global-setup.ts). One worker: the machine has two cores
 * and the server needs one.
 */
export default defineConfig({
  testDir: './tests',
  outputDir: join(__dirname, '../test-results/e2e-artifacts'),
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  // What stops a run that hangs, the printing journeys having no budget of their own (waitsForPrinting).
  globalTimeout: 45 * 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: join(__dirname, '../test-results/e2e.json') }]],
  globalSetup: './support/global-setup.ts',
  use: {
    locale: 'fr-FR',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: { executablePath: chromiumPath(), args: chromiumArgs },
  },
  projects: [{ name: 'chromium' }],
});
