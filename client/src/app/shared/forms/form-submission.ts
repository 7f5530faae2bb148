import { Injector, afterNextRender, inject, signal } from '@angular/core';
import { TranslocoService } from '@jsverse/transloco';
import type { UserError } from '../../core/errors/user-error';
import { UserErrorMessageService } from '../../core/errors/user-error-message.service';
import type { ErrorSummary } from './error-summary';
import type { FormErrors } from './form-errors';

type FieldMessages = Readonly<Record<string, string>>;

/**
 * The submit of a form that shows its errors in a `FormErrors`: the busy flag (`aria-busy`, a
 * second submit ignored), the page's own "missing field" checks, the server's `BAD_USER_INPUT`
 * mapped onto the fields, and the focus moved to the error summary after a failure.
 * Create it in a field initializer (it injects its services).
 */
export class FormSubmission {
  private readonly injector = inject(Injector);
  private readonly transloco = inject(TranslocoService);
  private readonly userErrors = inject(UserErrorMessageService);

  readonly pending = signal(false);

  constructor(
    private readonly errors: FormErrors,
    private readonly summary: () => ErrorSummary,
    /** Called after the errors are shown (e.g. to unfold a field that has one). */
    private readonly afterFail?: () => void,
  ) {}

  /**
   * The page's own checks: `missing` gives, per field, whether it is missing and the key of its
   * message. Shows them all (with « forms.hasErrors ») and returns false when one is missing.
   */
  checkFilled(missing: Readonly<Record<string, readonly [isMissing: boolean, messageKey: string]>>): boolean {
    const fields: Record<string, string> = {};
    for (const [name, [isMissing, messageKey]] of Object.entries(missing)) {
      if (isMissing) {
        fields[name] = this.transloco.translate(messageKey);
      }
    }
    if (Object.keys(fields).length > 0) {
      this.fail({ message: this.transloco.translate('forms.hasErrors'), fields });
      return false;
    }
    return true;
  }

  /**
   * Runs the request with the form busy and its errors cleared; a failure is described
   * (server message, fields) and shown. `fieldsOf` may point the error at other fields.
   */
  async run(send: () => Promise<void>, fieldsOf?: (error: UserError) => FieldMessages): Promise<void> {
    this.pending.set(true);
    this.errors.clear();
    try {
      await send();
    } catch (error: unknown) {
      const described = this.userErrors.describe(error);
      this.fail({ message: described.message, fields: fieldsOf ? fieldsOf(described) : described.fields });
    } finally {
      this.pending.set(false);
    }
  }

  /** Shows the errors and moves the focus to the summary once it is rendered. */
  fail(error: { message: string; fields: FieldMessages }): void {
    this.errors.show(error);
    this.afterFail?.();
    afterNextRender(() => this.summary().focus(), { injector: this.injector });
  }
}
