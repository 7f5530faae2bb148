import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, ElementRef, inject, input, viewChild } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import type { FormErrors } from './form-errors';

/**
 * The summary at the top of a form (role="alert"): the general message, then one link per field
 * error that moves the focus into the field. The page focuses the summary after a failed submit.
 */
@Component({
  selector: 'app-error-summary',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslocoPipe],
  template: `
    @if (errors().message(); as message) {
      <div #box class="alert alert--error error-summary" role="alert" tabindex="-1">
        <p class="error-summary__message">{{ message }}</p>
        @if (errors().summaryItems().length > 0) {
          <ul class="error-summary__list">
            @for (item of errors().summaryItems(); track $index) {
              <li>
                @if (item.inputId; as inputId) {
                  <a [href]="'#' + inputId" (click)="focusField($event, inputId)"
                    >{{ item.labelKey ?? '' | transloco }}{{ 'forms.labelSeparator' | transloco }}{{ item.message }}</a
                  >
                } @else {
                  {{ item.message }}
                }
              </li>
            }
          </ul>
        }
      </div>
    }
  `,
})
export class ErrorSummary {
  private readonly document = inject(DOCUMENT);
  private readonly box = viewChild<ElementRef<HTMLElement>>('box');

  readonly errors = input.required<FormErrors>();

  /** Call once the summary is rendered (e.g. from afterNextRender). */
  focus(): void {
    this.box()?.nativeElement.focus();
  }

  /** Focuses the field itself, without letting the router see a fragment navigation. */
  protected focusField(event: Event, inputId: string): void {
    event.preventDefault();
    const field = this.document.getElementById(inputId);
    field?.focus();
    field?.scrollIntoView({ block: 'center' });
  }
}
