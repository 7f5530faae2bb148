import type { WebSocket } from 'ws';
import type { Services } from '../platform/context/services';
import { logger } from '../platform/logging/logger';
import type { ForgetsUsers } from '../platform/notified-cache/forget-on-actor-changes';

interface TokenSocket {
  token: string;
  creatorId: string;
  expiry?: NodeJS.Timeout;
}

/** setTimeout's longest delay; a later expiry is looked at again then. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * The graphql-ws sockets opened with an integration token, closed (4401, final for graphql-ws
 * clients) as soon as their token stops being honoured: revoked, expired, or its creator blocked,
 * demoted or deleted. Every one of those sends `actor.changed` for the creator on every instance
 * (the triggers of migrations ActorCacheNotify and ApiClients), so it is wired like the actor cache
 * (forgetOnActorChanges) and asks PostgreSQL again for the tokens of those creators; the expiry,
 * which no statement marks, has a timer.
 */
export class TokenSockets implements ForgetsUsers {
  private readonly open = new Map<WebSocket, TokenSocket>();
  /** Bumped by every invalidation: a socket admitted across one is checked again. */
  private generation = 0;

  constructor(private readonly services: Pick<Services, 'integrations'>) {}

  /** Whether `token` may open `socket` (graphql-ws's onConnect); if so, the socket is followed from now on. */
  async admit(socket: WebSocket, token: string): Promise<boolean> {
    const generation = this.generation;
    const granted = await this.services.integrations.actorForToken(token);
    if (!granted || socket.readyState !== socket.OPEN) return false;
    const entry = this.add(socket, token, granted.actor.userId, granted.expiresAt);
    // Revoked while it was being read: the notification may have gone by before the socket was here.
    if (generation !== this.generation) void this.recheck(socket, entry);
    return true;
  }

  private add(socket: WebSocket, token: string, creatorId: string, expiresAt: Date): TokenSocket {
    const entry: TokenSocket = { token, creatorId };
    this.open.set(socket, entry);
    this.closeAt(socket, entry, expiresAt);
    socket.once('close', () => {
      clearTimeout(entry.expiry);
      this.open.delete(socket);
    });
    return entry;
  }

  forgetUsers(userIds: readonly string[]): void {
    this.generation++;
    const users = new Set(userIds);
    for (const [socket, entry] of this.open) if (users.has(entry.creatorId)) void this.recheck(socket, entry);
  }

  forgetAll(): void {
    this.generation++;
    for (const [socket, entry] of this.open) void this.recheck(socket, entry);
  }

  get size(): number {
    return this.open.size;
  }

  private closeAt(socket: WebSocket, entry: TokenSocket, expiresAt: Date): void {
    clearTimeout(entry.expiry);
    entry.expiry = setTimeout(() => void this.recheck(socket, entry), Math.max(250, Math.min(MAX_TIMER_MS, expiresAt.getTime() - Date.now())));
    entry.expiry.unref();
  }

  private async recheck(socket: WebSocket, entry: TokenSocket): Promise<void> {
    try {
      const still = await this.services.integrations.actorForToken(entry.token);
      if (!this.open.has(socket)) return;
      if (still) this.closeAt(socket, entry, still.expiresAt);
      else socket.close(4401, 'Token no longer valid');
    } catch (error) {
      // PostgreSQL unreachable: the socket's operations fail meanwhile, and the next change or the
      // expiry timer looks again.
      logger.warn('could not recheck an integration socket', { error: (error as Error).message });
    }
  }
}
