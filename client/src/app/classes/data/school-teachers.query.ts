import { graphql } from '../../core/graphql/operation';

/**
 * « Ajouter des enseignants »: the teacher accounts of the class's école, a page at a time. The
 * server's query cost grows with `first` (and Apollo adds __typename everywhere): 200 at once is
 * refused, so the panel asks for pages of 100 until it has them all.
 */
export const SCHOOL_TEACHERS_QUERY = graphql(`
  query SchoolTeachers($structureId: ID!, $first: Int!, $after: String) {
    users(filter: { profiles: [TEACHER], structureId: $structureId }, first: $first, after: $after) {
      totalCount
      edges {
        node {
          id
          displayName
          login
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);
