import { ChangeDetectionStrategy, Component, DestroyRef, effect, inject, input, signal, untracked } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { Apollo } from 'apollo-angular';
import type { Subscription } from 'rxjs';
import type { PasswordRuleQuery } from '../../core/graphql/generated/graphql';
import { LanguageService } from '../../core/i18n/language.service';
import { PASSWORD_RULE_QUERY } from './data/password-rule.query';

export type PasswordRule = PasswordRuleQuery['passwordRule'];

/**
 * The server's password rule, shown on every page that sets a password and referenced by the
 * new-password input's aria-describedby (`ruleId`). Asked again when the language changes,
 * since the server writes the text in the language of the request.
 */
@Component({
  selector: 'app-password-rule',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslocoPipe],
  template: `
    <p class="field__hint password-rule" [id]="ruleId()">
      @if (rule(); as rule) {
        {{ rule.text }}
      } @else if (failed()) {
        {{ 'passwordRule.unavailable' | transloco }}
      }
    </p>
  `,
})
export class PasswordRuleHint {
  private readonly apollo = inject(Apollo);
  private readonly language = inject(LanguageService);
  private request: Subscription | null = null;

  readonly ruleId = input.required<string>();
  /** The rule once known (the page may use maxLength on its inputs). */
  readonly rule = signal<PasswordRule | null>(null);
  protected readonly failed = signal(false);

  constructor() {
    effect(() => {
      this.language.current();
      untracked(() => this.load());
    });
    inject(DestroyRef).onDestroy(() => this.request?.unsubscribe());
  }

  private load(): void {
    this.request?.unsubscribe();
    this.failed.set(false);
    this.request = this.apollo.query({ query: PASSWORD_RULE_QUERY, fetchPolicy: 'network-only' }).subscribe({
      next: (result) => this.rule.set(result.data?.passwordRule ?? null),
      error: () => this.failed.set(true),
    });
  }
}
