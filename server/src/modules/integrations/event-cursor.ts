import { AppError } from '../../platform/errors/app-error';

/** How long events are kept: a cursor older than that answers CURSOR_EXPIRED. */
export const EVENT_RETENTION_DAYS = 7;

/** The cursor: (tx_id, id) and the event's time (to tell an expired cursor), opaque to clients. */
export function encodeCursor(row: { tx_id: string; id: string; occurred_at: Date }): string {
  return Buffer.from(`${row.tx_id}:${row.id}:${row.occurred_at.getTime()}`).toString('base64url');
}

function decodeCursor(cursor: string): { tx: string; id: string; at: number } {
  const match = /^(\d{1,19}):(\d{1,19}):(\d{1,15})$/.exec(Buffer.from(cursor, 'base64url').toString());
  if (!match) throw AppError.badInput({ fr: 'Ce curseur d\'événements est invalide.', en: 'This event cursor is invalid.' }, { after: { fr: 'Curseur invalide.', en: 'Invalid cursor.' } });
  return { tx: match[1], id: match[2], at: Number(match[3]) };
}

/** A cursor well-formed and within the retention (events after it may have been purged already). */
export function checkCursor(cursor: string): { tx: string; id: string } {
  const decoded = decodeCursor(cursor);
  if (decoded.at < Date.now() - EVENT_RETENTION_DAYS * 86_400_000) throw cursorExpired();
  return decoded;
}

export function cursorExpired(): AppError {
  return new AppError('CURSOR_EXPIRED', {
    fr: `Ce curseur est plus ancien que les ${EVENT_RETENTION_DAYS} jours conservés : relisez les données puis reprenez sans curseur.`,
    en: `This cursor is older than the ${EVENT_RETENTION_DAYS} days kept: read the data again, then resume without a cursor.`,
  });
}
