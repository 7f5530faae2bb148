import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';

/** « Applications connectées »: the way to the API clients (département admins and the operator). */
@Component({
  selector: 'app-api-clients-zone',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, TranslocoPipe],
  template: `
    <section class="card stack" aria-labelledby="api-clients-zone-title">
      <h2 id="api-clients-zone-title">{{ 'admin.apiClients.title' | transloco }}</h2>
      <p>{{ 'admin.apiClients.lead' | transloco }}</p>
      <ul class="link-list">
        <li class="link-list__item"><a class="link-list__link" routerLink="/admin/applications-connectees">{{ 'admin.apiClients.open' | transloco }}</a></li>
        <li class="link-list__item"><a class="link-list__link" routerLink="/admin/developpeurs">{{ 'admin.apiClients.developers' | transloco }}</a></li>
      </ul>
    </section>
  `,
})
export class ApiClientsZone {}
