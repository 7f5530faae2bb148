import { ChangeDetectionStrategy, Component } from '@angular/core';

/** A calm, visible note saying plainly that something is not built yet. Text is projected. */
@Component({
  selector: 'app-coming-soon-notice',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'notice' },
  template: `<span class="notice__icon" aria-hidden="true">⏳</span><p class="notice__text"><ng-content /></p>`,
})
export class ComingSoonNotice {}
