import type { ForgetsUsers } from './forget-on-actor-changes';
import type { Actor } from '../auth/actor';

export interface ActorCacheOptions {
  /** An entry is read again from PostgreSQL after this long, whatever happened. */
  ttlMs: number;
  /** At most this many sessions kept; the oldest entries go first. */
  maxEntries: number;
  /**
   * Whether invalidations can arrive right now (the event bus is listening). While they cannot,
   * every request reads its actor from PostgreSQL and nothing is kept.
   */
  invalidationsArrive: () => boolean;
}

interface Entry {
  actor: Actor;
  /** When to read the session again: the TTL, or the session's own expiry if sooner. */
  freshUntil: number;
}

/**
 * Signed-in actors by session, so that a request does not read the session, the account, its rights
 * and the reach of its scope again and again: that query was half the SQL of a search keystroke.
 *
 * Staleness is bounded by invalidation, not by the TTL: PostgreSQL triggers send `actor.changed`
 * (user ids, or everything) at the commit of any change to sessions, accounts, rights, classes or
 * the structure tree, and every instance forgets the entries concerned (migration
 * ActorCacheNotify). A load that overlaps an invalidation is not stored, since it may have read the
 * state from before the change; while the listening connection is down the cache is bypassed, and
 * everything is forgotten when it is lost. The TTL only bounds how long an entry lives if a
 * notification were ever missed, and lets the session's sliding expiry be written (the load
 * refreshes it).
 */
export class ActorCache implements ForgetsUsers {
  private readonly entries = new Map<string, Entry>();
  /** Sessions held per user, so that forgetting a user costs its own sessions only. */
  private readonly sessionsOf = new Map<string, Set<string>>();
  /** Bumped by every invalidation; a load started under an older generation is not kept. */
  private generation = 0;

  constructor(private readonly options: ActorCacheOptions) {}

  /** The cached actor of this session, or the one `load` returns (then kept if nothing changed meanwhile). */
  async get(sessionId: string, load: () => Promise<{ actor: Actor; expiresAt: Date } | null>): Promise<Actor | null> {
    const now = Date.now();
    const reliable = this.options.invalidationsArrive();
    const hit = this.entries.get(sessionId);
    if (hit && hit.freshUntil > now && reliable) return hit.actor;
    if (hit) this.remove(sessionId);
    const generation = this.generation;
    const loaded = await load();
    if (!loaded) return null;
    if (generation === this.generation && reliable && this.options.invalidationsArrive() && this.options.ttlMs > 0) {
      this.remove(sessionId);
      if (this.entries.size >= this.options.maxEntries) this.remove(this.entries.keys().next().value!);
      this.entries.set(sessionId, { actor: loaded.actor, freshUntil: Math.min(now + this.options.ttlMs, loaded.expiresAt.getTime()) });
      let sessions = this.sessionsOf.get(loaded.actor.userId);
      if (!sessions) this.sessionsOf.set(loaded.actor.userId, (sessions = new Set()));
      sessions.add(sessionId);
    }
    return loaded.actor;
  }

  forgetUsers(userIds: readonly string[]): void {
    this.generation++;
    for (const userId of userIds) for (const sessionId of this.sessionsOf.get(userId) ?? []) this.remove(sessionId);
  }

  forgetAll(): void {
    this.generation++;
    this.entries.clear();
    this.sessionsOf.clear();
  }

  get size(): number {
    return this.entries.size;
  }

  private remove(sessionId: string): void {
    const entry = this.entries.get(sessionId);
    if (!entry) return;
    this.entries.delete(sessionId);
    const sessions = this.sessionsOf.get(entry.actor.userId);
    sessions?.delete(sessionId);
    if (sessions?.size === 0) this.sessionsOf.delete(entry.actor.userId);
  }
}
