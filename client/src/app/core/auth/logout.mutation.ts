import { graphql } from '../graphql/generated';

export const LOGOUT_MUTATION = graphql(`
  mutation Logout {
    logout
  }
`);
