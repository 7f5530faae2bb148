import { ChangeDetectionStrategy, Component, ElementRef, computed, input, output, viewChild } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import type { MailingFailure } from './mailing-tracker';
import type { MailingState } from './data/mailing.operations';

let nextId = 0;

/**
 * How far a publipostage got: a progress bar (role="progressbar", « 12 / 40 fiches » visible),
 * announced politely at the start, each quarter and the end (not at every tick); then the outcome:
 * « Télécharger le PDF » for a PDF, the sent / failed counts and the failed e-mails with their
 * reasons for an e-mail mailing, the server's reason when the whole mailing failed.
 * `compact` (one account): no bar, only the words.
 */
@Component({
  selector: 'app-mailing-progress',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslocoPipe],
  styles: `
    .mailing-progress {
      display: flex;
      flex-direction: column;
      gap: var(--space-2);
    }
    .mailing-progress:focus {
      outline: 3px solid var(--color-primary);
      outline-offset: 4px;
    }
    .mailing-progress__bar {
      height: 1.25rem;
      border: 1px solid var(--color-text-muted);
      border-radius: var(--radius-s);
      background: var(--color-bg);
      overflow: hidden;
    }
    .mailing-progress__fill {
      height: 100%;
      background: var(--color-primary);
      transition: width 0.2s linear;
    }
    .mailing-progress__count {
      margin: 0;
      font-weight: 700;
    }
    .mailing-progress__detail,
    .mailing-progress .alert {
      margin: 0;
    }
    .mailing-progress .alert p {
      margin: 0 0 var(--space-1);
    }
    .mailing-progress__failures caption {
      text-align: left;
      font-weight: 700;
      padding-bottom: var(--space-2);
    }
    @media (prefers-reduced-motion: reduce) {
      .mailing-progress__fill {
        transition: none;
      }
    }
  `,
  template: `
    @let m = mailing();
    <div #box class="mailing-progress" role="group" tabindex="-1" [attr.aria-labelledby]="titleId">
      <p class="visually-hidden" [id]="titleId">{{ 'mailingRun.title' | transloco }}</p>
      @if (!compact()) {
        <div
          class="mailing-progress__bar"
          role="progressbar"
          aria-valuemin="0"
          [attr.aria-valuemax]="m.total"
          [attr.aria-valuenow]="m.done"
          [attr.aria-valuetext]="countKey() | transloco: counts()"
          [attr.aria-label]="'mailingRun.barLabel' | transloco"
        >
          <div class="mailing-progress__fill" [style.width.%]="percent()"></div>
        </div>
        <p class="mailing-progress__count" aria-hidden="true">{{ countKey() | transloco: counts() }}</p>
        @if (m.kind === 'EMAIL') {
          <p class="mailing-progress__detail">{{ 'mailingRun.sentFailed' | transloco: counts() }}</p>
        }
      }

      <!-- Announced when it changes: the start, each quarter, the end. -->
      <p class="visually-hidden" role="status">
        @if (m.status === 'PENDING' || m.status === 'RUNNING') {
          {{ milestoneKey() | transloco: milestone() }}
        }
      </p>

      @switch (m.status) {
        @case ('PENDING') {
          @if (compact()) {
            <p class="mailing-progress__detail">{{ 'mailingRun.compactRunning' | transloco }}</p>
          }
        }
        @case ('RUNNING') {
          @if (compact()) {
            <p class="mailing-progress__detail">{{ 'mailingRun.compactRunning' | transloco }}</p>
          }
        }
        @case ('DONE') {
          @if (m.kind === 'PDF') {
            <div class="alert alert--success" role="status">
              <p>{{ (m.total === 1 ? 'mailingRun.pdfReadyOne' : 'mailingRun.pdfReadyMany') | transloco: counts() }}</p>
              @if (m.documentUrl; as url) {
                <p>
                  <a [href]="url" download (click)="downloaded.emit()">{{ 'mailingRun.downloadPdf' | transloco }}</a>
                </p>
              }
            </div>
          } @else if (!compact()) {
            <div class="alert" [class.alert--success]="m.failed === 0" [class.alert--error]="m.failed > 0" role="status">
              <p>{{ 'mailingRun.emailDone' | transloco: counts() }}</p>
            </div>
          }
        }
        @case ('FAILED') {
          <p class="alert alert--error" role="alert">{{ m.error || ('mailingRun.failed' | transloco) }}</p>
        }
      }

      @if (!compact() && m.kind === 'EMAIL' && m.status === 'DONE' && m.failed > 0) {
        @if (failures(); as failures) {
          <div class="table-scroll" role="region" tabindex="0" [attr.aria-labelledby]="failuresId">
            <table class="data-table mailing-progress__failures">
              <caption [id]="failuresId">{{ 'mailingRun.failuresTitle' | transloco: counts() }}</caption>
              <thead>
                <tr>
                  <th scope="col">{{ 'mailingRun.failureName' | transloco }}</th>
                  <th scope="col">{{ 'mailingRun.failureLogin' | transloco }}</th>
                  <th scope="col">{{ 'mailingRun.failureEmail' | transloco }}</th>
                  <th scope="col">{{ 'mailingRun.failureReason' | transloco }}</th>
                </tr>
              </thead>
              <tbody>
                @for (failure of failures; track failure.userId) {
                  <tr>
                    <th scope="row">{{ failure.displayName }}</th>
                    <td translate="no">{{ failure.login }}</td>
                    <td translate="no">{{ failure.email }}</td>
                    <td>{{ failure.error || ('mailingRun.noReason' | transloco) }}</td>
                  </tr>
                }
              </tbody>
            </table>
          </div>
        } @else {
          <p class="field__hint">{{ 'mailingRun.loadingFailures' | transloco }}</p>
        }
      }
    </div>
  `,
})
export class MailingProgress {
  private readonly box = viewChild.required<ElementRef<HTMLElement>>('box');

  readonly mailing = input.required<MailingState>();
  readonly failures = input<readonly MailingFailure[] | null>(null);
  readonly compact = input(false);
  /** « Télécharger le PDF » was followed. */
  readonly downloaded = output<void>();

  protected readonly titleId = `mailing-progress-title-${++nextId}`;
  protected readonly failuresId = `mailing-failures-${nextId}`;
  protected readonly countKey = computed(() => (this.mailing().kind === 'PDF' ? 'mailingRun.sheets' : 'mailingRun.emails'));
  protected readonly counts = computed(() => {
    const m = this.mailing();
    return { done: m.done, total: m.total, sent: m.sent, failed: m.failed };
  });
  protected readonly percent = computed(() => {
    const m = this.mailing();
    return m.total > 0 ? Math.min(100, Math.round((m.done / m.total) * 100)) : 0;
  });
  /** 0, 25, 50 or 75: the polite announcement changes only then. */
  private readonly quarter = computed(() => {
    const m = this.mailing();
    return m.total > 0 ? Math.min(3, Math.floor((m.done * 4) / m.total)) * 25 : 0;
  });
  private readonly total = computed(() => this.mailing().total);
  protected readonly milestoneKey = computed(() =>
    this.compact() ? 'mailingRun.compactRunning' : this.mailing().kind === 'PDF' ? 'mailingRun.milestonePdf' : 'mailingRun.milestoneEmail',
  );
  protected readonly milestone = computed(() => ({ percent: this.quarter(), total: this.total() }));

  /** For the page, after a start from a dialog or a button that went away. */
  focus(): void {
    this.box().nativeElement.focus();
  }
}
