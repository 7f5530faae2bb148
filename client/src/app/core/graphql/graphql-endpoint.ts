/** The API lives on the same origin as the client, HTTP and WebSocket on one path. */
export const GRAPHQL_PATH = '/graphql';

export function graphqlWebSocketUrl(location: Pick<Location, 'protocol' | 'host'>): string {
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  return `${scheme}://${location.host}${GRAPHQL_PATH}`;
}
