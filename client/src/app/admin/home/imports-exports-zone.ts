import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';

interface ImportExportLink {
  readonly path: string;
  readonly labelKey: string;
  readonly hintKey: string;
}

/** « Imports / Exports »: the three functions of the guide, each on its own page. */
@Component({
  selector: 'app-imports-exports-zone',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, TranslocoPipe],
  template: `
    <section class="card stack" aria-labelledby="imports-exports-title">
      <h2 id="imports-exports-title">{{ 'admin.importsExports.title' | transloco }}</h2>
      <ul class="link-list">
        @for (link of links; track link.path) {
          <li class="link-list__item">
            <a class="link-list__link" [routerLink]="link.path">{{ link.labelKey | transloco }}</a>
            <span class="link-list__hint">{{ link.hintKey | transloco }}</span>
          </li>
        }
      </ul>
    </section>
  `,
})
export class ImportsExportsZone {
  protected readonly links: readonly ImportExportLink[] = [
    {
      path: '/admin/importer-des-utilisateurs',
      labelKey: 'admin.importsExports.importUsers',
      hintKey: 'admin.importsExports.importUsersHint',
    },
    {
      path: '/admin/exporter-des-comptes',
      labelKey: 'admin.importsExports.exportAccounts',
      hintKey: 'admin.importsExports.exportAccountsHint',
    },
    {
      path: '/admin/publipostage-des-comptes',
      labelKey: 'admin.importsExports.mailing',
      hintKey: 'admin.importsExports.mailingHint',
    },
  ];
}
