// `npm test`: every check, in the order a reviewer would want them to fail. Prints one closing line
// "N passed, N failed" (N counts tests; a failed step counts as one failure).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = join(new URL('.', import.meta.url).pathname, '..');
const reports = join(root, 'test-results');
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

let passed = 0;
let failed = 0;
const timings = [];

function step(name, command, args, options = {}) {
  const started = Date.now();
  process.stdout.write(`\n━━ ${name}\n`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...options.env } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  timings.push(`${name}: ${seconds} s`);
  const ok = result.status === 0;
  if (!ok) process.stdout.write(`✗ ${name} a échoué (code ${result.status ?? result.signal}).\n`);
  return ok;
}

function countStep(name, command, args, reportFile, count, options) {
  const ok = step(name, command, args, options);
  const file = join(reports, reportFile);
  if (existsSync(file)) {
    const counts = count(JSON.parse(readFileSync(file, 'utf8')));
    passed += counts.passed;
    failed += counts.failed;
    if (!ok && counts.failed === 0) failed += 1;
  } else if (!ok) failed += 1;
  return ok;
}

const npx = (bin, ...args) => [process.execPath, [join(root, 'node_modules', '.bin', bin), ...args]];

// 1. Types everywhere (server, client, e2e, the integrators' examples).
for (const [name, project] of [
  ['typecheck server', 'server/tsconfig.spec.json'],
  ['typecheck client', 'client/tsconfig.app.json'],
  ['typecheck client tests', 'client/tsconfig.spec.json'],
  ['typecheck e2e', 'e2e/tsconfig.json'],
  ['typecheck examples', 'examples/tsconfig.json'],
]) {
  if (step(name, ...npx('tsc', '-p', project, '--noEmit'))) passed += 1;
  else failed += 1;
}

// 1b. The architecture's boundaries (eslint.config.mjs): layers, modules through their index.ts,
// no import cycle, @Allow on every GraphQL operation, the client never importing the server.
if (step('lint (boundaries)', ...npx('eslint', '.', '--max-warnings=0'))) passed += 1;
else failed += 1;

// 2. Client operations typed from the committed schema: regenerating must change nothing.
if (step('codegen drift', process.execPath, [join(root, 'scripts/check-codegen.mjs')])) passed += 1;
else failed += 1;

// 3. Build what `npm start` serves (the cross-process integration test runs the built server).
const built = step('build (server + client)', ...npx('nx', 'run-many', '-t', 'build', '--projects=server,client', '--output-style=static'));
if (!built) failed += 1;

// 4. Unit and integration tests (real PostgreSQL: DATABASE_URL's server, else embedded).
countStep('unit + integration (vitest)', ...npx('vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${join(reports, 'vitest.json')}`), 'vitest.json', (report) => ({
  passed: report.numPassedTests ?? 0,
  failed: report.numFailedTests ?? 0,
}));

// 5. Drive the built server in Chromium.
if (built) {
  countStep('e2e (Playwright, Chromium)', ...npx('playwright', 'test', '-c', 'e2e/playwright.config.ts'), 'e2e.json', (report) => ({
    passed: report.stats?.expected ?? 0,
    failed: (report.stats?.unexpected ?? 0) + (report.stats?.flaky ?? 0),
  }));
}

process.stdout.write(`\nDurées : ${timings.join(' · ')}\n`);
process.stdout.write(`${passed} passed, ${failed} failed\n`);
process.exit(failed === 0 ? 0 : 1);
