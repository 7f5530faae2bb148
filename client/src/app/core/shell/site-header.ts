import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { RouterLink, RouterLinkActive } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { AuthService } from '../auth/auth.service';
import { canUseAdministration, canUseTeacherSpace, homePathOf } from '../auth/home-path';
import { LanguageSwitch } from './language-switch';

interface NavEntry {
  readonly path: string;
  readonly labelKey: string;
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

  protected readonly user = this.auth.currentUser;
  protected readonly signingOut = signal(false);
  protected readonly homeLink = computed(() => {
    const user = this.user();
    return user ? homePathOf(user) : '/connexion';
  });
  /** Shown only when there is a choice to make (more than one space). */
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
    return entries.length > 1 ? entries : [];
  });

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
