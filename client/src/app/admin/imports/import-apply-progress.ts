import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import type { ImportPhase } from '../../core/graphql/generated/graphql';

/** One step of « Appliquer » as `importProgress` sends it. */
export interface ImportApplyStep {
  readonly phase: ImportPhase;
  readonly done: number;
  readonly total: number;
}

/**
 * How far « Appliquer » got: a progress bar (role="progressbar", the steps as its value, the phase
 * in words: « Vérification de l'école… », « 120 / 402 lignes écrites », « Import appliqué »). The
 * page's live region announces the start and the end; the bar itself is not announced at each step.
 */
@Component({
  selector: 'app-import-apply-progress',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslocoPipe],
  styles: `
    .import-progress__bar {
      height: 1.25rem;
      border: 1px solid var(--color-text-muted);
      border-radius: var(--radius-s);
      background: var(--color-bg);
      overflow: hidden;
    }
    .import-progress__fill {
      height: 100%;
      background: var(--color-primary);
      transition: width 0.2s linear;
    }
    .import-progress__words {
      margin: var(--space-2) 0 0;
      font-weight: 700;
    }
    @media (prefers-reduced-motion: reduce) {
      .import-progress__fill {
        transition: none;
      }
    }
  `,
  template: `
    @let s = step();
    <div
      class="import-progress__bar"
      role="progressbar"
      aria-valuemin="0"
      [attr.aria-valuemax]="s.total"
      [attr.aria-valuenow]="s.done"
      [attr.aria-valuetext]="wordsKey() | transloco: s"
      [attr.aria-label]="'importUsers.progress.label' | transloco"
    >
      <div class="import-progress__fill" [style.width.%]="percent()"></div>
    </div>
    <p class="import-progress__words" aria-hidden="true">{{ wordsKey() | transloco: s }}</p>
  `,
})
export class ImportApplyProgress {
  readonly step = input.required<ImportApplyStep>();

  protected readonly percent = computed(() => {
    const { done, total } = this.step();
    return total > 0 ? Math.min(100, Math.round((done / total) * 100)) : 0;
  });

  protected readonly wordsKey = computed(() => `importUsers.progress.${this.step().phase}`);
}
