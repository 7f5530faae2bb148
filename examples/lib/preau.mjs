// @ts-check
/**
 * A small client for Préau's GraphQL API, as an integrator would write it: `fetch` with the token
 * in `Authorization: Bearer`, a wait when the client's bucket is empty (HTTP 429 + Retry-After),
 * errors turned into exceptions that keep the server's code, and keyset paging.
 */

/** @typedef {{ message: string, extensions?: { code?: string } }} GraphQLError */

export class PreauError extends Error {
  /** @param {GraphQLError[]} errors */
  constructor(errors) {
    super(errors.map((error) => `${error.extensions?.code ?? 'ERROR'}: ${error.message}`).join('; '));
    this.code = errors[0]?.extensions?.code;
    this.errors = errors;
  }
}

/** The address and token from PREAU_URL and PREAU_TOKEN (never hard-code a token). */
export function configFromEnv() {
  const url = process.env.PREAU_URL;
  const token = process.env.PREAU_TOKEN;
  if (!url || !token) {
    console.error('Définissez PREAU_URL (ex. https://ent.example.fr) et PREAU_TOKEN (preau_…).');
    process.exit(2);
  }
  return { url: url.replace(/\/$/, ''), token };
}

const sleep = (/** @type {number} */ ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * @param {{ url: string, token: string }} config
 * @param {string} query
 * @param {Record<string, unknown>} [variables]
 * @returns {Promise<any>} the `data` of the answer
 */
export async function gql(config, query, variables = {}) {
  for (let attempt = 1; ; attempt++) {
    const response = await fetch(`${config.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${config.token}`, 'accept-language': 'fr' },
      body: JSON.stringify({ query, variables }),
    });
    if (response.status === 429 && attempt < 5) {
      // The bucket refills continuously: wait as long as the server says, then try again.
      const seconds = Number(response.headers.get('retry-after') ?? '1');
      console.error(`Limite atteinte : nouvel essai dans ${seconds} s.`);
      await sleep(seconds * 1000);
      continue;
    }
    const body = /** @type {{ data?: any, errors?: GraphQLError[], extensions?: any }} */ (await response.json());
    if (body.errors?.length) throw new PreauError(body.errors);
    const remaining = response.headers.get('x-ratelimit-remaining');
    if (remaining !== null) console.error(`coût ${body.extensions?.cost?.actual ?? '?'} ; points restants ${remaining}`);
    return body.data;
  }
}

/**
 * Every node of a connection, page after page (`first` at most 100 with a token; `after` = the
 * previous page's endCursor).
 * @param {{ url: string, token: string }} config
 * @param {string} query a query taking $first and $after
 * @param {Record<string, unknown>} variables
 * @param {(data: any) => { edges: { node: any }[], pageInfo: { endCursor: string | null, hasNextPage: boolean } }} connectionOf
 */
export async function* allNodes(config, query, variables, connectionOf) {
  let after = null;
  do {
    const connection = connectionOf(await gql(config, query, { ...variables, after }));
    for (const edge of connection.edges) yield edge.node;
    after = connection.pageInfo.hasNextPage ? connection.pageInfo.endCursor : null;
  } while (after);
}
