import { Injectable, computed, inject, signal } from '@angular/core';
import { TranslocoService } from '@jsverse/transloco';
import { Apollo } from 'apollo-angular';
import { type Observable, type Subscription, firstValueFrom } from 'rxjs';
import type { UserError } from '../../../core/errors/user-error';
import { UserErrorMessageService } from '../../../core/errors/user-error-message.service';
import type { UserRecord } from './user-record.fragment';
import { USER_RECORD_QUERY } from './user-record.query';

type RecordState =
  | { readonly kind: 'loading' }
  | { readonly kind: 'loaded'; readonly user: UserRecord }
  | { readonly kind: 'failed'; readonly message: string };

/** An action's outcome, shown next to it: `key` is « section:action » (e.g. « classes:remove:<id> »). */
interface Feedback {
  readonly key: string;
  readonly section: string;
}

/**
 * The record being shown, shared by the page and its sections (provided by the page). Every action
 * goes through `run`: one at a time, its error kept for the action that failed (server message,
 * code, fields), the record replaced by the one the server answers with, the history told to reload.
 */
@Injectable()
export class UserRecordStore {
  private readonly apollo = inject(Apollo);
  private readonly transloco = inject(TranslocoService);
  private readonly userErrors = inject(UserErrorMessageService);
  private request: Subscription | null = null;
  private readonly failure = signal<(Feedback & { readonly error: UserError }) | null>(null);
  private readonly success = signal<(Feedback & { readonly message: string }) | null>(null);

  readonly state = signal<RecordState>({ kind: 'loading' });
  readonly user = computed(() => {
    const state = this.state();
    return state.kind === 'loaded' ? state.user : null;
  });
  /** Bumped after every change, so the history asks again. */
  readonly revision = signal(0);
  /** The key of the action running, if any. */
  readonly pending = signal<string | null>(null);

  load(id: string): void {
    this.request?.unsubscribe();
    this.state.set({ kind: 'loading' });
    this.clearFeedback();
    this.request = this.apollo.query({ query: USER_RECORD_QUERY, variables: { id }, fetchPolicy: 'network-only' }).subscribe({
      next: (result) =>
        this.state.set(
          result.data
            ? { kind: 'loaded', user: result.data.user }
            : { kind: 'failed', message: this.userErrors.describe(result.error).message },
        ),
      error: (error: unknown) => this.state.set({ kind: 'failed', message: this.userErrors.describe(error).message }),
    });
  }

  destroy(): void {
    this.request?.unsubscribe();
  }

  /**
   * Runs one action of the record. On success the record becomes the server's answer and
   * `successKey` (translated) is announced in the section; on failure the server's message stays
   * next to the action. Resolves to whether it worked.
   */
  async run<TData>(
    key: string,
    request: Observable<{ data?: TData | null }>,
    pick: (data: TData) => UserRecord | null | undefined,
    successKey?: string,
    successParams?: Record<string, unknown>,
  ): Promise<boolean> {
    if (this.pending()) {
      return false;
    }
    const section = key.split(':')[0];
    this.pending.set(key);
    this.clearFeedback();
    try {
      const result = await firstValueFrom(request);
      const user = result.data ? pick(result.data) : null;
      if (!user) {
        throw new Error(`${key}: empty answer`);
      }
      this.state.set({ kind: 'loaded', user });
      this.revision.update((value) => value + 1);
      if (successKey) {
        this.success.set({ key, section, message: this.transloco.translate(successKey, successParams ?? {}) });
      }
      return true;
    } catch (error: unknown) {
      this.failure.set({ key, section, error: this.userErrors.describe(error) });
      return false;
    } finally {
      this.pending.set(null);
    }
  }

  /** The error of this action (exact key), or null. */
  errorOf(key: string): UserError | null {
    const failure = this.failure();
    return failure?.key === key ? failure.error : null;
  }

  /** The success message of the last action of this section, or ''. */
  successIn(section: string): string {
    const success = this.success();
    return success?.section === section ? success.message : '';
  }

  isPending(key: string): boolean {
    return this.pending() === key;
  }

  clearFeedback(): void {
    this.failure.set(null);
    this.success.set(null);
  }

  clearError(key: string): void {
    if (this.failure()?.key === key) {
      this.failure.set(null);
    }
  }
}
