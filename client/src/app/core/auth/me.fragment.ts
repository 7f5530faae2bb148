import { graphql } from '../graphql/operation';
import type { MeFieldsFragment } from '../graphql/generated/graphql';

/** Everything the shell, the guards and the homes need to know about the signed-in user. */
export const ME_FIELDS = graphql(`
  fragment MeFields on Me {
    id
    login
    alias
    firstName
    lastName
    displayName
    profile
    home
    functions {
      function
      structure {
        id
        kind
        name
        code
      }
    }
    schools {
      id
      kind
      name
      code
    }
    classes {
      id
      name
      levels
      school {
        id
        name
      }
    }
    lastLoginAt
  }
`);

/** The signed-in user, as the client knows it. */
export type CurrentUser = MeFieldsFragment;
