import { GraphQLError } from 'graphql';
import { Lang, MessageKey, translate } from './messages';

/** A text in both UI languages, for messages built by a service (field errors, rule violations). */
export interface Bilingual {
  fr: string;
  en: string;
}

/**
 * An error meant for the user: a stable code, and a message in both languages. Anything else thrown
 * inside a resolver is masked as INTERNAL (see format-error.ts), so no stack or SQL ever leaks.
 */
export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly text: Bilingual,
    /** Per-field messages for forms, so every error of a form is shown at once. */
    readonly fields?: Record<string, Bilingual>,
  ) {
    super(text.fr);
    this.name = 'AppError';
  }

  static of(key: MessageKey, params: Record<string, string | number> = {}): AppError {
    return new AppError(key, { fr: translate(key, 'fr', params), en: translate(key, 'en', params) });
  }

  static notFound(): AppError {
    return AppError.of('NOT_FOUND');
  }

  static forbidden(): AppError {
    return AppError.of('FORBIDDEN');
  }

  static unauthenticated(): AppError {
    return AppError.of('UNAUTHENTICATED');
  }

  static badInput(text: Bilingual, fields?: Record<string, Bilingual>): AppError {
    return new AppError('BAD_USER_INPUT', text, fields);
  }

  toGraphQLError(lang: Lang): GraphQLError {
    return new GraphQLError(this.text[lang], {
      extensions: {
        code: this.code,
        ...(this.fields
          ? { fields: Object.fromEntries(Object.entries(this.fields).map(([name, text]) => [name, text[lang]])) }
          : {}),
      },
    });
  }
}
