/**
 * The header's unread badge and its live feed (inbox.operations.graphql), pre-parsed like
 * ME_QUERY (auth/me.query.ts): the header is on the first page.
 */
export {
  InboxChangedDocument as INBOX_CHANGED_SUBSCRIPTION,
  InboxUnreadCountDocument as UNREAD_COUNT_QUERY,
} from '../graphql/generated/graphql';
