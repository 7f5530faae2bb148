import { Pipe, type PipeTransform } from '@angular/core';
import type { UiLanguage } from '../../core/i18n/ui-language';

const LOCALES: Record<UiLanguage, string> = { fr: 'fr-FR', en: 'en-GB' };
const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A date without its time, in the interface language: « 28/11/2026 » (`short`, for tables) or
 * « 28 novembre 2026 » (`long`). Takes an ISO date-time or a calendar date `YYYY-MM-DD` (a birth
 * date), the latter read as is, never shifted by the time zone.
 */
@Pipe({ name: 'dateOnly' })
export class DateOnlyPipe implements PipeTransform {
  transform(value: string | null | undefined, language: UiLanguage, style: 'short' | 'long' = 'short'): string {
    if (!value) {
      return '';
    }
    const calendar = CALENDAR_DATE.exec(value);
    const date = calendar ? new Date(Number(calendar[1]), Number(calendar[2]) - 1, Number(calendar[3])) : new Date(value);
    if (Number.isNaN(date.getTime())) {
      return '';
    }
    return new Intl.DateTimeFormat(LOCALES[language], { dateStyle: style }).format(date);
  }
}
