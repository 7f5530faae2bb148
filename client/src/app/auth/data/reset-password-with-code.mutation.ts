import { graphql } from '../../core/graphql/operation';

export const RESET_PASSWORD_WITH_CODE_MUTATION = graphql(`
  mutation ResetPasswordWithCode($input: ResetPasswordInput!) {
    resetPasswordWithCode(input: $input)
  }
`);
