import { AppError, Bilingual } from '../errors/app-error';
import { isUuid } from './uuid';

/** Opaque keyset cursor for lists ordered by (timestamp, id) — newest first. */
export function encodeTimeCursor(at: Date, id: string): string {
  return Buffer.from(`${at.toISOString()}|${id}`).toString('base64url');
}

/** Decodes a cursor from `encodeTimeCursor`; a malformed one is refused with `stale`. */
export function decodeTimeCursor(cursor: string, stale: Bilingual): { at: string; id: string } {
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (!at || !isUuid(id) || Number.isNaN(Date.parse(at))) throw AppError.badInput(stale);
  return { at, id };
}
