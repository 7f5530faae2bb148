import { graphql } from '../../../core/graphql/operation';
import type { UserRecordFieldsFragment } from '../../../core/graphql/generated/graphql';

/** Everything the user record (fiche) shows; every action returns it, so the page updates from the answer. */
export const USER_RECORD_FIELDS = graphql(`
  fragment UserRecordFields on User {
    id
    firstName
    lastName
    displayName
    login
    alias
    profile
    status
    activated
    blockedUntil
    blockedReason
    lastLoginDay
    email
    mobile
    activationCode
    externalId
    source
    createdAt
    updatedAt
    birthDate
    hasPhoto
    deleteAfter
    classes {
      id
      name
      levels
      school {
        id
        name
      }
    }
    schools {
      id
      name
      kind
      code
    }
    relatives {
      id
      displayName
      login
      status
      activated
    }
    children {
      id
      displayName
      login
      status
      activated
    }
    functions {
      function
      structure {
        id
        name
        kind
      }
    }
    communicationRules {
      direction
      group
      count
    }
  }
`);

export type UserRecord = UserRecordFieldsFragment;
