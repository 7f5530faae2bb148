import { DataSource } from 'typeorm';
import { logger } from '../../platform/logging/logger';
import type { Mailer } from '../../platform/mail/mailer';
import { AuditService } from '../audit';
import { expiryWarningMail } from './expiry-warning.mail';

/** The warnings sent before a client's expiry, in days, furthest first. */
export const EXPIRY_WARNING_DAYS = [14, 3] as const;

interface DueRow {
  id: string;
  name: string;
  expires_at: Date;
  structure_name: string;
  email: string | null;
  first_name: string;
  due: number;
}

/**
 * Tells a client's creator by e-mail that its token expires in 14 days, then in 3 (issue 20,
 * item 1), once each: `expiry_warned_days` keeps the last one sent and a rotation with a new expiry
 * clears it. One client per transaction, locked with SKIP LOCKED, so instances running the job at
 * once share the work; a send that fails rolls its mark back and is tried again at the next run.
 * A creator without an address is marked warned all the same: the console's page shows the notice.
 */
export class ExpiryWarningsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly mailer: Mailer,
    private readonly audit: AuditService,
    private readonly publicUrl: string,
  ) {}

  /** Sends the warnings now due; answers how many clients were warned. */
  async sendDue(): Promise<number> {
    // An instance that cannot send leaves the warnings to one that can (as with campaigns).
    if (!this.mailer.canSend) return 0;
    let warned = 0;
    for (;;) {
      const sent = await this.dataSource.transaction(async (manager) => {
        const [row] = (await manager.query(
          `SELECT c.id, c.name, c.expires_at, s.name AS structure_name, u.email, u.first_name, d.due
             FROM api_client c
             JOIN structure s ON s.id = c.root_structure_id
             JOIN app_user u ON u.id = c.created_by_id,
             LATERAL (SELECT min(w.n) AS due FROM unnest($1::int[]) AS w(n) WHERE c.expires_at <= now() + make_interval(days => w.n)) d
            WHERE c.revoked_at IS NULL AND c.expires_at > now() AND c.expires_at <= now() + make_interval(days => $2)
              AND d.due < COALESCE(c.expiry_warned_days, 2147483647)
            ORDER BY c.expires_at
            LIMIT 1
            FOR UPDATE OF c SKIP LOCKED`,
          [EXPIRY_WARNING_DAYS, EXPIRY_WARNING_DAYS[0]],
        )) as DueRow[];
        if (!row) return false;
        await manager.query('UPDATE api_client SET expiry_warned_days = $2 WHERE id = $1', [row.id, row.due]);
        const mailed = !!row.email;
        await this.audit.record(
          {
            actorId: null,
            actorLabel: null,
            action: 'API_CLIENT_EXPIRY_WARNED',
            details: { client: row.name, clientId: row.id, days: row.due, expiresAt: row.expires_at.toISOString(), mailed },
          },
          manager,
        );
        if (mailed) {
          const days = Math.max(1, Math.floor((row.expires_at.getTime() - Date.now()) / 86_400_000));
          const mail = expiryWarningMail({
            firstName: row.first_name,
            client: row.name,
            structure: row.structure_name,
            expiresAt: row.expires_at,
            days,
            link: `${this.publicUrl}/admin/applications-connectees`,
          });
          const result = await this.mailer.send({ to: row.email!, ...mail });
          // Refused by the relay: not worth retrying every hour; the console still shows the notice.
          if (!result.delivered) logger.warn('API client expiry warning not delivered', { clientId: row.id, error: result.error });
        }
        return true;
      });
      if (!sent) return warned;
      warned++;
    }
  }
}
