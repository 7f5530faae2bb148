import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, ElementRef, Injector, afterNextRender, computed, inject, signal, viewChild } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { Apollo } from 'apollo-angular';
import { firstValueFrom } from 'rxjs';
import { AuthService } from '../../core/auth/auth.service';
import { isOperator } from '../../core/auth/home-path';
import { UserErrorMessageService } from '../../core/errors/user-error-message.service';
import type { ApiClientFieldsFragment, CreateApiClientMutation } from '../../core/graphql/generated/graphql';
import { LanguageService } from '../../core/i18n/language.service';
import { ConfirmDialog } from '../../shared/dialog/confirm-dialog';
import { DateTimePipe } from '../../shared/format/date-time.pipe';
import { ADMINISTERED_STRUCTURES_QUERY } from '../users/data/administered-structures.query';
import { apiClientState, expiryBounds, expiryFromInput } from './api-client-status';
import { API_CLIENTS_QUERY, REVOKE_API_CLIENT_MUTATION, ROTATE_API_CLIENT_TOKEN_MUTATION } from './data/api-clients.operations';
import { ApiTokenPanel, type ShownToken } from './api-token-panel';
import { type ClientRoot, CreateApiClientForm } from './create-api-client-form';

type Client = ApiClientFieldsFragment;

/**
 * /admin/applications-connectees « Applications connectées » (département admins and the
 * operator): the API clients of their scope with their state and near expiries; « Nouveau client
 * API » (its token shown once), « Renouveler le jeton » (the old one works 24 hours more) and
 * « Révoquer » behind a confirmation. The server keeps the scope: out of it is « not found ».
 */
@Component({
  selector: 'app-api-clients-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, TranslocoPipe, DateTimePipe, ConfirmDialog, ApiTokenPanel, CreateApiClientForm],
  templateUrl: './api-clients-page.html',
  styleUrl: './api-clients-page.css',
})
export default class ApiClientsPage {
  private readonly apollo = inject(Apollo);
  private readonly document = inject(DOCUMENT);
  private readonly injector = inject(Injector);
  private readonly transloco = inject(TranslocoService);
  private readonly userErrors = inject(UserErrorMessageService);
  private readonly tokenPanel = viewChild(ApiTokenPanel);
  private readonly outcome = viewChild<ElementRef<HTMLElement>>('outcome');
  private readonly createButton = viewChild<ElementRef<HTMLButtonElement>>('createButton');

  protected readonly language = inject(LanguageService).current;
  private readonly user = inject(AuthService).currentUser;
  protected readonly operator = computed(() => {
    const user = this.user();
    return !!user && isOperator(user);
  });
  protected readonly clients = signal<readonly Client[] | null>(null);
  protected readonly failure = signal<string | null>(null);
  protected readonly roots = signal<readonly ClientRoot[]>([]);
  protected readonly creating = signal(false);
  protected readonly shownToken = signal<ShownToken | null>(null);
  /** The last action's outcome, said once (focus moves to it when its button is gone). */
  protected readonly outcomeText = signal<string | null>(null);
  protected readonly now = signal(new Date());

  protected readonly toRevoke = signal<Client | null>(null);
  protected readonly toRotate = signal<Client | null>(null);
  protected readonly rotateExpiry = signal('');
  protected readonly rotateBounds = expiryBounds(new Date());
  protected readonly dialogBusy = signal(false);
  protected readonly dialogError = signal<string | null>(null);
  /**
   * Where the focus goes once a dialog has closed after its action: the dialog gives it back to its
   * opener when its `close` event fires, after the page has rendered, so moving it earlier is undone.
   */
  private focusAfterDialog: (() => void) | null = null;

  protected readonly rows = computed(() => (this.clients() ?? []).map((client) => ({ client, state: apiClientState(client, this.now()) })));
  protected readonly expiringSoon = computed(() => this.rows().filter((row) => row.state.kind === 'active' && row.state.daysLeft !== null).length);

  constructor() {
    this.load();
    this.apollo.query({ query: ADMINISTERED_STRUCTURES_QUERY, fetchPolicy: 'network-only' }).subscribe({
      next: (result) => this.roots.set((result.data?.structures ?? []).map(({ id, name, kind, code }) => ({ id, name, kind, code: code ?? null }))),
      error: (error: unknown) => this.failure.set(this.userErrors.describe(error).message),
    });
  }

  protected openCreate(): void {
    this.outcomeText.set(null);
    this.creating.set(true);
    afterNextRender(() => this.document.getElementById('api-client-name')?.focus(), { injector: this.injector });
  }

  protected closeCreate(): void {
    this.creating.set(false);
    afterNextRender(() => this.createButton()?.nativeElement.focus(), { injector: this.injector });
  }

  protected created(result: CreateApiClientMutation['createApiClient']): void {
    this.creating.set(false);
    this.clients.update((clients) => [result.client, ...(clients ?? [])]);
    this.showToken({ clientName: result.client.name, token: result.token, previousValidUntil: null });
  }

  protected hideToken(): void {
    this.shownToken.set(null);
    this.say(this.transloco.translate('apiClients.token.hiddenOutcome'));
  }

  protected askRotate(client: Client): void {
    this.focusAfterDialog = null;
    this.dialogError.set(null);
    this.rotateExpiry.set('');
    this.toRotate.set(client);
  }

  protected askRevoke(client: Client): void {
    this.focusAfterDialog = null;
    this.dialogError.set(null);
    this.toRevoke.set(client);
  }

  protected setRotateExpiry(event: Event): void {
    this.rotateExpiry.set((event.target as HTMLInputElement).value);
  }

  protected async rotate(): Promise<void> {
    const client = this.toRotate();
    if (!client || this.dialogBusy()) {
      return;
    }
    const typed = this.rotateExpiry();
    const expiresAt = typed ? expiryFromInput(typed) : null;
    if (typed && !expiresAt) {
      this.dialogError.set(this.transloco.translate('apiClients.form.expiryMissing'));
      return;
    }
    await this.inDialog(async () => {
      const result = await firstValueFrom(
        this.apollo.mutate({ mutation: ROTATE_API_CLIENT_TOKEN_MUTATION, variables: { id: client.id, expiresAt: expiresAt?.toISOString() ?? null } }),
      );
      const rotated = result.data?.rotateApiClientToken;
      if (!rotated) {
        throw new Error('rotateApiClientToken: empty answer');
      }
      this.replace(rotated.client);
      this.outcomeText.set(null);
      this.shownToken.set({ clientName: rotated.client.name, token: rotated.token, previousValidUntil: rotated.client.previousTokenValidUntil });
      this.focusAfterDialog = () => this.tokenPanel()?.focus();
      this.toRotate.set(null);
    });
  }

  protected async revoke(): Promise<void> {
    const client = this.toRevoke();
    if (!client || this.dialogBusy()) {
      return;
    }
    await this.inDialog(async () => {
      const result = await firstValueFrom(this.apollo.mutate({ mutation: REVOKE_API_CLIENT_MUTATION, variables: { id: client.id } }));
      const revoked = result.data?.revokeApiClient;
      if (!revoked) {
        throw new Error('revokeApiClient: empty answer');
      }
      this.replace(revoked);
      if (this.shownToken()?.clientName === revoked.name) {
        this.shownToken.set(null);
      }
      this.outcomeText.set(this.transloco.translate('apiClients.revoked', { name: revoked.name }));
      this.focusAfterDialog = () => this.outcome()?.nativeElement.focus();
      this.toRevoke.set(null);
    });
  }

  /** The dialogs' `closed`: Annuler, Échap, or closed by the page after its action. */
  protected closeDialogs(): void {
    if (this.dialogBusy()) {
      return;
    }
    this.toRevoke.set(null);
    this.toRotate.set(null);
    const focus = this.focusAfterDialog;
    this.focusAfterDialog = null;
    focus?.();
  }

  private async inDialog(action: () => Promise<void>): Promise<void> {
    this.dialogBusy.set(true);
    this.dialogError.set(null);
    try {
      await action();
    } catch (error: unknown) {
      this.dialogError.set(this.userErrors.describe(error).message);
    } finally {
      this.dialogBusy.set(false);
    }
  }

  private replace(client: Client): void {
    this.now.set(new Date());
    this.clients.update((clients) => (clients ?? []).map((candidate) => (candidate.id === client.id ? client : candidate)));
  }

  private showToken(shown: ShownToken): void {
    this.outcomeText.set(null);
    this.shownToken.set(shown);
    afterNextRender(() => this.tokenPanel()?.focus(), { injector: this.injector });
  }

  private say(text: string): void {
    this.outcomeText.set(text);
    afterNextRender(() => this.outcome()?.nativeElement.focus(), { injector: this.injector });
  }

  private load(): void {
    this.apollo.query({ query: API_CLIENTS_QUERY, fetchPolicy: 'network-only' }).subscribe({
      next: (result) => {
        this.now.set(new Date());
        this.clients.set(result.data?.apiClients ?? []);
      },
      error: (error: unknown) => {
        this.clients.set([]);
        this.failure.set(this.userErrors.describe(error).message);
      },
    });
  }
}
