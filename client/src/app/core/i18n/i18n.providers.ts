import { type EnvironmentProviders, inject, isDevMode, makeEnvironmentProviders, provideAppInitializer } from '@angular/core';
import { TitleStrategy } from '@angular/router';
import { provideTransloco } from '@jsverse/transloco';
import { LanguageService } from './language.service';
import { TranslatedTitleStrategy } from './translated-title.strategy';
import { TranslationHttpLoader } from './translation-http.loader';
import { DEFAULT_UI_LANGUAGE, UI_LANGUAGES } from './ui-language';

/** Transloco with French first, the remembered language loaded before the first render, translated page titles. */
export function provideI18n(): EnvironmentProviders {
  return makeEnvironmentProviders([
    provideTransloco({
      config: {
        availableLangs: [...UI_LANGUAGES],
        defaultLang: DEFAULT_UI_LANGUAGE,
        fallbackLang: DEFAULT_UI_LANGUAGE,
        reRenderOnLangChange: true,
        prodMode: !isDevMode(),
        missingHandler: { useFallbackTranslation: true, logMissingKey: isDevMode() },
      },
      loader: TranslationHttpLoader,
    }),
    provideAppInitializer(() => inject(LanguageService).restore()),
    { provide: TitleStrategy, useClass: TranslatedTitleStrategy },
  ]);
}
