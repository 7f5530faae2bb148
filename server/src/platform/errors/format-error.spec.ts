import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { AppError } from './app-error';
import { formatError } from './format-error';

describe('formatError', () => {
  it('should give an AppError in the requested language with its code and field messages', () => {
    const error = new GraphQLError('x', {
      originalError: AppError.badInput({ fr: 'Le formulaire contient des erreurs.', en: 'The form has errors.' }, { email: { fr: 'Adresse invalide.', en: 'Invalid address.' } }),
    });
    expect(formatError({ message: 'x' }, error, 'fr')).toEqual({
      message: 'Le formulaire contient des erreurs.',
      path: undefined,
      extensions: { code: 'BAD_USER_INPUT', fields: { email: 'Adresse invalide.' } },
    });
    expect(formatError({ message: 'x' }, error, 'en')).toMatchObject({ message: 'The form has errors.', extensions: { fields: { email: 'Invalid address.' } } });
  });

  it('should mask anything unexpected, whatever its message', () => {
    const error = new GraphQLError('relation "app_user" does not exist', { originalError: new Error('relation "app_user" does not exist') });
    const formatted = formatError({ message: error.message, path: ['users'], extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['at x'] } }, error, 'fr');
    expect(formatted).toEqual({
      message: 'Une erreur inattendue est survenue. Réessayez ; si elle persiste, contactez votre ERUN.',
      path: ['users'],
      extensions: { code: 'INTERNAL' },
    });
  });

  it('should keep parse and validation errors, which describe the query only', () => {
    const error = new GraphQLError('Cannot query field "foo" on type "Query".');
    expect(formatError({ message: error.message, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }, error, 'fr')).toEqual({
      message: 'Cannot query field "foo" on type "Query".',
      locations: undefined,
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
  });
});
