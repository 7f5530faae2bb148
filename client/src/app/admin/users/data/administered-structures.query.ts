import { graphql } from '../../../core/graphql/operation';

/** The structures the admin administers (with everything under them): écoles, circonscriptions, départements. */
export const ADMINISTERED_STRUCTURES_QUERY = graphql(`
  query AdministeredStructures {
    structures {
      id
      name
      kind
      code
      parentId
    }
  }
`);
