import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';

/** An error as the user may see it: the server's translated message and its stable code. */
export interface UserError {
  /** Already in the interface language (the server reads Accept-Language). */
  readonly message: string;
  /** `extensions.code`, e.g. BAD_CREDENTIALS, TOO_MANY_ATTEMPTS, FORBIDDEN, UNAUTHENTICATED. */
  readonly code: string | null;
  /** Per-field messages of a form, when the server gives them (`extensions.fields`). */
  readonly fields: Readonly<Record<string, string>>;
}

interface GraphQLErrorLike {
  message?: unknown;
  extensions?: { code?: unknown; fields?: unknown } | null;
}

/**
 * Reads the first GraphQL error the server sent, whether it came in a 200 response
 * (CombinedGraphQLErrors) or in the body of a non-2xx response (ServerError).
 * Returns null when there is no server message to show (network failure, unexpected error):
 * callers then show their own translated text, never a technical message or a stack.
 */
export function readUserError(error: unknown): UserError | null {
  if (CombinedGraphQLErrors.is(error)) {
    return fromGraphQLError(error.errors[0]);
  }
  if (ServerError.is(error)) {
    return fromGraphQLError(firstErrorIn(error.bodyText));
  }
  return null;
}

/** The code of the first GraphQL error, without caring about its message. */
export function userErrorCode(error: unknown): string | null {
  return readUserError(error)?.code ?? null;
}

function firstErrorIn(bodyText: string): GraphQLErrorLike | undefined {
  try {
    const body = JSON.parse(bodyText) as { errors?: GraphQLErrorLike[] };
    return Array.isArray(body.errors) ? body.errors[0] : undefined;
  } catch {
    return undefined;
  }
}

function fromGraphQLError(error: GraphQLErrorLike | undefined): UserError | null {
  if (!error || typeof error.message !== 'string' || error.message.length === 0) {
    return null;
  }
  const code = typeof error.extensions?.code === 'string' ? error.extensions.code : null;
  const fields = isStringRecord(error.extensions?.fields) ? error.extensions.fields : {};
  return { message: error.message, code, fields };
}

function isStringRecord(value: unknown): value is Record<string, string> {
  return typeof value === 'object' && value !== null && Object.values(value).every((item) => typeof item === 'string');
}
