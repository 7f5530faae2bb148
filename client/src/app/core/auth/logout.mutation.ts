/** « Se déconnecter » (logout.mutation.graphql), pre-parsed like ME_QUERY (me.query.ts). */
export { LogoutDocument as LOGOUT_MUTATION } from '../graphql/generated/graphql';
