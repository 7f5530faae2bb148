import type { EventBus } from '../pubsub/event-bus';

/** Something kept in memory per user that must follow their sessions and rights. */
export interface ForgetsUsers {
  forgetUsers(userIds: readonly string[]): void;
  forgetAll(): void;
}

/**
 * Wires a per-user memory to the notifications that make it stale: `actor.changed` (the triggers of
 * migration ActorCacheNotify), `session.revoked`, and a lost or recovered listening connection
 * (notifications sent meanwhile never arrive).
 */
export function forgetOnActorChanges(events: EventBus, memory: ForgetsUsers): void {
  events.on('actor.changed', (event) => (event.all ? memory.forgetAll() : memory.forgetUsers(event.userIds ?? [])));
  events.on('session.revoked', (event) => memory.forgetUsers([event.userId]));
  events.onLost(() => memory.forgetAll());
  events.onReconnect(() => memory.forgetAll());
}
