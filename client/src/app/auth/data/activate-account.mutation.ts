import { graphql } from '../../core/graphql/operation';
// The fragment this operation spreads, registered before it is parsed (core/graphql/operation.ts).
import '../../core/auth/me.fragment';

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
