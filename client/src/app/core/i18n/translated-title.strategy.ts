import { Injectable, inject } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { Title } from '@angular/platform-browser';
import { type RouterStateSnapshot, TitleStrategy } from '@angular/router';
import { TranslocoService } from '@jsverse/transloco';
import { BehaviorSubject, combineLatest } from 'rxjs';

/**
 * Route titles are translation keys (`title: 'titles.login'`). The document title becomes
 * « <page> – Préau » in the current language, and follows language switches.
 */
@Injectable({ providedIn: 'root' })
export class TranslatedTitleStrategy extends TitleStrategy {
  private readonly title = inject(Title);
  private readonly transloco = inject(TranslocoService);
  private readonly pageTitleKey = new BehaviorSubject<string | undefined>(undefined);

  constructor() {
    super();
    combineLatest([this.pageTitleKey, this.transloco.selectTranslation()])
      .pipe(takeUntilDestroyed())
      .subscribe(([key]) => this.title.setTitle(this.compose(key)));
  }

  override updateTitle(snapshot: RouterStateSnapshot): void {
    this.pageTitleKey.next(this.buildTitle(snapshot));
  }

  private compose(key: string | undefined): string {
    const appName = this.transloco.translate('app.name');
    return key ? `${this.transloco.translate(key)} – ${appName}` : appName;
  }
}
