import { DOCUMENT } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  Injector,
  afterNextRender,
  computed,
  inject,
  linkedSignal,
  signal,
} from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { Apollo } from 'apollo-angular';
import { type Subscription, forkJoin } from 'rxjs';
import { UserErrorMessageService } from '../../../core/errors/user-error-message.service';
import { ComingSoonNotice } from '../../../shared/coming-soon/coming-soon-notice';
import { ConfirmDialog } from '../../../shared/dialog/confirm-dialog';
import { SCHOOL_CLASSES_QUERY } from '../../home/data/school-classes.query';
import type { UserRecord } from '../data/user-record.fragment';
import { RECORD_ACTION, UserRecordStore } from '../data/user-record.store';

type RecordClass = UserRecord['classes'][number];

interface ClassOption {
  readonly id: string;
  readonly name: string;
  readonly schoolName: string;
}

type OptionsState =
  | { readonly kind: 'idle' }
  | { readonly kind: 'loading' }
  | { readonly kind: 'loaded'; readonly options: readonly ClassOption[] }
  | { readonly kind: 'failed'; readonly message: string };

/**
 * « Établissement(s) », « Classe(s) » (guide, tutorial 2: « Ajouter une classe », a teacher may
 * have several; « Retirer » asks first) and « Groupe(s) » (none in Préau yet, said plainly).
 */
@Component({
  selector: 'app-record-structures-section',
  changeDetection: ChangeDetectionStrategy.OnPush,
  // The sections are cards of the page's stack, not one block.
  host: { style: 'display: contents' },
  imports: [RouterLink, TranslocoPipe, ComingSoonNotice, ConfirmDialog],
  templateUrl: './record-structures-section.html',
})
export class RecordStructuresSection {
  private readonly apollo = inject(Apollo);
  private readonly userErrors = inject(UserErrorMessageService);
  private readonly document = inject(DOCUMENT);
  private readonly injector = inject(Injector);
  private request: Subscription | null = null;

  protected readonly store = inject(UserRecordStore);
  protected readonly user = this.store.user;
  /** Changes only when another record is opened (not when this one is updated). */
  private readonly userId = computed(() => this.user()?.id);
  protected readonly schools = computed(() => (this.user()?.schools ?? []).filter((school) => school.kind === 'ECOLE'));
  /** Pupils, teachers and staff belong to classes; parents and guests do not. */
  protected readonly attachable = computed(() => {
    const profile = this.user()?.profile;
    return profile === 'STUDENT' || profile === 'TEACHER' || profile === 'PERSONNEL';
  });
  /** A pupil is in one class: to move them, their class is removed first. */
  protected readonly pupilHasClass = computed(() => this.user()?.profile === 'STUDENT' && (this.user()?.classes.length ?? 0) > 0);
  protected readonly addOpen = linkedSignal<string | undefined, boolean>({ source: this.userId, computation: () => false });
  /** The classes on offer, asked again when another record is opened. */
  protected readonly options = linkedSignal<string | undefined, OptionsState>({
    source: this.userId,
    computation: () => ({ kind: 'idle' }),
  });
  /** The classes of the user's écoles that they are not in yet. */
  protected readonly choices = computed(() => {
    const options = this.options();
    if (options.kind !== 'loaded') {
      return [];
    }
    const current = new Set((this.user()?.classes ?? []).map((schoolClass) => schoolClass.id));
    return options.options.filter((option) => !current.has(option.id));
  });
  protected readonly severalSchools = computed(() => this.schools().length > 1);
  /** Nothing is chosen for the director: a class picked by default is a class attached by mistake. */
  protected readonly chosenClassId = linkedSignal<string | null>(() => (this.choices(), null));
  protected readonly choiceMissing = signal(false);
  protected readonly optionsFailure = computed(() => {
    const options = this.options();
    return options.kind === 'failed' ? options.message : null;
  });
  protected readonly removing = signal<RecordClass | null>(null);
  protected readonly addKey = RECORD_ACTION.attachToClass;
  protected readonly removeKey = RECORD_ACTION.detachFromClass;

  constructor() {
    inject(DestroyRef).onDestroy(() => this.request?.unsubscribe());
  }

  protected toggleAdd(): void {
    const open = !this.addOpen();
    this.addOpen.set(open);
    if (open && this.options().kind !== 'loaded') {
      this.loadOptions();
    }
  }

  protected chooseClass(event: Event): void {
    this.chosenClassId.set((event.target as HTMLSelectElement).value || null);
    this.choiceMissing.set(false);
  }

  protected async add(event: Event): Promise<void> {
    event.preventDefault();
    const user = this.user();
    const classId = this.chosenClassId();
    const chosen = this.choices().find((option) => option.id === classId);
    if (user && !chosen) {
      this.choiceMissing.set(true);
      this.document.getElementById('record-class-choice')?.focus();
      return;
    }
    if (!user || !chosen) {
      return;
    }
    const done = await this.store.attachToClass(chosen);
    if (done) {
      // A teacher may take several classes: the form stays open for the next one.
      if (user.profile !== 'TEACHER' && user.profile !== 'PERSONNEL') {
        this.addOpen.set(false);
      }
      afterNextRender(() => this.document.getElementById('record-classes-outcome')?.focus(), { injector: this.injector });
    }
  }

  protected askRemove(schoolClass: RecordClass): void {
    this.store.clearFeedback();
    this.removing.set(schoolClass);
  }

  protected async remove(): Promise<void> {
    const user = this.user();
    const schoolClass = this.removing();
    if (!user || !schoolClass) {
      return;
    }
    const done = await this.store.detachFromClass(schoolClass);
    if (done) {
      this.removing.set(null);
      afterNextRender(() => this.document.getElementById('record-classes-outcome')?.focus(), { injector: this.injector });
    }
  }

  private loadOptions(): void {
    const schools = this.schools();
    this.request?.unsubscribe();
    if (schools.length === 0) {
      this.options.set({ kind: 'loaded', options: [] });
      return;
    }
    this.options.set({ kind: 'loading' });
    this.request = forkJoin(
      schools.map((school) =>
        this.apollo.query({ query: SCHOOL_CLASSES_QUERY, variables: { structureId: school.id }, fetchPolicy: 'network-only' }),
      ),
    ).subscribe({
      next: (results) =>
        this.options.set({
          kind: 'loaded',
          options: results.flatMap((result, index) =>
            (result.data?.schoolClasses ?? []).map((schoolClass) => ({
              id: schoolClass.id,
              name: schoolClass.name,
              schoolName: schools[index].name,
            })),
          ),
        }),
      error: (error: unknown) => this.options.set({ kind: 'failed', message: this.userErrors.describe(error).message }),
    });
  }
}
