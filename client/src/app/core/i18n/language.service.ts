import { DOCUMENT } from '@angular/common';
import { Injectable, inject, signal } from '@angular/core';
import { TranslocoService } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import { DEFAULT_UI_LANGUAGE, isUiLanguage, type UiLanguage } from './ui-language';

const STORAGE_KEY = 'preau.language';

/**
 * The language of the interface: a signal for templates and for the Accept-Language header, kept
 * in localStorage and reflected on `<html lang>` so assistive technologies read the right language.
 */
@Injectable({ providedIn: 'root' })
export class LanguageService {
  private readonly transloco = inject(TranslocoService);
  private readonly document = inject(DOCUMENT);
  private readonly language = signal<UiLanguage>(this.storedLanguage());

  readonly current = this.language.asReadonly();

  /** Applies the remembered language (French by default) and resolves once its texts are loaded. */
  restore(): Promise<unknown> {
    return this.use(this.language());
  }

  /** Switches the interface language without reloading; resolves once the new texts are loaded. */
  use(language: UiLanguage): Promise<unknown> {
    this.language.set(language);
    this.remember(language);
    this.document.documentElement.lang = language;
    this.transloco.setActiveLang(language);
    // A missing translation file must not block the app: Transloco then falls back to French.
    return firstValueFrom(this.transloco.load(language)).catch(() => undefined);
  }

  private storedLanguage(): UiLanguage {
    try {
      const stored = this.document.defaultView?.localStorage.getItem(STORAGE_KEY);
      return isUiLanguage(stored) ? stored : DEFAULT_UI_LANGUAGE;
    } catch {
      return DEFAULT_UI_LANGUAGE;
    }
  }

  private remember(language: UiLanguage): void {
    try {
      this.document.defaultView?.localStorage.setItem(STORAGE_KEY, language);
    } catch {
      // Storage can be unavailable (private browsing, policies): the choice then lasts for the visit.
    }
  }
}
