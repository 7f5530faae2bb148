import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { type SupervisionFigures, percent } from './supervision-table';

/** Beyond this many écoles a bar each is unreadable: the chart shows the circonscriptions instead. */
const MAX_BARS = 40;

interface Bar {
  readonly id: string;
  readonly name: string;
  readonly activation: number | null;
  readonly covered: number | null;
}

/**
 * Parents activés and « Familles couvertes » per école (per circonscription for a wide view), in
 * SVG bars. The table below holds the same figures and is the accessible equivalent: the bars are
 * hidden from assistive technologies and the caption says where the figures are.
 */
@Component({
  selector: 'app-supervision-chart',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslocoPipe],
  template: `
    @if (bars().length > 0) {
      <figure class="chart">
        <figcaption class="chart__caption">
          {{ (byCirconscription() ? 'supervision.chart.captionCirconscriptions' : 'supervision.chart.caption') | transloco }}
        </figcaption>
        <div class="chart__body" aria-hidden="true">
          <p class="chart__legend">
            <span class="chart__key"><span class="chart__swatch chart__swatch--activation"></span>{{ 'supervision.chart.activation' | transloco }}</span>
            <span class="chart__key"><span class="chart__swatch chart__swatch--covered"></span>{{ 'supervision.chart.covered' | transloco }}</span>
          </p>
          @for (bar of bars(); track bar.id) {
            <div class="chart__row">
              <span class="chart__label">{{ bar.name }}</span>
              <svg class="chart__bars" width="100%" height="26" focusable="false">
                <rect class="chart__track" x="0" y="1" width="100%" height="11" />
                <rect class="chart__bar chart__bar--activation" x="0" y="1" [attr.width]="(bar.activation ?? 0) + '%'" height="11" />
                <rect class="chart__track" x="0" y="14" width="100%" height="11" />
                <rect class="chart__bar chart__bar--covered" x="0" y="14" [attr.width]="(bar.covered ?? 0) + '%'" height="11" />
              </svg>
              <span class="chart__values">{{ shown(bar.activation) }} · {{ shown(bar.covered) }}</span>
            </div>
          }
        </div>
      </figure>
    }
  `,
  styleUrl: './supervision-chart.css',
})
export class SupervisionChart {
  /** The écoles as the table shows them (filtered, sorted). */
  readonly ecoles = input.required<readonly SupervisionFigures[]>();
  /** Their circonscriptions' rows, charted instead when the écoles are too many. */
  readonly circonscriptions = input.required<readonly SupervisionFigures[]>();

  protected readonly byCirconscription = computed(() => this.ecoles().length > MAX_BARS);
  protected readonly bars = computed<Bar[]>(() => {
    const rows = this.byCirconscription() ? this.circonscriptions().slice(0, MAX_BARS) : this.ecoles();
    return rows.map((row) => ({
      id: row.id,
      name: row.name,
      activation: percent(row.relativesActivated, row.relatives),
      covered: percent(row.pupilsCovered, row.students),
    }));
  });

  protected shown(value: number | null): string {
    return value === null ? '—' : `${value} %`;
  }
}
