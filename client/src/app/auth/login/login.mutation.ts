import { graphql } from '../../core/graphql/generated';

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
