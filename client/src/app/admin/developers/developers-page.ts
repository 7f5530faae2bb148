import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { TOKEN_SCOPES } from '../api-clients/api-client-status';

/** The error codes an integration meets, in the order the page explains them. */
const ERROR_CODES = ['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'BAD_USER_INPUT', 'RATE_LIMITED', 'OVER_CLIENT_BUCKET', 'QUERY_TOO_COSTLY', 'CURSOR_EXPIRED'] as const;

/** What the examples of the page send (the same as examples/curl.sh, run by the test suite). */
const CURL_EXAMPLE = `curl -sS "$PREAU_URL/graphql" \\
  -H "Authorization: Bearer $PREAU_TOKEN" -H 'Content-Type: application/json' \\
  -d '{"query":"{ users(first: 10) { edges { node { id profile activated } } pageInfo { endCursor hasNextPage } } rateLimit { cost remaining resetAt } }"}' \\
  -D -`;

const WS_EXAMPLE = `import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

const client = createClient({
  url: 'wss://ent.example.fr/graphql',
  webSocketImpl: WebSocket,
  connectionParams: { authorization: \`Bearer \${process.env.PREAU_TOKEN}\` },
});
for await (const { data } of client.iterate({
  query: 'subscription ($after: String) { eventsSince(after: $after) { id type occurredAt subjectId cursor } }',
  variables: { after: savedCursor },
})) {
  handle(data.eventsSince);
  save(data.eventsSince.cursor); // resume here after a disconnection: no gap, no duplicate
}`;

/**
 * /admin/developpeurs « Développeurs »: for the software vendors an admin hands a token to — how
 * to get and send a token, scopes and personal-data tiers, limits and their headers, events,
 * errors, examples (those of examples/, which the test suite runs) and the schema to download.
 */
@Component({
  selector: 'app-developers-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, TranslocoPipe],
  templateUrl: './developers-page.html',
  styleUrl: './developers-page.css',
})
export default class DevelopersPage {
  protected readonly scopes = TOKEN_SCOPES;
  protected readonly errorCodes = ERROR_CODES;
  protected readonly curlExample = CURL_EXAMPLE;
  protected readonly wsExample = WS_EXAMPLE;
}
