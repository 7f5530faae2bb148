import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { RouterLink, RouterLinkActive } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { AuthService } from '../auth/auth.service';
import { canUseAdministration, canUseTeacherSpace, homePathOf } from '../auth/home-path';
import { InboxStore } from '../messaging/inbox.store';
import { LanguageSwitch } from './language-switch';

interface NavEntry {
  readonly path: string;
  readonly labelKey: string;
  readonly params?: Record<string, unknown>;
}

/** The banner: « Préau », the spaces the user may open, who is signed in, « Se déconnecter », the language. */
@Component({
  selector: 'app-site-header',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, RouterLinkActive, TranslocoPipe, LanguageSwitch],
  templateUrl: './site-header.html',
  styleUrl: './site-header.css',
})
export class SiteHeader {
  private readonly auth = inject(AuthService);
  private readonly inbox = inject(InboxStore);

  protected readonly user = this.auth.currentUser;
  protected readonly signingOut = signal(false);
  protected readonly homeLink = computed(() => {
    const user = this.user();
    return user ? homePathOf(user) : '/connexion';
  });
  /** The spaces (when there is a choice to make) and « Messagerie » with its live unread count. */
  protected readonly navEntries = computed<NavEntry[]>(() => {
    const user = this.user();
    if (!user) {
      return [];
    }
    const entries: NavEntry[] = [];
    if (canUseAdministration(user)) {
      entries.push({ path: '/admin', labelKey: 'shell.nav.admin' });
    }
    if (canUseTeacherSpace(user)) {
      entries.push({ path: '/enseignant', labelKey: 'shell.nav.teacher' });
    }
    entries.push({ path: '/accueil', labelKey: 'shell.nav.newsFeed' });
    const spaces = entries.length > 1 ? entries : [];
    return [...spaces, this.messagesEntry()];
  });

  private messagesEntry(): NavEntry {
    const unread = this.inbox.unreadCount() ?? 0;
    if (unread === 0) {
      return { path: '/messages', labelKey: 'shell.nav.messages' };
    }
    return {
      path: '/messages',
      labelKey: unread === 1 ? 'shell.nav.messagesUnreadOne' : 'shell.nav.messagesUnreadMany',
      params: { count: unread },
    };
  }

  protected async signOut(): Promise<void> {
    if (this.signingOut()) {
      return;
    }
    this.signingOut.set(true);
    try {
      await this.auth.signOut();
    } finally {
      this.signingOut.set(false);
    }
  }
}
