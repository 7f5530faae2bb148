import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { Actor } from '../../platform/auth/actor';
import { SqlParams } from '../../platform/database/sql-builder';
import { isUuid } from '../../platform/database/uuid';
import { AppError } from '../../platform/errors/app-error';
import { parseImportFile } from './import-file-parser';
import { planImport, storedPlan, type PlanInput } from './import-planner';
import type { ImportOutcome } from './import-writer';
import { snapshotFingerprint, type SchoolSnapshot } from './snapshot-fingerprint';
import { madeByCaller } from '../../platform/auth/caller-made';
import { refuse } from './import-refusals';
import type { ImportReport } from './import-report';
import { ImportFileKind, type ParsedFile } from './parsed-file';
import { SchoolSnapshotReader } from './school-snapshot';

export interface UploadedFile {
  name: string;
  bytes: Buffer;
}

export interface StoredImportSession {
  id: string;
  schoolId: string;
  createdAt: Date;
  report: ImportReport;
  status: 'DRY_RUN' | 'APPLIED';
  appliedAt: Date | null;
  outcome: ImportOutcome | null;
}

/** The planner's input from a snapshot. */
export function planInput(schoolId: string, schoolName: string, files: ParsedFile[], snapshot: SchoolSnapshot): PlanInput {
  return {
    schoolId,
    schoolName,
    files,
    classes: snapshot.classes,
    pupils: snapshot.pupils,
    relatives: snapshot.relatives,
    pupilsByIne: new Map(snapshot.elsewhere.map((pupil) => [pupil.externalId!, pupil])),
    relativesByContact: snapshot.byContact,
  };
}

const pupilKinds = [ImportFileKind.ONDE_PUPILS, ImportFileKind.PREAU_PUPILS];

/** « Importer des utilisateurs », the dry run: files read, matched against the école, nothing written but the report. */
export class ImportService {
  private readonly snapshot: SchoolSnapshotReader;

  constructor(private readonly db: DataSource) {
    this.snapshot = new SchoolSnapshotReader(db);
  }

  /** An école of the caller's scope, or NOT_FOUND (a circonscription id is not an école to import into). */
  private async school(actor: Actor, schoolId: string): Promise<{ id: string; name: string }> {
    if (!isUuid(schoolId)) throw AppError.notFound();
    const params = new SqlParams();
    const [row] = await this.db.query(
      `SELECT s.id, s.name FROM structure s WHERE s.id = ${params.add(schoolId, 'uuid')} AND s.kind = 'ECOLE' AND ${actor.scope.contains('s.id', params)}`,
      params.values,
    );
    if (!row) throw AppError.notFound();
    return row;
  }

  /** Reads the files (any order: their headers tell which is which), simulates, stores the report; returns its id. */
  async dryRun(actor: Actor, schoolId: string, uploads: UploadedFile[]): Promise<string> {
    const school = await this.school(actor, schoolId);
    if (uploads.length === 0) throw refuse.noFile();
    if (uploads.length > 2) throw refuse.tooManyFiles();
    const files: ParsedFile[] = [];
    for (const upload of uploads) files.push(await parseImportFile(upload.bytes, upload.name));
    const pupilFiles = files.filter((file) => pupilKinds.includes(file.diagnostics.kind));
    if (pupilFiles.length > 1) throw refuse.sameKindTwice(pupilFiles.map((file) => file.diagnostics.kind));
    if (files.length - pupilFiles.length > 1) throw refuse.sameKindTwice([ImportFileKind.ONDE_GUARDIANS]);
    const ordered = [...pupilFiles, ...files.filter((file) => !pupilFiles.includes(file))];

    const snapshot = await this.snapshot.read(school.id, ordered, actor.scope);
    const { report, actions } = planImport(planInput(school.id, school.name, ordered, snapshot));
    const hash = createHash('sha256');
    const orderedUploads = ordered.map((file) => uploads[files.indexOf(file)]);
    for (const upload of orderedUploads) hash.update(createHash('sha256').update(upload.bytes).digest());
    const [row] = await this.db.query(
      `INSERT INTO import_session (creator_id, api_client_id, school_id, files_hash, report, parsed, fingerprint, plan) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [
        actor.userId,
        actor.integration?.clientId ?? null,
        school.id,
        hash.digest('hex'),
        JSON.stringify(report),
        JSON.stringify(ordered),
        snapshotFingerprint(snapshot),
        JSON.stringify(storedPlan(actions)),
      ],
    );
    return row.id;
  }

  /** A dry run of the caller's own (a token's: its client's), on an école still in their scope; anything else is NOT_FOUND. */
  async session(actor: Actor, id: string): Promise<StoredImportSession> {
    if (!isUuid(id)) throw AppError.notFound();
    const params = new SqlParams();
    const [row] = await this.db.query(
      `SELECT i.id, i.school_id AS "schoolId", i.created_at AS "createdAt", i.report, i.status, i.applied_at AS "appliedAt", i.outcome
         FROM import_session i
        WHERE i.id = ${params.add(id, 'uuid')} AND ${madeByCaller(actor, 'i', params)} AND ${actor.scope.contains('i.school_id', params)}`,
      params.values,
    );
    if (!row) throw AppError.notFound();
    return row;
  }
}
