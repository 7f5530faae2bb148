import { graphql } from '../../../core/graphql/operation';

/** The classes of one école of the admin's scope, each opening « Paramétrage de la classe ». */
export const SCHOOL_CLASSES_QUERY = graphql(`
  query SchoolClasses($structureId: ID!) {
    schoolClasses(structureId: $structureId) {
      id
      name
      levels
    }
  }
`);
