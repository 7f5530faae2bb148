import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { logger } from '../logging/logger';
import { AppError } from './app-error';
import { Lang, translate } from './messages';

/** Codes graphql-js and Apollo give to errors about the query text itself: safe to show as they are. */
const queryErrorCodes = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'OPERATION_RESOLUTION_FAILURE',
]);

function findAppError(error: unknown): AppError | undefined {
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth++) {
    if (current instanceof AppError) return current;
    current = (current as { originalError?: unknown }).originalError;
  }
  return undefined;
}

/** Hidden carrier of the English text until the response language is known (see localizeError). */
const I18N = '__i18n';

/**
 * The one place errors leave the server, for HTTP and WebSocket alike: AppErrors with their code and
 * both texts; graphql-js parse/validation/variable errors as they are (they describe the query, not
 * data); anything else masked as INTERNAL and logged with its stack on our side only.
 */
export function maskError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const appError = findAppError(error);
  if (appError) {
    const fr = appError.toGraphQLError('fr');
    const en = appError.toGraphQLError('en');
    return { message: fr.message, path: formatted.path, extensions: { ...fr.extensions, [I18N]: { message: en.message, fields: en.extensions.fields } } };
  }
  const original = error instanceof GraphQLError ? error.originalError : undefined;
  const code = formatted.extensions?.code as string | undefined;
  // Apollo wraps validation errors (keeping graphql-js's as originalError): the code is what tells.
  const isQueryError = code ? queryErrorCodes.has(code) : !original;
  if (isQueryError) {
    return { message: formatted.message, locations: formatted.locations, extensions: { code: code ?? 'GRAPHQL_VALIDATION_FAILED' } };
  }
  logger.error('unexpected error in a resolver', {
    path: formatted.path?.join('.'),
    error: original?.message ?? formatted.message,
    stack: original?.stack,
  });
  return {
    message: translate('INTERNAL', 'fr'),
    path: formatted.path,
    extensions: { code: 'INTERNAL', [I18N]: { message: translate('INTERNAL', 'en') } },
  };
}

/** Picks the caller's language and removes the carrier. */
export function localizeError(formatted: GraphQLFormattedError, lang: Lang): GraphQLFormattedError {
  const extensions = { ...(formatted.extensions ?? {}) } as Record<string, unknown>;
  const english = extensions[I18N] as { message: string; fields?: Record<string, string> } | undefined;
  delete extensions[I18N];
  if (lang === 'en' && english) {
    return { ...formatted, message: english.message, extensions: english.fields ? { ...extensions, fields: english.fields } : extensions };
  }
  return { ...formatted, extensions };
}

export function formatError(formatted: GraphQLFormattedError, error: unknown, lang: Lang): GraphQLFormattedError {
  return localizeError(maskError(formatted, error), lang);
}
