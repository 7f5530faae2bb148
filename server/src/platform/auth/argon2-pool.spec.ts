import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { afterEach, describe, expect, it } from 'vitest';
import { Argon2Pool } from './argon2-pool';

// Small parameters: these tests are about the threads, not the cost.
const options = { algorithm: 2, memoryCost: 1024, timeCost: 1, parallelism: 1 };

describe('Argon2Pool', () => {
  const pools: Argon2Pool[] = [];
  const newPool = (size: number) => {
    const pool = new Argon2Pool(size);
    pools.push(pool);
    return pool;
  };
  afterEach(async () => {
    await Promise.all(pools.splice(0).map((pool) => pool.close()));
  });

  it('should hash with the given parameters and verify on its threads', async () => {
    const pool = newPool(2);
    const hashes = await Promise.all(['Préau-2026!', 'autre-Mot-de-passe-9'].map((plain) => pool.hash(plain, options)));
    expect(hashes[0]).toMatch(/^\$argon2id\$v=19\$m=1024,t=1,p=1\$/);
    expect(hashes[0]).not.toBe(hashes[1]);
    // More jobs than threads: they wait in the workers' backlogs and all come back, in any order.
    const checks = await Promise.all([
      pool.verify(hashes[0], 'Préau-2026!'),
      pool.verify(hashes[1], 'autre-Mot-de-passe-9'),
      pool.verify(hashes[0], 'autre-Mot-de-passe-9'),
      pool.verify(hashes[1], 'Préau-2026'),
      pool.verify(hashes[0], 'Préau-2026!'),
    ]);
    expect(checks).toEqual([true, true, false, false, true]);
  });

  it("should reject a job the library refuses, with the library's message, and go on serving", async () => {
    const pool = newPool(1);
    await expect(pool.verify('not an argon2 hash', 'x')).rejects.toThrow(/./);
    const hash = await pool.hash('Préau-2026!', options);
    await expect(pool.verify(hash, 'Préau-2026!')).resolves.toBe(true);
  });

  it('should fail the backlog of a worker that stops, then start a new one for the next job', async () => {
    const pool = newPool(1);
    const hash = await pool.hash('Préau-2026!', options);
    const inFlight = [pool.verify(hash, 'Préau-2026!'), pool.verify(hash, 'Préau-2026!')];
    await pool.close();
    for (const job of inFlight) await expect(job).rejects.toThrow(/argon2 worker exited/);
    await expect(pool.verify(hash, 'Préau-2026!')).resolves.toBe(true);
  });

  it('should not keep a process alive once its work is done (command-line tools exit by themselves)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'preau-argon2-'));
    try {
      const entry = join(dir, 'entry.js');
      buildSync({
        stdin: {
          contents: `const { Argon2Pool } = require(${JSON.stringify(join(__dirname, 'argon2-pool.ts'))});
            new Argon2Pool(2).hash('Préau-2026!', ${JSON.stringify(options)}).then((hash) => console.log(hash.slice(0, 9)));`,
          resolveDir: dir,
          loader: 'js',
        },
        bundle: true,
        platform: 'node',
        external: ['@node-rs/argon2'],
        outfile: entry,
        logLevel: 'silent',
      });
      // Run from the repository so that the worker finds @node-rs/argon2; a process kept alive by
      // its workers would hit the timeout and be killed.
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
