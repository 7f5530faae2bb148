import { EventBus } from '../../platform/pubsub/event-bus';
import { logger } from '../../platform/logging/logger';

/**
 * Progress events of running mailings, at most one per mailing every `intervalMs` (a progress bar
 * needs a few updates a second, not one per e-mail), and always the final one.
 */
export class MailingProgress {
  private readonly last = new Map<string, number>();
  private readonly trailing = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly events: EventBus,
    private readonly intervalMs = 250,
  ) {}

  touch(mailingId: string, final = false): void {
    const now = Date.now();
    const pending = this.trailing.get(mailingId);
    if (final || now - (this.last.get(mailingId) ?? 0) >= this.intervalMs) {
      if (pending) clearTimeout(pending);
      this.trailing.delete(mailingId);
      this.publish(mailingId, now);
      if (final) this.last.delete(mailingId);
      return;
    }
    if (!pending) {
      this.trailing.set(
        mailingId,
        setTimeout(() => {
          this.trailing.delete(mailingId);
          this.publish(mailingId, Date.now());
        }, this.intervalMs),
      );
    }
  }

  private publish(mailingId: string, at: number): void {
    this.last.set(mailingId, at);
    this.events.publish({ type: 'mailing.progress', mailingId }).catch((error: Error) => logger.warn('progress not published', { error: error.message }));
  }

  close(): void {
    for (const timer of this.trailing.values()) clearTimeout(timer);
    this.trailing.clear();
  }
}
