import { ChangeDetectionStrategy, Component, ElementRef, Injector, afterNextRender, computed, effect, inject, input, signal, untracked, viewChild } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { MailingProgress } from '../../../shared/mailing/mailing-progress';
import { MailingTracker } from '../../../shared/mailing/mailing-tracker';
import type { UserRecord } from '../data/user-record.fragment';

/**
 * « Publipostage » of the record (guide, tutorial 5): « Fiche de connexion individuelle PDF » (one
 * letter, downloaded as soon as it is printed) and « Fiche de connexion individuelle mail » (sent
 * to the account's address; refused, with the reason, when it has none). One at a time; the outcome
 * is said next to the buttons and takes the focus.
 */
@Component({
  selector: 'app-record-mailing',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslocoPipe, MailingProgress],
  template: `
    <div class="stack stack--tight">
      <div class="record-buttons">
        <button type="button" id="record-sheet-pdf" class="button button--secondary button--small" [disabled]="tracker.busy()" (click)="printSheet()">
          {{ 'userRecord.connection.mailingPdf' | transloco }}
        </button>
        <button
          type="button"
          id="record-sheet-mail"
          class="button button--secondary button--small"
          [disabled]="tracker.busy() || !user().email"
          [attr.aria-describedby]="user().email ? null : 'record-sheet-no-email'"
          (click)="mailSheet()"
        >
          {{ 'userRecord.connection.mailingMail' | transloco }}
        </button>
      </div>
      @if (!user().email) {
        <p id="record-sheet-no-email" class="field__hint">{{ 'userRecord.connection.mailingNoEmail' | transloco }}</p>
      }
      <div #outcome class="record-mailing__outcome" tabindex="-1">
        @if (tracker.startError(); as message) {
          <p class="field__error" role="alert">{{ message }}</p>
        }
        @if (tracker.mailing(); as mailing) {
          <app-mailing-progress [mailing]="mailing" [compact]="true" />
          @if (mailing.kind === 'EMAIL' && mailing.status === 'DONE') {
            @if (mailing.sent > 0) {
              <p class="record-outcome" role="status">{{ 'userRecord.connection.mailingSent' | transloco: { email: sentTo() } }}</p>
            } @else if (tracker.failures(); as failures) {
              <p class="field__error" role="alert">
                {{ 'userRecord.connection.mailingFailed' | transloco: { email: sentTo(), reason: failures[0]?.error || ('mailingRun.noReason' | transloco) } }}
              </p>
            }
          }
        }
      </div>
    </div>
  `,
  styles: `
    .record-mailing__outcome:empty {
      display: none;
    }
    .record-mailing__outcome:focus {
      outline: none;
    }
    .record-mailing__outcome:focus-visible {
      outline: 3px solid var(--color-focus);
      outline-offset: 2px;
    }
  `,
})
export class RecordMailing {
  private readonly injector = inject(Injector);
  private readonly outcome = viewChild.required<ElementRef<HTMLElement>>('outcome');

  readonly user = input.required<UserRecord>();

  protected readonly tracker = new MailingTracker();
  /** The address the last sheet was sent to (the record may change meanwhile). */
  protected readonly sentTo = signal('');
  private readonly userId = computed(() => this.user().id);

  constructor() {
    // Another record: the last outcome was about someone else.
    effect(() => {
      this.userId();
      untracked(() => this.tracker.reset());
    });
  }

  protected async printSheet(): Promise<void> {
    await this.tracker.start({ kind: 'PDF', layout: 'ONE_PER_PAGE', userIds: [this.user().id] });
    this.focusOutcome();
  }

  protected async mailSheet(): Promise<void> {
    const email = this.user().email;
    if (!email) {
      return;
    }
    this.sentTo.set(email);
    await this.tracker.start({ kind: 'EMAIL', userIds: [this.user().id] });
    this.focusOutcome();
  }

  /** The button pressed is disabled while it runs: the focus goes to what happens instead. */
  private focusOutcome(): void {
    afterNextRender(() => this.outcome().nativeElement.focus(), { injector: this.injector });
  }
}
