import * as iconv from 'iconv-lite';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { Fixtures } from '../test-support/fixtures';
import { startTestServer, TestServer } from '../test-support/test-server';
import { parseImportArgs, runImport, type ImportArgs } from './import-command';

const FIXTURES = join(__dirname, '../modules/imports/fixtures');

describe('npm run admin -- import', () => {
  let server: TestServer;
  let f: Fixtures;
  let dir: string;
  let eleves: string;
  let responsables: string;

  beforeAll(async () => {
    server = await startTestServer();
    f = new Fixtures(server.database.dataSource, server.services.secretBox);
    dir = mkdtempSync(join(tmpdir(), 'preau-import-cli-'));
    // ONDE's own bytes: Windows-1252.
    eleves = join(dir, 'eleves.csv');
    responsables = join(dir, 'responsables.csv');
    writeFileSync(eleves, iconv.encode(readFileSync(join(FIXTURES, 'onde-eleves.csv'), 'utf8'), 'win1252'));
    writeFileSync(responsables, iconv.encode(readFileSync(join(FIXTURES, 'onde-responsables.csv'), 'utf8'), 'win1252'));
  });
  afterEach(() => vi.restoreAllMocks());
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await server?.close();
  });

  const db = () => server.database.dataSource;
  let progress: string[] = [];
  const printed = () => {
    const lines: string[] = [];
    progress = [];
    vi.spyOn(console, 'log').mockImplementation((line: unknown) => void lines.push(String(line)));
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk: unknown) => progress.push(String(chunk)) > 0);
    return lines;
  };
  const run = (args: string[]) => {
    const parsed = parseImportArgs(args);
    if (typeof parsed === 'string') throw new Error(parsed);
    return runImport(server.services, db(), 'http://preau.test', parsed as ImportArgs);
  };
  const pupilsOf = async (schoolId: string) =>
    Number((await db().query(`SELECT count(*) AS n FROM user_structure us JOIN app_user u ON u.id = us.user_id WHERE us.structure_id = $1 AND u.profile = 'STUDENT'`, [schoolId]))[0].n);

  it('reads the command line: files in any place, --ecole, --apply, a typed number; says what is missing', () => {
    expect(parseImportArgs(['a.csv', '--ecole', '0260001A', 'b.csv', '--apply', '--confirmer-absents', '12'])).toEqual({
      files: ['a.csv', 'b.csv'],
      uai: '0260001A',
      apply: true,
      confirmLeavers: 12,
      operatorLogin: null,
    });
    expect(parseImportArgs(['a.csv'])).toBe("Il manque l'école : --ecole <UAI>");
    expect(parseImportArgs(['--ecole', '0260001A'])).toMatch(/^Il manque les fichiers/);
    expect(parseImportArgs(['a.csv', '--ecole', '0260001A', '--confirmer-absents', 'dix'])).toMatch(/attend un nombre/);
    expect(parseImportArgs(['a.csv', '--ecole', '0260001A', '--vite'])).toBe('Option inconnue « --vite ».');
  });

  it('simulates for an operator (totals printed, nothing written), then applies with --apply; an unknown UAI is said in French', async () => {
    const d = await f.departement();
    await db().query(`UPDATE structure SET code = '0269901K' WHERE id = $1`, [d.schoolB]);
    const users = async () => Number((await db().query('SELECT count(*) AS n FROM app_user'))[0].n);
    const before = await users();

    const out = printed();
    expect(await run([responsables, eleves, '--ecole', '0269901k', '--par', d.operator.login])).toBe(0);
    expect(await users()).toBe(before);
    expect(out.find((line) => line.startsWith('eleves.csv'))).toMatch(/^eleves\.csv : ONDE « Élèves », Windows-1252 \(.*é.*\), 6 lignes$/);
    expect(out.find((line) => line.startsWith('Élèves'))).toMatch(/^Élèves\s+6\s+0\s+0/);
    expect(out.some((line) => line.startsWith('Parents'))).toBe(true);
    expect(out.join('\n')).toContain("Rien n'a été enregistré");
    const [session] = await db().query(`SELECT creator_id AS "creatorId", status FROM import_session WHERE school_id = $1`, [d.schoolB]);
    expect(session).toEqual({ creatorId: d.operator.id, status: 'DRY_RUN' });

    const applied = printed();
    expect(await run([eleves, responsables, '--ecole', '0269901K', '--apply', '--par', d.operator.login])).toBe(0);
    expect(applied.at(-1)).toMatch(/^Comptes créés : 10, modifiés : 0/);
    // The apply's own steps as a percentage (piped here: a line at each tenth), up to 100 % once committed.
    const percents = progress.map((line) => /\] +(\d+) % \((\d+)\/(\d+)\) (Vérification|Application|Import appliqué)/.exec(line)).filter((m) => m !== null);
    expect(percents.length).toBeGreaterThan(2);
    expect(percents.map((m) => Number(m[1]))).toEqual([...percents.map((m) => Number(m[1]))].sort((a, b) => a - b));
    expect(percents.at(-1)!.slice(1)).toEqual(['100', percents.at(-1)![3], percents.at(-1)![3], 'Import appliqué']);
    expect(percents.some((m) => m[4] === 'Application' && Number(m[1]) > 0 && Number(m[1]) < 100)).toBe(true);
    expect(await pupilsOf(d.schoolB)).toBe(6);

    await expect(run([eleves, '--ecole', '0269999X', '--par', d.operator.login])).rejects.toMatchObject({ text: { fr: 'Aucune école n\'a l\'UAI « 0269999X ».' } });
  });
});
