import { hash, verify } from '@node-rs/argon2';

/**
 * argon2id with m=19 MiB, t=2, p=1 (OWASP's first recommendation). The numeric `algorithm: 2` is
 * Argon2id: the package's `Algorithm` const enum does not survive isolated-module compilers.
 *
 * The library's own async API: each hash runs on libuv's thread pool, off the event loop
 * (docs/performance.md, session 8, for why no pool of our own).
 */
const options = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** The library's calls, through one object: what tests count to prove a refusal cost no argon2. */
export const argon2 = { hash, verify };

export function hashPassword(plain: string): Promise<string> {
  return argon2.hash(plain, options);
}

export async function verifyPassword(stored: string, plain: string): Promise<boolean> {
  try {
    return await argon2.verify(stored, plain);
  } catch {
    return false;
  }
}

let dummy: Promise<string> | undefined;

/**
 * A hash to verify against when the account does not exist or cannot sign in, so that "unknown
 * login", "blocked" and "wrong password" take the same time.
 */
export function dummyHash(): Promise<string> {
  dummy ??= hashPassword('préau-dummy-password-never-matches');
  return dummy;
}
