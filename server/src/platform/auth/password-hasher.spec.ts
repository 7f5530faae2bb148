import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { dummyHash, hashPassword, verifyPassword } from './password-hasher';

describe('password hasher (argon2id on libuv threads)', () => {
  it('should hash with OWASP parameters and verify, several at once', async () => {
    const hashes = await Promise.all(['Préau-2026!', 'autre-Mot-de-passe-9'].map((plain) => hashPassword(plain)));
    expect(hashes[0]).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(hashes[0]).not.toBe(hashes[1]);
    // More checks than libuv threads: they queue there and all come back.
    const checks = await Promise.all([
      verifyPassword(hashes[0]!, 'Préau-2026!'),
      verifyPassword(hashes[1]!, 'autre-Mot-de-passe-9'),
      verifyPassword(hashes[0]!, 'autre-Mot-de-passe-9'),
      verifyPassword(hashes[1]!, 'Préau-2026'),
      verifyPassword(hashes[0]!, 'Préau-2026!'),
    ]);
    expect(checks).toEqual([true, true, false, false, true]);
  });

  it('should answer false, not throw, for a stored value that is no argon2 hash', async () => {
    await expect(verifyPassword('not an argon2 hash', 'x')).resolves.toBe(false);
  });

  it('should give a dummy hash that no password matches', async () => {
    const dummy = await dummyHash();
    expect(dummy).toMatch(/^\$argon2id\$/);
    await expect(verifyPassword(dummy, '')).resolves.toBe(false);
  });

  it('should not keep a process alive once its work is done (command-line tools exit by themselves)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'preau-argon2-'));
    try {
      const entry = join(dir, 'entry.js');
      buildSync({
        stdin: {
          contents: `const { hashPassword } = require(${JSON.stringify(join(__dirname, 'password-hasher.ts'))});
            hashPassword('Préau-2026!').then((hash) => console.log(hash.slice(0, 9)));`,
          resolveDir: dir,
          loader: 'js',
        },
        bundle: true,
        platform: 'node',
        external: ['@node-rs/argon2'],
        outfile: entry,
        logLevel: 'silent',
      });
      // A process kept alive by the hasher would hit the timeout and be killed.
      const run = spawnSync(process.execPath, [entry], { cwd: process.cwd(), timeout: 20_000, encoding: 'utf8', env: { ...process.env, NODE_PATH: join(process.cwd(), 'node_modules') } });
      expect(run.stderr).toBe('');
      expect(run.stdout.trim()).toBe('$argon2id');
      expect(run.signal).toBeNull();
      expect(run.status).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
