import { graphql } from '../graphql/operation';
// The fragment this operation spreads, registered before it is parsed (core/graphql/operation.ts).
import './me.fragment';

/** Who is signed in on this browser (null when nobody is). */
export const ME_QUERY = graphql(`
  query Me {
    me {
      ...MeFields
    }
  }
`);
