import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import type { AccountStatus } from '../../core/graphql/generated/graphql';
import { PadlockIcon } from './padlock-icon';

type AccountState = 'ACTIVE' | 'NOT_ACTIVATED' | 'BLOCKED' | 'PREDELETED';

/**
 * The state of an account in a list (« Paramétrage de la classe », the user list): Activé,
 * Non activé (with the padlock), Bloqué, Pré-supprimé.
 */
@Component({
  selector: 'app-account-state-badge',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslocoPipe, PadlockIcon],
  template: `
    @switch (state()) {
      @case ('ACTIVE') {
        <span class="state state--active">{{ 'accountState.active' | transloco }}</span>
      }
      @case ('NOT_ACTIVATED') {
        <span class="state state--inactive">
          <app-padlock-icon /><span class="visually-hidden">{{ 'accountState.padlock' | transloco }} </span
          >{{ 'accountState.notActivated' | transloco }}
        </span>
      }
      @case ('BLOCKED') {
        <span class="state state--blocked">{{ 'accountState.blocked' | transloco }}</span>
      }
      @case ('PREDELETED') {
        <span class="state state--blocked">{{ 'accountState.predeleted' | transloco }}</span>
      }
    }
  `,
})
export class AccountStateBadge {
  readonly status = input.required<AccountStatus>();
  readonly activated = input.required<boolean>();

  protected readonly state = computed<AccountState>(() => {
    const status = this.status();
    if (status === 'PREDELETED' || status === 'BLOCKED') {
      return status;
    }
    return this.activated() ? 'ACTIVE' : 'NOT_ACTIVATED';
  });
}
