import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';

@Component({
  selector: 'app-site-footer',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslocoPipe],
  template: `
    <footer class="site-footer">
      <p>{{ 'shell.footer' | transloco }}</p>
    </footer>
  `,
})
export class SiteFooter {}
