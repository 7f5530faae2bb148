// Compiles the server with tsc and copies the non-TypeScript assets (templates, deny-lists)
// next to the compiled files, so dist/server runs on its own.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, statSync, mkdirSync, rmSync } from 'node:fs';
import { join, dirname, relative } from 'node:path';

const root = join(dirname(new URL(import.meta.url).pathname), '..');
const src = join(root, 'server/src');
const out = join(root, 'dist/server');
rmSync(out, { recursive: true, force: true });
execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(root, 'server/tsconfig.json')], {
  stdio: 'inherit',
});
const assets = /\.(hbs|txt|css|json|woff2?)$/;
function copyAssets(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) copyAssets(path);
    else if (assets.test(name)) {
      const target = join(out, relative(src, path));
      mkdirSync(dirname(target), { recursive: true });
      cpSync(path, target);
    }
  }
}
if (existsSync(src)) copyAssets(src);
