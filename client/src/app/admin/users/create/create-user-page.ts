import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  effect,
  inject,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { Apollo } from 'apollo-angular';
import { type Subscription, firstValueFrom } from 'rxjs';
import { UserErrorMessageService } from '../../../core/errors/user-error-message.service';
import type { Profile, SchoolClassesQuery } from '../../../core/graphql/generated/graphql';
import { ErrorSummary } from '../../../shared/forms/error-summary';
import { FieldError } from '../../../shared/forms/field-error';
import { FormErrors } from '../../../shared/forms/form-errors';
import { FormSubmission } from '../../../shared/forms/form-submission';
import { SCHOOL_CLASSES_QUERY } from '../../home/data/school-classes.query';
import { ADMINISTERED_STRUCTURES_QUERY } from '../data/administered-structures.query';
import { PROFILES } from '../../../shared/users/user-list-params';
import type { CreatedUserState } from '../record/user-record-page';
import { CREATE_USER_MUTATION } from '../data/create-user.mutation';

interface School {
  readonly id: string;
  readonly name: string;
}

/** The profiles that belong to a class. */
const CLASS_PROFILES: readonly Profile[] = ['STUDENT', 'TEACHER', 'PERSONNEL'];

/**
 * /admin/utilisateurs/nouveau « Créer un utilisateur »: first the guide's warning (feed accounts
 * arrive by themselves within 48–72 h; manual accounts may be billed), and the form only once
 * « J'ai compris » is ticked. Profil, Prénom, Nom, École, optional Classe, e-mail and birth date;
 * then the new record, which shows the login and the activation code.
 */
@Component({
  selector: 'app-create-user-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, RouterLink, TranslocoPipe, ErrorSummary, FieldError],
  templateUrl: './create-user-page.html',
  styleUrl: './create-user-page.css',
})
export default class CreateUserPage {
  private readonly apollo = inject(Apollo);
  private readonly router = inject(Router);
  private readonly userErrors = inject(UserErrorMessageService);
  private readonly summary = viewChild.required(ErrorSummary);
  private classesRequest: Subscription | null = null;

  protected readonly profiles = PROFILES;
  protected readonly understood = signal(false);
  protected readonly form = inject(NonNullableFormBuilder).group({
    profile: ['STUDENT' as Profile],
    firstName: [''],
    lastName: [''],
    schoolId: [''],
    classId: [''],
    email: [''],
    birthDate: [''],
  });
  protected readonly errors = new FormErrors([
    { name: 'profile', inputId: 'create-profile', labelKey: 'createUser.profile' },
    { name: 'firstName', inputId: 'create-first-name', labelKey: 'createUser.firstName' },
    { name: 'lastName', inputId: 'create-last-name', labelKey: 'createUser.lastName' },
    { name: 'schoolId', inputId: 'create-school', labelKey: 'createUser.school' },
    { name: 'classId', inputId: 'create-class', labelKey: 'createUser.class' },
    { name: 'email', inputId: 'create-email', labelKey: 'createUser.email' },
    { name: 'birthDate', inputId: 'create-birth-date', labelKey: 'createUser.birthDate' },
  ]);
  protected readonly submission = new FormSubmission(this.errors, this.summary);
  protected readonly schools = signal<readonly School[] | null>(null);
  protected readonly schoolsFailure = signal<string | null>(null);
  protected readonly classes = signal<SchoolClassesQuery['schoolClasses'] | null>(null);
  private readonly values = toSignal(this.form.valueChanges, { initialValue: this.form.getRawValue() });
  private readonly schoolId = computed(() => this.values().schoolId ?? '');
  protected readonly inClass = computed(() => CLASS_PROFILES.includes(this.values().profile ?? 'STUDENT'));

  constructor() {
    this.apollo.query({ query: ADMINISTERED_STRUCTURES_QUERY, fetchPolicy: 'network-only' }).subscribe({
      next: (result) => {
        const schools = (result.data?.structures ?? [])
          .filter((structure) => structure.kind === 'ECOLE')
          .map((structure) => ({ id: structure.id, name: structure.name }))
          .sort((a, b) => a.name.localeCompare(b.name, 'fr'));
        this.schools.set(schools);
        if (schools.length === 1) {
          this.form.controls.schoolId.setValue(schools[0].id);
        }
      },
      error: (error: unknown) => {
        this.schools.set([]);
        this.schoolsFailure.set(this.userErrors.describe(error).message);
      },
    });
    // The classes offered are those of the chosen école.
    effect(() => {
      const schoolId = this.schoolId();
      untracked(() => this.loadClasses(schoolId));
    });
    inject(DestroyRef).onDestroy(() => this.classesRequest?.unsubscribe());
  }

  protected setUnderstood(event: Event): void {
    this.understood.set((event.target as HTMLInputElement).checked);
  }

  protected async create(): Promise<void> {
    if (this.submission.pending() || !this.understood()) {
      return;
    }
    const value = this.form.getRawValue();
    const input = {
      profile: value.profile,
      firstName: value.firstName.trim(),
      lastName: value.lastName.trim(),
      schoolId: value.schoolId,
      classId: this.inClass() ? value.classId || null : null,
      email: value.email.trim() || null,
      birthDate: value.birthDate || null,
    };
    const filled = this.submission.checkFilled({
      firstName: [!input.firstName, 'createUser.firstNameMissing'],
      lastName: [!input.lastName, 'createUser.lastNameMissing'],
      schoolId: [!input.schoolId, 'createUser.schoolMissing'],
    });
    if (!filled) {
      return;
    }
    await this.submission.run(async () => {
      const result = await firstValueFrom(this.apollo.mutate({ mutation: CREATE_USER_MUTATION, variables: { input } }));
      const id = result.data?.createUser.id;
      if (!id) {
        throw new Error('createUser: empty answer');
      }
      const state: CreatedUserState = { createdUserId: id };
      await this.router.navigate(['/admin/utilisateurs', id], { state });
    });
  }

  private loadClasses(schoolId: string): void {
    this.classesRequest?.unsubscribe();
    this.classes.set(null);
    if (this.form.controls.classId.value) {
      this.form.controls.classId.setValue('');
    }
    if (!schoolId) {
      return;
    }
    this.classesRequest = this.apollo
      .query({ query: SCHOOL_CLASSES_QUERY, variables: { structureId: schoolId }, fetchPolicy: 'network-only' })
      .subscribe({
        next: (result) => this.classes.set(result.data?.schoolClasses ?? []),
        error: () => this.classes.set([]),
      });
  }
}
