import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import type { ImportSession } from './data/import-users.operations';

/** The counts of the totals table, in the order (rows), per profile (columns: fits 390 px). */
const COUNTS = ['created', 'modified', 'unchanged', 'transfers', 'classChanges', 'absent', 'toArbitrate', 'errors', 'warnings'] as const;

/**
 * The dry run at a glance: each file as read (kind, encoding with three accented names to check
 * it, rows), the totals per profile, the classes to create or rename, the families, and why no
 * leaver is proposed when the file is partial.
 */
@Component({
  selector: 'app-import-report-summary',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslocoPipe],
  template: `
    <section class="card stack" aria-labelledby="import-files-title">
      <h2 id="import-files-title">{{ 'importUsers.report.filesTitle' | transloco }}</h2>
      @for (file of session().files; track file.fileName) {
        <div class="stack stack--tight import-file-read">
          <h3>{{ file.fileName }}</h3>
          <dl class="record-facts">
            <div class="record-facts__row">
              <dt>{{ 'importUsers.report.kind' | transloco }}</dt>
              <dd>{{ 'importUsers.kinds.' + file.kind | transloco }}</dd>
            </div>
            <div class="record-facts__row">
              <dt>{{ 'importUsers.report.encoding' | transloco }}</dt>
              <dd>{{ file.encoding }}</dd>
            </div>
            <div class="record-facts__row">
              <dt>{{ 'importUsers.report.samples' | transloco }}</dt>
              <dd>{{ file.samples.length ? file.samples.join(' · ') : ('importUsers.report.noSamples' | transloco) }}</dd>
            </div>
            <div class="record-facts__row">
              <dt>{{ 'importUsers.report.rows' | transloco }}</dt>
              <dd>{{ file.rows }}</dd>
            </div>
          </dl>
          <p class="field__hint">{{ 'importUsers.report.samplesHint' | transloco }}</p>
          @for (warning of file.warnings; track $index) {
            <p class="alert alert--warning">{{ warning }}</p>
          }
        </div>
      }
    </section>

    <section class="card stack" aria-labelledby="import-totals-title">
      <h2 id="import-totals-title">{{ 'importUsers.report.totalsTitle' | transloco }}</h2>
      <div class="table-scroll" role="region" tabindex="0" aria-labelledby="import-totals-caption">
        <table class="data-table">
          <caption id="import-totals-caption" class="visually-hidden">{{ 'importUsers.report.totalsCaption' | transloco: { school: session().schoolName } }}</caption>
          <thead>
            <tr>
              <td></td>
              @for (totals of session().totals; track totals.profile) {
                <th scope="col">{{ 'importUsers.profiles.' + totals.profile | transloco }}</th>
              }
            </tr>
          </thead>
          <tbody>
            @for (count of counts; track count) {
              <tr>
                <th scope="row">{{ 'importUsers.totals.' + count | transloco }}</th>
                @for (totals of session().totals; track totals.profile) {
                  <td class="import-number">{{ totals[count] }}</td>
                }
              </tr>
            }
          </tbody>
        </table>
      </div>
      @if (changedClasses().length > 0) {
        <h3>{{ 'importUsers.report.classesTitle' | transloco }}</h3>
        <ul class="record-list">
          @for (plan of changedClasses(); track $index) {
            <li class="record-list__item">
              @if (plan.operation === 'RENAME') {
                {{ 'importUsers.classes.RENAME' | transloco: { old: plan.oldName, name: plan.name } }}
              } @else {
                {{ 'importUsers.classes.' + plan.operation | transloco: { name: plan.name } }}
              }
              <span class="record-list__meta">({{ 'importUsers.classes.pupils' | transloco: { count: plan.pupils } }})</span>
            </li>
          }
        </ul>
      }
      <h3>{{ 'importUsers.report.familiesTitle' | transloco }}</h3>
      <ul class="record-list">
        <li class="record-list__item">{{ 'importUsers.families.none' | transloco: { count: session().families.pupilsWithoutGuardian } }}</li>
        <li class="record-list__item">{{ 'importUsers.families.one' | transloco: { count: session().families.pupilsWithOneGuardian } }}</li>
        <li class="record-list__item">{{ 'importUsers.families.twoOrMore' | transloco: { count: session().families.pupilsWithTwoOrMoreGuardians } }}</li>
        <li class="record-list__item">{{ 'importUsers.families.noEmail' | transloco: { count: session().families.guardiansWithoutEmail } }}</li>
      </ul>
      <h3>{{ 'importUsers.leavers.title' | transloco }}</h3>
      @if (session().leavers.withheld; as why) {
        <p>{{ why }}</p>
      } @else {
        <p>{{ 'importUsers.leavers.count' | transloco: { pupils: session().leavers.pupils, relatives: session().leavers.relatives } }}</p>
      }
    </section>
  `,
  styles: `
    .import-number {
      text-align: end;
      font-variant-numeric: tabular-nums;
    }
  `,
})
export class ImportReportSummary {
  readonly session = input.required<ImportSession>();
  protected readonly counts = COUNTS;
  protected readonly changedClasses = computed(() => this.session().classes.filter((plan) => plan.operation !== 'UNCHANGED'));
}
