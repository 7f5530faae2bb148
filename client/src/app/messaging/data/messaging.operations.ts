import { graphql } from '../../core/graphql/operation';

/** My inbox, newest first, with the unread count. */
export const INBOX_QUERY = graphql(`
  query Inbox($first: Int!, $after: String) {
    inbox(first: $first, after: $after) {
      unreadCount
      messages {
        id
        body
        read
        sentAt
        sender {
          id
          displayName
          profile
        }
      }
      hasNextPage
      endCursor
    }
  }
`);

export const MARK_MESSAGE_READ_MUTATION = graphql(`
  mutation MarkMessageRead($messageId: ID!) {
    markMessageRead(messageId: $messageId)
  }
`);

/** People the communication rules let me write to, matching the first letters typed. */
export const CONTACTS_QUERY = graphql(`
  query Contacts($query: String!, $first: Int!) {
    contacts(query: $query, first: $first) {
      id
      displayName
      person {
        id
        profile
      }
    }
  }
`);

export const SEND_MESSAGE_MUTATION = graphql(`
  mutation SendMessage($input: SendMessageInput!) {
    sendMessage(input: $input) {
      id
      recipients
    }
  }
`);
