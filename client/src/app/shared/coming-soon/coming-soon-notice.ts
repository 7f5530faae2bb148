import { ChangeDetectionStrategy, Component } from '@angular/core';

/** A calm, visible note saying plainly that something is not built yet. Text is projected. */
@Component({
  selector: 'app-coming-soon-notice',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'notice' },
  template: `
    <svg class="notice__icon" aria-hidden="true" focusable="false" viewBox="0 0 24 24" width="20" height="20">
      <circle cx="12" cy="12" r="9" fill="none" stroke="currentColor" stroke-width="2" />
      <path d="M12 7v5l3.5 2" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" />
    </svg>
    <p class="notice__text"><ng-content /></p>
  `,
})
export class ComingSoonNotice {}
