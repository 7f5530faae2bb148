import { graphql } from '../../../core/graphql/operation';
import type { TimelineItemFieldsFragment } from '../../../core/graphql/generated/graphql';

/** One item of the « Fil de nouveautés », as the page shows it. */
export const TIMELINE_ITEM_FIELDS = graphql(`
  fragment TimelineItemFields on TimelineItem {
    id
    title
    body
    link
    author {
      id
      displayName
      profile
    }
    audience
    createdAt
    reportedByMe
    reportId
    reportNotice {
      reportId
      audience
      reporter {
        id
        displayName
      }
      treatedAt
      treatedBy
    }
  }
`);

export type TimelineItem = TimelineItemFieldsFragment;

/** The timeline, newest first, a page at a time. */
export const TIMELINE_QUERY = graphql(`
  query Timeline($first: Int!, $after: String) {
    timeline(first: $first, after: $after) {
      items {
        ...TimelineItemFields
      }
      hasNextPage
      endCursor
    }
  }
`);

/** Live: an item published to me (ADDED) or removed by moderation (REMOVED). */
export const TIMELINE_CHANGED_SUBSCRIPTION = graphql(`
  subscription TimelineChanged {
    timelineChanged {
      change
      notificationId
      item {
        ...TimelineItemFields
      }
    }
  }
`);

/** « Signaler »: once per notification. */
export const REPORT_NOTIFICATION_MUTATION = graphql(`
  mutation ReportNotification($notificationId: ID!) {
    reportNotification(notificationId: $notificationId) {
      reportId
      reportedAt
    }
  }
`);

/** « Publier une actualité » to one of my classes or my école. */
export const PUBLISH_POST_MUTATION = graphql(`
  mutation PublishPost($input: PublishPostInput!) {
    publishPost(input: $input) {
      notificationId
      recipients
    }
  }
`);
