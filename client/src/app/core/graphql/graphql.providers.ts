import { type EnvironmentProviders, inject, makeEnvironmentProviders } from '@angular/core';
import { ApolloLink, InMemoryCache } from '@apollo/client';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { ErrorLink } from '@apollo/client/link/error';
import { provideApollo } from 'apollo-angular';
import { HttpLink } from 'apollo-angular/http';
import { OperationTypeNode } from 'graphql';
import { SessionExpired } from '../auth/session-expired';
import { GRAPHQL_PATH } from './graphql-endpoint';
import { GraphqlWsConnection } from './graphql-ws-connection';

/** Operations that open or close the session themselves: their UNAUTHENTICATED is not an expiry. */
const SESSION_OPERATIONS = new Set(['Login', 'Logout']);

/**
 * Apollo for the whole app: queries and mutations over HTTP (Angular HttpClient, so the
 * Accept-Language interceptor applies; the session cookie is same-origin), subscriptions over
 * graphql-ws on the same path. An UNAUTHENTICATED answer ends the session on the client.
 */
export function provideGraphql(): EnvironmentProviders {
  return makeEnvironmentProviders([
    provideApollo(() => {
      const sessionExpired = inject(SessionExpired);
      const http = inject(HttpLink).create({ uri: GRAPHQL_PATH, withCredentials: true });
      const webSocket = inject(GraphqlWsConnection).link;

      const endSessionWhenUnauthenticated = new ErrorLink(({ error, operation }) => {
        const unauthenticated =
          CombinedGraphQLErrors.is(error) && error.errors.some((item) => item.extensions?.['code'] === 'UNAUTHENTICATED');
        if (unauthenticated && !SESSION_OPERATIONS.has(operation.operationName ?? '')) {
          sessionExpired.notify();
        }
      });

      const transport = ApolloLink.split(
        (operation) => operation.operationType === OperationTypeNode.SUBSCRIPTION,
        webSocket,
        http,
      );

      return {
        link: ApolloLink.from([endSessionWhenUnauthenticated, transport]),
        cache: new InMemoryCache(),
        defaultOptions: {
          watchQuery: { fetchPolicy: 'cache-and-network' },
        },
      };
    }),
  ]);
}
