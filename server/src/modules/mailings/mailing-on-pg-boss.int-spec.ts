import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_PASSWORD, Fixtures } from '../../test-support/fixtures';
import { mailingSettled } from '../../test-support/mailing-settled';
import { SmtpSink } from '../../test-support/smtp-sink';
import { startTestServer, TestServer } from '../../test-support/test-server';
import { DOCUMENT_CHUNK_BYTES, MailingDocumentWriter, purgeExpiredDocuments } from './mailing-document-store';

const MAILING = `query ($id: ID!) { mailing(id: $id) { status sent failed } }`;

/**
 * What changed under « Publipostage » when it moved onto pg-boss: the PDF is stored in rows and
 * streamed back, and a temporary SMTP refusal is retried by pg-boss (the batch's job), not by a
 * timer of the runner.
 */
describe('publipostage on pg-boss, PDF stored and served in chunks', () => {
  let server: TestServer;
  let fixtures: Fixtures;
  const smtp = new SmtpSink();
  let world: Awaited<ReturnType<Fixtures['departement']>>;

  beforeAll(async () => {
    const smtpUrl = await smtp.start();
    server = await startTestServer({ jobs: true, env: { SMTP_URL: smtpUrl, MAILING_RETRY_DELAY_SECONDS: '1', MAILING_MAX_ATTEMPTS: '3', MAILING_JOB_EXPIRE_SECONDS: '5' } });
    fixtures = new Fixtures(server.services.dataSource, server.services.secretBox);
    world = await fixtures.departement();
  });
  afterAll(async () => {
    await server?.close();
    await smtp.stop();
  });

  /** A finished PDF mailing of the director, with `bytes` written through the store in uneven pieces. */
  async function storedPdf(bytes: Buffer): Promise<string> {
    const db = server.services.dataSource;
    const [{ id }] = await db.query(`INSERT INTO mailing (kind, layout, created_by_id, total, status, queued_at) VALUES ('PDF', 'ONE_PER_PAGE', $1, 1, 'DONE', now()) RETURNING id`, [
      world.directorA.id,
    ]);
    const writer = new MailingDocumentWriter(db, id);
    await writer.begin();
    for (let at = 0; at < bytes.length; ) {
      const piece = 1 + ((at * 7919) % 700_000);
      await writer.write(bytes.subarray(at, at + piece));
      at += piece;
    }
    await db.transaction((manager) => writer.finish(manager));
    return id;
  }

  it('downloads a PDF of several stored rows byte for byte, with its length, and purges its rows with it after a day', async () => {
    const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(Math.round(DOCUMENT_CHUNK_BYTES * 3.4))]);
    const id = await storedPdf(pdf);
    const db = server.services.dataSource;
    const [{ rows }] = await db.query(`SELECT count(*)::int AS rows FROM mailing_document_chunk WHERE mailing_id = $1`, [id]);
    expect(rows).toBe(4);

    const director = await server.client().signIn(world.directorA.login, FIXTURE_PASSWORD);
    const response = await fetch(`${director.baseUrl}/telechargements/publipostage/${id}.pdf`, { headers: { cookie: director.cookie! } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-length')).toBe(String(pdf.length));
    expect(Buffer.from(await response.arrayBuffer()).equals(pdf)).toBe(true);

    // A day later: the document and every row of it are gone, and the download is « not found ».
    await db.query(`UPDATE mailing_document SET created_at = now() - interval '25 hours' WHERE mailing_id = $1`, [id]);
    await db.query(`UPDATE mailing_document_chunk SET created_at = now() - interval '25 hours' WHERE mailing_id = $1`, [id]);
    const kept = await storedPdf(Buffer.from('%PDF-1.7\nrecent'));
    await purgeExpiredDocuments(db);
    expect(await db.query(`SELECT mailing_id FROM mailing_document_chunk WHERE mailing_id = $1`, [id])).toEqual([]);
    expect(await db.query(`SELECT mailing_id FROM mailing_document_chunk WHERE mailing_id = $1`, [kept])).toHaveLength(1);
    const gone = await fetch(`${director.baseUrl}/telechargements/publipostage/${id}.pdf`, { headers: { cookie: director.cookie! } });
    expect(gone.status).toBe(404);
  });

  it('prints a real mailing into rows that read back as the PDF the printer merged', async () => {
    const director = await server.client().signIn(world.directorA.login, FIXTURE_PASSWORD);
    const { createMailing } = await director.data(`mutation { createMailing(input: { kind: PDF, layout: ONE_PER_PAGE }) { id } }`);
    await mailingSettled(
      server.services.events,
      createMailing.id,
      async () => (await director.data(MAILING, { id: createMailing.id })).mailing,
      (mailing) => mailing.status !== 'PENDING' && mailing.status !== 'RUNNING',
    );
    const response = await fetch(`${director.baseUrl}/telechargements/publipostage/${createMailing.id}.pdf`, { headers: { cookie: director.cookie! } });
    const body = Buffer.from(await response.arrayBuffer());
    const [{ data }] = await server.services.dataSource.query(
      `SELECT string_agg(data, ''::bytea ORDER BY seq) AS data FROM mailing_document_chunk WHERE mailing_id = $1`,
      [createMailing.id],
    );
    expect(body.equals(data)).toBe(true);
    expect(body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(body.subarray(-6).toString('latin1')).toMatch(/%%EOF\n?$/);
  });

  it('retries a temporary refusal through pg-boss: the batch job is tried again, up to MAILING_MAX_ATTEMPTS', async () => {
    const parent = await fixtures.user({ profile: 'RELATIVE', schools: [world.schoolA], activationCode: 'abcd2345', email: 'plus.tard@example.org' });
    smtp.deferRecipients.add('plus.tard@example.org');
    const director = await server.client().signIn(world.directorA.login, FIXTURE_PASSWORD);
    const { createMailing } = await director.data(`mutation ($ids: [ID!]) { createMailing(input: { kind: EMAIL, userIds: $ids }) { id } }`, { ids: [parent.id] });
    const mailing = await mailingSettled(
      server.services.events,
      createMailing.id,
      async () => (await director.data(MAILING, { id: createMailing.id })).mailing,
      (state) => state.status === 'DONE' || state.status === 'FAILED',
    );
    smtp.deferRecipients.clear();
    expect(mailing).toMatchObject({ status: 'DONE', sent: 0, failed: 1 });
    const [recipient] = await server.services.dataSource.query(`SELECT attempts, error FROM mailing_recipient WHERE mailing_id = $1`, [createMailing.id]);
    expect(recipient.attempts).toBe(3);
    expect(recipient.error).toMatch(/^Échec après 3 tentatives : .*451/);
    // pg-boss ran the batch's job three times: the first try and its two retries.
    const jobs = await server.services.dataSource.query(
      `SELECT retry_count, retry_limit, retry_backoff, state FROM pgboss.job WHERE name = 'mailing.email' AND data->>'mailingId' = $1
       UNION ALL SELECT retry_count, retry_limit, retry_backoff, state FROM pgboss.archive WHERE name = 'mailing.email' AND data->>'mailingId' = $1`,
      [createMailing.id],
    );
    expect(jobs).toEqual([{ retry_count: 2, retry_limit: 2, retry_backoff: true, state: 'completed' }]);
  });
});
