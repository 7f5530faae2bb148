import { DataSource } from 'typeorm';
import { SHEETS_PER_PAGE, SheetLayout } from '../../documents/connection-sheet';

/** What a mailing's PDF is, for its file name. */
export interface MailingFileInfo {
  layout: SheetLayout;
  createdAt: Date;
  /** The école (or other structure) the mailing was made for, when it is one; null otherwise. */
  place: string | null;
  /** The login (or alias) when the mailing is one account's sheet (« Fiche de connexion individuelle »). */
  login: string | null;
}

/** « École élémentaire Jules Ferry » → « ecole-elementaire-jules-ferry »: ASCII, safe in any header or file system. */
export function fileSlug(text: string, maxLength = 60, keep = ''): string {
  const other = new RegExp(`[^a-z0-9${keep}]+`, 'g');
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[œŒ]/g, 'oe')
    .replace(/[æÆ]/g, 'ae')
    .toLowerCase()
    .replace(other, '-')
    .slice(0, maxLength)
    .replace(/^[-.]+|[-.]+$/g, '');
}

/** The day as a French director reads it (Europe/Paris), YYYY-MM-DD. */
function parisDay(date: Date): string {
  return date.toLocaleDateString('sv-SE', { timeZone: 'Europe/Paris' });
}

/**
 * The download name of a mailing's PDF, saying what it is: `fiche-connexion-<login>.pdf` for one
 * account, else `publipostage-<école>-<date>-<n>-par-page.pdf` (no école part when the mailing spans
 * several). ASCII only, so the plain `filename="…"` of Content-Disposition carries it unchanged.
 */
export function mailingFileName(info: MailingFileInfo): string {
  // Logins are lower-case letters, digits and dots (kept: « imran.lhote »).
  const login = info.login ? fileSlug(info.login, 64, '.') : '';
  if (login) return `fiche-connexion-${login}.pdf`;
  const place = info.place ? fileSlug(info.place) : '';
  return ['publipostage', place, parisDay(info.createdAt), `${SHEETS_PER_PAGE[info.layout]}-par-page`].filter(Boolean).join('-') + '.pdf';
}

/**
 * Loads what `mailingFileName` needs for a mailing (call it after `MailingService.document` has
 * checked the mailing is the caller's): its layout and date, the login of a one-account mailing,
 * and the structure it was frozen on when there is exactly one (a director's école, the école an
 * ERUN chose, a teacher's classes' école).
 */
export async function loadMailingFileName(dataSource: DataSource, mailingId: string): Promise<string | null> {
  const rows = (await dataSource.query(
    `SELECT m.layout, m.created_at,
            CASE WHEN m.total = 1 THEN (SELECT COALESCE(u.alias, u.login) FROM mailing_recipient r JOIN app_user u ON u.id = r.user_id
                                         WHERE r.mailing_id = m.id LIMIT 1) END AS login,
            COALESCE((SELECT min(s.name) FROM structure s WHERE s.id = ANY(m.scope_root_ids) HAVING count(*) = 1),
                     (SELECT min(s.name) FROM school_class c JOIN structure s ON s.id = c.school_id
                       WHERE c.id = ANY(m.scope_class_ids) AND m.scope_root_ids IS NOT NULL AND cardinality(m.scope_root_ids) = 0
                      HAVING count(DISTINCT s.id) = 1)) AS place
       FROM mailing m WHERE m.id = $1`,
    [mailingId],
  )) as { layout: SheetLayout; created_at: Date; login: string | null; place: string | null }[];
  const row = rows[0];
  return row ? mailingFileName({ layout: row.layout, createdAt: row.created_at, place: row.place, login: row.login }) : null;
}
