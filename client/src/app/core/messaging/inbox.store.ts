import { Injectable, computed, effect, inject, signal, untracked } from '@angular/core';
import { Apollo } from 'apollo-angular';
import { Subject, type Subscription } from 'rxjs';
import { AuthService } from '../auth/auth.service';
import type { InboxChangedSubscription } from '../graphql/generated/graphql';
import { INBOX_CHANGED_SUBSCRIPTION, UNREAD_COUNT_QUERY } from './inbox.operations';

export type ArrivedMessage = InboxChangedSubscription['inboxChanged']['message'];

/**
 * The signed-in user's unread count, kept live: asked once after sign-in, then updated by
 * `inboxChanged` (over the lazy WebSocket) and by the messages page when it marks a message read.
 * `arrivals` tells the messages page, when it is open, about each new message.
 */
@Injectable({ providedIn: 'root' })
export class InboxStore {
  private readonly apollo = inject(Apollo);
  private readonly auth = inject(AuthService);
  private readonly count = signal<number | null>(null);
  private readonly arrived = new Subject<ArrivedMessage>();
  private live: Subscription | null = null;
  private request: Subscription | null = null;

  /** null until known (or when nobody is signed in). */
  readonly unreadCount = this.count.asReadonly();
  readonly arrivals = this.arrived.asObservable();
  private readonly userId = computed(() => this.auth.currentUser()?.id ?? null);

  constructor() {
    effect(() => {
      const userId = this.userId();
      untracked(() => this.follow(userId));
    });
  }

  setUnreadCount(count: number): void {
    this.count.set(count);
  }

  private follow(userId: string | null): void {
    this.live?.unsubscribe();
    this.request?.unsubscribe();
    this.live = null;
    this.request = null;
    this.count.set(null);
    if (!userId) {
      return;
    }
    this.request = this.apollo.query({ query: UNREAD_COUNT_QUERY, fetchPolicy: 'network-only' }).subscribe({
      next: (result) => {
        const unread = result.data?.inbox.unreadCount;
        if (typeof unread === 'number') {
          this.count.set(unread);
        }
      },
      // The badge simply stays without a number; the messages page shows the error itself.
      error: () => undefined,
    });
    this.live = this.apollo.subscribe({ query: INBOX_CHANGED_SUBSCRIPTION }).subscribe({
      next: (result) => {
        const event = result.data?.inboxChanged;
        if (event) {
          this.count.set(event.unreadCount);
          this.arrived.next(event.message);
        }
      },
      error: () => undefined,
    });
  }
}
