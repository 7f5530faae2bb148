import type { DataSource, EntityManager } from 'typeorm';
import { displayName, type Actor } from '../../platform/auth/actor';
import type { SecretBox } from '../../platform/crypto/secret-box';
import type { EventBus } from '../../platform/pubsub/event-bus';
import type { AuditService } from '../audit';
import { applyRefusal } from './import-apply-errors';
import { ClassOperation, isDecidable, LineOperation, type ImportReport, type ReportLine } from './import-report';
import { planImport, restoredPlan } from './import-planner';
import { ImportProgress, type ImportPhase } from './import-progress';
import { planInput, type ImportService, type StoredImportSession } from './import.service';
import { ImportWriter, type ImportOutcome } from './import-writer';
import type { ParsedFile } from './parsed-file';
import type { Resolutions } from './pupil-planner';
import { SchoolSnapshotReader } from './school-snapshot';
import { snapshotFingerprint } from './snapshot-fingerprint';

/** « À arbitrer » decided: the line (its profile and number in its file) and the account chosen, or null to create one. */
export interface ImportResolution {
  profile: string;
  line: number;
  userId: string | null;
}

const lineKey = (line: Pick<ReportLine, 'profile' | 'line'>) => `${line.profile}:${line.line}`;
const where = (line: ReportLine) => `${line.file ?? ''} : ${line.line}`;

/** Lines the admin may decide: « À arbitrer », and guardians with a « même adresse » proposal. */
function decidable(report: ImportReport): Map<string, ReportLine> {
  return new Map(report.lines.filter(isDecidable).map((line) => [lineKey(line), line]));
}

/**
 * « Appliquer »: what the école holds read again under lock and checked against the dry run's
 * fingerprint, then the dry run's plan (or, with decisions, the files planned again) written in
 * one transaction for the école. Refused when what the dry run read has changed
 * (the fingerprint), while a line is still « À arbitrer », or when many leave and the number was
 * not typed. The session's row lock serialises two applies of one dry run; the second finds it
 * applied and answers what the first did.
 */
export class ImportApplyService {
  constructor(
    private readonly db: DataSource,
    private readonly imports: ImportService,
    private readonly audit: AuditService,
    private readonly secretBox: SecretBox,
    private readonly events: EventBus,
  ) {}

  /**
   * « Appliquer », its progress sent to the creator's (a token's: its client's) `importProgress` as
   * it goes, the last step once committed; `onStep` gets every step too (the command line's percentage).
   */
  async apply(
    actor: Actor,
    sessionId: string,
    resolutions: ImportResolution[],
    confirmLeavers: number | null,
    clientAddress: string | null,
    onStep: (phase: ImportPhase, done: number, total: number) => void = () => undefined,
  ): Promise<ImportOutcome> {
    const session = await this.imports.session(actor, sessionId); // NOT_FOUND unless the caller's, in scope
    const decisions = this.decisions(session.report, resolutions);
    const progress = new ImportProgress(this.events, sessionId, actor.userId, actor.integration?.clientId ?? null);
    let steps = 1;
    progress.step('CHECKING', 0, steps);
    onStep('CHECKING', 0, steps);
    try {
      const outcome = await this.applyOnce(actor, session, decisions, confirmLeavers, clientAddress, (done, total) => {
        steps = total;
        progress.step('WRITING', done, total);
        onStep('WRITING', done, total);
      });
      await progress.finish('APPLIED', steps, steps);
      onStep('APPLIED', steps, steps);
      return outcome;
    } catch (error) {
      progress.cancel();
      throw error;
    }
  }

  private applyOnce(
    actor: Actor,
    session: StoredImportSession,
    decisions: Resolutions,
    confirmLeavers: number | null,
    clientAddress: string | null,
    onStep: (done: number, total: number) => void,
  ): Promise<ImportOutcome> {
    const sessionId = session.id;
    return this.db.transaction(async (manager) => {
      // The commit does not wait for the WAL flush (as a sign-in's, `session.service.ts`): a
      // département is one transaction per école, and waiting for the disk at each took about as
      // long as writing the école. Only a crash of PostgreSQL itself in the next fraction of a second
      // could lose the école's import, whole (its session back to « simulation », its audit line
      // gone): « Appliquer » again then imports it. Nothing is ever half written. No JIT either: the
      // estimates of an école's set-based statements on a large département crossed its threshold,
      // and compiling took longer than running them.
      await manager.query(`SELECT set_config('synchronous_commit', 'off', true), set_config('jit', 'off', true)`);
      const [row] = (await manager.query('SELECT status, parsed, fingerprint, outcome, plan FROM import_session WHERE id = $1 FOR UPDATE', [sessionId])) as {
        status: string;
        parsed: ParsedFile[] | null;
        fingerprint: string | null;
        outcome: ImportOutcome | null;
        plan: unknown;
      }[];
      if (row.status === 'APPLIED') return row.outcome!;
      if (!row.parsed || !row.fingerprint) throw applyRefusal.stale();
      // One import at a time per école, and the accounts the report writes held still while it is
      // checked and written. An unchanged line writes nothing to its account (its memberships and
      // links are there already; a missing one is added under the foreign key's own lock), so a
      // re-import that changes nothing locks — and writes — no account.
      await manager.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`import:${session.schoolId}`]);
      const named = [
        ...new Set(
          session.report.lines
            .filter((line) => line.operation !== LineOperation.UNCHANGED)
            .flatMap((line) => [line.userId, ...line.candidates.map((c) => c.userId)])
            .filter((id): id is string => !!id),
        ),
      ];
      if (named.length) await manager.query('SELECT 1 FROM app_user WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE', [named]);
      const snapshot = await new SchoolSnapshotReader(manager).read(session.schoolId, row.parsed, actor.scope);
      if (snapshotFingerprint(snapshot) !== row.fingerprint) throw applyRefusal.stale();

      // Nothing the dry run read has changed: without decisions, its plan is what planning again would give.
      const { report, actions } =
        decisions.size === 0 && row.plan
          ? { report: session.report, actions: restoredPlan(row.plan, row.parsed) }
          : planImport(planInput(session.schoolId, session.report.schoolName, row.parsed, snapshot), decisions);
      const open = report.lines.filter((line) => line.operation === LineOperation.ARBITRATE);
      if (open.length) throw applyRefusal.unresolved(open.map(where).join(' ; '));
      const required = report.leavers?.confirmationRequired ?? null;
      if (required !== null && confirmLeavers !== required) throw applyRefusal.confirmLeavers(required);

      const outcome = await new ImportWriter(manager, this.secretBox, session.schoolId, onStep).apply(actions);
      await this.record(manager, actor, clientAddress, report, sessionId, outcome);
      await manager.query(`UPDATE import_session SET status = 'APPLIED', applied_at = now(), outcome = $2 WHERE id = $1`, [sessionId, JSON.stringify(outcome)]);
      return outcome;
    });
  }

  /** The admin's choices, checked against the report they were made on. */
  private decisions(report: ImportReport, resolutions: ImportResolution[]): Resolutions {
    const lines = decidable(report);
    const decisions: Resolutions = new Map();
    const chosen = new Set<string>();
    for (const resolution of resolutions) {
      const key = `${resolution.profile}:${resolution.line}`;
      const line = lines.get(key);
      const refused = () => applyRefusal.badResolution(resolution.profile, resolution.line, line?.file ?? null);
      if (!line || decisions.has(key)) throw refused();
      if (resolution.userId !== null) {
        if (!line.candidates.some((c) => c.userId === resolution.userId) || chosen.has(resolution.userId)) throw refused();
        chosen.add(resolution.userId);
      }
      decisions.set(key, resolution.userId);
    }
    return decisions;
  }

  /**
   * The audit line, found by the école's admins and those above it (its structure), with the counts
   * written and the report's summary — the files as read, the totals, the classes created or
   * renamed, the families, the leavers: the audit log is never purged, so they outlive the session,
   * whose lines (names) only its creator reads.
   */
  private record(manager: EntityManager, actor: Actor, clientAddress: string | null, report: ImportReport, sessionId: string, outcome: ImportOutcome) {
    const { createdUserIds: _ids, ...counts } = outcome;
    const summary = {
      files: report.files.map(({ fileName, kind, encoding, rows }) => ({ fileName, kind, encoding, rows })),
      totals: report.totals,
      classes: report.classes.filter((plan) => plan.operation !== ClassOperation.UNCHANGED).map(({ operation, name, oldName, pupils }) => ({ operation, name, oldName, pupils })),
      families: report.families,
      leavers: report.leavers ? { pupils: report.leavers.pupils, relatives: report.leavers.relatives, withheld: report.leavers.withheld?.code ?? null } : null,
    };
    return this.audit.record(
      {
        actorId: actor.userId,
        actorLabel: `${displayName(actor)} (${actor.login})`,
        action: 'USERS_IMPORTED',
        structureId: report.schoolId,
        clientAddress,
        // Applied by software: the client is named beside its creator (the label's login names it too).
        details: {
          ...counts,
          schoolId: report.schoolId,
          schoolName: report.schoolName,
          sessionId,
          report: summary,
          ...(actor.integration ? { client: actor.integration.clientName, clientId: actor.integration.clientId } : {}),
        },
      },
      manager,
    );
  }
}
