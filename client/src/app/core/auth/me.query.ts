import { graphql } from '../graphql/generated';

/** Who is signed in on this browser (null when nobody is). */
export const ME_QUERY = graphql(`
  query Me {
    me {
      ...MeFields
    }
  }
`);
