import { AppError } from '../errors/app-error';
import type { BucketSize } from '../graphql/client-bucket';

/** What an integration token may be granted (issue 20, research C4.2). */
export const TOKEN_SCOPES = [
  'stats:read',
  'structures:read',
  'directory:read',
  'directory:identity:read',
  'contacts:read',
  'reports:read',
  'reports:moderate',
  'classes:write',
  'accounts:block',
  'mailing:write',
  'imports:write',
  'audit:read',
  'events:read',
] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

/** Scopes only the operator may grant (adults' e-mail and mobile: tier 3). */
export const OPERATOR_ONLY_SCOPES: readonly TokenScope[] = ['contacts:read'];

/**
 * The root fields a token may call, and the scope each needs. Deny by default: a field missing
 * here (signing in, one's own inbox or timeline, creating accounts, granting functions…) answers
 * FORBIDDEN to every token, so a new operation is closed to integrations until it is listed.
 */
export const OPERATION_SCOPES: Readonly<Record<string, TokenScope>> = {
  'Query.structures': 'structures:read',
  'Query.schoolClasses': 'structures:read',
  'Query.schoolClass': 'structures:read',
  'Query.users': 'directory:read',
  'Query.user': 'directory:read',
  'Query.searchUsers': 'directory:read',
  'Query.auditLog': 'audit:read',
  'Query.mailing': 'mailing:write',
  'Query.mailingSelection': 'mailing:write',
  // The event log: each event also needs the scope of its subject (reports:read for report.*,
  // directory:read for account.*), checked in its SQL (modules/integrations/event-log.service.ts).
  'Query.events': 'events:read',
  'Subscription.eventsSince': 'events:read',
  'Mutation.attachTeachersToClass': 'classes:write',
  'Mutation.attachToClass': 'classes:write',
  'Mutation.detachFromClass': 'classes:write',
  'Mutation.blockUser': 'accounts:block',
  'Mutation.unblockUser': 'accounts:block',
  'Mutation.createMailing': 'mailing:write',
  // Reports: the Report type carries the field tiers (body and reporters never, names under the
  // Identity tier). reportAdded/reportTreated are @SharedPayload, shared among people only: a
  // token's subscription is executed for it alone (platform/live/live-subscribe.ts) on its client's
  // channel, which gets only the reports its subtree reaches (modules/moderation/index.ts).
  'Query.reports': 'reports:read',
  'Query.report': 'reports:read',
  'Subscription.reportAdded': 'reports:read',
  'Subscription.reportTreated': 'reports:read',
  // deleteReport's « Bloquer l'auteur » also needs accounts:block (ModerationService.treat).
  'Mutation.keepReport': 'reports:moderate',
  'Mutation.deleteReport': 'reports:moderate',
  // « Tableau de bord »: counts, dates and the structures' names, no field naming a person (the tiers
  // spec checks it); scoped by the token's narrowed actor like a person's view. supervisionChanged
  // goes to a token on its client's channel, for the changes its subtree holds (modules/supervision/index.ts).
  'Query.supervision': 'stats:read',
  'Subscription.supervisionChanged': 'stats:read',
  // « Importer des utilisateurs »: the upload (POST /imports/dry-run, app/import-upload.ts) takes the
  // token too and checks imports:write there. A session made with a token is its client's alone
  // (platform/auth/caller-made.ts); the report's names are under the Identity tier, what it quotes
  // of the file (birth dates, INE, addresses, e-mails, phones, the lines' messages) @Sensitive.
  // importProgress goes to the client's channel (modules/imports/index.ts).
  'Query.importSession': 'imports:write',
  'Mutation.applyImport': 'imports:write',
  'Subscription.importProgress': 'imports:write',
  // Not yet: the other subscriptions (timelines, mailings): their payloads have no token variant.
};

/** Root fields every token may call whatever its scopes: they say nothing about anyone. */
export const OPEN_TO_TOKENS: readonly string[] = ['Query.rateLimit'];

/** What a request authenticated by an integration token carries besides its (narrowed) actor. */
export interface IntegrationGrant {
  clientId: string;
  clientName: string;
  scopes: readonly TokenScope[];
  /** Per-client secret of the pseudonymous ids (so two integrators cannot join their data). */
  pseudonymKey: string;
  /** Its cost bucket (platform/graphql/client-bucket.ts): api_client's default (migration ApiClientBuckets) unless the operator raised it. */
  bucket: BucketSize;
  /** Records a write made with the token (the audit log names the client). */
  recordWrite(operation: string, clientAddress: string | null): Promise<void>;
}

export function missingScope(scope: TokenScope): AppError {
  return new AppError('FORBIDDEN', {
    fr: `Ce jeton d'intégration n'a pas la portée « ${scope} ».`,
    en: `This integration token lacks the scope "${scope}".`,
  });
}

export function closedToTokens(what: string): AppError {
  return new AppError('FORBIDDEN', {
    fr: `« ${what} » n'est pas disponible pour les intégrations.`,
    en: `"${what}" is not available to integrations.`,
  });
}

/**
 * The gate of a root field for a token: the field must be open to tokens and its scope granted.
 * The actor behind it is already narrowed (creator's current rights ∩ the client's subtree), so
 * what passes here is then scoped by the services like any call.
 */
export async function checkTokenOperation(
  grant: IntegrationGrant,
  parentType: string,
  field: string,
  clientAddress: string | null,
  /** The write the audit line names, when it is not the field itself (the import's upload, gated as applyImport). */
  audited: string = field,
): Promise<void> {
  const key = `${parentType}.${field}`;
  if (OPEN_TO_TOKENS.includes(key)) return;
  const scope = OPERATION_SCOPES[key];
  if (!scope) throw closedToTokens(field);
  if (!grant.scopes.includes(scope)) throw missingScope(scope);
  if (parentType === 'Mutation') await grant.recordWrite(audited, clientAddress);
}
