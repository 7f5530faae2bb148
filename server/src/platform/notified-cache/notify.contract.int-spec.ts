import { Client, type Notification } from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cloneTestDatabase } from '../../test-support/test-database';

// The caches of this folder (ActorCache, LiveAdminRights, the token sockets) stay exact only
// because of what PostgreSQL's LISTEN/NOTIFY and node-postgres's Client promise: delivery at commit
// and in commit order (EventBus.barrier relies on it), nothing from a rolled-back transaction, a
// bounded payload (events carry ids), and a listening connection that says when it is lost (the
// caches forget everything then). If any of these changed, this fails here rather than as a stale
// right served from memory.
const CHANNEL = 'preau_contract';

/** A listening connection that records what arrives and can wait for one payload. */
async function listener(url: string) {
  const client = new Client({ connectionString: url });
  const received: string[] = [];
  const waiting = new Map<string, () => void>();
  client.on('notification', (message: Notification) => {
    if (message.channel !== CHANNEL) return;
    received.push(message.payload ?? '');
    waiting.get(message.payload ?? '')?.();
  });
  await client.connect();
  await client.query(`LISTEN ${CHANNEL}`);
  return {
    client,
    received,
    /** Resolves once `payload` has arrived (at once if it already has). */
    until: (payload: string) =>
      received.includes(payload) ? Promise.resolve() : new Promise<void>((resolve) => waiting.set(payload, resolve)),
  };
}

describe('contract with PostgreSQL LISTEN/NOTIFY and pg.Client, as the notification-kept caches use them', () => {
  let database: Awaited<ReturnType<typeof cloneTestDatabase>>;
  const clients: Client[] = [];
  const connect = async () => {
    const client = new Client({ connectionString: database.url });
    await client.connect();
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    database = await cloneTestDatabase();
    const setup = new Client({ connectionString: database.url });
    await setup.connect();
    await setup.query('CREATE TABLE contract_change (id int PRIMARY KEY)');
    await setup.end();
  });
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((client) => client.end().catch(() => undefined)));
  });
  afterAll(() => database?.drop());

  it('delivers a NOTIFY at the commit of its transaction, once the change is visible, and never one rolled back', async () => {
    const feed = await listener(database.url);
    clients.push(feed.client);
    const writer = await connect();
    const other = await connect();

    await writer.query('BEGIN');
    await writer.query('INSERT INTO contract_change VALUES (1)');
    await writer.query('SELECT pg_notify($1, $2)', [CHANNEL, 'committed']);
    // A probe committed meanwhile arrives first: the transaction's notification waits for its commit.
    await other.query('SELECT pg_notify($1, $2)', [CHANNEL, 'probe-1']);
    await feed.until('probe-1');
    expect(feed.received).toEqual(['probe-1']);
    await writer.query('COMMIT');
    await feed.until('committed');
    // On arrival, the change it announces is visible to any new statement.
    expect((await feed.client.query('SELECT id FROM contract_change')).rows).toEqual([{ id: 1 }]);

    await writer.query('BEGIN');
    await writer.query('SELECT pg_notify($1, $2)', [CHANNEL, 'rolled-back']);
    await writer.query('ROLLBACK');
    await other.query('SELECT pg_notify($1, $2)', [CHANNEL, 'probe-2']);
    await feed.until('probe-2');
    expect(feed.received).toEqual(['probe-1', 'committed', 'probe-2']);
  });

  it('delivers in commit order, not in the order the notifications were sent', async () => {
    const feed = await listener(database.url);
    clients.push(feed.client);
    const first = await connect();
    const second = await connect();
    await first.query('BEGIN');
    await first.query('SELECT pg_notify($1, $2)', [CHANNEL, 'sent-first']);
    await second.query('BEGIN');
    await second.query('SELECT pg_notify($1, $2)', [CHANNEL, 'sent-second']);
    await second.query('COMMIT');
    await first.query('COMMIT');
    await feed.until('sent-first');
    expect(feed.received).toEqual(['sent-second', 'sent-first']);
  });

  it('refuses a payload of 8,000 bytes or more, so events carry ids only', async () => {
    const sender = await connect();
    await expect(sender.query('SELECT pg_notify($1, $2)', [CHANNEL, 'x'.repeat(7999)])).resolves.toBeDefined();
    await expect(sender.query('SELECT pg_notify($1, $2)', [CHANNEL, 'x'.repeat(8000)])).rejects.toThrow(/payload string too long/);
  });

  it("tells a listening Client that its connection is lost (the caches then forget everything)", async () => {
    const feed = await listener(database.url);
    const errors: string[] = [];
    feed.client.on('error', (error: Error) => errors.push(error.message));
    const ended = new Promise<void>((resolve) => feed.client.once('end', () => resolve()));
    const { rows } = await feed.client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    const admin = await connect();
    await admin.query('SELECT pg_terminate_backend($1)', [rows[0].pid]);
    await ended;
    expect(errors.join(' ')).toMatch(/terminat/);
  });
});
