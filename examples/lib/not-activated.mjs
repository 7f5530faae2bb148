// @ts-check
/** An école's accounts not activated yet, page after page (scope directory:read). */
import { allNodes } from './preau.mjs';

const QUERY = `query ($ecole: ID!, $profiles: [Profile!], $first: Int!, $after: String) {
  users(first: $first, after: $after, filter: { structureId: $ecole, activated: false, profiles: $profiles }) {
    edges { node { id displayName profile } }
    pageInfo { endCursor hasNextPage }
  }
}`;

/**
 * @param {{ url: string, token: string }} config
 * @param {string} ecole the école's id
 * @param {string[] | null} [profiles] only these profiles (STUDENT, RELATIVE…)
 */
export function notActivatedAccounts(config, ecole, profiles = null) {
  return allNodes(config, QUERY, { ecole, profiles, first: 100 }, (data) => data.users);
}
