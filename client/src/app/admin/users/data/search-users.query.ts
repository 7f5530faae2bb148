import { graphql } from '../../../core/graphql/operation';

/**
 * « Rechercher un utilisateur »: the first letters of a first or last name, within the admin's
 * scope (also used to find a Parent account for « Ajouter un responsable »).
 */
export const SEARCH_USERS_QUERY = graphql(`
  query SearchUsers($query: String!, $first: Int!) {
    searchUsers(query: $query, first: $first) {
      id
      displayName
      login
      profile
      activated
      classes
      schools
    }
  }
`);
