import { Pipe, type PipeTransform } from '@angular/core';
import type { UiLanguage } from '../../core/i18n/ui-language';

const LOCALES: Record<UiLanguage, string> = { fr: 'fr-FR', en: 'en-GB' };

/**
 * An ISO date-time in the interface language, e.g. « 28 novembre 2026 à 15:42 ».
 * The language is an argument (`value | dateTime: language()`) so the text follows a switch.
 */
@Pipe({ name: 'dateTime' })
export class DateTimePipe implements PipeTransform {
  transform(value: string | null | undefined, language: UiLanguage): string {
    if (!value) {
      return '';
    }
    const date = new Date(value);
    if (Number.isNaN(date.getTime())) {
      return '';
    }
    return new Intl.DateTimeFormat(LOCALES[language], { dateStyle: 'long', timeStyle: 'short' }).format(date);
  }
}
