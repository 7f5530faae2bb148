import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { AuthService } from '../../core/auth/auth.service';
import { canManageApiClients, isOperator } from '../../core/auth/home-path';
import { ApiClientsZone } from './api-clients-zone';
import { AdministeredScope } from './administered-scope';
import { DemoToolsZone } from './demo-tools-zone';
import { ImportsExportsZone } from './imports-exports-zone';
import { ReportsZone } from './reports-zone';
import { SchoolClassesZone } from './school-classes-zone';
import { SupervisionZone } from './supervision-zone';
import { UserSearchZone } from './user-search-zone';

/**
 * /admin: the guide's two zones, the classes of the écoles administered, the reports feed,
 * the supervisor's view, « Applications connectées » (département admins and the operator), the
 * operator's demo tools and the user's scope.
 */
@Component({
  selector: 'app-admin-home-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    TranslocoPipe,
    UserSearchZone,
    ImportsExportsZone,
    SchoolClassesZone,
    ReportsZone,
    SupervisionZone,
    DemoToolsZone,
    ApiClientsZone,
    AdministeredScope,
  ],
  templateUrl: './admin-home-page.html',
  styleUrl: './admin-home-page.css',
})
export default class AdminHomePage {
  protected readonly user = inject(AuthService).currentUser;
  protected readonly isSupervisor = computed(() => this.user()?.home === 'SUPERVISOR');
  protected readonly grants = computed(() => this.user()?.functions ?? []);
  protected readonly administersSchools = computed(() => this.grants().some((grant) => grant.structure?.kind === 'ECOLE'));
  protected readonly managesApiClients = computed(() => {
    const user = this.user();
    return !!user && canManageApiClients(user);
  });
  protected readonly isOperator = computed(() => {
    const user = this.user();
    return !!user && isOperator(user);
  });
}
