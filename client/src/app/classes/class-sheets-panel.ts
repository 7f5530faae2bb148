import { ChangeDetectionStrategy, Component, ElementRef, Injector, afterNextRender, effect, inject, input, signal, untracked, viewChild } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import type { SheetLayout } from '../core/graphql/generated/graphql';
import { MailingProgress } from '../shared/mailing/mailing-progress';
import { MailingTracker } from '../shared/mailing/mailing-tracker';

const LAYOUTS: readonly SheetLayout[] = ['ONE_PER_PAGE', 'TWO_PER_PAGE', 'EIGHT_PER_PAGE'];

/**
 * « Fiches de connexion de la classe (PDF) » for the class's teacher: the connection sheets of its
 * pupils and of their parents (alphabetical, so a family stays together), in the chosen model,
 * not-activated accounts only unless unticked; progress, then the download.
 */
@Component({
  selector: 'app-class-sheets-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslocoPipe, MailingProgress],
  template: `
    <section class="card stack" aria-labelledby="class-sheets-title">
      <h2 id="class-sheets-title">{{ 'classSettings.sheets.title' | transloco }}</h2>
      <p>{{ 'classSettings.sheets.intro' | transloco }}</p>
      <div class="class-sheets__options">
        <div class="class-sheets__field">
          <label for="class-sheets-layout">{{ 'mailing.layout.label' | transloco }}</label>
          <select id="class-sheets-layout" class="field__input field__input--compact" (change)="setLayout($event)">
            @for (option of layouts; track option) {
              <option [value]="option" [selected]="layout() === option">{{ 'mailing.layout.' + option | transloco }}</option>
            }
          </select>
        </div>
        <label class="choice">
          <input type="checkbox" [checked]="notActivatedOnly()" (change)="notActivatedOnly.set(!notActivatedOnly())" />
          {{ 'classSettings.sheets.notActivatedOnly' | transloco }}
        </label>
        <button type="button" id="class-sheets-button" class="button button--primary" [disabled]="tracker.busy()" (click)="generate()">
          {{ 'classSettings.sheets.generate' | transloco }}
        </button>
      </div>
      <div #outcome class="class-sheets__outcome stack stack--tight" tabindex="-1">
        @if (tracker.startError(); as message) {
          <p class="alert alert--error" role="alert">{{ message }}</p>
        }
        @if (tracker.mailing(); as mailing) {
          <app-mailing-progress [mailing]="mailing" />
        }
      </div>
    </section>
  `,
  styles: `
    .class-sheets__options {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: var(--space-3) var(--space-5);
    }
    .class-sheets__field {
      display: inline-flex;
      align-items: center;
      gap: var(--space-2);
      font-weight: 700;
    }
    .class-sheets__field select {
      width: auto;
      font-weight: 400;
    }
    .class-sheets__outcome:empty {
      display: none;
    }
    .class-sheets__outcome:focus {
      outline: none;
    }
  `,
})
export class ClassSheetsPanel {
  private readonly injector = inject(Injector);
  private readonly outcome = viewChild.required<ElementRef<HTMLElement>>('outcome');

  readonly classId = input.required<string>();

  protected readonly layouts = LAYOUTS;
  protected readonly layout = signal<SheetLayout>('ONE_PER_PAGE');
  protected readonly notActivatedOnly = signal(true);
  protected readonly tracker = new MailingTracker();

  constructor() {
    effect(() => {
      this.classId();
      untracked(() => this.tracker.reset());
    });
  }

  protected setLayout(event: Event): void {
    this.layout.set((event.target as HTMLSelectElement).value as SheetLayout);
  }

  protected async generate(): Promise<void> {
    await this.tracker.start({
      kind: 'PDF',
      layout: this.layout(),
      teacherClassIds: [this.classId()],
      filter: this.notActivatedOnly() ? { activated: false } : null,
    });
    afterNextRender(() => this.outcome().nativeElement.focus(), { injector: this.injector });
  }
}
