import { DOCUMENT } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  Injector,
  afterNextRender,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { RuleDirection } from '../../../core/graphql/generated/graphql';
import { LanguageService } from '../../../core/i18n/language.service';
import { ConfirmDialog } from '../../../shared/dialog/confirm-dialog';
import { DateOnlyPipe } from '../../../shared/format/date.pipe';
import { BlockUserDialog } from './block-user-dialog';
import { RecordConnectionSection } from './record-connection-section';
import { RecordHistory } from './record-history';
import { RecordRelativesSection } from './record-relatives-section';
import { RecordStatusBadge } from './record-status-badge';
import { RecordStructuresSection } from './record-structures-section';
import { UserRecordStore } from '../data/user-record.store';

/** The navigation state « Créer un utilisateur » leaves for the new record. */
export interface CreatedUserState {
  readonly createdUserId: string;
}

type DialogName = 'photo' | 'block' | 'predelete' | null;

/**
 * /admin/utilisateurs/:id, the user record (« fiche », guide tutorials 4 and 5): the header (name,
 * profile, status, last connection), the account actions (photo, block, pre-delete, communication
 * rules), then « Connexion et infos ENT », Responsable(s) or Enfant(s), Établissement(s), Classe(s),
 * Groupe(s) and « Historique ». Every destructive action asks first; the page shows the record the
 * server answers with.
 */
@Component({
  selector: 'app-user-record-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RouterLink,
    TranslocoPipe,
    DateOnlyPipe,
    ConfirmDialog,
    BlockUserDialog,
    RecordStatusBadge,
    RecordConnectionSection,
    RecordRelativesSection,
    RecordStructuresSection,
    RecordHistory,
  ],
  providers: [UserRecordStore],
  templateUrl: './user-record-page.html',
  styleUrl: './user-record-page.css',
})
export default class UserRecordPage {
  private readonly document = inject(DOCUMENT);
  private readonly injector = inject(Injector);
  private readonly createdUserId =
    (inject(Router).currentNavigation()?.extras.state as Partial<CreatedUserState> | undefined)?.createdUserId ?? null;

  /** The route's `:id`. */
  readonly id = input.required<string>();

  protected readonly store = inject(UserRecordStore);
  protected readonly language = inject(LanguageService).current;
  protected readonly user = this.store.user;
  protected readonly failure = computed(() => {
    const state = this.store.state();
    return state.kind === 'failed' ? state.message : null;
  });
  /** Just created by « Créer un utilisateur »: say so, with what to hand over. */
  protected readonly justCreated = computed(() => this.user()?.id === this.createdUserId);
  protected readonly classNames = computed(() =>
    (this.user()?.classes ?? []).map((schoolClass) => schoolClass.name).join(', '),
  );
  protected readonly dialog = signal<DialogName>(null);
  protected readonly rulesOpen = signal(false);
  protected readonly canMessage = computed(() => this.rulesOf('CAN_MESSAGE'));
  protected readonly canBeMessagedBy = computed(() => this.rulesOf('CAN_BE_MESSAGED_BY'));

  constructor() {
    effect(() => {
      const id = this.id();
      untracked(() => {
        this.dialog.set(null);
        this.rulesOpen.set(false);
        this.store.load(id);
      });
    });
    inject(DestroyRef).onDestroy(() => this.store.destroy());
  }

  protected open(dialog: DialogName): void {
    this.store.clearFeedback();
    this.dialog.set(dialog);
  }

  protected closeDialog(): void {
    this.dialog.set(null);
  }

  protected async removePhoto(): Promise<void> {
    const user = this.user();
    if (!user) {
      return;
    }
    const done = await this.store.removePhoto();
    if (done) {
      this.dialog.set(null);
      this.focusAction();
    }
  }

  protected blocked(): void {
    this.dialog.set(null);
    this.focusAction();
  }

  protected async unblock(): Promise<void> {
    const user = this.user();
    if (!user) {
      return;
    }
    const done = await this.store.unblock();
    if (done) {
      this.focusAction();
    }
  }

  protected async predelete(): Promise<void> {
    const user = this.user();
    if (!user) {
      return;
    }
    const done = await this.store.predelete();
    if (done) {
      this.dialog.set(null);
      this.focusAction();
    }
  }

  protected async restore(): Promise<void> {
    const user = this.user();
    if (!user) {
      return;
    }
    const done = await this.store.restore();
    if (done) {
      this.focusAction();
    }
  }

  protected toggleRules(): void {
    this.rulesOpen.update((open) => !open);
  }

  protected errorOf(key: string): string | null {
    return this.store.errorOf(key)?.message ?? null;
  }

  private rulesOf(direction: RuleDirection) {
    return (this.user()?.communicationRules ?? []).filter((rule) => rule.direction === direction);
  }

  /** The button pressed has been replaced (Bloquer ↔ Débloquer…): the focus goes to the outcome. */
  private focusAction(): void {
    afterNextRender(() => this.document.getElementById('record-account-outcome')?.focus(), { injector: this.injector });
  }
}
