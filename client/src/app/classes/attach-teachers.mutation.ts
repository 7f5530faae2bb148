import { graphql } from '../core/graphql/generated';

/** Several teachers attached to the class at once (all or nothing); answers with the class. */
export const ATTACH_TEACHERS_MUTATION = graphql(`
  mutation AttachTeachersToClass($classId: ID!, $userIds: [ID!]!) {
    attachTeachersToClass(classId: $classId, userIds: $userIds) {
      ...ClassSettingsFields
    }
  }
`);
