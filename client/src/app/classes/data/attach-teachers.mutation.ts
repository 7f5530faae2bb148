import { graphql } from '../../core/graphql/operation';
// The fragment this operation spreads, registered before it is parsed (core/graphql/operation.ts).
import './class-settings.query';

/** Several teachers attached to the class at once (all or nothing); answers with the class. */
export const ATTACH_TEACHERS_MUTATION = graphql(`
  mutation AttachTeachersToClass($classId: ID!, $userIds: [ID!]!) {
    attachTeachersToClass(classId: $classId, userIds: $userIds) {
      ...ClassSettingsFields
    }
  }
`);
