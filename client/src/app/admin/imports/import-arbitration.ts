import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import type { ImportLine } from './import-users.operations';

export type ArbitrationLine = ImportLine;

/**
 * « À arbitrer »: for each line two accounts (or two lines) could be this person; the admin picks
 * the account, or « Créer un nouveau compte ». One radio group per line, named after it.
 */
@Component({
  selector: 'app-import-arbitration',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslocoPipe],
  template: `
    <section class="card stack" aria-labelledby="import-arbitrate-title">
      <h2 id="import-arbitrate-title">{{ 'importUsers.arbitrate.title' | transloco: { count: lines().length } }}</h2>
      <p>{{ 'importUsers.arbitrate.intro' | transloco }}</p>
      @for (line of lines(); track keyOf(line)) {
        <fieldset class="checklist import-arbitrate">
          <legend class="checklist__legend">
            {{ 'importUsers.arbitrate.legend' | transloco: { name: line.lastName + ' ' + line.firstName, line: line.line, file: line.file } }}
            @if (line.className) {
              ({{ line.className }})
            }
          </legend>
          @for (message of line.messages; track $index) {
            <p class="field__hint">{{ message }}</p>
          }
          @for (candidate of line.candidates; track candidate.userId) {
            <label class="choice">
              <input type="radio" [name]="'arbitrate-' + keyOf(line)" [value]="candidate.userId" [checked]="choices().get(keyOf(line)) === candidate.userId" (change)="chosen.emit({ key: keyOf(line), userId: candidate.userId })" />
              {{ 'importUsers.arbitrate.existing' | transloco: { label: candidate.label } }}
            </label>
          }
          <label class="choice">
            <input type="radio" [name]="'arbitrate-' + keyOf(line)" value="" [checked]="choices().get(keyOf(line)) === ''" (change)="chosen.emit({ key: keyOf(line), userId: '' })" />
            {{ 'importUsers.arbitrate.createNew' | transloco }}
          </label>
        </fieldset>
      }
    </section>
  `,
})
export class ImportArbitration {
  readonly lines = input.required<readonly ArbitrationLine[]>();
  readonly choices = input.required<ReadonlyMap<string, string>>();
  readonly chosen = output<{ key: string; userId: string }>();

  protected keyOf(line: ArbitrationLine): string {
    return `${line.profile}:${line.line}`;
  }
}
