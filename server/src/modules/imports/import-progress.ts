import type { EventBus } from '../../platform/pubsub/event-bus';
import { logger } from '../../platform/logging/logger';

export type ImportPhase = 'CHECKING' | 'WRITING' | 'APPLIED';

/**
 * Progress of one « Appliquer », sent as `import.progress` NOTIFYs from outside the apply's
 * transaction (so they arrive while it runs, on whichever instance the creator's page is connected
 * to): the first step at once, then at most one every `intervalMs`, and always the last one.
 * A progress bar needs a few updates a second, not one per account.
 */
export class ImportProgress {
  private last = 0;
  private latest: { phase: ImportPhase; done: number; total: number } | null = null;
  private trailing: NodeJS.Timeout | undefined;
  private sending: Promise<void> = Promise.resolve();

  constructor(
    private readonly events: EventBus,
    private readonly sessionId: string,
    private readonly creatorId: string,
    /** The API client whose token applies it (its progress goes to that client's channel), or null. */
    private readonly clientId: string | null,
    private readonly intervalMs = 250,
  ) {}

  step(phase: ImportPhase, done: number, total: number): void {
    this.latest = { phase, done, total };
    if (Date.now() - this.last >= this.intervalMs) return this.flush();
    this.trailing ??= setTimeout(() => this.flush(), this.intervalMs);
  }

  /** The last step, sent after whatever was sent before it. */
  async finish(phase: ImportPhase, done: number, total: number): Promise<void> {
    this.latest = { phase, done, total };
    this.flush();
    await this.sending;
  }

  /** Stops the trailing step of an apply that was refused or failed. */
  cancel(): void {
    clearTimeout(this.trailing);
    this.trailing = undefined;
    this.latest = null;
  }

  private flush(): void {
    clearTimeout(this.trailing);
    this.trailing = undefined;
    const step = this.latest;
    if (!step) return;
    this.latest = null;
    this.last = Date.now();
    // One after the other: NOTIFYs from the pool's connections could otherwise overtake each other.
    this.sending = this.sending
      .then(() => this.events.publish({ type: 'import.progress', sessionId: this.sessionId, creatorId: this.creatorId, clientId: this.clientId, ...step }))
      .catch((error: Error) => logger.warn('import progress not published', { error: error.message }));
  }
}
