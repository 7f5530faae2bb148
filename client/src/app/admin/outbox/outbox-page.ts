import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { Apollo } from 'apollo-angular';
import type { Subscription } from 'rxjs';
import { UserErrorMessageService } from '../../core/errors/user-error-message.service';
import type { OutboxQuery } from '../../core/graphql/generated/graphql';
import { LanguageService } from '../../core/i18n/language.service';
import { DateTimePipe } from '../../shared/format/date-time.pipe';
import { type MailTextPart, splitMailText } from './mail-text';
import { OUTBOX_QUERY } from './data/outbox.query';

const SHOWN_MAILS = 50;

type Mail = OutboxQuery['outbox'][number] & { readonly parts: readonly MailTextPart[] };

type OutboxState =
  | { readonly kind: 'loading' }
  | { readonly kind: 'loaded'; readonly mails: readonly Mail[] }
  | { readonly kind: 'failed'; readonly message: string };

/** /admin/courriels « Courriels envoyés (démonstration) »: the operator reads the demo outbox. */
@Component({
  selector: 'app-outbox-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, TranslocoPipe, DateTimePipe],
  templateUrl: './outbox-page.html',
  styleUrl: './outbox-page.css',
})
export default class OutboxPage {
  private readonly apollo = inject(Apollo);
  private readonly userErrors = inject(UserErrorMessageService);
  private request: Subscription | null = null;

  protected readonly language = inject(LanguageService).current;
  protected readonly state = signal<OutboxState>({ kind: 'loading' });
  protected readonly mails = computed(() => {
    const state = this.state();
    return state.kind === 'loaded' ? state.mails : [];
  });
  protected readonly failure = computed(() => {
    const state = this.state();
    return state.kind === 'failed' ? state.message : null;
  });
  protected readonly refreshing = signal(false);

  constructor() {
    this.load();
    inject(DestroyRef).onDestroy(() => this.request?.unsubscribe());
  }

  protected refresh(): void {
    if (this.refreshing()) {
      return;
    }
    this.load();
  }

  private load(): void {
    this.request?.unsubscribe();
    this.refreshing.set(true);
    this.request = this.apollo
      .query({ query: OUTBOX_QUERY, variables: { first: SHOWN_MAILS }, fetchPolicy: 'network-only' })
      .subscribe({
        next: (result) => {
          const mails = (result.data?.outbox ?? []).map((mail) => ({ ...mail, parts: splitMailText(mail.text) }));
          this.state.set({ kind: 'loaded', mails });
          this.refreshing.set(false);
        },
        error: (error: unknown) => {
          this.state.set({ kind: 'failed', message: this.userErrors.describe(error).message });
          this.refreshing.set(false);
        },
      });
  }
}
