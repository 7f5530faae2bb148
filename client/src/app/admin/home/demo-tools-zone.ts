import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';

/** The operator's demonstration tools: the mails Préau would have sent. */
@Component({
  selector: 'app-demo-tools-zone',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, TranslocoPipe],
  template: `
    <section class="card stack" aria-labelledby="demo-tools-title">
      <h2 id="demo-tools-title">{{ 'admin.demoTools.title' | transloco }}</h2>
      <ul class="link-list">
        <li class="link-list__item">
          <a class="link-list__link" routerLink="/admin/courriels">{{ 'admin.demoTools.outbox' | transloco }}</a>
          <span class="link-list__hint">{{ 'admin.demoTools.outboxHint' | transloco }}</span>
        </li>
      </ul>
    </section>
  `,
})
export class DemoToolsZone {}
