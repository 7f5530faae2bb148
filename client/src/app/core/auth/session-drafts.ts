import { DOCUMENT } from '@angular/common';
import { Injectable, Injector, afterNextRender, inject, signal } from '@angular/core';
import { NavigationEnd, NavigationStart, Router } from '@angular/router';
import { MAIN_CONTENT_ID } from '../shell/main-content';

/** One field the user had typed in when their session was closed. */
export interface Draft {
  readonly id: string;
  /** The field's visible label at that time, to show it on the sign-in page. */
  readonly label: string;
  readonly value: string;
}

interface SavedDrafts {
  /** Whose texts: put back only for the same person. */
  readonly owner: string;
  readonly url: string;
  readonly drafts: readonly Draft[];
}

const STORAGE_KEY = 'preau.session-drafts';

/** Fields whose text is worth keeping: never passwords nor codes, which must not sit in storage. */
const TEXT_FIELDS = 'textarea, input:not([type]), input[type="text"], input[type="email"], input[type="tel"], input[type="url"]';

/**
 * What was being typed when the session was closed elsewhere (blocked, signed out in another tab,
 * expired). A director who was writing a message or filling a form expects to find it again:
 * the texts are kept in this tab's sessionStorage (gone when the tab closes), shown on the sign-in
 * page so they can be copied (a blocked account cannot sign in again), and put back into the same
 * fields when the same page is opened after signing in again.
 */
@Injectable({ providedIn: 'root' })
export class SessionDrafts {
  private readonly document = inject(DOCUMENT);
  private readonly router = inject(Router);
  private readonly injector = inject(Injector);
  private readonly storage = this.document.defaultView?.sessionStorage ?? null;
  private readonly state = signal<SavedDrafts | null>(this.read());
  private observer: MutationObserver | null = null;

  /** The kept texts, for the sign-in page. */
  readonly kept = this.state.asReadonly();

  constructor() {
    this.router.events.subscribe((event) => {
      if (event instanceof NavigationStart) {
        this.stopRestoring();
      } else if (event instanceof NavigationEnd && this.state()?.url === event.urlAfterRedirects) {
        // After the page's first render: its form controls write their initial values then.
        afterNextRender(() => this.restore(), { injector: this.injector });
      }
    });
  }

  /** Keeps what the user changed in the page's fields (Angular marks them dirty), with the page's URL. */
  keepFrom(owner: string, url: string): void {
    const main = this.document.getElementById(MAIN_CONTENT_ID);
    const fields = Array.from(main?.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>(TEXT_FIELDS) ?? []);
    const drafts = fields
      .filter((field) => field.id && field.value.trim() && !field.readOnly && field.autocomplete !== 'one-time-code')
      .filter((field) => field.classList.contains('ng-dirty') || (!field.classList.contains('ng-pristine') && field.value !== field.defaultValue))
      .map((field) => ({ id: field.id, label: labelOf(field), value: field.value }));
    this.save(drafts.length > 0 ? { owner, url, drafts } : null);
  }

  /** Someone else signed in on this tab: their page is not where these texts go. */
  keepOnlyFor(owner: string): void {
    if (this.state() && this.state()?.owner !== owner) this.forget();
  }

  /** Forgets the kept texts (the user copied them, or they were put back). */
  forget(): void {
    this.stopRestoring();
    this.save(null);
  }

  /**
   * Puts each kept text back into its field as soon as the page shows it (pages render their forms
   * after their data arrives), as if typed: the form sees an input event.
   */
  private restore(): void {
    const main = this.document.getElementById(MAIN_CONTENT_ID);
    const saved = this.state();
    if (!main || !saved) return;
    let pending = [...saved.drafts];
    const fill = () => {
      pending = pending.filter((draft) => {
        const field = this.document.getElementById(draft.id);
        if (!(field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement) || field.disabled) return true;
        field.value = draft.value;
        field.dispatchEvent(new Event('input', { bubbles: true }));
        return false;
      });
      if (pending.length === 0) this.forget();
    };
    this.observer = new MutationObserver(fill);
    this.observer.observe(main, { childList: true, subtree: true, attributes: true, attributeFilter: ['disabled'] });
    fill();
  }

  private stopRestoring(): void {
    this.observer?.disconnect();
    this.observer = null;
  }

  private save(saved: SavedDrafts | null): void {
    this.state.set(saved);
    try {
      if (saved) this.storage?.setItem(STORAGE_KEY, JSON.stringify(saved));
      else this.storage?.removeItem(STORAGE_KEY);
    } catch {
      // Storage full or refused: the texts stay shown on the sign-in page of this tab.
    }
  }

  private read(): SavedDrafts | null {
    try {
      const raw = this.storage?.getItem(STORAGE_KEY);
      return raw ? (JSON.parse(raw) as SavedDrafts) : null;
    } catch {
      return null;
    }
  }
}

function labelOf(field: HTMLInputElement | HTMLTextAreaElement): string {
  const label = field.labels?.[0]?.textContent ?? field.getAttribute('aria-label') ?? field.id;
  return label.replace(/\s+/g, ' ').trim();
}
