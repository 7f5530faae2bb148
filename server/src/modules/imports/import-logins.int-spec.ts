import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_PASSWORD, Fixtures } from '../../test-support/fixtures';
import { GraphQLTestClient, startTestServer, TestServer } from '../../test-support/test-server';
import { dryRunImport } from '../../test-support/import-dry-run';

const HEADER =
  "Nom élève;Nom d'usage élève;Prénom élève;Date naissance;Sexe;INE;Adresse1;Cp1;Commune1;Pays1;Adresse2;Cp2;Commune2;Pays2; Cycle;Niveau;Libellé classe;Identifiant classe;Attestation fournie;Autorisation associations;Autorisation photo;Décision de passage";
const APPLY = `mutation ($id: ID!) { applyImport(sessionId: $id) { created } }`;

/** `count` pupils all named Zélie MARTINEZ-LOGIN, each with her own INE (this file's « 00000880…X ») and birth date. */
function namesakes(first: number, count: number): Buffer {
  const lines = Array.from({ length: count }, (_, i) => {
    const n = first + i;
    return `MARTINEZ-LOGIN;;Zélie;${String(1 + (n % 28)).padStart(2, '0')}/${String(1 + Math.floor(n / 28)).padStart(2, '0')}/2016;F;00000880${String(n).padStart(2, '0')}X;1 rue du Banc;99000;Villefictive;FRANCE;;;;;CYCLE II;CE1;CE1 Mme Exemple;880001;Non;Oui;Oui;`;
  });
  return Buffer.from(`${[HEADER, ...lines].join('\r\n')}\r\n`, 'utf8');
}

describe('« Appliquer »: the logins of many namesakes', () => {
  let server: TestServer;
  let f: Fixtures;
  let d: Awaited<ReturnType<Fixtures['departement']>>;
  let erun: GraphQLTestClient;
  const db = () => server.database.dataSource;
  const loginsOf = async (schoolId: string) =>
    ((await db().query(`SELECT u.login FROM user_structure us JOIN app_user u ON u.id = us.user_id WHERE us.structure_id = $1 AND u.profile = 'STUDENT'`, [schoolId])) as { login: string }[])
      .map((row) => row.login)
      .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  const counters = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `zelie.martinezlogin${from + i}`);

  beforeAll(async () => {
    server = await startTestServer();
    f = new Fixtures(server.database.dataSource, server.services.secretBox);
    d = await f.departement();
    erun = await server.client().signIn(d.erun1.login, FIXTURE_PASSWORD);
  });
  afterAll(async () => server?.close());

  it('gives consecutive counters after the names already taken, then after the hint: not a deleted account\'s, not an alias\'s', async () => {
    // Two logins of the base made before any hint (another name, so no pupil of the file matches them).
    for (const login of ['zelie.martinezlogin', 'zelie.martinezlogin2']) await f.user({ profile: 'STUDENT', login });
    const first = await f.structure('ECOLE', 'École des homonymes', d.c1);
    expect((await erun.data(APPLY, { id: await dryRunImport(erun, first, [['eleves.csv', namesakes(0, 12)]]) })).applyImport.created).toBe(12);
    expect(await loginsOf(first)).toEqual(counters(3, 14));

    // An account of the first école deleted for good: its counter is not given again.
    await db().query(`DELETE FROM app_user WHERE login = 'zelie.martinezlogin5'`);
    // An alias holds a counter the next import would give.
    const holder = await f.user({ profile: 'TEACHER' });
    await db().query(`INSERT INTO account_name (name, user_id, kind) VALUES ('zelie.martinezlogin20', $1, 'ALIAS')`, [holder.id]);
    const second = await f.structure('ECOLE', 'École des homonymes 2', d.c1);
    expect((await erun.data(APPLY, { id: await dryRunImport(erun, second, [['eleves.csv', namesakes(12, 12)]]) })).applyImport.created).toBe(12);
    expect(await loginsOf(second)).toEqual([...counters(15, 19), ...counters(21, 27)]);
    expect(await db().query(`SELECT next_counter FROM login_hint WHERE base = 'zelie.martinezlogin'`)).toEqual([{ next_counter: 28 }]);
  });
});
