import type { DataSource } from 'typeorm';

/** A dry run never applied is deleted this long after it was made (a new one takes seconds). */
export const UNAPPLIED_DAYS_KEPT = 30;
/** An applied import's report, line by line, is kept this long; then only its summary and outcome. */
export const APPLIED_REPORT_DAYS_KEPT = 365;

/**
 * The nightly retention of import sessions. Their lines name pupils and guardians with what the
 * files said of them (birth dates, contacts), and the files as read are stored beside them: an
 * applied import keeps all of it for a year, then its report keeps only what names no one — the
 * files' kinds and sizes (not their accented samples, nor their messages, which quote cells), the
 * totals, the classes, the families, the leavers — and its outcome (the
 * dashboard's last import, « Publipostage des comptes » of the accounts it created). Its audit line
 * holds the same summary. A dry run never applied is deleted after 30 days.
 */
export class ImportRetention {
  constructor(private readonly db: DataSource) {}

  async run(): Promise<{ deleted: number; reduced: number }> {
    const [deleted] = (await this.db.query(
      `WITH gone AS (DELETE FROM import_session WHERE status = 'DRY_RUN' AND created_at < now() - make_interval(days => $1) RETURNING 1)
       SELECT count(*)::int AS n FROM gone`,
      [UNAPPLIED_DAYS_KEPT],
    )) as { n: number }[];
    const [reduced] = (await this.db.query(
      `WITH reduced AS (
         UPDATE import_session s
            SET parsed = NULL, plan = NULL,
                report = (s.report::jsonb || jsonb_build_object(
                  'lines', '[]'::jsonb,
                  'files', COALESCE((SELECT jsonb_agg(f || '{"samples": [], "warnings": [], "errors": []}'::jsonb) FROM jsonb_array_elements(s.report::jsonb -> 'files') f), '[]'::jsonb)))::json
          WHERE s.status = 'APPLIED' AND s.applied_at < now() - make_interval(days => $1) AND s.parsed IS NOT NULL
          RETURNING 1)
       SELECT count(*)::int AS n FROM reduced`,
      [APPLIED_REPORT_DAYS_KEPT],
    )) as { n: number }[];
    return { deleted: deleted.n, reduced: reduced.n };
  }
}
