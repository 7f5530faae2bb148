import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { LanguageService } from '../i18n/language.service';
import type { UiLanguage } from '../i18n/ui-language';

/** « English » / « Français »: switches the interface to the other language, named in that language. */
@Component({
  selector: 'app-language-switch',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslocoPipe],
  template: `
    <button type="button" class="button button--quiet" [attr.lang]="otherLanguage()" (click)="switchLanguage()">
      {{ 'language.switchTo' | transloco }}
    </button>
  `,
})
export class LanguageSwitch {
  private readonly language = inject(LanguageService);
  protected readonly otherLanguage = computed<UiLanguage>(() => (this.language.current() === 'fr' ? 'en' : 'fr'));

  protected switchLanguage(): void {
    void this.language.use(this.otherLanguage());
  }
}
