import { ChangeDetectionStrategy, Component, model, signal } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';

/** An école sends at most its « Élèves » and its « Responsables » files. */
const MAX_FILES = 2;

/**
 * Both ONDE files, in any order: chosen with the file field (keyboard, screen readers) or dropped
 * on it. The server tells which is which by their headers.
 */
@Component({
  selector: 'app-import-file-picker',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslocoPipe],
  template: `
    <div class="field">
      <div
        class="import-drop"
        [class.import-drop--over]="over()"
        (dragover)="dragOver($event)"
        (dragleave)="over.set(false)"
        (drop)="dropped($event)"
      >
        <label class="field__label" for="import-files">{{ 'importUsers.files.label' | transloco }}</label>
        <p id="import-files-hint" class="field__hint">{{ 'importUsers.files.hint' | transloco }}</p>
        <input id="import-files" class="field__input" type="file" multiple accept=".csv,.txt,text/csv,text/plain" aria-describedby="import-files-hint" (change)="picked($event)" />
      </div>
      @if (tooMany()) {
        <p class="field__hint" role="status">{{ 'importUsers.files.tooMany' | transloco }}</p>
      }
    </div>
    @if (files().length > 0) {
      <ul class="record-list" [attr.aria-label]="'importUsers.files.chosen' | transloco">
        @for (file of files(); track $index) {
          <li class="record-list__item import-file">
            <span>{{ file.name }} <span class="record-list__meta">({{ kilobytes(file) }} Ko)</span></span>
            <button type="button" class="button button--quiet button--small" (click)="remove($index)">
              {{ 'importUsers.files.remove' | transloco: { name: file.name } }}
            </button>
          </li>
        }
      </ul>
    }
  `,
  styles: `
    .import-drop {
      border: 2px dashed currentColor;
      border-radius: 0.5rem;
      padding: 1rem;
    }
    .import-drop--over {
      background: rgba(0, 0, 145, 0.06);
    }
    .import-drop input {
      max-width: 100%;
    }
    .import-file {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      justify-content: space-between;
      align-items: center;
    }
  `,
})
export class ImportFilePicker {
  readonly files = model<readonly File[]>([]);
  protected readonly over = signal(false);
  protected readonly tooMany = signal(false);

  protected picked(event: Event): void {
    const input = event.target as HTMLInputElement;
    this.add([...(input.files ?? [])]);
    input.value = '';
  }

  protected dragOver(event: DragEvent): void {
    event.preventDefault();
    this.over.set(true);
  }

  protected dropped(event: DragEvent): void {
    event.preventDefault();
    this.over.set(false);
    this.add([...(event.dataTransfer?.files ?? [])]);
  }

  protected remove(index: number): void {
    this.files.update((files) => files.filter((_, i) => i !== index));
    this.tooMany.set(false);
  }

  protected kilobytes(file: File): number {
    return Math.max(1, Math.round(file.size / 1024));
  }

  /** The newest files win: dropping « Responsables » after two files replaces the oldest. */
  private add(added: File[]): void {
    const all = [...this.files().filter((file) => !added.some((a) => a.name === file.name)), ...added];
    this.tooMany.set(all.length > MAX_FILES);
    this.files.set(all.slice(-MAX_FILES));
  }
}
