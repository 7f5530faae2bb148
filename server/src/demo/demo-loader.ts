import type { ClientBase } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { DataSource } from 'typeorm';
import { hashPassword } from '../platform/auth/password-hasher';
import type { SecretBox } from '../platform/crypto/secret-box';
import { Profile } from '../platform/model/profile';
import { COPY_TABLES, CopyTable, copyStatement, UserSecrets } from './copy-format';
import { DemoChunk, DemoOptions, generateDemoDirectory, planDemoDirectory, UserRow } from './demo-generator';

/** The password of every activated demo account (meets the default rule: ≥ 8, lower, upper, digit). */
export const DEMO_PASSWORD = 'Preau-Demo-2026!';

/** Tables emptied by `reset` (CASCADE also empties whatever references them, e.g. sessions later). */
export const DIRECTORY_TABLES = [
  'admin_function',
  'relative_link',
  'class_member',
  'user_structure',
  'account_name',
  'login_hint',
  'school_class',
  'user_session',
  'app_user',
  'structure',
] as const;

/** Serialises concurrent loaders (two servers starting on one empty database). */
const LOAD_LOCK_KEY = 0x70726561; // "prea"

export interface DemoProgress {
  chunk: number;
  chunks: number;
  users: number;
  estimatedUsers: number;
  elapsedMs: number;
}

export interface LoadDemoOptions extends DemoOptions {
  /** A hash of DEMO_PASSWORD computed beforehand (else hashed once here). */
  passwordHash?: string;
  /** Empty the directory tables first, in the same transaction. */
  reset?: boolean;
  onProgress?: (progress: DemoProgress) => void;
}

export interface DemoLoadSummary {
  seed: number;
  targetUsers: number;
  /** Rows written per table. */
  rows: Record<string, number>;
  profiles: Record<Profile, number>;
  activated: number;
  notActivated: number;
  circonscriptions: number;
  schools: number;
  classes: number;
  elapsedMs: number;
}

async function copyRows(client: ClientBase, target: CopyTable<unknown>, data: string): Promise<void> {
  const stream = client.query(copyFrom(copyStatement(target)));
  await new Promise<void>((resolve, reject) => {
    stream.on('error', reject);
    stream.on('finish', resolve);
    stream.end(data);
  });
}

/** COPY one chunk, table after table in foreign-key order. */
async function copyChunk(client: ClientBase, chunk: DemoChunk, secrets: UserSecrets, rows: Record<string, number>): Promise<void> {
  for (const target of COPY_TABLES) {
    const items = target.rows(chunk);
    if (!items.length) continue;
    let data = '';
    for (const item of items) data += target.line(item, secrets);
    await copyRows(client, target, data);
    rows[target.table] = (rows[target.table] ?? 0) + items.length;
  }
}

/** True when the directory already holds structures or accounts. */
export async function hasDirectoryData(client: ClientBase): Promise<boolean> {
  const { rows } = await client.query<{ found: boolean }>(
    'SELECT EXISTS (SELECT 1 FROM structure) OR EXISTS (SELECT 1 FROM app_user) AS found',
  );
  return rows[0].found;
}

/**
 * Loads the demo département through COPY on `client`, in one transaction. Returns false, changing
 * nothing, when the directory is not empty (unless `reset`).
 */
export async function loadDemoDataWithClient(
  client: ClientBase,
  secretBox: SecretBox,
  options: LoadDemoOptions = {},
): Promise<DemoLoadSummary | false> {
  const started = Date.now();
  const plan = planDemoDirectory(options);
  // Hash before the transaction: ~20 ms of argon2 once, never per account.
  const passwordHash = options.passwordHash ?? (await hashPassword(DEMO_PASSWORD));
  const secrets: UserSecrets = { passwordHash, seal: (code) => secretBox.seal(code) };
  const rows: Record<string, number> = Object.fromEntries(COPY_TABLES.map((t) => [t.table, 0]));
  const profiles = Object.fromEntries(Object.values(Profile).map((p) => [p, 0])) as Record<Profile, number>;
  let activated = 0;
  let users = 0;

  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock($1)', [LOAD_LOCK_KEY]);
    if (options.reset) {
      await client.query(`TRUNCATE ${DIRECTORY_TABLES.map((t) => `"${t}"`).join(', ')} CASCADE`);
    } else if (await hasDirectoryData(client)) {
      await client.query('ROLLBACK');
      return false;
    }
    for (const chunk of generateDemoDirectory(options)) {
      await copyChunk(client, chunk, secrets, rows);
      for (const user of chunk.users as UserRow[]) {
        profiles[user.profile]++;
        if (user.activated) activated++;
      }
      users += chunk.users.length;
      options.onProgress?.({ chunk: chunk.index + 1, chunks: chunk.total, users, estimatedUsers: plan.estimatedUsers, elapsedMs: Date.now() - started });
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
  return {
    seed: plan.seed,
    targetUsers: plan.targetUsers,
    rows,
    profiles,
    activated,
    notActivated: users - activated,
    circonscriptions: plan.circonscriptions.length,
    schools: plan.schools,
    classes: plan.classes,
    elapsedMs: Date.now() - started,
  };
}

/**
 * Loads the demo département into an empty database through one connection of the TypeORM pool.
 * Returns false (and changes nothing) when the database already has structures or accounts.
 */
export async function loadDemoData(
  dataSource: DataSource,
  secretBox: SecretBox,
  options: LoadDemoOptions = {},
): Promise<DemoLoadSummary | false> {
  const runner = dataSource.createQueryRunner('master');
  try {
    const client = (await runner.connect()) as ClientBase;
    return await loadDemoDataWithClient(client, secretBox, options);
  } finally {
    await runner.release();
  }
}
