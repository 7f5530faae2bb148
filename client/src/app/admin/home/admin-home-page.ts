import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { AuthService } from '../../core/auth/auth.service';
import { AdministeredScope } from './administered-scope';
import { ImportsExportsZone } from './imports-exports-zone';
import { ReportsZone } from './reports-zone';
import { SupervisionZone } from './supervision-zone';
import { UserSearchZone } from './user-search-zone';

/** /admin: the guide's two zones, the reports feed, the supervisor's view and the user's scope. */
@Component({
  selector: 'app-admin-home-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslocoPipe, UserSearchZone, ImportsExportsZone, ReportsZone, SupervisionZone, AdministeredScope],
  templateUrl: './admin-home-page.html',
  styleUrl: './admin-home-page.css',
})
export default class AdminHomePage {
  protected readonly user = inject(AuthService).currentUser;
  protected readonly isSupervisor = computed(() => this.user()?.home === 'SUPERVISOR');
  protected readonly grants = computed(() => this.user()?.functions ?? []);
}
