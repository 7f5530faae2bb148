import { graphql } from '../../../core/graphql/operation';

/** « Créer un utilisateur »: a manual account; the record then shows its login and activation code. */
export const CREATE_USER_MUTATION = graphql(`
  mutation CreateUser($input: CreateUserInput!) {
    createUser(input: $input) {
      id
    }
  }
`);
