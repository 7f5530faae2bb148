import type { ApiClientFieldsFragment } from '../../core/graphql/generated/graphql';

const DAY_MS = 86_400_000;

/** The expiry warnings, in days before: the server e-mails the creator at the same marks. */
export const EXPIRY_WARNING_DAYS = 14;
export const EXPIRY_URGENT_DAYS = 3;

/** The token scopes a client may be given; `contacts:read` only by the operator. */
export const TOKEN_SCOPES = [
  'structures:read',
  'stats:read',
  'directory:read',
  'directory:identity:read',
  'contacts:read',
  'reports:read',
  'reports:moderate',
  'events:read',
  'classes:write',
  'accounts:block',
  'mailing:write',
  'imports:write',
  'audit:read',
] as const;
export const OPERATOR_ONLY_SCOPES: readonly string[] = ['contacts:read'];

export type ApiClientState =
  | { readonly kind: 'revoked'; readonly at: string }
  | { readonly kind: 'expired'; readonly at: string }
  /** `daysLeft` only within the warning period: whole days left, 0 on the last day. */
  | { readonly kind: 'active'; readonly daysLeft: number | null; readonly urgent: boolean };

/** Whether a client's token works, and whether its expiry is near (as the server warns). */
export function apiClientState(client: Pick<ApiClientFieldsFragment, 'revokedAt' | 'expiresAt'>, now: Date): ApiClientState {
  if (client.revokedAt) {
    return { kind: 'revoked', at: client.revokedAt };
  }
  const left = Date.parse(client.expiresAt) - now.getTime();
  if (left <= 0) {
    return { kind: 'expired', at: client.expiresAt };
  }
  const days = Math.floor(left / DAY_MS);
  return left <= EXPIRY_WARNING_DAYS * DAY_MS ? { kind: 'active', daysLeft: days, urgent: left <= EXPIRY_URGENT_DAYS * DAY_MS } : { kind: 'active', daysLeft: null, urgent: false };
}

/** `YYYY-MM-DD` of a local day, for <input type="date">. */
export function dateInputValue(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The days a token may be asked for: from tomorrow to 365 days ahead (the server allows 366 from now). */
export function expiryBounds(now: Date): { readonly min: string; readonly max: string } {
  const day = (offset: number) => dateInputValue(new Date(now.getFullYear(), now.getMonth(), now.getDate() + offset));
  return { min: day(1), max: day(365) };
}

/** The default expiry offered: 90 days ahead. */
export function defaultExpiry(now: Date): string {
  return dateInputValue(new Date(now.getFullYear(), now.getMonth(), now.getDate() + 90));
}

/** The end of the chosen local day (the token works through that whole day), or null when not a date. */
export function expiryFromInput(value: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) {
    return null;
  }
  const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]), 23, 59, 0);
  return Number.isNaN(date.getTime()) || dateInputValue(date) !== value ? null : date;
}
