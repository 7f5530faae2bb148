import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Fixtures } from '../../test-support/fixtures';
import { startTestServer, TestServer } from '../../test-support/test-server';

const ACTIVATE = `mutation ($input: ActivateAccountInput!) { activateAccount(input: $input) { status me { login home } } }`;

describe('account activation (first connection with the activation code)', () => {
  let server: TestServer;
  let fixtures: Fixtures;
  let world: Awaited<ReturnType<Fixtures['departement']>>;
  const row = async (id: string) =>
    (await server.services.dataSource.query('SELECT password_hash, activation_code_secret, activated_at, email, mobile FROM app_user WHERE id = $1', [id]))[0];

  beforeAll(async () => {
    server = await startTestServer();
    fixtures = new Fixtures(server.services.dataSource, server.services.secretBox);
    world = await fixtures.departement();
  });
  afterAll(() => server?.close());

  it('activates a parent: password twice and e-mail, code erased, signed in, audited', async () => {
    const parent = await fixtures.user({ profile: 'RELATIVE', schools: [world.schoolA], activationCode: 'wgyr53h4' });
    const browser = server.client();
    expect((await browser.login(parent.login, 'wgyr53h4')).data?.login.status).toBe('ACTIVATION_REQUIRED');
    const result = await browser.data(ACTIVATE, {
      input: { login: parent.login, activationCode: 'wgyr53h4', password: 'Cartable-Rouge-7', passwordConfirmation: 'Cartable-Rouge-7', email: 'Parent@Exemple.fr', mobile: '06 12 34 56 78' },
    });
    expect(result.activateAccount).toEqual({ status: 'SIGNED_IN', me: { login: parent.login, home: 'USER' } });
    expect(browser.cookie).toBeDefined();
    expect((await browser.data('{ me { login } }')).me.login).toBe(parent.login);
    const stored = await row(parent.id);
    expect(stored.activation_code_secret).toBeNull();
    expect(stored.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(stored.email).toBe('parent@exemple.fr');
    expect(stored.mobile).toBe('0612345678');
    // The code is spent; the new password works.
    expect((await server.client().login(parent.login, 'wgyr53h4')).errors?.[0].extensions?.code).toBe('BAD_CREDENTIALS');
    expect((await server.client().login(parent.login, 'Cartable-Rouge-7')).data?.login.status).toBe('SIGNED_IN');
    const audit = await server.services.dataSource.query(`SELECT action, actor_id FROM audit_log WHERE target_user_id = $1`, [parent.id]);
    expect(audit).toEqual([{ action: 'ACCOUNT_ACTIVATED', actor_id: parent.id }]);
  });

  it('shows every form error at once, in French, and changes nothing', async () => {
    const parent = await fixtures.user({ profile: 'RELATIVE', schools: [world.schoolA], activationCode: 'k7m3p4rs' });
    const before = await row(parent.id);
    const result = await server.client().request(ACTIVATE, {
      input: { login: parent.login, activationCode: 'k7m3p4rs', password: 'azerty', passwordConfirmation: 'azerty1', email: '', mobile: '12' },
    });
    expect(result.errors?.[0].message).toBe('Le formulaire contient des erreurs : corrigez les champs signalés.');
    expect(result.errors?.[0].extensions).toEqual({
      code: 'BAD_USER_INPUT',
      fields: {
        password: 'Le mot de passe doit contenir au moins 8 caractères. Ajoutez une lettre majuscule. Ajoutez un chiffre ou un caractère spécial. Ce mot de passe est trop courant : choisissez-en un autre.',
        passwordConfirmation: 'Les deux mots de passe ne sont pas identiques.',
        email: 'Indiquez une adresse électronique : elle servira si vous oubliez votre mot de passe.',
        mobile: "Ce numéro de téléphone n'est pas valide (exemple : 06 12 34 56 78).",
      },
    });
    expect(await row(parent.id)).toEqual(before);
  });

  it('gives the field errors in English to an English client', async () => {
    const pupil = await fixtures.user({ profile: 'STUDENT', schools: [world.schoolA], activationCode: 'mn3p4rs5' });
    const result = await server.client('en').request(ACTIVATE, {
      input: { login: pupil.login, activationCode: 'mn3p4rs5', password: 'Short1', passwordConfirmation: 'Short1' },
    });
    expect(result.errors?.[0].extensions?.fields).toEqual({ password: 'The password must have at least 8 characters.' });
  });

  it('lets a pupil activate without an e-mail', async () => {
    const pupil = await fixtures.user({ profile: 'STUDENT', schools: [world.schoolA], activationCode: 'ab3cd4ef' });
    const result = await server.client().data(ACTIVATE, {
      input: { login: pupil.login, activationCode: 'ab3cd4ef', password: 'Trousse-Bleue-9', passwordConfirmation: 'Trousse-Bleue-9' },
    });
    expect(result.activateAccount.status).toBe('SIGNED_IN');
  });

  it('refuses a wrong code with the generic message and changes nothing', async () => {
    const parent = await fixtures.user({ profile: 'RELATIVE', schools: [world.schoolA], activationCode: 'hj3kn4pr' });
    const before = await row(parent.id);
    const result = await server.client().request(ACTIVATE, {
      input: { login: parent.login, activationCode: 'hj3kn4ps', password: 'Cartable-Rouge-7', passwordConfirmation: 'Cartable-Rouge-7', email: 'a@b.fr' },
    });
    expect(result.errors?.[0]).toMatchObject({ message: "L'identifiant ou le mot de passe est incorrect.", extensions: { code: 'BAD_CREDENTIALS' } });
    expect(await row(parent.id)).toEqual(before);
  });

  it('shows the password rule to anyone, in both languages', async () => {
    expect((await server.client().data('{ passwordRule { text minLength maxLength } }')).passwordRule).toEqual({
      text: 'Au moins 8 caractères, dont une minuscule, une majuscule et un chiffre ou un caractère spécial. Évitez les mots de passe courants.',
      minLength: 8,
      maxLength: 128,
    });
    expect((await server.client('en').data('{ passwordRule { text } }')).passwordRule.text).toMatch(/^At least 8 characters/);
  });
});
