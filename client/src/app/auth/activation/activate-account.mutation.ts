import { graphql } from '../../core/graphql/generated';

export const ACTIVATE_ACCOUNT_MUTATION = graphql(`
  mutation ActivateAccount($input: ActivateAccountInput!) {
    activateAccount(input: $input) {
      status
      me {
        ...MeFields
      }
    }
  }
`);
