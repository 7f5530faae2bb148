import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, Injector, afterNextRender, computed, inject, linkedSignal, signal } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { Apollo } from 'apollo-angular';
import { AuthService } from '../../../core/auth/auth.service';
import { isOperator } from '../../../core/auth/home-path';
import type { AdminFunction, AdministeredStructuresQuery, StructureKind } from '../../../core/graphql/generated/graphql';
import { ConfirmDialog } from '../../../shared/dialog/confirm-dialog';
import { ADMINISTERED_STRUCTURES_QUERY } from '../data/administered-structures.query';
import { RECORD_ACTION, UserRecordStore } from '../data/user-record.store';
import type { UserRecord } from '../data/user-record.fragment';

type Grant = UserRecord['functions'][number];
type Structure = AdministeredStructuresQuery['structures'][number];

/** Which kind of structure each function applies to (none for the operator). */
const FUNCTION_KINDS: readonly { readonly function: AdminFunction; readonly kind: StructureKind | null }[] = [
  { function: 'SCHOOL_ADMIN', kind: 'ECOLE' },
  { function: 'CIRCONSCRIPTION_ADMIN', kind: 'CIRCONSCRIPTION' },
  { function: 'DEPARTEMENT_ADMIN', kind: 'DEPARTEMENT' },
  { function: 'OPERATOR', kind: null },
];

const GRANT_KEY = RECORD_ACTION.grantFunction;

/**
 * « Fonctions »: the admin functions of the account, each with « Retirer » (asked first), and
 * « Attribuer droit d'Administrateur »: a function, then a structure of the admin's own scope of
 * the matching kind (école for Administrateur local, circonscription for ERUN, département for CPD).
 */
@Component({
  selector: 'app-record-functions',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslocoPipe, ConfirmDialog],
  template: `
    <div class="stack stack--tight">
      @if (grants().length > 0) {
        <ul class="record-list">
          @for (grant of grants(); track $index) {
            <li class="record-list__item">
              <span>
                {{ 'functions.' + grant.function | transloco }}
                @if (grant.structure; as structure) {
                  <span class="record-list__meta">{{ structure.name }}</span>
                }
              </span>
              <button type="button" class="button button--quiet button--small" (click)="askRevoke(grant)">
                {{ 'userRecord.functions.revoke' | transloco }}<span class="visually-hidden">
                  {{ 'userRecord.functions.revokeWhich' | transloco: { fn: ('functions.' + grant.function | transloco), structure: grant.structure?.name ?? '' } }}</span
                >
              </button>
            </li>
          }
        </ul>
      } @else {
        <p>{{ 'userRecord.functions.none' | transloco }}</p>
      }
      <p class="record-outcome" role="status" tabindex="-1" id="record-functions-outcome">{{ store.successIn('functions') }}</p>

      <p>
        <button
          type="button"
          id="record-grant-toggle"
          class="button button--secondary button--small"
          aria-controls="record-grant-form"
          [attr.aria-expanded]="formOpen()"
          (click)="toggleForm()"
        >
          {{ 'userRecord.functions.grant' | transloco }}
        </button>
      </p>
      <form id="record-grant-form" class="inline-panel stack stack--tight" novalidate [hidden]="!formOpen()" (submit)="grant($event)">
        @if (structures() === null) {
          <p>{{ 'userRecord.functions.loading' | transloco }}</p>
        } @else if (choices().length === 0) {
          <p>{{ 'userRecord.functions.nothingToGrant' | transloco }}</p>
        } @else {
          <div class="field">
            <label class="field__label" for="record-grant-function">{{ 'userRecord.functions.function' | transloco }}</label>
            <select id="record-grant-function" class="field__input" (change)="chooseFunction($event)">
              @for (choice of choices(); track choice.function) {
                <option [value]="choice.function" [selected]="choice.function === chosenFunction()">
                  {{ 'functions.' + choice.function | transloco }}
                </option>
              }
            </select>
          </div>
          @if (structureChoices().length > 0) {
            <div class="field">
              <label class="field__label" for="record-grant-structure">{{ 'userRecord.functions.structure' | transloco }}</label>
              <select id="record-grant-structure" class="field__input" (change)="chooseStructure($event)">
                @for (structure of structureChoices(); track structure.id) {
                  <option [value]="structure.id" [selected]="structure.id === chosenStructureId()">{{ structure.name }}</option>
                }
              </select>
            </div>
          }
          @if (grantError(); as message) {
            <p class="field__error" role="alert">{{ message }}</p>
          }
          <p>
            <button type="submit" class="button button--primary button--small" [attr.aria-busy]="store.isPending(grantKey)">
              {{ 'userRecord.functions.submit' | transloco }}
            </button>
          </p>
        }
      </form>
    </div>

    <app-confirm-dialog
      [heading]="'userRecord.functions.revokeTitle' | transloco"
      [confirmLabel]="'userRecord.functions.revoke' | transloco"
      [open]="revoking() !== null"
      [busy]="store.isPending(revokeKey)"
      [error]="store.errorOf(revokeKey)?.message ?? null"
      (confirmed)="revoke()"
      (closed)="revoking.set(null)"
    >
      @if (revoking(); as grant) {
        <p>
          {{ 'userRecord.functions.revokeMessage' | transloco: {
            fn: ('functions.' + grant.function | transloco),
            structure: grant.structure?.name ?? ('userRecord.functions.wholePlatform' | transloco),
            name: store.user()?.displayName ?? ''
          } }}
        </p>
      }
    </app-confirm-dialog>
  `,
})
export class RecordFunctions {
  private readonly apollo = inject(Apollo);
  private readonly document = inject(DOCUMENT);
  private readonly injector = inject(Injector);
  private readonly me = inject(AuthService).currentUser;

  protected readonly store = inject(UserRecordStore);
  protected readonly grantKey = GRANT_KEY;
  protected readonly revokeKey = RECORD_ACTION.revokeFunction;
  protected readonly grants = computed(() => this.store.user()?.functions ?? []);
  /** Changes only when another record is opened. */
  private readonly userId = computed(() => this.store.user()?.id);
  protected readonly formOpen = linkedSignal<string | undefined, boolean>({ source: this.userId, computation: () => false });
  protected readonly structures = signal<readonly Structure[] | null>(null);
  /** The functions that can be given: a structure of their kind is administered (the operator: by an operator). */
  protected readonly choices = computed(() => {
    const structures = this.structures() ?? [];
    const me = this.me();
    return FUNCTION_KINDS.filter((choice) =>
      choice.kind === null ? !!me && isOperator(me) : structures.some((structure) => structure.kind === choice.kind),
    );
  });
  protected readonly chosenFunction = linkedSignal<AdminFunction | null>(() => this.choices()[0]?.function ?? null);
  protected readonly structureChoices = computed(() => {
    const kind = FUNCTION_KINDS.find((choice) => choice.function === this.chosenFunction())?.kind ?? null;
    return kind ? (this.structures() ?? []).filter((structure) => structure.kind === kind) : [];
  });
  protected readonly chosenStructureId = linkedSignal<string | null>(() => this.structureChoices()[0]?.id ?? null);
  protected readonly grantError = computed(() => this.store.errorOf(GRANT_KEY)?.message ?? null);
  protected readonly revoking = signal<Grant | null>(null);

  protected toggleForm(): void {
    const open = !this.formOpen();
    this.formOpen.set(open);
    if (open && this.structures() === null) {
      this.apollo.query({ query: ADMINISTERED_STRUCTURES_QUERY, fetchPolicy: 'network-only' }).subscribe({
        next: (result) =>
          this.structures.set(
            [...(result.data?.structures ?? [])].sort((a, b) => a.name.localeCompare(b.name, 'fr')),
          ),
        error: () => this.structures.set([]),
      });
    }
  }

  protected chooseFunction(event: Event): void {
    this.chosenFunction.set((event.target as HTMLSelectElement).value as AdminFunction);
  }

  protected chooseStructure(event: Event): void {
    this.chosenStructureId.set((event.target as HTMLSelectElement).value);
  }

  protected async grant(event: Event): Promise<void> {
    event.preventDefault();
    const user = this.store.user();
    const fn = this.chosenFunction();
    if (!user || !fn) {
      return;
    }
    const structureId = fn === 'OPERATOR' ? null : this.chosenStructureId();
    const done = await this.store.grantFunction(fn, structureId);
    if (done) {
      this.formOpen.set(false);
      afterNextRender(() => this.document.getElementById('record-grant-toggle')?.focus(), { injector: this.injector });
    }
  }

  protected askRevoke(grant: Grant): void {
    this.store.clearFeedback();
    this.revoking.set(grant);
  }

  protected async revoke(): Promise<void> {
    const user = this.store.user();
    const grant = this.revoking();
    if (!user || !grant) {
      return;
    }
    const done = await this.store.revokeFunction(grant.function, grant.structure?.id ?? null);
    if (done) {
      this.revoking.set(null);
      afterNextRender(() => this.document.getElementById('record-functions-outcome')?.focus(), { injector: this.injector });
    }
  }
}
