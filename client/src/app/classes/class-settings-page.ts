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
  viewChild,
} from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { Apollo } from 'apollo-angular';
import { type Subscription, firstValueFrom } from 'rxjs';
import { AuthService } from '../core/auth/auth.service';
import { canUseAdministration } from '../core/auth/home-path';
import { UserErrorMessageService } from '../core/errors/user-error-message.service';
import type { ClassSettingsFieldsFragment } from '../core/graphql/generated/graphql';
import { LanguageService } from '../core/i18n/language.service';
import { DateOnlyPipe } from '../shared/format/date.pipe';
import { GENERATE_RENEWAL_CODE_MUTATION } from '../shared/renewal-code/data/generate-renewal-code.mutation';
import { RenewalCodePanel, type ShownRenewalCode } from '../shared/renewal-code/renewal-code-panel';
import { AccountStateBadge } from '../shared/users/account-state-badge';
import { AddTeachersPanel } from './add-teachers-panel';
import { ClassSheetsPanel } from './class-sheets-panel';
import { CLASS_SETTINGS_QUERY } from './data/class-settings.query';

type SchoolClass = ClassSettingsFieldsFragment;
type Pupil = SchoolClass['pupils'][number];

type ClassState =
  | { readonly kind: 'loading' }
  | { readonly kind: 'loaded'; readonly schoolClass: SchoolClass }
  | { readonly kind: 'failed'; readonly message: string };

/**
 * /classes/:id « Paramétrage de la classe » (guide, tutorial 4): the pupils of a class with their
 * state and last connection, and for each activated pupil « Générer un code de renouvellement de
 * mot de passe ». The code is shown once in a status panel with its expiry and how to use it.
 * The class's teachers print « Fiches de connexion de la classe (PDF) »; the école's admins attach
 * several teachers at once (« Ajouter des enseignants »), open the pupils' and teachers' records and
 * go to the class's publipostage.
 */
@Component({
  selector: 'app-class-settings-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, TranslocoPipe, DateOnlyPipe, RenewalCodePanel, AccountStateBadge, AddTeachersPanel, ClassSheetsPanel],
  templateUrl: './class-settings-page.html',
  styleUrl: './class-settings-page.css',
})
export default class ClassSettingsPage {
  private readonly apollo = inject(Apollo);
  private readonly userErrors = inject(UserErrorMessageService);
  private readonly document = inject(DOCUMENT);
  private readonly injector = inject(Injector);
  private readonly user = inject(AuthService).currentUser;
  private readonly codePanel = viewChild(RenewalCodePanel);
  private request: Subscription | null = null;

  /** The route's `:id`. */
  readonly id = input.required<string>();

  protected readonly language = inject(LanguageService).current;
  protected readonly state = signal<ClassState>({ kind: 'loading' });
  protected readonly schoolClass = computed(() => {
    const state = this.state();
    return state.kind === 'loaded' ? state.schoolClass : null;
  });
  protected readonly failure = computed(() => {
    const state = this.state();
    return state.kind === 'failed' ? state.message : null;
  });
  protected readonly shownCode = signal<ShownRenewalCode | null>(null);
  protected readonly generatingFor = signal<string | null>(null);
  protected readonly generationError = signal<{ pupilId: string; message: string } | null>(null);
  /** The signed-in user teaches this class (and may print its connection sheets). */
  protected readonly teachesIt = computed(() => !!this.user()?.classes.some((item) => item.id === this.id()));
  /** Teachers come back to their classes, admins to the administration. */
  protected readonly back = computed(() => {
    const user = this.user();
    return this.teachesIt() || !user || !canUseAdministration(user)
      ? { path: '/enseignant', labelKey: 'classSettings.backToClasses' }
      : { path: '/admin', labelKey: 'classSettings.backToAdmin' };
  });
  /**
   * The admins of the class's école (its local admin, or a supervisor whose scope holds it: the
   * server only answered because it does) attach teachers and open records.
   */
  protected readonly administersSchool = computed(() => {
    const schoolId = this.schoolClass()?.school.id;
    const grants = this.user()?.functions ?? [];
    return (
      !!schoolId &&
      grants.some((grant) => grant.function !== 'SCHOOL_ADMIN' || grant.structure?.id === schoolId)
    );
  });

  constructor() {
    effect(() => {
      const id = this.id();
      untracked(() => this.load(id));
    });
    inject(DestroyRef).onDestroy(() => this.request?.unsubscribe());
  }

  /** The name the pupil signs in with: the alias when one is set. */
  protected identifierOf(pupil: Pupil): string {
    return pupil.alias || pupil.login;
  }

  protected async generate(pupil: Pupil): Promise<void> {
    if (this.generatingFor()) {
      return;
    }
    this.generatingFor.set(pupil.id);
    this.generationError.set(null);
    try {
      const result = await firstValueFrom(
        this.apollo.mutate({ mutation: GENERATE_RENEWAL_CODE_MUTATION, variables: { userId: pupil.id } }),
      );
      const renewal = result.data?.generateRenewalCode;
      if (!renewal) {
        throw new Error('generateRenewalCode: empty answer');
      }
      this.shownCode.set({
        userId: pupil.id,
        name: pupil.displayName,
        identifier: this.identifierOf(pupil),
        code: renewal.code,
        expiresAt: renewal.expiresAt,
      });
      afterNextRender(() => this.codePanel()?.focus(), { injector: this.injector });
    } catch (error: unknown) {
      this.generationError.set({ pupilId: pupil.id, message: this.userErrors.describe(error).message });
    } finally {
      this.generatingFor.set(null);
    }
  }

  /** Hides the code and gives the focus back to the pupil's button. */
  protected hideCode(): void {
    const shown = this.shownCode();
    this.shownCode.set(null);
    if (shown) {
      afterNextRender(() => this.document.getElementById(this.generateButtonId(shown.userId))?.focus(), {
        injector: this.injector,
      });
    }
  }

  /** Teachers just attached: the class as the server now has it. */
  protected teachersAttached(schoolClass: SchoolClass): void {
    this.state.set({ kind: 'loaded', schoolClass });
  }

  protected generateButtonId(pupilId: string): string {
    return `renewal-button-${pupilId}`;
  }

  private load(id: string): void {
    this.request?.unsubscribe();
    this.state.set({ kind: 'loading' });
    this.shownCode.set(null);
    this.generationError.set(null);
    this.request = this.apollo
      .query({ query: CLASS_SETTINGS_QUERY, variables: { id }, fetchPolicy: 'network-only' })
      .subscribe({
        next: (result) =>
          this.state.set(
            result.data
              ? { kind: 'loaded', schoolClass: result.data.schoolClass }
              : { kind: 'failed', message: this.userErrors.describe(result.error).message },
          ),
        error: (error: unknown) => this.state.set({ kind: 'failed', message: this.userErrors.describe(error).message }),
      });
  }
}
