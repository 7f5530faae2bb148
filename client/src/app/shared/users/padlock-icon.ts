import { ChangeDetectionStrategy, Component } from '@angular/core';

/**
 * The padlock of the guide's lists (🔒) for accounts not activated yet: drawn, so it shows without
 * an emoji font. Decorative: the text next to it (visible or visually hidden) says it.
 */
@Component({
  selector: 'app-padlock-icon',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'padlock-icon' },
  template: `
    <svg aria-hidden="true" focusable="false" viewBox="0 0 24 24" width="14" height="14">
      <path d="M8 11V8a4 4 0 0 1 8 0v3" fill="none" stroke="currentColor" stroke-width="2.5" />
      <rect x="5" y="11" width="14" height="10" rx="2" fill="currentColor" />
    </svg>
  `,
})
export class PadlockIcon {}
