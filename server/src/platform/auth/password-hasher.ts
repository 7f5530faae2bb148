import { Argon2Pool } from './argon2-pool';

/**
 * argon2id with m=19 MiB, t=2, p=1 (OWASP's first recommendation). The numeric `algorithm: 2` is
 * Argon2id: the package's `Algorithm` const enum does not survive isolated-module compilers.
 */
const options = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

let pool: Argon2Pool | undefined;
/** Started on first use; its idle threads do not keep the process alive. */
const argon2 = () => (pool ??= new Argon2Pool());

export function hashPassword(plain: string): Promise<string> {
  return argon2().hash(plain, options);
}

export async function verifyPassword(stored: string, plain: string): Promise<boolean> {
  try {
    return await argon2().verify(stored, plain);
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
