import { graphql } from '../../core/graphql/operation';
// The fragment this operation spreads, registered before it is parsed (core/graphql/operation.ts).
import '../../core/auth/me.fragment';

export const LOGIN_MUTATION = graphql(`
  mutation Login($login: String!, $password: String!) {
    login(login: $login, password: $password) {
      status
      me {
        ...MeFields
      }
    }
  }
`);
