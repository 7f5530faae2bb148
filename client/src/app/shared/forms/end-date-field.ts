import { ChangeDetectionStrategy, Component, input, model } from '@angular/core';
import { FieldError } from './field-error';

/** A Date as the value of <input type="datetime-local"> (local time, minutes). */
export function localInputValue(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/**
 * An optional end date and time (« Jusqu'au (facultatif) ») with its hint and error, as the block
 * dialogs ask for it. Labels and hints come translated from the host; ids derive from `fieldId`.
 */
@Component({
  selector: 'app-end-date-field',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FieldError],
  template: `
    <div class="field">
      <label class="field__label" [attr.for]="fieldId()">{{ label() }}</label>
      <input
        [id]="fieldId()"
        class="field__input"
        type="datetime-local"
        [min]="minimum()"
        [value]="value()"
        (input)="value.set(valueOf($event))"
        [attr.aria-invalid]="error() ? true : null"
        [attr.aria-describedby]="error() ? fieldId() + '-hint ' + fieldId() + '-error' : fieldId() + '-hint'"
      />
      <p [id]="fieldId() + '-hint'" class="field__hint">{{ hint() }}</p>
      <app-field-error [errorId]="fieldId() + '-error'" [message]="error()" />
    </div>
  `,
})
export class EndDateField {
  readonly fieldId = input.required<string>();
  readonly label = input.required<string>();
  readonly hint = input.required<string>();
  readonly minimum = input.required<string>();
  readonly error = input<string | null>(null);
  readonly value = model('');

  protected valueOf(event: Event): string {
    return (event.target as HTMLInputElement).value;
  }
}
