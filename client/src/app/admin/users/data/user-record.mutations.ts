import { graphql } from '../../../core/graphql/operation';
// The fragment this operation spreads, registered before it is parsed (core/graphql/operation.ts).
import './user-record.fragment';

/** The actions of the user record; each answers with the whole record. */

export const SET_LOGIN_ALIAS_MUTATION = graphql(`
  mutation SetLoginAlias($userId: ID!, $alias: String) {
    setLoginAlias(userId: $userId, alias: $alias) {
      ...UserRecordFields
    }
  }
`);

export const ATTACH_TO_CLASS_MUTATION = graphql(`
  mutation AttachToClass($userId: ID!, $classId: ID!) {
    attachToClass(userId: $userId, classId: $classId) {
      ...UserRecordFields
    }
  }
`);

export const DETACH_FROM_CLASS_MUTATION = graphql(`
  mutation DetachFromClass($userId: ID!, $classId: ID!) {
    detachFromClass(userId: $userId, classId: $classId) {
      ...UserRecordFields
    }
  }
`);

export const ADD_RELATIVE_MUTATION = graphql(`
  mutation AddRelative($studentId: ID!, $relativeId: ID!) {
    addRelative(studentId: $studentId, relativeId: $relativeId) {
      ...UserRecordFields
    }
  }
`);

export const REMOVE_RELATIVE_MUTATION = graphql(`
  mutation RemoveRelative($studentId: ID!, $relativeId: ID!) {
    removeRelative(studentId: $studentId, relativeId: $relativeId) {
      ...UserRecordFields
    }
  }
`);

export const GRANT_ADMIN_FUNCTION_MUTATION = graphql(`
  mutation GrantAdminFunction($userId: ID!, $function: AdminFunction!, $structureId: ID) {
    grantAdminFunction(userId: $userId, function: $function, structureId: $structureId) {
      ...UserRecordFields
    }
  }
`);

export const REVOKE_ADMIN_FUNCTION_MUTATION = graphql(`
  mutation RevokeAdminFunction($userId: ID!, $function: AdminFunction!, $structureId: ID) {
    revokeAdminFunction(userId: $userId, function: $function, structureId: $structureId) {
      ...UserRecordFields
    }
  }
`);

export const REMOVE_USER_PHOTO_MUTATION = graphql(`
  mutation RemoveUserPhoto($userId: ID!) {
    removeUserPhoto(userId: $userId) {
      ...UserRecordFields
    }
  }
`);

export const BLOCK_USER_MUTATION = graphql(`
  mutation BlockUser($userId: ID!, $until: DateTimeISO, $reason: String) {
    blockUser(userId: $userId, until: $until, reason: $reason) {
      ...UserRecordFields
    }
  }
`);

export const UNBLOCK_USER_MUTATION = graphql(`
  mutation UnblockUser($userId: ID!) {
    unblockUser(userId: $userId) {
      ...UserRecordFields
    }
  }
`);

export const PREDELETE_USER_MUTATION = graphql(`
  mutation PredeleteUser($userId: ID!) {
    predeleteUser(userId: $userId) {
      ...UserRecordFields
    }
  }
`);

export const RESTORE_USER_MUTATION = graphql(`
  mutation RestoreUser($userId: ID!) {
    restoreUser(userId: $userId) {
      ...UserRecordFields
    }
  }
`);
