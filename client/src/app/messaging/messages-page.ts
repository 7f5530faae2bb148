import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, DestroyRef, Injector, afterNextRender, computed, inject, signal } from '@angular/core';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { Apollo } from 'apollo-angular';
import { firstValueFrom } from 'rxjs';
import { apolloPage } from '../core/data/apollo-page';
import { keysetPaged } from '../core/data/keyset-paged';
import { applyLiveEvent, newestFirst } from '../core/data/live-list';
import { UserErrorMessageService } from '../core/errors/user-error-message.service';
import { LanguageService } from '../core/i18n/language.service';
import { DateTimePipe } from '../shared/format/date-time.pipe';
import { InboxStore } from '../core/messaging/inbox.store';
import { INBOX_QUERY, MARK_MESSAGE_READ_MUTATION } from './data/messaging.operations';
import { NewMessageForm } from './new-message-form';

interface Message {
  readonly id: string;
  readonly body: string;
  readonly read: boolean;
  readonly sentAt: string;
  readonly sender: { readonly displayName: string };
}

const PAGE_SIZE = 20;

/**
 * /messages « Messagerie »: the inbox newest first (unread marked « Non lu », « Marquer comme lu »),
 * kept live by the shared InboxStore, « Voir plus » for older ones, and « Nouveau message ».
 */
@Component({
  selector: 'app-messages-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslocoPipe, DateTimePipe, NewMessageForm],
  styles: `
    .inbox__list {
      display: grid;
      gap: var(--space-3);
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .inbox-message {
      display: grid;
      gap: var(--space-2);
      padding: var(--space-3);
      border: 1px solid var(--color-border);
      border-radius: var(--radius-s);
    }
    .inbox-message--unread {
      border-left: 6px solid var(--color-primary);
    }
    .inbox-message h3 {
      margin: 0;
      font-size: 1.0625rem;
    }
    .inbox-message__body {
      margin: 0;
      white-space: pre-line;
      overflow-wrap: anywhere;
    }
    .inbox-message__meta {
      margin: 0;
      display: flex;
      flex-wrap: wrap;
      gap: var(--space-2);
      align-items: center;
    }
  `,
  template: `
    <div class="page-header">
      <h1>{{ 'messages.title' | transloco }}</h1>
      <p class="page-header__lead">
        @if (inbox.unreadCount(); as unread) {
          {{ (unread === 1 ? 'messages.unreadOne' : 'messages.unreadMany') | transloco: { count: unread } }}
        } @else {
          {{ 'messages.noUnread' | transloco }}
        }
      </p>
    </div>
    <p class="visually-hidden" aria-live="polite" aria-atomic="true">{{ announcement() }}</p>

    <div class="stack stack--loose">
      <section class="card stack" aria-labelledby="inbox-title">
        <h2 id="inbox-title">{{ 'messages.inbox' | transloco }}</h2>
        @if (failure(); as message) {
          <p class="alert alert--error" role="alert">{{ message }}</p>
        }
        @if (messages(); as messages) {
          @if (messages.length === 0) {
            <p>{{ 'messages.empty' | transloco }}</p>
          } @else {
            <ol class="inbox__list">
              @for (message of messages; track message.id) {
                <li>
                  <article
                    class="inbox-message"
                    tabindex="-1"
                    [id]="'message-' + message.id"
                    [class.inbox-message--unread]="!message.read"
                    [attr.aria-labelledby]="'message-sender-' + message.id"
                  >
                    <h3 [id]="'message-sender-' + message.id">
                      {{ 'messages.from' | transloco: { sender: message.sender.displayName } }}
                    </h3>
                    <p class="inbox-message__meta">
                      <time [attr.datetime]="message.sentAt">{{ message.sentAt | dateTime: language() }}</time>
                      @if (!message.read) {
                        <span class="badge">{{ 'messages.unread' | transloco }}</span>
                      }
                    </p>
                    <p class="inbox-message__body">{{ message.body }}</p>
                    @if (!message.read) {
                      <div>
                        <button
                          type="button"
                          class="button button--secondary button--small"
                          [attr.aria-busy]="marking() === message.id"
                          (click)="markRead(message)"
                        >
                          {{ 'messages.markRead' | transloco
                          }}<span class="visually-hidden">{{ 'forms.labelSeparator' | transloco }}{{
                            'messages.from' | transloco: { sender: message.sender.displayName }
                          }}</span>
                        </button>
                      </div>
                    }
                    @if (markError()?.id === message.id) {
                      <p class="alert alert--error" role="alert">{{ markError()?.message }}</p>
                    }
                  </article>
                </li>
              }
            </ol>
          }
        } @else if (!failure()) {
          <p>{{ 'messages.loading' | transloco }}</p>
        }
        @if (hasNextPage()) {
          <div>
            <button type="button" class="button button--secondary" [attr.aria-busy]="loadingMore()" (click)="loadMore()">
              {{ 'messages.more' | transloco }}
            </button>
          </div>
        }
      </section>

      <app-new-message-form />
    </div>
  `,
})
export default class MessagesPage {
  private readonly apollo = inject(Apollo);
  private readonly injector = inject(Injector);
  private readonly document = inject(DOCUMENT);
  private readonly transloco = inject(TranslocoService);
  private readonly userErrors = inject(UserErrorMessageService);

  protected readonly inbox = inject(InboxStore);
  private readonly pages = keysetPaged<Message>(
    apolloPage(
      this.apollo,
      INBOX_QUERY,
      (after) => ({ first: PAGE_SIZE, after }),
      ({ inbox }) => {
        // Each page carries the unread count as it is now: the header badge follows it.
        this.inbox.setUnreadCount(inbox.unreadCount);
        return { items: inbox.messages, hasNextPage: inbox.hasNextPage, endCursor: inbox.endCursor ?? null };
      },
    ),
  );
  protected readonly language = inject(LanguageService).current;
  protected readonly messages = this.pages.items;
  protected readonly hasNextPage = this.pages.hasNextPage;
  protected readonly loadingMore = signal(false);
  protected readonly failure = computed(() => {
    const error = this.pages.error();
    return error ? this.userErrors.describe(error).message : null;
  });
  protected readonly marking = signal<string | null>(null);
  protected readonly markError = signal<{ id: string; message: string } | null>(null);
  protected readonly announcement = signal('');
  private readonly early: Message[] = [];

  constructor() {
    // A message arriving before the first page answers is shown once it has (if the page lacks it).
    void this.pages.reload().then(() => this.early.splice(0).forEach((message) => this.arrived(message)));
    const arrivals = this.inbox.arrivals.subscribe((message) => this.arrived(message));
    inject(DestroyRef).onDestroy(() => {
      arrivals.unsubscribe();
      this.pages.reset();
    });
  }

  protected async loadMore(): Promise<void> {
    if (this.loadingMore()) {
      return;
    }
    this.loadingMore.set(true);
    try {
      const [first] = await this.pages.loadMore();
      if (first) {
        afterNextRender(() => this.document.getElementById(`message-${first.id}`)?.focus(), { injector: this.injector });
      }
    } finally {
      this.loadingMore.set(false);
    }
  }

  protected async markRead(message: Message): Promise<void> {
    if (this.marking()) {
      return;
    }
    this.marking.set(message.id);
    this.markError.set(null);
    try {
      const result = await firstValueFrom(
        this.apollo.mutate({ mutation: MARK_MESSAGE_READ_MUTATION, variables: { messageId: message.id } }),
      );
      const unread = result.data?.markMessageRead;
      if (typeof unread === 'number') {
        this.inbox.setUnreadCount(unread);
      }
      this.pages.update((list) => list.map((item) => (item.id === message.id ? { ...item, read: true } : item)));
      // The button is gone: the message itself keeps the focus.
      afterNextRender(() => this.document.getElementById(`message-${message.id}`)?.focus(), { injector: this.injector });
    } catch (error: unknown) {
      this.markError.set({ id: message.id, message: this.userErrors.describe(error).message });
    } finally {
      this.marking.set(null);
    }
  }

  /** A new message, live: shown in its place (once, however often it is told) and announced. */
  private arrived(message: Message): void {
    const before = this.messages();
    if (!before) {
      this.early.push(message);
      return;
    }
    if (before.some((item) => item.id === message.id)) {
      return;
    }
    this.pages.update((list) =>
      applyLiveEvent(list, { kind: 'upsert', item: message }, { order: newestFirst((item) => item.sentAt), complete: !this.hasNextPage() }),
    );
    this.announcement.set('');
    setTimeout(() => this.announcement.set(this.transloco.translate('messages.live', { sender: message.sender.displayName })), 50);
  }
}
