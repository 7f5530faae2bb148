import { ChangeDetectionStrategy, Component, DestroyRef, effect, inject, input, signal, untracked } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { Apollo } from 'apollo-angular';
import type { Subscription } from 'rxjs';
import { UserErrorMessageService } from '../../core/errors/user-error-message.service';
import type { ImportLineOperation } from '../../core/graphql/generated/graphql';
import { IMPORT_LINES_QUERY, type ImportLine } from './data/import-users.operations';

const PAGE_SIZE = 25;
const OPERATIONS: readonly ImportLineOperation[] = ['CREATE', 'UPDATE', 'UNCHANGED', 'TRANSFER', 'ARBITRATE', 'ABSENT', 'ERROR'];

/** The report line by line (file order, absent accounts last): rule, old → new, messages; paged, filtered by operation. */
@Component({
  selector: 'app-import-report-lines',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslocoPipe],
  template: `
    <section class="card stack" aria-labelledby="import-lines-title">
      <h2 id="import-lines-title">{{ 'importUsers.lines.title' | transloco }}</h2>
      <div class="field">
        <label class="field__label" for="import-lines-operation">{{ 'importUsers.lines.show' | transloco }}</label>
        <select id="import-lines-operation" class="field__input" (change)="filter($event)">
          <option value="">{{ 'importUsers.lines.all' | transloco }}</option>
          @for (operation of operations; track operation) {
            <option [value]="operation">{{ 'importUsers.operations.' + operation | transloco }}</option>
          }
        </select>
      </div>
      @if (failure(); as message) {
        <p class="alert alert--error" role="alert">{{ message }}</p>
      }
      <p role="status">
        @if (total() === 0) {
          {{ 'importUsers.lines.none' | transloco }}
        } @else {
          {{ 'importUsers.lines.range' | transloco: { from: offset() + 1, to: offset() + items().length, total: total() } }}
        }
      </p>
      @if (items().length > 0) {
        <div class="table-scroll" role="region" tabindex="0" aria-labelledby="import-lines-caption">
          <table class="data-table import-lines">
            <caption id="import-lines-caption" class="visually-hidden">{{ 'importUsers.lines.title' | transloco }}</caption>
            <thead>
              <tr>
                <th scope="col">{{ 'importUsers.lines.where' | transloco }}</th>
                <th scope="col">{{ 'importUsers.lines.person' | transloco }}</th>
                <th scope="col">{{ 'importUsers.lines.operation' | transloco }}</th>
                <th scope="col">{{ 'importUsers.lines.rule' | transloco }}</th>
                <th scope="col">{{ 'importUsers.lines.changes' | transloco }}</th>
              </tr>
            </thead>
            <tbody>
              @for (line of items(); track $index) {
                <tr>
                  <td>
                    @if (line.line !== null) {
                      {{ 'importUsers.lines.lineIn' | transloco: { line: line.line, file: line.file } }}
                    } @else {
                      —
                    }
                  </td>
                  <td>
                    <strong>{{ line.lastName }} {{ line.firstName }}</strong>
                    <br />{{ 'profiles.' + line.profile | transloco }}
                    @if (line.className) {
                      <span>— {{ line.className }}</span>
                    }
                  </td>
                  <td>{{ 'importUsers.operations.' + line.operation | transloco }}</td>
                  <td>{{ line.rule ? ('importUsers.rules.' + line.rule | transloco) : '—' }}</td>
                  <td>
                    @if (line.changes.length > 0) {
                      <ul class="import-changes">
                        @for (change of line.changes; track $index) {
                          <li>
                            {{ 'importUsers.fields.' + change.field | transloco }} : {{ change.old ?? '∅' }}
                            <span aria-hidden="true">→</span><span class="visually-hidden">{{ 'importUsers.lines.becomes' | transloco }}</span>
                            {{ change.new ?? '∅' }}
                          </li>
                        }
                      </ul>
                    }
                    @for (message of line.messages; track $index) {
                      <p class="import-message">{{ message }}</p>
                    }
                  </td>
                </tr>
              }
            </tbody>
          </table>
        </div>
        <nav class="import-pager" [attr.aria-label]="'importUsers.lines.pages' | transloco">
          <button type="button" class="button button--secondary button--small" [disabled]="offset() === 0" (click)="go(offset() - pageSize)">
            {{ 'importUsers.lines.previous' | transloco }}
          </button>
          <button type="button" class="button button--secondary button--small" [disabled]="offset() + items().length >= total()" (click)="go(offset() + pageSize)">
            {{ 'importUsers.lines.next' | transloco }}
          </button>
        </nav>
      }
    </section>
  `,
  styles: `
    .import-changes {
      margin: 0;
      padding-inline-start: 1rem;
    }
    .import-message {
      margin: 0.25rem 0 0;
    }
    .import-pager {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
    }
  `,
})
export class ImportReportLines {
  private readonly apollo = inject(Apollo);
  private readonly userErrors = inject(UserErrorMessageService);
  private request: Subscription | null = null;

  readonly sessionId = input.required<string>();
  protected readonly operations = OPERATIONS;
  protected readonly pageSize = PAGE_SIZE;
  protected readonly operation = signal<ImportLineOperation | null>(null);
  protected readonly offset = signal(0);
  protected readonly items = signal<readonly ImportLine[]>([]);
  protected readonly total = signal(0);
  protected readonly failure = signal<string | null>(null);

  constructor() {
    effect(() => {
      const id = this.sessionId();
      const operation = this.operation();
      const offset = this.offset();
      untracked(() => this.load(id, operation, offset));
    });
    inject(DestroyRef).onDestroy(() => this.request?.unsubscribe());
  }

  protected filter(event: Event): void {
    this.operation.set(((event.target as HTMLSelectElement).value || null) as ImportLineOperation | null);
    this.offset.set(0);
  }

  protected go(offset: number): void {
    this.offset.set(Math.max(0, offset));
  }

  private load(id: string, operation: ImportLineOperation | null, offset: number): void {
    this.request?.unsubscribe();
    this.failure.set(null);
    this.request = this.apollo
      .query({ query: IMPORT_LINES_QUERY, variables: { id, first: PAGE_SIZE, offset, operation }, fetchPolicy: 'network-only' })
      .subscribe({
        next: (result) => {
          const page = result.data?.importSession.lines;
          this.items.set(page?.items ?? []);
          this.total.set(page?.total ?? 0);
        },
        error: (error: unknown) => this.failure.set(this.userErrors.describe(error).message),
      });
  }
}
