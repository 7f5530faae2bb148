import { DocumentNode, GraphQLError, Kind, visit } from 'graphql';
import { AppError } from '../errors/app-error';
import { translate } from '../errors/messages';

/** The largest page a token may ask for; the console's pages are clamped by the services instead. */
export const TOKEN_MAX_PAGE = 100;

/**
 * A token asking for more than 100 items in one page is told so, rather than silently given 100
 * (the services clamp `first` for the console): software reading the answer would otherwise take a
 * short page for the end of the list.
 */
export function tokenPageSizeError(document: DocumentNode, variables: Record<string, unknown> | null | undefined): GraphQLError | undefined {
  let largest = 0;
  visit(document, {
    Argument(node) {
      if (node.name.value !== 'first') return;
      const value = node.value.kind === Kind.INT ? Number(node.value.value) : node.value.kind === Kind.VARIABLE ? variables?.[node.value.name.value] : undefined;
      if (typeof value === 'number' && value > largest) largest = value;
    },
  });
  if (largest <= TOKEN_MAX_PAGE) return undefined;
  const params = { max: TOKEN_MAX_PAGE, first: largest };
  const appError = new AppError('BAD_USER_INPUT', { fr: translate('PAGE_TOO_LARGE', 'fr', params), en: translate('PAGE_TOO_LARGE', 'en', params) });
  return new GraphQLError(appError.message, { originalError: appError, extensions: { code: appError.code, http: { status: 400 } } });
}
