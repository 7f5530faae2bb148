import { DOCUMENT } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
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
import type { ClassSettingsQuery } from '../core/graphql/generated/graphql';
import { LanguageService } from '../core/i18n/language.service';
import { DateTimePipe } from '../shared/format/date-time.pipe';
import { CLASS_SETTINGS_QUERY } from './class-settings.query';
import { GENERATE_RENEWAL_CODE_MUTATION } from './generate-renewal-code.mutation';

type SchoolClass = ClassSettingsQuery['schoolClass'];
type Pupil = SchoolClass['pupils'][number];

type ClassState =
  | { readonly kind: 'loading' }
  | { readonly kind: 'loaded'; readonly schoolClass: SchoolClass }
  | { readonly kind: 'failed'; readonly message: string };

/** A renewal code just generated: shown once, on this page, until hidden or replaced. */
interface ShownCode {
  readonly pupilId: string;
  readonly pupilName: string;
  readonly identifier: string;
  readonly code: string;
  readonly expiresAt: string;
}

type PupilState = 'ACTIVE' | 'NOT_ACTIVATED' | 'BLOCKED' | 'PREDELETED';

/**
 * /classes/:id « Paramétrage de la classe » (guide, tutorial 4): the pupils of a class with their
 * state and last connection, and for each activated pupil « Générer un code de renouvellement de
 * mot de passe ». The code is shown once in a status panel with its expiry and how to use it.
 */
@Component({
  selector: 'app-class-settings-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, TranslocoPipe, DateTimePipe],
  templateUrl: './class-settings-page.html',
  styleUrl: './class-settings-page.css',
})
export default class ClassSettingsPage {
  private readonly apollo = inject(Apollo);
  private readonly userErrors = inject(UserErrorMessageService);
  private readonly document = inject(DOCUMENT);
  private readonly injector = inject(Injector);
  private readonly user = inject(AuthService).currentUser;
  private readonly codePanel = viewChild<ElementRef<HTMLElement>>('codePanel');
  private readonly codeValue = viewChild<ElementRef<HTMLElement>>('codeValue');
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
  protected readonly shownCode = signal<ShownCode | null>(null);
  protected readonly generatingFor = signal<string | null>(null);
  protected readonly generationError = signal<{ pupilId: string; message: string } | null>(null);
  protected readonly copyResult = signal<'copied' | 'failed' | null>(null);
  /** Teachers come back to their classes, admins to the administration. */
  protected readonly back = computed(() => {
    const user = this.user();
    const teachesIt = !!user?.classes.some((item) => item.id === this.id());
    return teachesIt || !user || !canUseAdministration(user)
      ? { path: '/enseignant', labelKey: 'classSettings.backToClasses' }
      : { path: '/admin', labelKey: 'classSettings.backToAdmin' };
  });

  constructor() {
    effect(() => {
      const id = this.id();
      untracked(() => this.load(id));
    });
    inject(DestroyRef).onDestroy(() => this.request?.unsubscribe());
  }

  protected pupilState(pupil: Pupil): PupilState {
    if (pupil.status === 'PREDELETED') {
      return 'PREDELETED';
    }
    if (pupil.status === 'BLOCKED') {
      return 'BLOCKED';
    }
    return pupil.activated ? 'ACTIVE' : 'NOT_ACTIVATED';
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
      this.copyResult.set(null);
      this.shownCode.set({
        pupilId: pupil.id,
        pupilName: pupil.displayName,
        identifier: this.identifierOf(pupil),
        code: renewal.code,
        expiresAt: renewal.expiresAt,
      });
      afterNextRender(
        () => {
          const panel = this.codePanel()?.nativeElement;
          panel?.focus({ preventScroll: true });
          panel?.scrollIntoView({ block: 'nearest' });
        },
        { injector: this.injector },
      );
    } catch (error: unknown) {
      this.generationError.set({ pupilId: pupil.id, message: this.userErrors.describe(error).message });
    } finally {
      this.generatingFor.set(null);
    }
  }

  protected async copy(code: string): Promise<void> {
    try {
      if (!navigator.clipboard) {
        throw new Error('clipboard unavailable');
      }
      await navigator.clipboard.writeText(code);
      this.copyResult.set('copied');
    } catch {
      // Insecure origin or permission refused: select the code so Ctrl+C does it.
      this.copyResult.set('failed');
      this.selectCode();
    }
  }

  /** Hides the code and gives the focus back to the pupil's button. */
  protected hideCode(): void {
    const shown = this.shownCode();
    this.shownCode.set(null);
    this.copyResult.set(null);
    if (shown) {
      afterNextRender(() => this.document.getElementById(this.generateButtonId(shown.pupilId))?.focus(), {
        injector: this.injector,
      });
    }
  }

  protected generateButtonId(pupilId: string): string {
    return `renewal-button-${pupilId}`;
  }

  private selectCode(): void {
    const element = this.codeValue()?.nativeElement;
    const selection = this.document.getSelection();
    if (!element || !selection) {
      return;
    }
    const range = this.document.createRange();
    range.selectNodeContents(element);
    selection.removeAllRanges();
    selection.addRange(range);
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
