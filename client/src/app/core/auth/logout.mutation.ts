import { graphql } from '../graphql/operation';

export const LOGOUT_MUTATION = graphql(`
  mutation Logout {
    logout
  }
`);
