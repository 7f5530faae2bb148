import { ExecutionResult, FormattedExecutionResult, GraphQLError, GraphQLSchema, getOperationAST, OperationTypeNode } from 'graphql';
import type { Server } from 'node:http';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import { formatError } from '../platform/errors/format-error';
import { Lang, langFrom } from '../platform/errors/messages';
import { CostBudget } from '../platform/graphql/cost-budget';
import type { RequestContext } from '../platform/context/request-context';
import { admitOperation } from '../platform/graphql/admit-operation';
import { settleOperation } from '../platform/graphql/cost-accounting';
import { checkOperation } from '../platform/graphql/operation-rules';
import { logger } from '../platform/logging/logger';
import { bearerOf, buildContext, resolveActor, sessionTokenFrom } from './context';
import { clientAddressOf } from './http';
import { createLiveSubscribe } from '../platform/live/live-subscribe';
import type { Services } from '../platform/context/services';
import { SocketRegistry } from './socket-registry';
import type { TokenSockets } from './token-sockets';
import { verifyWebSocketOrigin } from './ws-origin';

/** A result's errors masked and in the subscriber's language (a result without errors is sent as it is). */
function formatResult(result: ExecutionResult, lang: Lang): FormattedExecutionResult {
  return { ...result, errors: result.errors?.map((error) => formatError(error.toJSON(), error, lang)) };
}

/**
 * graphql-ws on the same HTTP server and path as Apollo. A connection is accepted only for a signed-in
 * user (session cookie on the upgrade request) or an integration token (`authorization: 'Bearer …'`
 * in the connection_init payload, or the upgrade request's header); each operation gets a fresh
 * context (actor re-read), the same parse limits, validation rules, cost accounting and error
 * masking as HTTP.
 */
export function attachWebSocket(schema: GraphQLSchema, httpServer: Server, services: Services, sockets: SocketRegistry, tokenSockets: TokenSockets) {
  const wsServer = new WebSocketServer({ server: httpServer, path: '/graphql', maxPayload: 64 * 1024, verifyClient: verifyWebSocketOrigin(services.config) });
  // graphql-js's subscribe, except for @SharedPayload subscriptions (reportAdded, reportTreated):
  // executed once per event and query for all their subscribers and sent straight to their sockets
  // (live-subscribe.ts). Checked when the server starts: throws if a marked field could depend on
  // the subscriber.
  const live = createLiveSubscribe(schema);
  const handle = useServer<Record<string, unknown>, { lang?: string; authorization?: string }>(
    {
      schema,
      connectionInitWaitTimeout: 5_000,
      subscribe: live.subscribe,
      onConnect: async (ctx) => {
        ctx.extra.lang = typeof ctx.connectionParams?.lang === 'string' ? ctx.connectionParams.lang : undefined;
        // A token speaks for an integration only, whatever cookie comes with it (as over HTTP).
        const token = bearerOf(ctx.extra.request, ctx.connectionParams?.authorization);
        if (token) {
          ctx.extra.authorization = `Bearer ${token}`;
          return tokenSockets.admit(ctx.extra.socket, token); // false: graphql-ws closes with 4403 Forbidden
        }
        const actor = await resolveActor(services, sessionTokenFrom(ctx.extra.request));
        if (!actor) return false;
        sockets.add(actor.userId, ctx.extra.socket, actor.sessionId);
        return true;
      },
      onSubscribe: async (ctx, id, payload) => {
        const lang = langFrom(ctx.extra.lang ?? ctx.extra.request.headers['accept-language']);
        // The same parse limit, rules and cost limit as Apollo over HTTP, then the same masking (onError).
        const checked = checkOperation(schema, payload);
        if ('errors' in checked) return [...checked.errors];
        const { document, cost } = checked;
        const operation = getOperationAST(document, payload.operationName ?? undefined);
        if (!operation) {
          return [new GraphQLError('Must provide operation name if query contains multiple operations.', { extensions: { code: 'OPERATION_RESOLUTION_FAILURE' } })];
        }
        const contextValue = await buildContext(services, {
          req: ctx.extra.request,
          clientAddress: clientAddressOf(ctx.extra.request, services.config),
          transport: 'ws',
          lang,
          authorization: ctx.extra.authorization,
        });
        // Over budget (a person's, or a token's client's): an error message for this operation, the socket stays open.
        const payer = contextValue.actor?.integration ? null : CostBudget.payer(contextValue.actor, contextValue.clientAddress);
        const overBudget = payer ? services.costBudget.spend(payer, cost) : undefined;
        if (overBudget) return [overBudget];
        const admission = await admitOperation(schema, contextValue, document, payload.operationName, payload.variables, cost);
        if (admission.refusal) return [admission.refusal];
        const args = {
          schema,
          document: admission.runOnly ?? document,
          operationName: payload.operationName ?? undefined,
          variableValues: payload.variables ?? undefined,
          contextValue,
        };
        // Only used by shared subscriptions (the same formatting as onNext, which they bypass).
        live.deliverTo(args, { socket: ctx.extra.socket, id, format: (result) => formatResult(result, contextValue.lang) });
        return args;
      },
      // Per subscriber, also for a result shared between subscribers: never mutate `result`.
      onNext: (_ctx, _id, _payload, args, result) => {
        const context = args.contextValue as RequestContext | undefined;
        // A query or mutation says what it cost and what is left (a subscription's events do not).
        const record = context?.cost && getOperationAST(args.document, args.operationName)?.operation !== OperationTypeNode.SUBSCRIPTION ? context.cost : undefined;
        if (!result.errors?.length && !record) return;
        const formatted = result.errors?.length ? formatResult(result, context?.lang ?? 'fr') : result;
        if (!record) return formatted;
        const cost = settleOperation(services.clientBuckets, record, result.data as Record<string, unknown> | null | undefined, result.data !== undefined);
        return { ...formatted, extensions: { ...formatted.extensions, cost } };
      },
      onError: (ctx, _id, _payload, errors) => {
        const lang = langFrom(ctx.extra.lang ?? ctx.extra.request.headers['accept-language']);
        return errors.map((error) => formatError(error.toJSON(), error, lang));
      },
    },
    wsServer,
  );
  wsServer.on('error', (error) => logger.error('websocket server error', { error: error.message }));
  return {
    /** Closes every socket and stops accepting new ones. */
    async close(): Promise<void> {
      sockets.closeEverything();
      await handle.dispose();
      await new Promise<void>((resolve) => wsServer.close(() => resolve()));
    },
  };
}
