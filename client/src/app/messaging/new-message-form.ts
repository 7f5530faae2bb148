import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  Injector,
  afterNextRender,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { Apollo } from 'apollo-angular';
import { Subject, type Subscription, catchError, debounceTime, firstValueFrom, map, of, switchMap } from 'rxjs';
import { UserErrorMessageService } from '../core/errors/user-error-message.service';
import type { ContactsQuery } from '../core/graphql/generated/graphql';
import { ErrorSummary } from '../shared/forms/error-summary';
import { FieldError } from '../shared/forms/field-error';
import { FormErrors } from '../shared/forms/form-errors';
import { FormSubmission } from '../shared/forms/form-submission';
import { CONTACTS_QUERY, SEND_MESSAGE_MUTATION } from './data/messaging.operations';

type Contact = ContactsQuery['contacts'][number];

interface Suggestions {
  readonly query: string;
  readonly contacts: readonly Contact[] | null;
  readonly error: string | null;
}

const SUGGESTIONS = 8;

/**
 * « Nouveau message »: recipients picked from the first letters typed (contacts the communication
 * rules allow; each suggestion is a button « Ajouter … »), chosen ones as chips with « Retirer »,
 * « Message », « Envoyer ». Server errors (NOT_ALLOWED, RECIPIENT_BLOCKED, fields) in the summary.
 */
@Component({
  selector: 'app-new-message-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, TranslocoPipe, ErrorSummary, FieldError],
  styles: `
    .recipients__chips,
    .recipients__suggestions {
      display: flex;
      flex-wrap: wrap;
      gap: var(--space-2);
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .recipients__chip {
      display: inline-flex;
      align-items: center;
      gap: var(--space-2);
      padding: var(--space-1) var(--space-1) var(--space-1) var(--space-2);
      border: 1px solid var(--color-border);
      border-radius: 999px;
      background: var(--color-primary-soft);
    }
  `,
  template: `
    <section class="card stack" aria-labelledby="new-message-title">
      <h2 id="new-message-title">{{ 'messages.new.title' | transloco }}</h2>
      <app-error-summary [errors]="errors" />
      @if (sent()) {
        <p #outcome class="alert alert--success" role="status" tabindex="-1">{{ 'messages.new.sent' | transloco }}</p>
      }
      <form class="stack" [formGroup]="form" (ngSubmit)="send()" novalidate>
        <div class="field recipients">
          <label class="field__label" for="message-recipients">{{ 'messages.new.recipients' | transloco }}</label>
          <p id="message-recipients-hint" class="field__hint">{{ 'messages.new.recipientsHint' | transloco }}</p>
          @if (recipients().length > 0) {
            <ul class="recipients__chips" [attr.aria-label]="'messages.new.chosen' | transloco">
              @for (contact of recipients(); track contact.id) {
                <li class="recipients__chip">
                  {{ contact.displayName }}
                  <button type="button" class="button button--quiet button--small" (click)="remove(contact)">
                    {{ 'messages.new.remove' | transloco
                    }}<span class="visually-hidden">{{ 'forms.labelSeparator' | transloco }}{{ contact.displayName }}</span>
                  </button>
                </li>
              }
            </ul>
          }
          <input
            #search
            id="message-recipients"
            class="field__input"
            type="text"
            autocomplete="off"
            [value]="query()"
            (input)="typed($event)"
            (keydown.enter)="$event.preventDefault()"
            [attr.aria-invalid]="errors.invalid('recipientIds')"
            [attr.aria-describedby]="errors.describedBy('recipientIds', 'message-recipients-hint', 'message-suggestions-status')"
          />
          <p id="message-suggestions-status" class="field__hint" role="status">{{ suggestionsStatus() }}</p>
          @if (visibleSuggestions().length > 0) {
            <ul class="recipients__suggestions" [attr.aria-label]="'messages.new.suggestions' | transloco">
              @for (contact of visibleSuggestions(); track contact.id) {
                <li>
                  <button type="button" class="button button--secondary button--small" (click)="add(contact)">
                    <span class="visually-hidden">{{ 'messages.new.add' | transloco }} </span>{{ contact.displayName }}
                    ({{ 'profiles.' + contact.person.profile | transloco }})
                  </button>
                </li>
              }
            </ul>
          }
          <app-field-error [errorId]="errors.errorId('recipientIds')" [message]="errors.of('recipientIds')" />
        </div>
        <div class="field">
          <label class="field__label" for="message-body">{{ 'messages.new.body' | transloco }}</label>
          <textarea
            id="message-body"
            class="field__input"
            rows="5"
            formControlName="body"
            required
            [attr.aria-invalid]="errors.invalid('body')"
            [attr.aria-describedby]="errors.describedBy('body', 'message-body-hint')"
          ></textarea>
          <p id="message-body-hint" class="field__hint">{{ 'messages.new.bodyHint' | transloco }}</p>
          <app-field-error [errorId]="errors.errorId('body')" [message]="errors.of('body')" />
        </div>
        <div>
          <button type="submit" class="button button--primary" [attr.aria-busy]="submission.pending()">
            {{ 'messages.new.submit' | transloco }}
          </button>
        </div>
      </form>
    </section>
  `,
})
export class NewMessageForm {
  private readonly apollo = inject(Apollo);
  private readonly injector = inject(Injector);
  private readonly userErrors = inject(UserErrorMessageService);
  private readonly transloco = inject(TranslocoService);
  private readonly summary = viewChild.required(ErrorSummary);
  private readonly outcome = viewChild<ElementRef<HTMLElement>>('outcome');
  private readonly search = viewChild.required<ElementRef<HTMLInputElement>>('search');
  private readonly queries = new Subject<string>();
  private readonly suggestions = signal<Suggestions>({ query: '', contacts: null, error: null });

  protected readonly query = signal('');
  protected readonly recipients = signal<readonly Contact[]>([]);
  protected readonly form = inject(NonNullableFormBuilder).group({ body: [''] });
  protected readonly errors = new FormErrors([
    { name: 'recipientIds', inputId: 'message-recipients', labelKey: 'messages.new.recipients' },
    { name: 'body', inputId: 'message-body', labelKey: 'messages.new.body' },
  ]);
  protected readonly submission = new FormSubmission(this.errors, this.summary);
  protected readonly sent = signal(false);

  constructor() {
    const lookups: Subscription = this.queries
      .pipe(
        debounceTime(250),
        switchMap((query) =>
          query.trim().length === 0
            ? of<Suggestions>({ query, contacts: null, error: null })
            : this.apollo
                .query({ query: CONTACTS_QUERY, variables: { query: query.trim(), first: SUGGESTIONS }, fetchPolicy: 'network-only' })
                .pipe(
                  map((result): Suggestions => ({ query, contacts: result.data?.contacts ?? [], error: null })),
                  catchError((error: unknown) =>
                    of<Suggestions>({ query, contacts: null, error: this.userErrors.describe(error).message }),
                  ),
                ),
        ),
      )
      .subscribe((suggestions) => this.suggestions.set(suggestions));
    inject(DestroyRef).onDestroy(() => lookups.unsubscribe());
  }

  /** The suggestions not chosen yet. */
  protected visibleSuggestions(): readonly Contact[] {
    const chosen = new Set(this.recipients().map((contact) => contact.id));
    return (this.suggestions().contacts ?? []).filter((contact) => !chosen.has(contact.id));
  }

  protected suggestionsStatus(): string {
    const { query, contacts, error } = this.suggestions();
    if (error) {
      return error;
    }
    if (contacts === null || query.trim() === '') {
      return '';
    }
    const count = this.visibleSuggestions().length;
    return this.translateCount(count);
  }

  protected typed(event: Event): void {
    const value = (event.target as HTMLInputElement).value;
    this.query.set(value);
    this.queries.next(value);
  }

  protected add(contact: Contact): void {
    this.recipients.update((list) => (list.some((known) => known.id === contact.id) ? list : [...list, contact]));
    this.query.set('');
    this.queries.next('');
    this.search().nativeElement.focus();
  }

  protected remove(contact: Contact): void {
    this.recipients.update((list) => list.filter((known) => known.id !== contact.id));
    this.search().nativeElement.focus();
  }

  protected async send(): Promise<void> {
    if (this.submission.pending()) {
      return;
    }
    this.sent.set(false);
    const body = this.form.getRawValue().body;
    const filled = this.submission.checkFilled({
      recipientIds: [this.recipients().length === 0, 'messages.new.recipientsMissing'],
      body: [body.trim() === '', 'messages.new.bodyMissing'],
    });
    if (!filled) {
      return;
    }
    await this.submission.run(async () => {
      await firstValueFrom(
        this.apollo.mutate({
          mutation: SEND_MESSAGE_MUTATION,
          variables: { input: { recipientIds: this.recipients().map((contact) => contact.id), body } },
        }),
      );
      this.form.reset({ body: '' });
      this.recipients.set([]);
      this.sent.set(true);
      afterNextRender(() => this.outcome()?.nativeElement.focus(), { injector: this.injector });
    });
  }

  private translateCount(count: number): string {
    return this.transloco.translate(
      count === 0 ? 'messages.new.noSuggestion' : count === 1 ? 'messages.new.suggestionOne' : 'messages.new.suggestionMany',
      { count },
    );
  }
}
