// Fails when the client's generated GraphQL types are not what schema.graphql + the operations give.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(new URL('.', import.meta.url).pathname, '..');
const generated = join(root, 'client/src/app/core/graphql/generated');
const backup = mkdtempSync(join(tmpdir(), 'preau-codegen-'));
cpSync(generated, backup, { recursive: true });

function files(dir, base = dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path, base) : [path.slice(base.length + 1)];
  });
}

const run = spawnSync(process.execPath, [join(root, 'node_modules/.bin/graphql-codegen'), '--config', 'client/codegen.ts', '--silent'], {
  cwd: root,
  stdio: 'inherit',
});
if (run.status !== 0) process.exit(run.status ?? 1);
const drift = [...new Set([...files(generated), ...files(backup)])].filter((file) => {
  try {
    return readFileSync(join(generated, file), 'utf8') !== readFileSync(join(backup, file), 'utf8');
  } catch {
    return true;
  }
});
if (drift.length) {
  // Put the committed files back so the working tree shows what was committed.
  rmSync(generated, { recursive: true, force: true });
  cpSync(backup, generated, { recursive: true });
  console.error(`Les types GraphQL du client ne correspondent plus à schema.graphql : ${drift.join(', ')}.\nLancez « npm run codegen » et committez le résultat.`);
  process.exit(1);
}
rmSync(backup, { recursive: true, force: true });
console.log('Types GraphQL du client à jour.');
