import { graphql } from '../../../core/graphql/operation';
// The fragment this operation spreads, registered before it is parsed (core/graphql/operation.ts).
import './user-record.fragment';

/** The user record (fiche). */
export const USER_RECORD_QUERY = graphql(`
  query UserRecord($id: ID!) {
    user(id: $id) {
      ...UserRecordFields
    }
  }
`);
