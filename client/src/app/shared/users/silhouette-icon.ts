import { ChangeDetectionStrategy, Component } from '@angular/core';

/** The guide's « silhouette » that opens the list of users. Decorative: the link says it. */
@Component({
  selector: 'app-silhouette-icon',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'silhouette-icon' },
  template: `
    <svg aria-hidden="true" focusable="false" viewBox="0 0 24 24" width="20" height="20">
      <circle cx="12" cy="7.5" r="4" fill="currentColor" />
      <path d="M4 21c0-4.4 3.6-7.5 8-7.5s8 3.1 8 7.5z" fill="currentColor" />
    </svg>
  `,
})
export class SilhouetteIcon {}
