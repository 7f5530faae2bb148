import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_PASSWORD, Fixtures } from '../test-support/fixtures';
import { GraphQLTestClient, startTestServer, TestServer } from '../test-support/test-server';

const INVISIBLE = {
  fr: 'Ce champ contient un caractère invisible ou illisible : retapez-le.',
  en: 'This field contains an invisible or unreadable character: type it again.',
};
const NO_SUCH_DATE = {
  fr: "Cette date n'existe pas (format AAAA-MM-JJ).",
  en: 'This date does not exist (format YYYY-MM-DD).',
};
const FORM = { fr: 'Le formulaire contient des erreurs : corrigez les champs signalés.', en: 'The form has errors: fix the fields shown.' };

const LOGIN = 'mutation ($login: String!, $password: String!) { login(login: $login, password: $password) { status } }';
const USERS = 'query ($filter: UserFilter) { users(filter: $filter) { totalCount } }';
const CREATE = 'mutation ($input: CreateUserInput!) { createUser(input: $input) { id } }';
const BLOCK = 'mutation ($userId: ID!, $reason: String) { blockUser(userId: $userId, reason: $reason) { id } }';

/**
 * Text no keyboard types (control characters, lone UTF-16 surrogates) and dates no calendar has are
 * a form error on the field, in both languages, before any resolver runs: PostgreSQL used to refuse
 * them (a NUL byte in text, 2024-13-45 as a date) and the caller got INTERNAL and the log a stack.
 */
describe('bad input text and impossible dates are form errors, whatever the field', () => {
  let server: TestServer;
  let world: Awaited<ReturnType<Fixtures['departement']>>;
  let director: (lang: 'fr' | 'en') => Promise<GraphQLTestClient>;

  beforeAll(async () => {
    server = await startTestServer();
    world = await new Fixtures(server.services.dataSource, server.services.secretBox).departement();
    director = async (lang) => (await new GraphQLTestClient(server.url, lang).signIn(world.directorA.login, FIXTURE_PASSWORD));
  });
  afterAll(() => server?.close());

  /** Rows a rejected request must not have added or changed. */
  const snapshot = async () =>
    server.services.dataSource.query(
      `SELECT (SELECT count(*) FROM app_user) AS users, (SELECT count(*) FROM audit_log) AS audit,
              (SELECT count(*) FROM login_throttle) AS throttle, (SELECT count(*) FROM app_user WHERE blocked_at IS NOT NULL) AS blocked`,
    );

  const newUser = (fields: Record<string, unknown>) => ({ input: { profile: 'TEACHER', firstName: 'Jeanne', lastName: 'Martin', schoolId: world.schoolA, ...fields } });

  const cases: { name: string; anonymous?: boolean; query: string; variables: () => Record<string, unknown>; field: string; text: typeof INVISIBLE }[] = [
    { name: 'a NUL byte in a login', anonymous: true, query: LOGIN, variables: () => ({ login: 'jean\u0000dupont', password: 'x' }), field: 'login', text: INVISIBLE },
    { name: 'a line break in a login', anonymous: true, query: LOGIN, variables: () => ({ login: 'jean\ndupont', password: 'x' }), field: 'login', text: INVISIBLE },
    { name: 'a NUL byte in a users filter', query: USERS, variables: () => ({ filter: { lastName: 'Du\u0000' } }), field: 'lastName', text: INVISIBLE },
    { name: 'a NUL byte in a name', query: CREATE, variables: () => newUser({ firstName: 'Je\u0000anne' }), field: 'firstName', text: INVISIBLE },
    { name: 'a lone surrogate in a name', query: CREATE, variables: () => newUser({ lastName: 'Mar\ud800tin' }), field: 'lastName', text: INVISIBLE },
    { name: 'an escape character in a name', query: CREATE, variables: () => newUser({ lastName: 'Mar\u001btin' }), field: 'lastName', text: INVISIBLE },
    { name: 'a NUL byte in a block reason', query: BLOCK, variables: () => ({ userId: world.teacherA.id, reason: 'motif\u0000' }), field: 'reason', text: INVISIBLE },
    { name: 'birthDate 2024-13-45', query: CREATE, variables: () => newUser({ birthDate: '2024-13-45' }), field: 'birthDate', text: NO_SUCH_DATE },
    { name: 'birthDate 2023-02-29', query: CREATE, variables: () => newUser({ birthDate: '2023-02-29' }), field: 'birthDate', text: NO_SUCH_DATE },
  ];

  it.each(cases)('$name: BAD_USER_INPUT on « $field » in French and English, nothing written', async ({ anonymous, query, variables, field, text }) => {
    const before = await snapshot();
    for (const lang of ['fr', 'en'] as const) {
      const client = anonymous ? new GraphQLTestClient(server.url, lang) : await director(lang);
      const result = await client.request(query, variables());
      expect(result.errors).toEqual([
        expect.objectContaining({ message: FORM[lang], extensions: { code: 'BAD_USER_INPUT', fields: { [field]: text[lang] } } }),
      ]);
    }
    expect(await snapshot()).toEqual(before);
  });

  it('lets multi-line texts keep their line breaks and tabs, and real dates through', async () => {
    const client = await director('fr');
    const blocked = await client.request(BLOCK, { userId: world.teacherA.id, reason: 'Première ligne\n\tseconde ligne\r\nfin' });
    expect(blocked.errors).toBeUndefined();
    const created = await client.request(CREATE, newUser({ firstName: 'Zoé', birthDate: '2024-02-29' }));
    expect(created.errors).toBeUndefined();
  });
});
