import { graphql } from '../../../core/graphql/operation';

/** Demo only (no SMTP server): the mails Préau would have sent, newest first. */
export const OUTBOX_QUERY = graphql(`
  query Outbox($first: Int!) {
    outbox(first: $first) {
      id
      sentAt
      recipient
      subject
      text
    }
  }
`);
