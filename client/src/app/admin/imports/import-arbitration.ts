import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import type { ImportLine } from './data/import-users.operations';

export type ArbitrationLine = ImportLine;

/**
 * « À arbitrer »: for each line two accounts (or two lines) could be this person; the admin picks
 * the account, or « Créer un nouveau compte ». One radio group per line, named after it.
 * `sameAddress`: a guardian with the name and address of one already known (and nothing else in
 * common): « Créer un nouveau compte » is chosen until the admin confirms it is that account.
 */
@Component({
  selector: 'app-import-arbitration',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslocoPipe],
  template: `
    <section class="card stack" [attr.aria-labelledby]="'import-' + kind() + '-title'">
      <h2 [id]="'import-' + kind() + '-title'">{{ 'importUsers.' + kind() + '.title' | transloco: { count: lines().length } }}</h2>
      <p>{{ 'importUsers.' + kind() + '.intro' | transloco }}</p>
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
              <input type="radio" [name]="kind() + '-' + keyOf(line)" [value]="candidate.userId" [checked]="choices().get(keyOf(line)) === candidate.userId" (change)="chosen.emit({ key: keyOf(line), userId: candidate.userId })" />
              {{ 'importUsers.arbitrate.existing' | transloco: { label: candidate.label } }}
            </label>
          }
          <label class="choice">
            <input type="radio" [name]="kind() + '-' + keyOf(line)" value="" [checked]="isNew(line)" (change)="chosen.emit({ key: keyOf(line), userId: '' })" />
            {{ 'importUsers.arbitrate.createNew' | transloco }}
          </label>
        </fieldset>
      }
    </section>
  `,
})
export class ImportArbitration {
  readonly kind = input<'arbitrate' | 'sameAddress'>('arbitrate');
  readonly lines = input.required<readonly ArbitrationLine[]>();
  readonly choices = input.required<ReadonlyMap<string, string>>();
  readonly chosen = output<{ key: string; userId: string }>();

  /** « Créer un nouveau compte » is checked once chosen, or from the start for a proposal. */
  protected isNew(line: ArbitrationLine): boolean {
    const choice = this.choices().get(this.keyOf(line));
    return choice === '' || (choice === undefined && this.kind() === 'sameAddress');
  }

  protected keyOf(line: ArbitrationLine): string {
    return `${line.profile}:${line.line}`;
  }
}
