import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_PASSWORD, Fixtures } from '../../test-support/fixtures';
import { mailText, SmtpSink } from '../../test-support/smtp-sink';
import { startTestServer, TestServer } from '../../test-support/test-server';

const GENERATE = 'mutation ($id: ID!) { generateRenewalCode(userId: $id) { code expiresAt } }';
const RESET = 'mutation ($input: ResetPasswordInput!) { resetPasswordWithCode(input: $input) }';

describe('password renewal codes', () => {
  let server: TestServer;
  let smtp: SmtpSink;
  let fixtures: Fixtures;
  let world: Awaited<ReturnType<Fixtures['departement']>>;
  const as = (account: { login: string }) => server.client().signIn(account.login, FIXTURE_PASSWORD);

  beforeAll(async () => {
    smtp = new SmtpSink();
    const smtpUrl = await smtp.start();
    server = await startTestServer({ env: { SMTP_URL: smtpUrl, PUBLIC_URL: 'https://ent.exemple.fr' } });
    fixtures = new Fixtures(server.services.dataSource, server.services.secretBox);
    world = await fixtures.departement();
  });
  afterAll(async () => {
    await server?.close();
    await smtp?.stop();
  });

  it('director generates a code; the pupil signs in with it, sets a new password, and the code is spent', async () => {
    const pupil = await fixtures.user({ profile: 'STUDENT', schools: [world.schoolA], classes: [world.classA1] });
    const director = await as(world.directorA);
    const { generateRenewalCode } = await director.data(GENERATE, { id: pupil.id });
    expect(generateRenewalCode.code).toMatch(/^[abcdefghjkmnprstvwxyz3456789]{8}$/);
    const hours = (new Date(generateRenewalCode.expiresAt).getTime() - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(23.9);
    expect(hours).toBeLessThanOrEqual(24);
    const [stored] = await server.services.dataSource.query('SELECT code_hash FROM renewal_code WHERE user_id = $1', [pupil.id]);
    expect(stored.code_hash).toMatch(/^\$argon2id\$/);
    expect(stored.code_hash).not.toContain(generateRenewalCode.code);

    const browser = server.client();
    expect((await browser.login(pupil.login, generateRenewalCode.code)).data?.login.status).toBe('RENEWAL_REQUIRED');
    expect(browser.cookie).toBeUndefined();
    const mistyped = await browser.request(RESET, {
      input: { login: pupil.login, renewalCode: generateRenewalCode.code, loginConfirmation: 'quelqu.un', password: 'Nouveau-Cahier-3', passwordConfirmation: 'Nouveau-Cahier-3' },
    });
    expect(mistyped.errors?.[0].extensions?.fields).toEqual({ loginConfirmation: "Ce n'est pas votre identifiant : retapez-le exactement." });
    expect(await browser.data(RESET, {
      input: { login: pupil.login, renewalCode: generateRenewalCode.code, loginConfirmation: pupil.login, password: 'Nouveau-Cahier-3', passwordConfirmation: 'Nouveau-Cahier-3' },
    })).toEqual({ resetPasswordWithCode: true });

    expect((await server.client().login(pupil.login, 'Nouveau-Cahier-3')).data?.login.status).toBe('SIGNED_IN');
    expect((await server.client().login(pupil.login, generateRenewalCode.code)).errors?.[0].extensions?.code).toBe('BAD_CREDENTIALS');
    expect((await server.client().login(pupil.login, FIXTURE_PASSWORD)).errors?.[0].extensions?.code).toBe('BAD_CREDENTIALS');
    const actions = await server.services.dataSource.query('SELECT action FROM audit_log WHERE target_user_id = $1 ORDER BY id', [pupil.id]);
    expect(actions.map((a: { action: string }) => a.action)).toEqual(['RENEWAL_CODE_GENERATED', 'PASSWORD_CHANGED']);
  });

  it('lets a teacher generate codes for the pupils of their own class only', async () => {
    const ownPupil = await fixtures.user({ profile: 'STUDENT', schools: [world.schoolA], classes: [world.classA1] });
    const otherClassPupil = await fixtures.user({ profile: 'STUDENT', schools: [world.schoolA], classes: [world.classA2] });
    const teacher = await as(world.teacherA);
    expect((await teacher.data(GENERATE, { id: ownPupil.id })).generateRenewalCode.code).toHaveLength(8);
    const refused = await teacher.request(GENERATE, { id: otherClassPupil.id });
    expect(refused.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    // Nor for a colleague, even in the same class.
    expect((await teacher.request(GENERATE, { id: world.directorA.id })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('answers "not found" to a director of another school, and to a pupil', async () => {
    expect((await (await as(world.directorZ)).request(GENERATE, { id: world.pupilA.id })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect((await (await as(world.erun2)).request(GENERATE, { id: world.pupilA.id })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect((await (await as(world.pupilZ)).request(GENERATE, { id: world.pupilA.id })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const codes = await server.services.dataSource.query('SELECT count(*)::int AS n FROM renewal_code WHERE user_id = $1', [world.pupilA.id]);
    expect(codes[0].n).toBe(0);
  });

  it('refuses a code for an account not activated yet, pointing to the activation code', async () => {
    const fresh = await fixtures.user({ profile: 'STUDENT', schools: [world.schoolA], activationCode: 'rs3tv4wx' });
    const result = await (await as(world.directorA)).request(GENERATE, { id: fresh.id });
    expect(result.errors?.[0]).toMatchObject({ extensions: { code: 'NOT_ACTIVATED' }, message: expect.stringContaining("code d'activation") });
  });

  it('revokes the previous code when a new one is generated', async () => {
    const pupil = await fixtures.user({ profile: 'STUDENT', schools: [world.schoolA] });
    const director = await as(world.directorA);
    const first = (await director.data(GENERATE, { id: pupil.id })).generateRenewalCode.code;
    const second = (await director.data(GENERATE, { id: pupil.id })).generateRenewalCode.code;
    expect((await server.client().login(pupil.login, first)).errors?.[0].extensions?.code).toBe('BAD_CREDENTIALS');
    expect((await server.client().login(pupil.login, second)).data?.login.status).toBe('RENEWAL_REQUIRED');
  });

  it('« Mot de passe oublié »: mails a link to the address given at activation; the link works once', async () => {
    const parent = await fixtures.user({ profile: 'RELATIVE', schools: [world.schoolA], email: 'maman.martin@exemple.fr' });
    expect(await server.client().data('mutation ($l: String!) { requestPasswordReset(login: $l) }', { l: parent.login })).toEqual({ requestPasswordReset: true });
    const mail = await smtp.waitFor('maman.martin@exemple.fr');
    const text = mailText(mail.raw);
    expect(mail.raw).toMatch(/^Subject: Renouvellement de votre mot de passe ENT/m);
    const link = text.match(/https:\/\/ent\.exemple\.fr\/renouvellement\?login=([^&\s]+)&code=([a-z0-9]{8})/);
    expect(link).not.toBeNull();
    const [, login, code] = link!;
    expect(decodeURIComponent(login)).toBe(parent.login);
    const reset = { input: { login: parent.login, renewalCode: code, loginConfirmation: parent.login, password: 'Goûter-du-soir-4', passwordConfirmation: 'Goûter-du-soir-4' } };
    expect(await server.client().data(RESET, reset)).toEqual({ resetPasswordWithCode: true });
    expect((await server.client().request(RESET, reset)).errors?.[0].extensions?.code).toBe('BAD_CREDENTIALS');
    expect((await server.client().login(parent.login, 'Goûter-du-soir-4')).data?.login.status).toBe('SIGNED_IN');
  });

  it('answers the same for an unknown login, and sends nothing', async () => {
    const before = smtp.mails.length;
    expect(await server.client().data('mutation { requestPasswordReset(login: "personne.inconnue") }')).toEqual({ requestPasswordReset: true });
    // A known login asked next, as a marker: its background work starts after the unknown one's and
    // has more to do (a hash, a transaction), so once its mail is here a mail for the unknown would be too.
    const witness = await fixtures.user({ profile: 'RELATIVE', schools: [world.schoolA], email: 'temoin.inconnu@exemple.fr' });
    await server.client().data('mutation ($login: String!) { requestPasswordReset(login: $login) }', { login: witness.login });
    await smtp.waitFor('temoin.inconnu@exemple.fr');
    expect(smtp.mails.slice(before).map((mail) => mail.to)).toEqual([['temoin.inconnu@exemple.fr']]);
  });
});
