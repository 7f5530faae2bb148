import type { UserHistoryQuery } from '../../../core/graphql/generated/graphql';
import type { UiLanguage } from '../../../core/i18n/ui-language';

type Entry = UserHistoryQuery['auditLog']['edges'][number]['node'];

/** A piece of a sentence: a translation key with its parameters, or a text shown as is. */
export type SentencePart =
  | { readonly key: string; readonly params: Readonly<Record<string, string>> }
  | { readonly text: string };

/** The actions the history can say in words; any other code is shown as is. */
const KNOWN_ACTIONS = new Set([
  'USER_BLOCKED',
  'USER_UNBLOCKED',
  'RENEWAL_CODE_GENERATED',
  'PASSWORD_CHANGED',
  'ACCOUNT_ACTIVATED',
  'ALIAS_SET',
  'ALIAS_REMOVED',
  'CLASS_ATTACHED',
  'CLASS_DETACHED',
  'RELATIVE_ADDED',
  'RELATIVE_REMOVED',
  'FUNCTION_GRANTED',
  'FUNCTION_REVOKED',
  'PHOTO_REMOVED',
  'USER_PREDELETED',
  'USER_RESTORED',
  'USER_CREATED',
  'PASSWORD_RESET_REQUESTED',
  'PASSWORD_RESET',
  'OPERATOR_CREATED',
  'USER_DELETED',
  'REPORT_KEPT',
  'REPORT_DELETED',
  'MAILING_PDF',
  'MAILING_EMAIL',
  'ACCOUNTS_EXPORTED',
  'API_CLIENT_CREATED',
  'API_CLIENT_REVOKED',
  'API_CLIENT_ROTATED',
  'API_CLIENT_RATE_LIMIT_SET',
  'API_CLIENT_EXPIRY_WARNED',
  'API_WRITE',
  'USERS_IMPORTED',
]);

const FUNCTIONS = new Set(['SCHOOL_ADMIN', 'CIRCONSCRIPTION_ADMIN', 'DEPARTEMENT_ADMIN', 'OPERATOR']);
const LOCALES: Record<UiLanguage, string> = { fr: 'fr-FR', en: 'en-GB' };

function text(value: unknown): string {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
}

/**
 * An audit line as a sentence: « Compte bloqué jusqu'au 3 décembre 2026 à 08:00 — motif : … »,
 * « Rattachement à la classe CE1 A », « Fonction attribuée : <function> »… The details the server
 * keeps (class name, login, function, end of block, reason) complete it. The parts are translated
 * in the template, so the sentence follows a change of language.
 */
export function auditSentence(entry: Entry, language: UiLanguage): SentencePart[] {
  if (!KNOWN_ACTIONS.has(entry.action)) {
    return [{ text: entry.action }];
  }
  const details = entry.details ?? {};
  const fn = text(details['function']);
  const parts: SentencePart[] = [
    {
      key: `audit.actions.${entry.action}`,
      params: {
        className: text(details['className']),
        relative: text(details['relativeLogin']),
        alias: text(details['after']),
        accounts: text(details['accounts']),
        client: text(details['client']),
        operation: text(details['operation']),
        size: text(details['size']),
        refill: text(details['refillPerSecond']),
        days: text(details['days']),
        created: text(details['created']),
        modified: text(details['modified']),
        // The function's name is a key of its own; the template translates « functions.X ».
        fn: '',
      },
    },
  ];
  if ((entry.action === 'FUNCTION_GRANTED' || entry.action === 'FUNCTION_REVOKED') && fn) {
    parts.push(FUNCTIONS.has(fn) ? { key: `functions.${fn}`, params: {} } : { text: fn });
  }
  if (entry.action === 'USER_BLOCKED') {
    const until = text(details['until']);
    const untilDate = until ? new Date(until) : null;
    parts.push({ text: ' ' });
    parts.push(
      untilDate && !Number.isNaN(untilDate.getTime())
        ? {
            key: 'audit.details.until',
            params: { date: new Intl.DateTimeFormat(LOCALES[language], { dateStyle: 'long', timeStyle: 'short' }).format(untilDate) },
          }
        : { key: 'audit.details.untilUnblocked', params: {} },
    );
    const reason = text(details['reason']);
    if (reason) {
      parts.push({ key: 'audit.details.reason', params: { reason } });
    }
  }
  if (entry.action === 'USER_UNBLOCKED' && details['automatic'] === true) {
    parts.push({ key: 'audit.details.automatic', params: {} });
  }
  return parts;
}
