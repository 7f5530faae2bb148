import { DOCUMENT } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  Injector,
  afterNextRender,
  computed,
  inject,
  linkedSignal,
  signal,
  viewChild,
} from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { Apollo } from 'apollo-angular';
import { firstValueFrom } from 'rxjs';
import { UserErrorMessageService } from '../../../core/errors/user-error-message.service';
import { LanguageService } from '../../../core/i18n/language.service';
import { DateOnlyPipe } from '../../../shared/format/date.pipe';
import { DateTimePipe } from '../../../shared/format/date-time.pipe';
import { FieldError } from '../../../shared/forms/field-error';
import { GENERATE_RENEWAL_CODE_MUTATION } from '../../../shared/renewal-code/data/generate-renewal-code.mutation';
import { RenewalCodePanel, type ShownRenewalCode } from '../../../shared/renewal-code/renewal-code-panel';
import { PadlockIcon } from '../../../shared/users/padlock-icon';
import { RecordFunctions } from './record-functions';
import { RecordMailing } from './record-mailing';
import { RECORD_ACTION, UserRecordStore } from '../data/user-record.store';

const ALIAS_KEY = RECORD_ACTION.alias;

/**
 * « Connexion et infos ENT » (guide, tutorial 5): Profil, Login, Identifiant personnalisé with
 * « Enregistrer », Code d'activation (while not activated), Identifiant, Identifiant externe,
 * Source, dates, contact details, Fonctions, Publipostage (« Fiche de connexion individuelle PDF » / « … mail ») and, at
 * the bottom as in tutorial 4, « Générer un code de renouvellement de mot de passe ».
 */
@Component({
  selector: 'app-record-connection-section',
  changeDetection: ChangeDetectionStrategy.OnPush,
  // The sections are cards of the page's stack, not one block.
  host: { style: 'display: contents' },
  imports: [TranslocoPipe, DateTimePipe, DateOnlyPipe, FieldError, PadlockIcon, RenewalCodePanel, RecordFunctions, RecordMailing],
  templateUrl: './record-connection-section.html',
})
export class RecordConnectionSection {
  private readonly apollo = inject(Apollo);
  private readonly userErrors = inject(UserErrorMessageService);
  private readonly injector = inject(Injector);
  private readonly document = inject(DOCUMENT);
  private readonly codePanel = viewChild(RenewalCodePanel);

  protected readonly store = inject(UserRecordStore);
  protected readonly language = inject(LanguageService).current;
  protected readonly user = this.store.user;
  /** Changes only when another record is opened (not when this one is updated). */
  private readonly userId = computed(() => this.user()?.id);
  /** What is typed in « Identifiant personnalisé », back to the saved value when the record changes. */
  protected readonly aliasDraft = linkedSignal(() => this.user()?.alias ?? '');
  protected readonly aliasPending = computed(() => this.store.isPending(ALIAS_KEY));
  protected readonly aliasError = computed(() => {
    const error = this.store.errorOf(ALIAS_KEY);
    return error ? (error.fields['alias'] ?? error.message) : null;
  });
  /** Forgotten when another record is opened. */
  protected readonly shownCode = linkedSignal<string | undefined, ShownRenewalCode | null>({
    source: this.userId,
    computation: () => null,
  });
  protected readonly generating = signal(false);
  protected readonly renewalError = signal<string | null>(null);

  protected valueOf(event: Event): string {
    return (event.target as HTMLInputElement).value;
  }

  protected async saveAlias(event: Event): Promise<void> {
    event.preventDefault();
    const user = this.user();
    if (!user) {
      return;
    }
    const alias = this.aliasDraft().trim();
    await this.store.setAlias(alias || null);
  }

  /** The code is shown once, here; it is never stored in the page beyond this panel. */
  protected async generateRenewalCode(): Promise<void> {
    const user = this.user();
    if (!user || this.generating()) {
      return;
    }
    this.generating.set(true);
    this.renewalError.set(null);
    try {
      const result = await firstValueFrom(
        this.apollo.mutate({ mutation: GENERATE_RENEWAL_CODE_MUTATION, variables: { userId: user.id } }),
      );
      const renewal = result.data?.generateRenewalCode;
      if (!renewal) {
        throw new Error('generateRenewalCode: empty answer');
      }
      this.shownCode.set({
        userId: user.id,
        name: user.displayName,
        identifier: user.alias || user.login,
        code: renewal.code,
        expiresAt: renewal.expiresAt,
      });
      this.store.revision.update((value) => value + 1);
      afterNextRender(() => this.codePanel()?.focus(), { injector: this.injector });
    } catch (error: unknown) {
      this.renewalError.set(this.userErrors.describe(error).message);
    } finally {
      this.generating.set(false);
    }
  }

  protected hideCode(): void {
    this.shownCode.set(null);
    afterNextRender(() => this.document.getElementById('record-renewal-button')?.focus(), { injector: this.injector });
  }
}
