import { ChangeDetectionStrategy, Component, input } from '@angular/core';

/**
 * The « Login » cell of the account tables: `<td [appLoginCell]="row">`, the login with the
 * identifiant personnalisé (alias) under it, left untranslated.
 */
@Component({
  selector: 'td[appLoginCell]',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { translate: 'no' },
  template: `
    {{ account().login }}
    @if (account().alias; as alias) {
      <span class="login-cell__alias">{{ alias }}</span>
    }
  `,
  styles: `
    .login-cell__alias {
      display: block;
      color: var(--color-text-muted);
      font-size: 0.875rem;
    }
  `,
})
export class LoginCell {
  readonly account = input.required<{ readonly login: string; readonly alias: string | null }>({ alias: 'appLoginCell' });
}
