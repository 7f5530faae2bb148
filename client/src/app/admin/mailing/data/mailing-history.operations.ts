import { graphql } from '../../../core/graphql/operation';
import type { MailingRecipientsQuery, MyMailingsQuery } from '../../../core/graphql/generated/graphql';
import '../../../shared/mailing/data/mailing.operations';

/** The director's own past mailings (PDF and e-mail), newest first, with their state. */
export const MY_MAILINGS_QUERY = graphql(`
  query MyMailings($first: Int!, $after: String) {
    myMailings(first: $first, after: $after) {
      endCursor
      nodes {
        ...MailingFields
        createdAt
      }
    }
  }
`);

/** Every recipient of an e-mail mailing (or those of one state), in mailing order. */
export const MAILING_RECIPIENTS_QUERY = graphql(`
  query MailingRecipients($id: ID!, $status: MailingRecipientStatus, $first: Int!, $after: String) {
    mailing(id: $id) {
      id
      recipients(status: $status, first: $first, after: $after) {
        endCursor
        nodes {
          userId
          displayName
          login
          email
          status
          error
        }
      }
    }
  }
`);

export type PastMailing = MyMailingsQuery['myMailings']['nodes'][number];
export type MailingRecipient = MailingRecipientsQuery['mailing']['recipients']['nodes'][number];
