import { graphql } from '../../../core/graphql/operation';

/** « Historique » of a record: the audit log of actions on this account, newest first. */
export const USER_HISTORY_QUERY = graphql(`
  query UserHistory($userId: ID!, $first: Int!, $after: String) {
    auditLog(filter: { targetUserId: $userId }, first: $first, after: $after) {
      edges {
        cursor
        node {
          id
          at
          action
          actorLabel
          clientAddress
          details
        }
      }
      hasNextPage
      endCursor
    }
  }
`);
