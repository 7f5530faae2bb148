import { randomBytes } from 'node:crypto';
import { crc32 } from 'node:zlib';
import { hashToken } from './session.service';

/**
 * Integration tokens look like GitHub's (`ghp_…`): a recognisable prefix, 32 random bytes in
 * base62 and a CRC32 of them in 6 base62 characters, so that a leak scanner can recognise one
 * offline with few false positives, and a mistyped token is refused before any query.
 * Like sessions, PostgreSQL stores only the SHA-256 (a 190-bit secret needs no slow hash).
 */
export const API_TOKEN_PREFIX = 'preau_';
const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const BODY_LENGTH = 43; // ⌈256 / log2(62)⌉
const CHECKSUM_LENGTH = 6; // 62^6 > 2^32

function base62(value: bigint, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) {
    out = ALPHABET[Number(value % 62n)] + out;
    value /= 62n;
  }
  return out;
}

function checksum(body: string): string {
  return base62(BigInt(crc32(body)), CHECKSUM_LENGTH);
}

export function generateApiToken(): string {
  const body = base62(BigInt(`0x${randomBytes(32).toString('hex')}`), BODY_LENGTH);
  return `${API_TOKEN_PREFIX}${body}${checksum(body)}`;
}

/** Whether the text is shaped like a token and its checksum holds (no database needed). */
export function isWellFormedApiToken(token: string): boolean {
  if (!token.startsWith(API_TOKEN_PREFIX) || token.length !== API_TOKEN_PREFIX.length + BODY_LENGTH + CHECKSUM_LENGTH) return false;
  const body = token.slice(API_TOKEN_PREFIX.length, -CHECKSUM_LENGTH);
  if (![...body].every((char) => ALPHABET.includes(char))) return false;
  return checksum(body) === token.slice(-CHECKSUM_LENGTH);
}

export const hashApiToken = hashToken;

/** The token of an `Authorization: Bearer …` header (or graphql-ws connection parameter), if any. */
export function bearerTokenOf(header: string | undefined | null): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match?.[1];
}
