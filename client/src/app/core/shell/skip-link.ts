import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { MAIN_CONTENT_ID } from './main-content';

/** « Aller au contenu »: the first focusable element of every page, visible when focused. */
@Component({
  selector: 'app-skip-link',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslocoPipe],
  template: `<a class="skip-link" [href]="'#' + mainContentId" (click)="skipToContent($event)">{{ 'shell.skipLink' | transloco }}</a>`,
})
export class SkipLink {
  private readonly document = inject(DOCUMENT);
  protected readonly mainContentId = MAIN_CONTENT_ID;

  /** Moves focus into <main> without letting the router see a fragment navigation. */
  protected skipToContent(event: Event): void {
    event.preventDefault();
    this.document.getElementById(MAIN_CONTENT_ID)?.focus();
  }
}
