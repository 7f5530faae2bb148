import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataSource } from 'typeorm';
import { entities } from '../../app/entities';
import { migrations } from '../../migrations';
import { SecretBox } from '../../platform/crypto/secret-box';
import { createDataSource } from '../../platform/database/data-source';
import { FIXTURE_PASSWORD, Fixtures } from '../../test-support/fixtures';
import { PROCESS_SECRET_KEY, ServerProcess, startServerProcess } from '../../test-support/server-process';
import { SmtpSink } from '../../test-support/smtp-sink';
import { mailingSettled } from '../../test-support/mailing-settled';
import { EventBus } from '../../platform/pubsub/event-bus';
import { cloneTestDatabase } from '../../test-support/test-database';
import { GraphQLTestClient } from '../../test-support/test-server';

const RECIPIENTS = 150;

/**
 * The fault test of « Envoyer par mail »: the server is killed with SIGKILL in the middle of a
 * campaign and another one is started. Nobody is lost, and nobody the first server had marked as
 * sent gets a second e-mail.
 */
describe('an e-mail campaign survives a SIGKILL', () => {
  const smtp = new SmtpSink();
  let smtpUrl: string;
  let databaseUrl: string;
  let drop: () => Promise<void>;
  let db: DataSource;
  let world: Awaited<ReturnType<Fixtures['departement']>>;
  const processes: ServerProcess[] = [];

  beforeAll(async () => {
    smtpUrl = await smtp.start();
    // A slow relay, so that the campaign is still running when the server dies.
    smtp.delayMs = 15;
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
  });
  afterAll(async () => {
    for (const proc of processes) await proc.kill();
    await db?.destroy();
    await drop?.();
    await smtp.stop();
  });

  it('finishes after a restart: every recipient sent or failed with a reason, none sent twice once marked sent', async () => {
    const env = { SMTP_URL: `${smtpUrl}&pool=2`, MAILING_JOB_EXPIRE_SECONDS: '2', MAILING_RETRY_DELAY_SECONDS: '1' };
    const first = await startServerProcess(databaseUrl, env);
    processes.push(first);
    const director = await new GraphQLTestClient(first.url).signIn(world.directorA.login, FIXTURE_PASSWORD);
    const { createMailing } = await director.data(
      `mutation { createMailing(input: { kind: EMAIL, filter: { profiles: [RELATIVE] } }) { id total } }`,
    );
    expect(createMailing.total).toBe(RECIPIENTS);

    // Kill it once about a third has gone out.
    await smtp.until((mails) => mails.length >= RECIPIENTS / 3);
    await first.kill();
    const statusAtKill = (await db.query(`SELECT r.status, r.email FROM mailing_recipient r WHERE r.mailing_id = $1`, [createMailing.id])) as {
      status: string;
      email: string;
    }[];
    const sentAtKill = statusAtKill.filter((row) => row.status === 'SENT').map((row) => row.email);
    expect(sentAtKill.length).toBeGreaterThan(0);
    expect(sentAtKill.length).toBeLessThan(RECIPIENTS);
    const [{ status: statusAfterKill }] = await db.query(`SELECT status FROM mailing WHERE id = $1`, [createMailing.id]);
    expect(statusAfterKill).toBe('RUNNING');

    // Another server takes the campaign over once the dead one's lease has expired; its runner's
    // progress events (NOTIFY) tell this test when to look again.
    const events = await EventBus.start(databaseUrl, db);
    try {
      const done = mailingSettled(
        events,
        createMailing.id,
        async () => ((await db.query(`SELECT status FROM mailing WHERE id = $1`, [createMailing.id])) as { status: string }[])[0].status,
        (status) => status === 'DONE',
      );
      processes.push(await startServerProcess(databaseUrl, env));
      await done;
    } finally {
      await events.close();
    }

    const final = (await db.query(`SELECT status, email, error FROM mailing_recipient WHERE mailing_id = $1`, [createMailing.id])) as {
      status: string;
      email: string;
      error: string | null;
    }[];
    expect(final).toHaveLength(RECIPIENTS);
    for (const row of final) {
      expect(['SENT', 'FAILED']).toContain(row.status);
      if (row.status === 'FAILED') expect(row.error).toBeTruthy();
    }
    const received = new Map<string, number>();
    for (const mail of smtp.mails) for (const to of mail.to) received.set(to, (received.get(to) ?? 0) + 1);
    // None lost: every recipient marked sent did receive it.
    for (const row of final.filter((r) => r.status === 'SENT')) expect(received.get(row.email), row.email).toBeGreaterThanOrEqual(1);
    // Nobody marked sent before the crash got it twice.
    for (const email of sentAtKill) expect(received.get(email), email).toBe(1);
  });
});
