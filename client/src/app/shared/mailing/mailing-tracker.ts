import { DOCUMENT } from '@angular/common';
import { DestroyRef, computed, inject, signal } from '@angular/core';
import { Apollo } from 'apollo-angular';
import { type Subscription, firstValueFrom } from 'rxjs';
import { UserErrorMessageService } from '../../core/errors/user-error-message.service';
import type { CreateMailingInput, MailingFailuresQuery } from '../../core/graphql/generated/graphql';
import { downloadFile } from '../download/download-file';
import {
  CREATE_MAILING_MUTATION,
  MAILING_FAILURES_QUERY,
  MAILING_PROGRESS_SUBSCRIPTION,
  MAILING_QUERY,
  type MailingState,
} from './data/mailing.operations';

export type MailingFailure = MailingFailuresQuery['mailing']['recipients']['nodes'][number];

/** While the live channel is quiet, the mailing is asked again this often (a lost event never freezes the bar). */
const POLL_MS = 4000;
const FAILURES_PAGE = 100;

export function isFinished(mailing: MailingState | null): boolean {
  return mailing?.status === 'DONE' || mailing?.status === 'FAILED';
}

/**
 * One publipostage from the click to its end, for a page: `createMailing` (one at a time: a second
 * start is ignored while one runs), then `mailingProgress` live, `mailing(id)` once (it may already
 * be over) and now and then; at the end the PDF is downloaded once (when `autoDownload`) and the
 * e-mails that failed are read with their reasons. Create it in a field initializer.
 */
export class MailingTracker {
  private readonly apollo = inject(Apollo);
  private readonly document = inject(DOCUMENT);
  private readonly userErrors = inject(UserErrorMessageService);
  private live: Subscription | null = null;
  private request: Subscription | null = null;
  private poll: ReturnType<typeof setInterval> | null = null;
  private downloadedId: string | null = null;
  private generation = 0;

  /** The mailing as last heard of (null before the first start). */
  readonly mailing = signal<MailingState | null>(null);
  /** `createMailing` is on its way. */
  readonly starting = signal(false);
  /** Why the mailing could not start (the server's message, in the interface language). */
  readonly startError = signal<string | null>(null);
  /** The e-mails that failed, once an e-mail mailing is over (null until read). */
  readonly failures = signal<readonly MailingFailure[] | null>(null);
  readonly finished = computed(() => isFinished(this.mailing()));
  /** Starting, or running: no second mailing from this page meanwhile. */
  readonly busy = computed(() => this.starting() || (this.mailing() !== null && !this.finished()));

  constructor(private readonly options: { readonly autoDownload: boolean } = { autoDownload: true }) {
    inject(DestroyRef).onDestroy(() => this.stop());
  }

  /** Starts a mailing; resolves with it once created (null when refused, see `startError`). */
  async start(input: CreateMailingInput): Promise<MailingState | null> {
    if (this.busy()) {
      return null;
    }
    this.stop();
    const generation = ++this.generation;
    this.starting.set(true);
    this.startError.set(null);
    this.failures.set(null);
    this.mailing.set(null);
    try {
      const result = await firstValueFrom(this.apollo.mutate({ mutation: CREATE_MAILING_MUTATION, variables: { input } }));
      const created = result.data?.createMailing;
      if (!created) {
        throw result.error ?? new Error('createMailing: empty answer');
      }
      if (generation === this.generation) {
        this.apply(created);
        if (!this.finished()) {
          this.follow(created.id);
        }
      }
      return created;
    } catch (error: unknown) {
      if (generation === this.generation) {
        this.startError.set(this.userErrors.describe(error).message);
      }
      return null;
    } finally {
      if (generation === this.generation) {
        this.starting.set(false);
      }
    }
  }

  /** Forgets the last mailing (its outcome leaves the page). */
  reset(): void {
    this.stop();
    this.generation++;
    this.starting.set(false);
    this.mailing.set(null);
    this.startError.set(null);
    this.failures.set(null);
  }

  /** The PDF again (« Télécharger le PDF »), for a finished PDF mailing. */
  download(): void {
    const url = this.mailing()?.documentUrl;
    if (url) {
      downloadFile(this.document, url);
    }
  }

  private follow(id: string): void {
    this.live = this.apollo.subscribe({ query: MAILING_PROGRESS_SUBSCRIPTION, variables: { id } }).subscribe({
      next: (result) => {
        const mailing = result.data?.mailingProgress;
        if (mailing) {
          this.apply(mailing);
        }
      },
      // The polling below carries on.
      error: () => undefined,
    });
    this.ask(id);
    this.poll = setInterval(() => this.ask(id), POLL_MS);
  }

  private ask(id: string): void {
    this.request?.unsubscribe();
    this.request = this.apollo.query({ query: MAILING_QUERY, variables: { id }, fetchPolicy: 'network-only' }).subscribe({
      next: (result) => {
        if (result.data?.mailing) {
          this.apply(result.data.mailing);
        }
      },
      error: () => undefined,
    });
  }

  /** Keeps the furthest state: a finished mailing stays finished, the count never goes back. */
  private apply(next: MailingState): void {
    const current = this.mailing();
    if (current && current.id === next.id) {
      if (isFinished(current)) {
        return;
      }
      if (!isFinished(next) && next.done < current.done) {
        return;
      }
    } else if (current && current.id !== next.id) {
      return;
    }
    this.mailing.set(next);
    if (isFinished(next)) {
      this.stop();
      this.finish(next);
    }
  }

  private finish(mailing: MailingState): void {
    if (mailing.kind === 'PDF' && mailing.status === 'DONE' && mailing.documentUrl && this.options.autoDownload && this.downloadedId !== mailing.id) {
      this.downloadedId = mailing.id;
      downloadFile(this.document, mailing.documentUrl);
    }
    if (mailing.kind === 'EMAIL') {
      void this.loadFailures(mailing);
    }
  }

  private async loadFailures(mailing: MailingState): Promise<void> {
    const generation = this.generation;
    if (mailing.failed === 0) {
      this.failures.set([]);
      return;
    }
    const all: MailingFailure[] = [];
    let after: string | null = null;
    try {
      do {
        const result: { data?: MailingFailuresQuery | undefined } = await firstValueFrom(
          this.apollo.query({
            query: MAILING_FAILURES_QUERY,
            variables: { id: mailing.id, first: FAILURES_PAGE, after },
            fetchPolicy: 'network-only',
          }),
        );
        const page: MailingFailuresQuery['mailing']['recipients'] | undefined = result.data?.mailing?.recipients;
        if (!page) {
          break;
        }
        all.push(...page.nodes);
        after = page.endCursor ?? null;
      } while (after);
    } catch {
      // The counts stay; the list is what could be read.
    }
    if (generation === this.generation) {
      this.failures.set(all);
    }
  }

  private stop(): void {
    this.live?.unsubscribe();
    this.live = null;
    this.request?.unsubscribe();
    this.request = null;
    if (this.poll) {
      clearInterval(this.poll);
      this.poll = null;
    }
  }
}
