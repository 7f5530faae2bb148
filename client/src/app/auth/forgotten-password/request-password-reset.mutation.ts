import { graphql } from '../../core/graphql/generated';

export const REQUEST_PASSWORD_RESET_MUTATION = graphql(`
  mutation RequestPasswordReset($login: String!) {
    requestPasswordReset(login: $login)
  }
`);
