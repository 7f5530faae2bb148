import type { Actor } from './actor';

export interface ActorCacheOptions {
  /** An entry is read again from PostgreSQL after this long, whatever happened. */
  ttlMs: number;
  /** At most this many sessions kept; the oldest entries go first. */
  maxEntries: number;
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
 * state from before the change; after a lost listening connection everything is forgotten. The TTL
 * only bounds how long an entry lives if a notification were ever missed, and lets the session's
 * sliding expiry be written (the load refreshes it).
 */
export class ActorCache {
  private readonly entries = new Map<string, Entry>();
  /** Bumped by every invalidation; a load started under an older generation is not kept. */
  private generation = 0;

  constructor(private readonly options: ActorCacheOptions) {}

  /** The cached actor of this session, or the one `load` returns (then kept if nothing changed meanwhile). */
  async get(sessionId: string, load: () => Promise<{ actor: Actor; expiresAt: Date } | null>): Promise<Actor | null> {
    const now = Date.now();
    const hit = this.entries.get(sessionId);
    if (hit && hit.freshUntil > now) return hit.actor;
    if (hit) this.entries.delete(sessionId);
    const generation = this.generation;
    const loaded = await load();
    if (!loaded) return null;
    if (generation === this.generation && this.options.ttlMs > 0) {
      if (this.entries.size >= this.options.maxEntries) this.entries.delete(this.entries.keys().next().value!);
      this.entries.set(sessionId, { actor: loaded.actor, freshUntil: Math.min(now + this.options.ttlMs, loaded.expiresAt.getTime()) });
    }
    return loaded.actor;
  }

  forgetUsers(userIds: readonly string[]): void {
    this.generation++;
    if (userIds.length === 0) return;
    const gone = new Set(userIds);
    for (const [sessionId, entry] of this.entries) if (gone.has(entry.actor.userId)) this.entries.delete(sessionId);
  }

  forgetAll(): void {
    this.generation++;
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}
