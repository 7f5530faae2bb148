import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { logger } from '../logging/logger';

/** Events every server instance must hear. Payloads carry ids only (NOTIFY is limited to 8 kB). */
export type AppEvent =
  /** All sessions of the user, or just one (logout) when sessionId is set. */
  | { type: 'session.revoked'; userId: string; sessionId?: string }
  /** Sent by PostgreSQL triggers (migration ActorCacheNotify): sessions, accounts or rights changed. */
  | { type: 'actor.changed'; userIds?: string[]; all?: boolean }
  | { type: 'report.added'; reportId: string }
  | { type: 'report.treated'; reportId: string }
  /** « Bloquer » / « Débloquer » an account (its sessions end through session.revoked as well). */
  | { type: 'account.blocked'; userId: string }
  | { type: 'account.unblocked'; userId: string }
  /** Recipients are loaded on arrival by each instance, among its own subscribers. */
  | { type: 'timeline.changed'; notificationId: string; change: 'ADDED' | 'REMOVED' }
  | { type: 'inbox.changed'; messageId: string }
  | { type: 'mailing.progress'; mailingId: string }
  /** « Appliquer » of an import, on its way: for its creator only (counts, no names). */
  | { type: 'import.progress'; sessionId: string; creatorId: string; clientId?: string | null; phase: 'CHECKING' | 'WRITING' | 'APPLIED'; done: number; total: number }
  /**
   * Sent by PostgreSQL triggers (migration SupervisionChanges): a « Tableau de bord » figure of these
   * structures (écoles and their ancestors) changed, or of too many to name (`all`).
   */
  | { type: 'supervision.changed'; structureIds?: string[]; all?: boolean }
  /** Sent to itself by an instance: everything committed before it has arrived once it does. */
  | { type: 'barrier'; token: string };

/** Writes an event into a log with the publisher's query (so in its transaction). */
export type EventJournal = (event: AppEvent, query: (sql: string, params: unknown[]) => Promise<unknown>) => Promise<void>;

type Handler<T extends AppEvent['type']> = (event: Extract<AppEvent, { type: T }>) => void;
type AnyHandler = (event: AppEvent) => void;

const CHANNEL = 'preau_events';

/**
 * Fans events out to every instance through PostgreSQL LISTEN/NOTIFY: no extra server. `publish`
 * runs inside or after the transaction that made the change (NOTIFY is delivered at commit), and
 * each instance — this one included — receives it on its dedicated listening connection.
 */
export class EventBus {
  private readonly handlers = new Map<string, Set<AnyHandler>>();
  private client?: Client;
  private closed = false;
  private reconnectDelay = 250;
  private readonly reconnectHandlers = new Set<() => void>();
  private readonly lostHandlers = new Set<() => void>();
  private readonly barriers = new Map<string, () => void>();
  private everConnected = false;
  private journal?: EventJournal;

  private constructor(
    private readonly databaseUrl: string,
    private readonly dataSource: DataSource,
  ) {}

  static async start(databaseUrl: string, dataSource: DataSource): Promise<EventBus> {
    const bus = new EventBus(databaseUrl, dataSource);
    await bus.connect();
    return bus;
  }

  private async connect(): Promise<void> {
    // keepAlive: a half-open connection (a NAT or a failover that forgot it) must end in an error
    // rather than silently stop delivering.
    const client = new Client({ connectionString: this.databaseUrl, application_name: 'preau-events', keepAlive: true });
    client.on('notification', (message) => {
      if (message.channel !== CHANNEL || !message.payload) return;
      try {
        this.dispatch(JSON.parse(message.payload) as AppEvent);
      } catch (error) {
        logger.error('bad event payload', { error: (error as Error).message });
      }
    });
    client.on('error', (error) => {
      logger.warn('event connection lost; reconnecting', { error: error.message });
      void this.reconnect(client);
    });
    client.on('end', () => void this.reconnect(client));
    await client.connect();
    await client.query(`LISTEN ${CHANNEL}`);
    const reconnected = this.everConnected;
    this.everConnected = true;
    this.client = client;
    this.reconnectDelay = 250;
    if (reconnected) for (const handler of this.reconnectHandlers) handler();
  }

  /** Called after a lost listening connection is back: events sent meanwhile were missed. */
  onReconnect(handler: () => void): () => void {
    this.reconnectHandlers.add(handler);
    return () => this.reconnectHandlers.delete(handler);
  }

  /** Called when the listening connection is lost: from now until it is back, events are missed. */
  onLost(handler: () => void): () => void {
    this.lostHandlers.add(handler);
    return () => this.lostHandlers.delete(handler);
  }

  /** False while the listening connection is down (events sent meanwhile will never arrive). */
  get listening(): boolean {
    return this.client !== undefined;
  }

  private async reconnect(broken: Client): Promise<void> {
    if (this.closed || this.client !== broken) return;
    this.client = undefined;
    for (const handler of this.lostHandlers) handler();
    await broken.end().catch(() => undefined);
    while (!this.closed && !this.client) {
      await new Promise((resolve) => setTimeout(resolve, this.reconnectDelay));
      this.reconnectDelay = Math.min(this.reconnectDelay * 2, 10_000);
      await this.connect().catch((error: Error) => logger.warn('event reconnection failed', { error: error.message }));
    }
  }

  private dispatch(event: AppEvent): void {
    if (event.type === 'barrier') return this.barriers.get(event.token)?.();
    for (const handler of this.handlers.get(event.type) ?? []) {
      try {
        handler(event);
      } catch (error) {
        logger.error('event handler failed', { type: event.type, error: (error as Error).message });
      }
    }
  }

  on<T extends AppEvent['type']>(type: T, handler: Handler<T>): () => void {
    let set = this.handlers.get(type);
    if (!set) this.handlers.set(type, (set = new Set()));
    const generic = handler as unknown as AnyHandler;
    set.add(generic);
    return () => set.delete(generic);
  }

  /**
   * The integrations' event log (modules/integrations/event-log.service.ts): every publish goes
   * through it first, with the same query, so the log row commits with the change or not at all.
   */
  setJournal(journal: EventJournal): void {
    this.journal = journal;
  }

  /** Sends to every instance; pass the transaction's query runner to deliver only at its commit. */
  async publish(event: AppEvent, query: (sql: string, params: unknown[]) => Promise<unknown> = (sql, params) => this.dataSource.query(sql, params)): Promise<void> {
    await this.journal?.(event, query);
    await query('SELECT pg_notify($1, $2)', [CHANNEL, JSON.stringify(event)]);
  }

  /**
   * Waits until every notification committed before this call has been handled here. NOTIFYs
   * arrive in commit order on the listening connection, so once our own comes back, the
   * `actor.changed` of a block, a logout or a right withdrawn that this request just committed has
   * been applied: the response cannot be followed by a request served from a stale cache. At most
   * `timeoutMs`; nothing to wait for while the connection is down (the caches are bypassed then).
   */
  async barrier(timeoutMs = 1000): Promise<void> {
    if (!this.listening) return;
    const token = randomUUID();
    let timer: NodeJS.Timeout | undefined;
    const arrived = new Promise<void>((resolve) => {
      this.barriers.set(token, resolve);
      timer = setTimeout(resolve, timeoutMs);
    });
    try {
      await this.publish({ type: 'barrier', token });
      await arrived;
    } finally {
      clearTimeout(timer);
      this.barriers.delete(token);
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.client?.end().catch(() => undefined);
  }
}
