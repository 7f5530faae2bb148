import { graphql } from '../../../core/graphql/operation';
import type { ReportFieldsFragment } from '../../../core/graphql/generated/graphql';

/** A reported notification as the moderation pages show it. */
export const REPORT_FIELDS = graphql(`
  fragment ReportFields on Report {
    id
    status
    notificationId
    text
    body
    author {
      id
      displayName
      profile
    }
    reporters {
      person {
        id
        displayName
        profile
      }
      reportedAt
    }
    createdAt
    treatedAt
    treatedBy
  }
`);

export type ReportItem = ReportFieldsFragment;

/** Reports of my scope, newest first (one status, or all), a page at a time. */
export const REPORTS_QUERY = graphql(`
  query Reports($status: ReportStatus, $first: Int!, $after: String) {
    reports(status: $status, first: $first, after: $after) {
      reports {
        ...ReportFields
      }
      hasNextPage
      endCursor
    }
  }
`);

/** « Conserver »: the notification stays. */
export const KEEP_REPORT_MUTATION = graphql(`
  mutation KeepReport($reportId: ID!) {
    keepReport(reportId: $reportId) {
      ...ReportFields
    }
  }
`);

/** « Supprimer »: the notification leaves every timeline; optionally « Bloquer l'auteur ». */
export const DELETE_REPORT_MUTATION = graphql(`
  mutation DeleteReport($reportId: ID!, $blockAuthor: Boolean!, $blockUntil: DateTimeISO) {
    deleteReport(reportId: $reportId, blockAuthor: $blockAuthor, blockUntil: $blockUntil) {
      ...ReportFields
    }
  }
`);

/** Live: a notification of my scope was reported (or reported again). */
export const REPORT_ADDED_SUBSCRIPTION = graphql(`
  subscription ReportAdded {
    reportAdded {
      ...ReportFields
    }
  }
`);

/** Live: a report of my scope was treated by an admin (maybe me, maybe another). */
export const REPORT_TREATED_SUBSCRIPTION = graphql(`
  subscription ReportTreated {
    reportTreated {
      ...ReportFields
    }
  }
`);
