import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataSource } from 'typeorm';
import { entities } from '../../app/entities';
import { migrations } from '../../migrations';
import { SecretBox } from '../../platform/crypto/secret-box';
import { createDataSource } from '../../platform/database/data-source';
import { EventBus } from '../../platform/pubsub/event-bus';
import { FIXTURE_PASSWORD, Fixtures } from '../../test-support/fixtures';
import { mailingSettled } from '../../test-support/mailing-settled';
import { PROCESS_SECRET_KEY, ServerProcess, startServerProcess } from '../../test-support/server-process';
import { SmtpSink } from '../../test-support/smtp-sink';
import { cloneTestDatabase } from '../../test-support/test-database';
import { GraphQLTestClient } from '../../test-support/test-server';

const RECIPIENTS = 40;

/**
 * The incident: an instance started without SMTP_URL on a shared (non-demo) database took a campaign,
 * wrote it to the demo outbox and marked every recipient SENT. Such an instance now takes no e-mail
 * work: the instance with SMTP delivers it all, and « Mot de passe oublié » says it cannot send.
 */
describe('an instance without SMTP outside demo mode never swallows e-mail', () => {
  const smtp = new SmtpSink();
  let smtpUrl: string;
  let databaseUrl: string;
  let drop: () => Promise<void>;
  let db: DataSource;
  let world: Awaited<ReturnType<Fixtures['departement']>>;
  const processes: ServerProcess[] = [];
  let withoutSmtp: ServerProcess;
  let forgetful: { login: string };

  beforeAll(async () => {
    smtpUrl = await smtp.start();
    const database = await cloneTestDatabase();
    databaseUrl = database.url;
    drop = database.drop;
    db = createDataSource({ url: database.url, entities, migrations, poolSize: 2 });
    await db.initialize();
    const fixtures = new Fixtures(db, new SecretBox(Buffer.from(PROCESS_SECRET_KEY, 'hex')));
    world = await fixtures.departement();
    for (let i = 0; i < RECIPIENTS; i++) {
      await fixtures.user({ profile: 'RELATIVE', firstName: `Parent${i}`, lastName: 'Famille', schools: [world.schoolA], activationCode: 'abcd2345', email: `parent${i}@example.org` });
    }
    forgetful = await fixtures.user({ profile: 'TEACHER', schools: [world.schoolA], email: 'oublieuse@example.org' });
    // DATABASE_URL set, DEMO_DATA=false (server-process.ts), no SMTP_URL: a misconfigured production instance.
    withoutSmtp = await startServerProcess(databaseUrl, { MAILING_JOB_EXPIRE_SECONDS: '2' });
    processes.push(withoutSmtp);
  });
  afterAll(async () => {
    for (const proc of processes) await proc.stop();
    await db?.destroy();
    await drop?.();
    await smtp.stop();
  });

  it('leaves a campaign created through it to the instance with SMTP, which delivers every e-mail', async () => {
    const director = await new GraphQLTestClient(withoutSmtp.url).signIn(world.directorA.login, FIXTURE_PASSWORD);
    const { createMailing } = await director.data(`mutation { createMailing(input: { kind: EMAIL, filter: { profiles: [RELATIVE] } }) { id total } }`);
    expect(createMailing.total).toBe(RECIPIENTS);

    // The runners' progress events reach this test through the same NOTIFY channel as the instances.
    const events = await EventBus.start(databaseUrl, db);
    try {
      const settled = mailingSettled(
        events,
        createMailing.id,
        async () => ((await db.query(`SELECT status FROM mailing WHERE id = $1`, [createMailing.id])) as { status: string }[])[0]!.status,
        (status) => status === 'DONE' || status === 'FAILED',
      );
      // Started only now, so that the instance without SMTP had the campaign to itself first.
      processes.push(await startServerProcess(databaseUrl, { SMTP_URL: smtpUrl, MAILING_JOB_EXPIRE_SECONDS: '2' }));
      await settled;
    } finally {
      await events.close();
    }

    const rows = (await db.query(`SELECT status, email FROM mailing_recipient WHERE mailing_id = $1`, [createMailing.id])) as { status: string; email: string }[];
    expect(rows.filter((row) => row.status !== 'SENT')).toEqual([]);
    const received = new Set(smtp.mails.flatMap((mail) => mail.to));
    expect(rows.map((row) => row.email).filter((email) => !received.has(email))).toEqual([]);
    expect(await db.query(`SELECT recipient FROM mail_outbox`)).toEqual([]);
  });

  it('answers « Mot de passe oublié » with a clear error in both languages, and makes no code', async () => {
    for (const [lang, message] of [
      ['fr', "Ce serveur n'envoie pas de courriels pour le moment. Demandez un code de renouvellement à l'administrateur de votre école."],
      ['en', "This server cannot send e-mail at the moment. Ask your school's administrator for a renewal code."],
    ] as const) {
      for (const login of [forgetful.login, 'personne.inconnue']) {
        const result = await new GraphQLTestClient(withoutSmtp.url, lang).request('mutation ($login: String!) { requestPasswordReset(login: $login) }', { login });
        expect(result.errors).toEqual([expect.objectContaining({ message, extensions: { code: 'MAIL_UNAVAILABLE' } })]);
      }
    }
    expect(await db.query(`SELECT user_id FROM renewal_code`)).toEqual([]);
    expect(await db.query(`SELECT recipient FROM mail_outbox`)).toEqual([]);
  });
});
