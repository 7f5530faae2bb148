import { graphql } from '../../../core/graphql/operation';

/** The password rule, in the language of the request (Accept-Language). */
export const PASSWORD_RULE_QUERY = graphql(`
  query PasswordRule {
    passwordRule {
      text
      minLength
      maxLength
    }
  }
`);
