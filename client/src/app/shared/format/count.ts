import type { UiLanguage } from '../../core/i18n/ui-language';

const LOCALES: Record<UiLanguage, string> = { fr: 'fr-FR', en: 'en-GB' };

/** « 1 234 » in French, « 1,234 » in English. */
export function formatCount(count: number, language: UiLanguage): string {
  return count.toLocaleString(LOCALES[language]);
}

/** The translation key for a count: `${base}None`, `${base}One` or `${base}Many`. */
export function countKey(base: string, count: number): string {
  return `${base}${count === 0 ? 'None' : count === 1 ? 'One' : 'Many'}`;
}
