import { graphql } from '../../../core/graphql/generated';

/** The user record (fiche). */
export const USER_RECORD_QUERY = graphql(`
  query UserRecord($id: ID!) {
    user(id: $id) {
      ...UserRecordFields
    }
  }
`);
