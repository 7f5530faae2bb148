import { hash, verify } from '@node-rs/argon2';
import { availableParallelism } from 'node:os';

/**
 * argon2id with m=19 MiB, t=2, p=1 (OWASP's first recommendation). The numeric `algorithm: 2` is
 * Argon2id: the package's `Algorithm` const enum does not survive isolated-module compilers.
 */
const options = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/**
 * At most one hash per core at a time; the others wait their turn. Each one holds 19 MiB that it
 * reads over and over: more of them at once than there are cores only evict each other (and the
 * server's own code and PostgreSQL's) from the processor caches, and a burst of sign-ins would take
 * every libuv thread from the rest of the server.
 */
const MAX_AT_ONCE = Math.max(1, availableParallelism());
let running = 0;
const waiting: (() => void)[] = [];

async function inTurn<T>(work: () => Promise<T>): Promise<T> {
  if (running >= MAX_AT_ONCE) await new Promise<void>((resolve) => waiting.push(resolve));
  else running++;
  try {
    return await work();
  } finally {
    // The slot passes straight to the next in line, if any.
    const next = waiting.shift();
    if (next) next();
    else running--;
  }
}

export function hashPassword(plain: string): Promise<string> {
  return inTurn(() => hash(plain, options));
}

export async function verifyPassword(stored: string, plain: string): Promise<boolean> {
  try {
    return await inTurn(() => verify(stored, plain));
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
