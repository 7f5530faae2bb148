import { DOCUMENT } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  Injector,
  afterNextRender,
  computed,
  effect,
  inject,
  signal,
  untracked,
} from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { Apollo } from 'apollo-angular';
import type { Subscription } from 'rxjs';
import { UserErrorMessageService } from '../../../core/errors/user-error-message.service';
import type { UserHistoryQuery } from '../../../core/graphql/generated/graphql';
import { LanguageService } from '../../../core/i18n/language.service';
import { DateTimePipe } from '../../../shared/format/date-time.pipe';
import { type SentencePart, auditSentence } from './audit-sentence';
import { USER_HISTORY_QUERY } from './user-history.query';
import { UserRecordStore } from './user-record.store';

type Entry = UserHistoryQuery['auditLog']['edges'][number]['node'];

const PAGE_SIZE = 20;

/**
 * « Historique »: what was done to this account (audit log), newest first, in French sentences,
 * with who did it, when and from which address; « Voir plus » for older lines. Asked again after
 * every action of the page.
 */
@Component({
  selector: 'app-record-history',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslocoPipe, DateTimePipe],
  template: `
    <section class="card stack" aria-labelledby="record-history-title">
      <h2 id="record-history-title">{{ 'userRecord.history.title' | transloco }}</h2>
      @if (failure(); as message) {
        <p class="alert alert--error" role="alert">{{ message }}</p>
      }
      @if (entries().length > 0) {
        <div
          id="record-history-table"
          class="table-scroll"
          role="region"
          tabindex="0"
          [attr.aria-label]="'userRecord.history.tableLabel' | transloco"
        >
          <table class="data-table">
            <thead>
              <tr>
                <th scope="col">{{ 'userRecord.history.when' | transloco }}</th>
                <th scope="col">{{ 'userRecord.history.what' | transloco }}</th>
                <th scope="col">{{ 'userRecord.history.who' | transloco }}</th>
                <th scope="col">{{ 'userRecord.history.where' | transloco }}</th>
              </tr>
            </thead>
            <tbody>
              @for (entry of entries(); track entry.id) {
                <tr>
                  <th scope="row" class="record-history__when">{{ entry.at | dateTime: language() }}</th>
                  <td class="record-history__what">
                    @for (part of sentence(entry); track $index) {
                      @if ('key' in part) {
                        {{ part.key | transloco: part.params }}
                      } @else {
                        {{ part.text }}
                      }
                    }
                  </td>
                  <td>{{ entry.actorLabel || ('userRecord.history.unknownActor' | transloco) }}</td>
                  <td translate="no">{{ entry.clientAddress || '—' }}</td>
                </tr>
              }
            </tbody>
          </table>
        </div>
      } @else if (!loading() && !failure()) {
        <p>{{ 'userRecord.history.none' | transloco }}</p>
      }
      @if (loading()) {
        <p class="field__hint">{{ 'userRecord.history.loading' | transloco }}</p>
      }
      @if (hasMore()) {
        <p>
          <button type="button" class="button button--secondary" [attr.aria-busy]="loading()" (click)="more()">
            {{ 'userRecord.history.more' | transloco }}
          </button>
        </p>
      }
    </section>
  `,
})
export class RecordHistory {
  private readonly apollo = inject(Apollo);
  private readonly userErrors = inject(UserErrorMessageService);
  private readonly store = inject(UserRecordStore);
  private readonly document = inject(DOCUMENT);
  private readonly injector = inject(Injector);
  private request: Subscription | null = null;
  private endCursor: string | null = null;

  protected readonly language = inject(LanguageService).current;
  protected readonly entries = signal<readonly Entry[]>([]);
  protected readonly hasMore = signal(false);
  protected readonly loading = signal(false);
  protected readonly failure = signal<string | null>(null);
  private readonly userId = computed(() => this.store.user()?.id ?? null);

  constructor() {
    effect(() => {
      const userId = this.userId();
      this.store.revision();
      untracked(() => this.load(userId, null));
    });
    inject(DestroyRef).onDestroy(() => this.request?.unsubscribe());
  }

  protected sentence(entry: Entry): SentencePart[] {
    return auditSentence(entry, this.language());
  }

  protected more(): void {
    if (!this.loading() && this.endCursor) {
      this.load(this.userId(), this.endCursor);
    }
  }

  private load(userId: string | null, after: string | null): void {
    this.request?.unsubscribe();
    if (!userId) {
      return;
    }
    this.loading.set(true);
    this.failure.set(null);
    this.request = this.apollo
      .query({ query: USER_HISTORY_QUERY, variables: { userId, first: PAGE_SIZE, after }, fetchPolicy: 'network-only' })
      .subscribe({
        next: (result) => {
          this.loading.set(false);
          const log = result.data?.auditLog;
          if (!log) {
            this.failure.set(this.userErrors.describe(result.error).message);
            return;
          }
          const page = log.edges.map((edge) => edge.node);
          this.entries.set(after ? [...this.entries(), ...page] : page);
          this.hasMore.set(log.hasNextPage);
          this.endCursor = log.endCursor ?? null;
          if (after && !log.hasNextPage) {
            // « Voir plus » is gone: the focus goes to the history itself rather than nowhere.
            afterNextRender(() => this.document.getElementById('record-history-table')?.focus(), { injector: this.injector });
          }
        },
        error: (error: unknown) => {
          this.loading.set(false);
          this.failure.set(this.userErrors.describe(error).message);
        },
      });
  }
}
