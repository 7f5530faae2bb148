import { graphql } from '../../../core/graphql/operation';
import type { MailingFieldsFragment } from '../../../core/graphql/generated/graphql';

/** A publipostage and how far it got: what the progress bar, the download and the summary need. */
export const MAILING_FIELDS = graphql(`
  fragment MailingFields on Mailing {
    id
    kind
    layout
    status
    total
    done
    sent
    failed
    error
    documentUrl
  }
`);

export type MailingState = MailingFieldsFragment;

/** « Générer en PDF » / « Envoyer par mail » (and the individual or class sheets). */
export const CREATE_MAILING_MUTATION = graphql(`
  mutation CreateMailing($input: CreateMailingInput!) {
    createMailing(input: $input) {
      ...MailingFields
    }
  }
`);

/** Asked once after the start, in case the mailing finished before the live channel was open. */
export const MAILING_QUERY = graphql(`
  query Mailing($id: ID!) {
    mailing(id: $id) {
      ...MailingFields
    }
  }
`);

/** A few events a second while it runs, then the final one. */
export const MAILING_PROGRESS_SUBSCRIPTION = graphql(`
  subscription MailingProgress($id: ID!) {
    mailingProgress(id: $id) {
      ...MailingFields
    }
  }
`);

/** The e-mails that could not be sent, with the mail server's reason, in mailing order. */
export const MAILING_FAILURES_QUERY = graphql(`
  query MailingFailures($id: ID!, $first: Int!, $after: String) {
    mailing(id: $id) {
      id
      recipients(status: FAILED, first: $first, after: $after) {
        endCursor
        nodes {
          userId
          displayName
          login
          email
          error
        }
      }
    }
  }
`);
