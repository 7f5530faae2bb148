import { graphql } from '../../../core/graphql/operation';
// The fragment this operation spreads, registered before it is parsed (core/graphql/operation.ts).
import './user-row.fragment';

/** One page of the user list (filters, column search, sort, keyset paging) and the total. */
export const USER_LIST_QUERY = graphql(`
  query UserList($filter: UserFilter, $orderBy: UserOrder!, $first: Int!, $after: String) {
    users(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
      totalCount
      edges {
        cursor
        node {
          ...UserRowFields
          status
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);
