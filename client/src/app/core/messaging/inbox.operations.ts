import { graphql } from '../graphql/operation';

/** Only the unread count (the header badge). */
export const UNREAD_COUNT_QUERY = graphql(`
  query InboxUnreadCount {
    inbox(first: 1) {
      unreadCount
    }
  }
`);

/** Live: a message arrived in my inbox. */
export const INBOX_CHANGED_SUBSCRIPTION = graphql(`
  subscription InboxChanged {
    inboxChanged {
      unreadCount
      message {
        id
        body
        sentAt
        read
        sender {
          id
          displayName
          profile
        }
      }
    }
  }
`);
