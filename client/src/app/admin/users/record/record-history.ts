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
  untracked,
} from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { Apollo } from 'apollo-angular';
import { apolloPage } from '../../../core/data/apollo-page';
import { keysetPaged } from '../../../core/data/keyset-paged';
import { UserErrorMessageService } from '../../../core/errors/user-error-message.service';
import type { UserHistoryQuery } from '../../../core/graphql/generated/graphql';
import { LanguageService } from '../../../core/i18n/language.service';
import { DateTimePipe } from '../../../shared/format/date-time.pipe';
import { type SentencePart, auditSentence } from './audit-sentence';
import { USER_HISTORY_QUERY } from '../data/user-history.query';
import { UserRecordStore } from '../data/user-record.store';

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
  private readonly userErrors = inject(UserErrorMessageService);
  private readonly store = inject(UserRecordStore);
  private readonly document = inject(DOCUMENT);
  private readonly injector = inject(Injector);
  private readonly userId = computed(() => this.store.user()?.id ?? null);
  private readonly history = keysetPaged(
    apolloPage(
      inject(Apollo),
      USER_HISTORY_QUERY,
      (after) => ({ userId: this.userId() ?? '', first: PAGE_SIZE, after }),
      ({ auditLog }) => ({
        items: auditLog.edges.map((edge) => edge.node),
        hasNextPage: auditLog.hasNextPage,
        endCursor: auditLog.endCursor ?? null,
      }),
    ),
  );

  protected readonly language = inject(LanguageService).current;
  protected readonly entries = computed<readonly Entry[]>(() => this.history.items() ?? []);
  protected readonly hasMore = this.history.hasNextPage;
  protected readonly loading = this.history.loading;
  protected readonly failure = computed(() => {
    const error = this.history.error();
    return error ? this.userErrors.describe(error).message : null;
  });

  constructor() {
    effect(() => {
      const userId = this.userId();
      this.store.revision();
      untracked(() => (userId ? void this.history.reload() : this.history.reset()));
    });
    inject(DestroyRef).onDestroy(() => this.history.reset());
  }

  protected sentence(entry: Entry): SentencePart[] {
    return auditSentence(entry, this.language());
  }

  protected async more(): Promise<void> {
    if (this.loading() || !this.hasMore()) {
      return;
    }
    await this.history.loadMore();
    if (!this.history.error() && !this.history.hasNextPage()) {
      // « Voir plus » is gone: the focus goes to the history itself rather than nowhere.
      afterNextRender(() => this.document.getElementById('record-history-table')?.focus(), { injector: this.injector });
    }
  }
}
