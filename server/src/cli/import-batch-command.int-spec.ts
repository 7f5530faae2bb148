import * as iconv from 'iconv-lite';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { Fixtures } from '../test-support/fixtures';
import { startTestServer, TestServer } from '../test-support/test-server';
import { parseImportBatchArgs, runImportBatch, type ImportBatchArgs } from './import-batch-command';

const FIXTURES = join(__dirname, '../modules/imports/fixtures');
const onde = (name: string) => iconv.encode(readFileSync(join(FIXTURES, name), 'utf8'), 'win1252');

describe('npm run admin -- import --lot', () => {
  let server: TestServer;
  let f: Fixtures;
  let lot: string;

  beforeAll(async () => {
    server = await startTestServer();
    f = new Fixtures(server.database.dataSource, server.services.secretBox);
    lot = mkdtempSync(join(tmpdir(), 'preau-import-lot-'));
  });
  afterEach(() => vi.restoreAllMocks());
  afterAll(async () => {
    rmSync(lot, { recursive: true, force: true });
    await server?.close();
  });

  const db = () => server.database.dataSource;
  const printed = () => {
    const lines: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((line: unknown) => void lines.push(String(line)));
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    return lines;
  };
  const run = (args: string[]) => {
    const parsed = parseImportBatchArgs(args);
    if (typeof parsed === 'string') throw new Error(parsed);
    return runImportBatch(server.services, db(), 'http://preau.test', parsed as ImportBatchArgs);
  };
  const counts = async () => (await db().query(`SELECT (SELECT count(*) FROM app_user)::int AS users, (SELECT count(*) FROM audit_log WHERE action = 'USERS_IMPORTED')::int AS audits`))[0];

  it('reads its command line and says what does not go with a batch', () => {
    expect(parseImportBatchArgs(['--lot', '/tmp/x', '--apply'])).toEqual({ folder: '/tmp/x', apply: true, operatorLogin: null });
    expect(parseImportBatchArgs(['--lot'])).toBe('Il manque la valeur de --lot.');
    expect(parseImportBatchArgs(['--lot', '/tmp/x', '--ecole', '0260001A'])).toMatch(/^--ecole ne va pas avec --lot/);
    expect(parseImportBatchArgs(['--lot', '/tmp/x', 'eleves.csv'])).toMatch(/^Avec --lot, les fichiers sont dans les sous-dossiers/);
  });

  it('imports each école of the folder in turn; a refused école is said and does not stop the others', async () => {
    const d = await f.departement();
    await db().query(`UPDATE structure SET code = '0268801A' WHERE id = $1`, [d.schoolA]);
    await db().query(`UPDATE structure SET code = '0268802B' WHERE id = $1`, [d.schoolB]);
    for (const [uai, files] of [
      ['0268801A', { 'eleves.csv': onde('onde-eleves.csv'), 'responsables.csv': onde('onde-responsables.csv') }],
      ['0268802B', { 'eleves.csv': Buffer.alloc(0) }],
      ['0269999X', { 'eleves.csv': onde('onde-eleves.csv') }],
    ] as const) {
      mkdirSync(join(lot, uai));
      for (const [name, bytes] of Object.entries(files)) writeFileSync(join(lot, uai, name), bytes);
    }
    const before = await counts();

    const simulated = printed();
    expect(await run(['--lot', lot, '--par', d.operator.login])).toBe(1);
    expect(await counts()).toEqual(before);
    expect(simulated).toContain('0268801A École A : 10 comptes créés, 0 modifié (simulation).');
    expect(simulated.find((line) => line.startsWith('0268802B École B : non simulé.'))).toContain('est vide');
    expect(simulated.find((line) => line.startsWith('0269999X : non simulé.'))).toContain('0269999X');
    expect(simulated).toContain('1 école simulée sur 3 ; 2 écoles refusées, à reprendre.');

    const applied = printed();
    expect(await run(['--lot', lot, '--apply', '--par', d.operator.login])).toBe(1);
    expect(applied).toContain('0268801A École A : 10 comptes créés, 0 modifié.');
    expect(applied).toContain('1 école appliquée sur 3 ; 2 écoles refusées, à reprendre.');
    expect(await counts()).toEqual({ users: before.users + 10, audits: before.audits + 1 });
    const pupils = await db().query(`SELECT count(*)::int AS n FROM user_structure us JOIN app_user u ON u.id = us.user_id WHERE us.structure_id = $1 AND u.profile = 'STUDENT' AND u.source = 'ONDE_CSV'`, [d.schoolA]);
    expect(pupils).toEqual([{ n: 6 }]);
  });
});
