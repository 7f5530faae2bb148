import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal, viewChild } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { TranslocoPipe } from '@jsverse/transloco';
import { Apollo } from 'apollo-angular';
import { firstValueFrom } from 'rxjs';
import type { CreateApiClientMutation } from '../../core/graphql/generated/graphql';
import { ErrorSummary } from '../../shared/forms/error-summary';
import { FieldError } from '../../shared/forms/field-error';
import { FormErrors } from '../../shared/forms/form-errors';
import { FormSubmission } from '../../shared/forms/form-submission';
import { defaultExpiry, expiryBounds, expiryFromInput, OPERATOR_ONLY_SCOPES, TOKEN_SCOPES } from './api-client-status';
import { CREATE_API_CLIENT_MUTATION } from './data/api-clients.operations';

/** A structure the client may be bound to, with its kind for grouping. */
export interface ClientRoot {
  readonly id: string;
  readonly name: string;
  readonly kind: string;
  readonly code: string | null;
}

const KINDS = ['DEPARTEMENT', 'CIRCONSCRIPTION', 'ECOLE'] as const;

/**
 * « Nouveau client API »: name, purpose, the structure whose subtree the token reaches, its scopes
 * (a checkbox each, with what it gives; `contacts:read` for the operator only) and the expiry day.
 * The server checks everything again; its field errors show here.
 */
@Component({
  selector: 'app-create-api-client-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, TranslocoPipe, ErrorSummary, FieldError],
  styles: `
    .scope-choices {
      display: grid;
      gap: var(--space-2);
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .scope-choices code {
      overflow-wrap: anywhere;
    }
    fieldset {
      min-width: 0;
      margin: 0;
      padding: 0;
      border: 0;
    }
    legend {
      font-weight: 600;
      margin-bottom: var(--space-2);
    }
  `,
  template: `
    <form class="stack" (ngSubmit)="create()" novalidate [formGroup]="form">
      <app-error-summary [errors]="errors" />
      <div class="field">
        <label class="field__label" for="api-client-name">{{ 'apiClients.form.name' | transloco }}</label>
        <input id="api-client-name" class="field__input" type="text" formControlName="name" maxlength="100" required autocomplete="off"
          [attr.aria-invalid]="errors.invalid('name')" [attr.aria-describedby]="errors.describedBy('name')" />
        <app-field-error [errorId]="errors.errorId('name')" [message]="errors.of('name')" />
      </div>
      <div class="field">
        <label class="field__label" for="api-client-purpose">{{ 'apiClients.form.purpose' | transloco }}</label>
        <textarea id="api-client-purpose" class="field__input" rows="3" formControlName="purpose" maxlength="1000" required
          [attr.aria-invalid]="errors.invalid('purpose')" [attr.aria-describedby]="errors.describedBy('purpose', 'api-client-purpose-hint')"></textarea>
        <p id="api-client-purpose-hint" class="field__hint">{{ 'apiClients.form.purposeHint' | transloco }}</p>
        <app-field-error [errorId]="errors.errorId('purpose')" [message]="errors.of('purpose')" />
      </div>
      <div class="field">
        <label class="field__label" for="api-client-structure">{{ 'apiClients.form.structure' | transloco }}</label>
        <select id="api-client-structure" class="field__input" formControlName="structureId" required
          [attr.aria-invalid]="errors.invalid('structureId')" [attr.aria-describedby]="errors.describedBy('structureId', 'api-client-structure-hint')">
          <option value="">{{ 'apiClients.form.structureChoose' | transloco }}</option>
          @for (group of groups(); track group.kind) {
            <optgroup [label]="'apiClients.kinds.' + group.kind | transloco">
              @for (root of group.roots; track root.id) {
                <option [value]="root.id">{{ root.name }}{{ root.code ? ' (' + root.code + ')' : '' }}</option>
              }
            </optgroup>
          }
        </select>
        <p id="api-client-structure-hint" class="field__hint">{{ 'apiClients.form.structureHint' | transloco }}</p>
        <app-field-error [errorId]="errors.errorId('structureId')" [message]="errors.of('structureId')" />
      </div>
      <fieldset id="api-client-scopes" tabindex="-1" [attr.aria-invalid]="errors.invalid('scopes')" [attr.aria-describedby]="errors.describedBy('scopes')">
        <legend>{{ 'apiClients.form.scopes' | transloco }}</legend>
        <ul class="scope-choices">
          @for (scope of offeredScopes(); track scope) {
            <li>
              <label class="choice">
                <input type="checkbox" [checked]="chosen().has(scope)" (change)="toggle(scope, $event)" />
                <span><code translate="no">{{ scope }}</code> — {{ 'apiClients.scopes.' + scope | transloco }}</span>
              </label>
            </li>
          }
        </ul>
        <app-field-error [errorId]="errors.errorId('scopes')" [message]="errors.of('scopes')" />
      </fieldset>
      <div class="field">
        <label class="field__label" for="api-client-expiry">{{ 'apiClients.form.expiry' | transloco }}</label>
        <input id="api-client-expiry" class="field__input" type="date" formControlName="expiry" required [min]="bounds.min" [max]="bounds.max"
          [attr.aria-invalid]="errors.invalid('expiresAt')" [attr.aria-describedby]="errors.describedBy('expiresAt', 'api-client-expiry-hint')" />
        <p id="api-client-expiry-hint" class="field__hint">{{ 'apiClients.form.expiryHint' | transloco }}</p>
        <app-field-error [errorId]="errors.errorId('expiresAt')" [message]="errors.of('expiresAt')" />
      </div>
      <div class="modal__actions">
        <button type="submit" class="button button--primary" [attr.aria-busy]="submission.pending()">{{ 'apiClients.form.submit' | transloco }}</button>
        <button type="button" class="button button--secondary" (click)="cancelled.emit()">{{ 'dialog.cancel' | transloco }}</button>
      </div>
    </form>
  `,
})
export class CreateApiClientForm {
  private readonly apollo = inject(Apollo);
  private readonly summary = viewChild.required(ErrorSummary);

  readonly roots = input.required<readonly ClientRoot[]>();
  readonly operator = input(false);
  readonly created = output<CreateApiClientMutation['createApiClient']>();
  readonly cancelled = output<void>();

  protected readonly bounds = expiryBounds(new Date());
  protected readonly form = inject(NonNullableFormBuilder).group({
    name: [''],
    purpose: [''],
    structureId: [''],
    expiry: [defaultExpiry(new Date())],
  });
  protected readonly chosen = signal<ReadonlySet<string>>(new Set());
  protected readonly offeredScopes = computed(() => TOKEN_SCOPES.filter((scope) => this.operator() || !OPERATOR_ONLY_SCOPES.includes(scope)));
  protected readonly groups = computed(() =>
    KINDS.map((kind) => ({
      kind,
      roots: this.roots()
        .filter((root) => root.kind === kind)
        .sort((a, b) => a.name.localeCompare(b.name, 'fr')),
    })).filter((group) => group.roots.length > 0),
  );
  protected readonly errors = new FormErrors([
    { name: 'name', inputId: 'api-client-name', labelKey: 'apiClients.form.name' },
    { name: 'purpose', inputId: 'api-client-purpose', labelKey: 'apiClients.form.purpose' },
    { name: 'structureId', inputId: 'api-client-structure', labelKey: 'apiClients.form.structure' },
    { name: 'scopes', inputId: 'api-client-scopes', labelKey: 'apiClients.form.scopes' },
    { name: 'expiresAt', inputId: 'api-client-expiry', labelKey: 'apiClients.form.expiry' },
  ]);
  protected readonly submission = new FormSubmission(this.errors, this.summary);

  protected toggle(scope: string, event: Event): void {
    const next = new Set(this.chosen());
    if ((event.target as HTMLInputElement).checked) {
      next.add(scope);
    } else {
      next.delete(scope);
    }
    this.chosen.set(next);
  }

  protected async create(): Promise<void> {
    if (this.submission.pending()) {
      return;
    }
    const value = this.form.getRawValue();
    const expiresAt = expiryFromInput(value.expiry);
    const filled = this.submission.checkFilled({
      name: [!value.name.trim(), 'apiClients.form.nameMissing'],
      purpose: [!value.purpose.trim(), 'apiClients.form.purposeMissing'],
      structureId: [!value.structureId, 'apiClients.form.structureMissing'],
      scopes: [this.chosen().size === 0, 'apiClients.form.scopesMissing'],
      expiresAt: [!expiresAt, 'apiClients.form.expiryMissing'],
    });
    if (!filled || !expiresAt) {
      return;
    }
    await this.submission.run(async () => {
      const result = await firstValueFrom(
        this.apollo.mutate({
          mutation: CREATE_API_CLIENT_MUTATION,
          variables: {
            input: { name: value.name.trim(), purpose: value.purpose.trim(), structureId: value.structureId, scopes: [...this.chosen()], expiresAt: expiresAt.toISOString() },
          },
        }),
      );
      const created = result.data?.createApiClient;
      if (!created) {
        throw new Error('createApiClient: empty answer');
      }
      this.created.emit(created);
    });
  }
}
