import type { WebSocket } from 'ws';

/**
 * Open graphql-ws sockets by user (and the session they were opened with), so that revoking
 * sessions (blocking, password change, logout) closes the matching live connections at once.
 */
export class SocketRegistry {
  private readonly byUser = new Map<string, Map<WebSocket, string | undefined>>();

  add(userId: string, socket: WebSocket, sessionId?: string): void {
    let sockets = this.byUser.get(userId);
    if (!sockets) this.byUser.set(userId, (sockets = new Map()));
    sockets.set(socket, sessionId);
    socket.once('close', () => {
      sockets.delete(socket);
      if (sockets.size === 0 && this.byUser.get(userId) === sockets) this.byUser.delete(userId);
    });
  }

  /**
   * Closes with 4401 "Unauthorized", which graphql-ws clients treat as final (no retry with the same
   * session). Only the sockets of `sessionId` when given, else all of the user's.
   */
  closeFor(userId: string, sessionId?: string, reason = 'Session ended'): number {
    const sockets = this.byUser.get(userId);
    if (!sockets) return 0;
    let closed = 0;
    for (const [socket, socketSession] of sockets) {
      if (sessionId && socketSession !== sessionId) continue;
      socket.close(4401, reason);
      closed++;
    }
    return closed;
  }

  closeEverything(): void {
    for (const sockets of this.byUser.values()) for (const socket of sockets.keys()) socket.close(1001, 'Server shutting down');
  }

  get size(): number {
    let count = 0;
    for (const sockets of this.byUser.values()) count += sockets.size;
    return count;
  }
}
