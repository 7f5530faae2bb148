import type { WebSocket } from 'ws';

/**
 * Open graphql-ws sockets by user, so that revoking a user's sessions (blocking, password change,
 * logout everywhere) can close their live connections on this instance at once.
 */
export class SocketRegistry {
  private readonly byUser = new Map<string, Set<WebSocket>>();

  add(userId: string, socket: WebSocket): void {
    let sockets = this.byUser.get(userId);
    if (!sockets) this.byUser.set(userId, (sockets = new Set()));
    sockets.add(socket);
    socket.once('close', () => {
      sockets.delete(socket);
      if (sockets.size === 0 && this.byUser.get(userId) === sockets) this.byUser.delete(userId);
    });
  }

  /** 4401 "Unauthorized" as graphql-ws clients understand it: do not retry with the same session. */
  closeAllFor(userId: string, reason = 'Session ended'): number {
    const sockets = this.byUser.get(userId);
    if (!sockets) return 0;
    for (const socket of sockets) socket.close(4401, reason);
    return sockets.size;
  }

  closeEverything(): void {
    for (const sockets of this.byUser.values()) for (const socket of sockets) socket.close(1001, 'Server shutting down');
  }

  get size(): number {
    let count = 0;
    for (const sockets of this.byUser.values()) count += sockets.size;
    return count;
  }
}
