// The first load of the built client: every file the browser needs before the first page shows
// (index.html's scripts and styles and the chunks they import statically), raw and gzip (level 9,
// what a static server precompresses). Run after `nx run client:build`:
//   node client/scripts/initial-size.mjs [dist/client/browser]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const dir = process.argv[2] ?? 'dist/client/browser';
const html = readFileSync(join(dir, 'index.html'), 'utf8');
const entries = [...html.matchAll(/<(?:script|link)[^>]*?(?:src|href)="([^"]+\.(?:js|css))"/g)].map((m) => m[1]);
const staticImport = /\b(?:import|export)\s*(?:\{[^}]*\}|\*\s*as\s*[\w$]+|[\w$]+)?\s*(?:from\s*)?"\.\/([^"]+\.js)"/g;

const seen = new Set();
const pending = [...entries];
while (pending.length > 0) {
  const file = pending.pop();
  if (seen.has(file)) continue;
  seen.add(file);
  if (!file.endsWith('.js')) continue;
  for (const match of readFileSync(join(dir, file), 'utf8').matchAll(staticImport)) pending.push(match[1]);
}

const rows = [...seen].map((file) => {
  const bytes = readFileSync(join(dir, file));
  return { file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
});
rows.sort((a, b) => b.raw - a.raw);
const kB = (n) => (n / 1000).toFixed(2).padStart(8);
for (const row of rows) console.log(`${row.file.padEnd(28)} ${kB(row.raw)} kB ${kB(row.gzip)} kB`);
const total = (key) => rows.reduce((sum, row) => sum + row[key], 0);
console.log(`${`initial (${rows.length} files)`.padEnd(28)} ${kB(total('raw'))} kB ${kB(total('gzip'))} kB`);
