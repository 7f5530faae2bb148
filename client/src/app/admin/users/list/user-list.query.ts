import { graphql } from '../../../core/graphql/generated';

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
