import { computed, signal } from '@angular/core';
import type { UserError } from '../../core/errors/user-error';

/** A field of a form, as the error summary and the field messages need it. */
export interface FormField {
  /** The name the server uses in `extensions.fields` (e.g. `passwordConfirmation`). */
  readonly name: string;
  /** The id of the input: target of the summary's link, base of the message's id. */
  readonly inputId: string;
  /** The translation key of the field's label, repeated in the summary. */
  readonly labelKey: string;
}

/** One line of the error summary: a link to the field when the field is on the page. */
export interface SummaryItem {
  readonly inputId: string | null;
  readonly labelKey: string | null;
  readonly message: string;
}

/**
 * The errors of one form, all at once: a general message for the summary (role="alert") and one
 * message per field, shown under the field and linked to it (aria-describedby, aria-invalid).
 * Server field names unknown to the form still reach the summary, never silently dropped.
 */
export class FormErrors {
  private readonly general = signal<string | null>(null);
  private readonly perField = signal<Readonly<Record<string, string>>>({});

  /** The summary's lead message, null when the form has no error. */
  readonly message = this.general.asReadonly();
  readonly summaryItems = computed<SummaryItem[]>(() => {
    const errors = this.perField();
    const known = this.fields
      .filter((field) => errors[field.name])
      .map((field) => ({ inputId: field.inputId, labelKey: field.labelKey, message: errors[field.name] }));
    const unknown = Object.entries(errors)
      .filter(([name]) => !this.fields.some((field) => field.name === name))
      .map(([, message]) => ({ inputId: null, labelKey: null, message }));
    return [...known, ...unknown];
  });

  constructor(private readonly fields: readonly FormField[]) {}

  /** Shows an error from the server (or the client's own checks, in the same shape). */
  show(error: Pick<UserError, 'message' | 'fields'>): void {
    this.general.set(error.message);
    this.perField.set({ ...error.fields });
  }

  clear(): void {
    this.general.set(null);
    this.perField.set({});
  }

  /** The message of one field, or null. */
  of(name: string): string | null {
    return this.perField()[name] ?? null;
  }

  /** `true` for aria-invalid, null (no attribute) when the field is fine. */
  invalid(name: string): true | null {
    return this.of(name) ? true : null;
  }

  /** The id of the field's message, for the input's aria-describedby. */
  errorId(name: string): string {
    return `${this.inputIdOf(name)}-error`;
  }

  /** aria-describedby of an input: its hints, then its error message when it has one. */
  describedBy(name: string, ...hintIds: string[]): string | null {
    const ids = [...hintIds, ...(this.of(name) ? [this.errorId(name)] : [])];
    return ids.length > 0 ? ids.join(' ') : null;
  }

  /** The first field with an error, to put the focus back where the work is. */
  firstInvalidInputId(): string | null {
    return this.fields.find((field) => this.of(field.name))?.inputId ?? null;
  }

  private inputIdOf(name: string): string {
    return this.fields.find((field) => field.name === name)?.inputId ?? name;
  }
}
