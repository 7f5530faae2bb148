import { graphql } from '../../../core/graphql/operation';
// The fragment this operation spreads, registered before it is parsed (core/graphql/operation.ts).
import '../../users/data/user-row.fragment';

/** A page of the accounts to publiposter, with what the guide's table shows (codes and e-mails included). */
export const MAILING_ACCOUNTS_QUERY = graphql(`
  query MailingAccounts($filter: UserFilter, $first: Int!, $after: String) {
    users(filter: $filter, orderBy: NAME, first: $first, after: $after) {
      totalCount
      edges {
        node {
          ...UserRowFields
          activationCode
          email
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

/** « N comptes sélectionnés au total » and « N comptes sans adresse courriel ». */
export const MAILING_SELECTION_QUERY = graphql(`
  query MailingSelection($filter: UserFilter) {
    mailingSelection(filter: $filter) {
      total
      withoutEmail
    }
  }
`);
