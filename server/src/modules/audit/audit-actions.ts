/**
 * Every action the audit log records, in one place: the console's « Historique » has a sentence
 * for each in French and English, and a test (client/src/app/admin/users/record/audit-labels.spec.ts)
 * fails when one is missing. `audit-actions.spec.ts` fails when a service records an action that is
 * not listed here.
 */
export const AUDIT_ACTIONS = [
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
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];
