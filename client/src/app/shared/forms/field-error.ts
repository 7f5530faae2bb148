import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';

/** The message under a field, referenced by the input's aria-describedby. */
@Component({
  selector: 'app-field-error',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslocoPipe],
  template: `
    @if (message(); as message) {
      <p class="field__error" [id]="errorId()">
        <span class="visually-hidden">{{ 'forms.errorPrefix' | transloco }}</span>{{ message }}
      </p>
    }
  `,
})
export class FieldError {
  readonly errorId = input.required<string>();
  readonly message = input<string | null>(null);
}
