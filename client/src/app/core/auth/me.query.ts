/**
 * Who is signed in on this browser (null when nobody is). The operation is written in
 * me.query.graphql and shipped as the code generator's syntax tree: the operations of the first
 * load are not parsed in the browser, so graphql-js's parser stays out of the first load
 * (docs/performance.md, « Client first load »). MeFields is defined in me.fragment.ts.
 */
export { MeDocument as ME_QUERY } from '../graphql/generated/graphql';
