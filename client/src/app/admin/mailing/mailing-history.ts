import { ChangeDetectionStrategy, Component, DestroyRef, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { TranslocoPipe } from '@jsverse/transloco';
import { Apollo } from 'apollo-angular';
import { apolloPage } from '../../core/data/apollo-page';
import { keysetPaged } from '../../core/data/keyset-paged';
import { UserErrorMessageService } from '../../core/errors/user-error-message.service';
import type { MailingRecipientStatus as RecipientStatus } from '../../core/graphql/generated/graphql';
import { LanguageService } from '../../core/i18n/language.service';
import { DateTimePipe } from '../../shared/format/date-time.pipe';
import type { MailingState } from '../../shared/mailing/data/mailing.operations';
import { withLiveMailing } from './with-live-mailing';
import { MAILING_RECIPIENTS_QUERY, MY_MAILINGS_QUERY, type PastMailing } from './data/mailing-history.operations';

const PAGE = 50;
const MAILINGS = 20;

/**
 * The follow-up of « Envoyer par mail » and the director's past mailings: one table of their own
 * mailings (PDF and e-mail, newest first, with their state; « Télécharger le PDF » while it is kept,
 * 24 h), and for an e-mail mailing, each recipient and what became of their e-mail (envoyé, en
 * attente, en échec with the mail server's answer), filtered by state. The mailing just made on the
 * page is shown as soon as it ends.
 */
@Component({
  selector: 'app-mailing-history',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslocoPipe, DateTimePipe, FormsModule],
  styles: `
    .mailing-history__filter {
      display: flex;
      flex-wrap: wrap;
      gap: var(--space-2);
      align-items: end;
    }
  `,
  template: `
    <section class="card stack" aria-labelledby="mailing-history-title">
      <h2 id="mailing-history-title">{{ 'mailingHistory.title' | transloco }}</h2>
      @if (failure(); as message) {
        <p class="alert alert--error" role="alert">{{ message }}</p>
      }
      @if (rows(); as mailings) {
        @if (mailings.length === 0) {
          <p>{{ 'mailingHistory.empty' | transloco }}</p>
        } @else {
          <div class="table-scroll" role="region" tabindex="0" aria-labelledby="mailing-history-caption">
            <table class="data-table">
              <caption id="mailing-history-caption" class="visually-hidden">{{ 'mailingHistory.tableLabel' | transloco }}</caption>
              <thead>
                <tr>
                  <th scope="col">{{ 'mailingHistory.date' | transloco }}</th>
                  <th scope="col">{{ 'mailingHistory.kind' | transloco }}</th>
                  <th scope="col">{{ 'mailingHistory.state' | transloco }}</th>
                  <th scope="col">{{ 'mailingHistory.actions' | transloco }}</th>
                </tr>
              </thead>
              <tbody>
                @for (mailing of mailings; track mailing.id) {
                  <tr>
                    <th scope="row">{{ mailing.createdAt | dateTime: language() }}</th>
                    <td>{{ 'mailingHistory.kinds.' + mailing.kind | transloco: { total: mailing.total } }}</td>
                    <td>
                      {{ 'mailingHistory.states.' + mailing.status | transloco }}
                      @if (mailing.kind === 'EMAIL') {
                        · {{ 'mailingHistory.counts' | transloco: { sent: mailing.sent, failed: mailing.failed, total: mailing.total } }}
                      }
                    </td>
                    <td>
                      @if (mailing.documentUrl; as url) {
                        <a [href]="url" download
                          >{{ 'mailingHistory.download' | transloco }}<span class="visually-hidden">{{ 'forms.labelSeparator' | transloco }}{{ mailing.createdAt | dateTime: language() }}</span></a
                        >
                      } @else if (mailing.kind === 'EMAIL') {
                        <button type="button" class="button button--secondary button--small" [attr.aria-pressed]="selected()?.id === mailing.id" (click)="select(mailing)">
                          {{ 'mailingHistory.recipients' | transloco }}<span class="visually-hidden">{{ 'forms.labelSeparator' | transloco }}{{ mailing.createdAt | dateTime: language() }}</span>
                        </button>
                      } @else if (mailing.status === 'DONE') {
                        {{ 'mailingHistory.expired' | transloco }}
                      }
                    </td>
                  </tr>
                }
              </tbody>
            </table>
          </div>
        }
      } @else if (!failure()) {
        <p>{{ 'mailingHistory.loading' | transloco }}</p>
      }

      @if (selected(); as mailing) {
        <section class="stack" aria-labelledby="mailing-recipients-title">
          <h3 id="mailing-recipients-title">{{ 'mailingHistory.recipientsTitle' | transloco: { date: (mailing.createdAt | dateTime: language()) } }}</h3>
          <div class="mailing-history__filter">
            <div class="field">
              <label class="field__label" for="mailing-recipients-filter">{{ 'mailingHistory.filter' | transloco }}</label>
              <select id="mailing-recipients-filter" class="field__input" [ngModel]="status()" (ngModelChange)="filter($event)">
                <option value="">{{ 'mailingHistory.all' | transloco }}</option>
                <option value="SENT">{{ 'mailingHistory.recipientStates.SENT' | transloco }}</option>
                <option value="PENDING">{{ 'mailingHistory.recipientStates.PENDING' | transloco }}</option>
                <option value="FAILED">{{ 'mailingHistory.recipientStates.FAILED' | transloco }}</option>
              </select>
            </div>
          </div>
          @if (recipients(); as recipients) {
            @if (recipients.length === 0) {
              <p>{{ 'mailingHistory.noRecipient' | transloco }}</p>
            } @else {
              <div class="table-scroll" role="region" tabindex="0" [attr.aria-label]="'mailingHistory.recipientsTable' | transloco">
                <table class="data-table">
                  <thead>
                    <tr>
                      <th scope="col">{{ 'mailingRun.failureName' | transloco }}</th>
                      <th scope="col">{{ 'mailingRun.failureLogin' | transloco }}</th>
                      <th scope="col">{{ 'mailingRun.failureEmail' | transloco }}</th>
                      <th scope="col">{{ 'mailingHistory.recipientState' | transloco }}</th>
                    </tr>
                  </thead>
                  <tbody>
                    @for (recipient of recipients; track recipient.userId) {
                      <tr>
                        <th scope="row">{{ recipient.displayName }}</th>
                        <td translate="no">{{ recipient.login }}</td>
                        <td translate="no">{{ recipient.email }}</td>
                        <td>
                          {{ 'mailingHistory.recipientStates.' + recipient.status | transloco }}
                          @if (recipient.status === 'FAILED' && recipient.error) {
                            : {{ recipient.error }}
                          }
                        </td>
                      </tr>
                    }
                  </tbody>
                </table>
              </div>
              @if (moreRecipients()) {
                <div>
                  <button type="button" class="button button--secondary" (click)="loadMoreRecipients()">{{ 'mailingHistory.more' | transloco }}</button>
                </div>
              }
            }
          }
        </section>
      }
    </section>
  `,
})
export class MailingHistory {
  private readonly apollo = inject(Apollo);
  private readonly userErrors = inject(UserErrorMessageService);
  protected readonly language = inject(LanguageService).current;

  /** The mailing made on this page, as last heard of: shown here once it ends. */
  readonly current = input<MailingState | null>(null);

  /** The newest mailings (one page); only the newest load lands, so a late answer of an older load
   * never brings back an older state. */
  private readonly history = keysetPaged(
    apolloPage(
      this.apollo,
      MY_MAILINGS_QUERY,
      () => ({ first: MAILINGS }),
      ({ myMailings }) => ({ items: myMailings.nodes, hasNextPage: false, endCursor: null }),
    ),
  );
  protected readonly selected = signal<PastMailing | null>(null);
  protected readonly status = signal<RecipientStatus | ''>('');
  /** The selected e-mail mailing's recipients (of the state chosen), « Voir plus » from the end cursor. */
  private readonly recipientPages = keysetPaged(
    apolloPage(
      this.apollo,
      MAILING_RECIPIENTS_QUERY,
      (after) => ({ id: this.selected()?.id ?? '', status: this.status() || null, first: PAGE, after }),
      ({ mailing }) => ({
        items: mailing.recipients.nodes.map((recipient) => ({ ...recipient, id: recipient.userId })),
        hasNextPage: mailing.recipients.endCursor != null,
        endCursor: mailing.recipients.endCursor ?? null,
      }),
    ),
  );

  protected readonly rows = computed(() => withLiveMailing(this.history.items(), this.current()));
  /** Reloaded when the page's mailing starts and when it ends, not on every progress event. */
  private readonly reloadKey = computed(() => {
    const current = this.current();
    const ended = current?.status === 'DONE' || current?.status === 'FAILED';
    return current ? `${current.id}:${ended}` : '';
  });
  protected readonly failure = computed(() => {
    const error = this.history.error() ?? this.recipientPages.error();
    return error ? this.userErrors.describe(error).message : null;
  });
  protected readonly recipients = this.recipientPages.items;
  protected readonly moreRecipients = this.recipientPages.hasNextPage;

  constructor() {
    effect(() => {
      this.reloadKey();
      untracked(() => {
        const current = this.current();
        const ended = current?.status === 'DONE' || current?.status === 'FAILED';
        void this.load(ended && current?.kind === 'EMAIL' ? current.id : null);
      });
    });
    inject(DestroyRef).onDestroy(() => {
      this.history.reset();
      this.recipientPages.reset();
    });
  }

  protected select(mailing: PastMailing): void {
    this.selected.set(mailing);
    this.status.set('');
    void this.recipientPages.reload({ clear: true });
  }

  protected filter(status: RecipientStatus | ''): void {
    this.status.set(status);
    void this.recipientPages.reload({ clear: true });
  }

  protected loadMoreRecipients(): void {
    void this.recipientPages.loadMore();
  }

  /** Loads the list again, then shows the recipients of `selectId` (the page's mailing just ended)
   * or of the mailing already selected. */
  private async load(selectId: string | null): Promise<void> {
    await this.history.reload();
    if (this.history.loading() || this.history.error()) {
      // A newer load is on its way (it selects in turn), or this one failed.
      return;
    }
    const keep = selectId ?? this.selected()?.id;
    const again = this.history.items()?.find((mailing) => mailing.id === keep);
    if (again) {
      this.select(again);
    }
  }
}
