import { ExecutionResult, FormattedExecutionResult, GraphQLError, GraphQLSchema, getOperationAST } from 'graphql';
import type { Server } from 'node:http';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import { formatError } from '../platform/errors/format-error';
import { Lang, langFrom } from '../platform/errors/messages';
import { CostBudget } from '../platform/graphql/cost-budget';
import { checkOperation } from '../platform/graphql/operation-rules';
import { logger } from '../platform/logging/logger';
import { buildContext, resolveActor, sessionTokenFrom } from './context';
import { clientAddressOf } from './http';
import { createLiveSubscribe } from './live-subscribe';
import type { Services } from '../platform/context/services';
import { SocketRegistry } from './socket-registry';
import { verifyWebSocketOrigin } from './ws-origin';

/** A result's errors masked and in the subscriber's language (a result without errors is sent as it is). */
function formatResult(result: ExecutionResult, lang: Lang): FormattedExecutionResult {
  return { ...result, errors: result.errors?.map((error) => formatError(error.toJSON(), error, lang)) };
}

/**
 * graphql-ws on the same HTTP server and path as Apollo. A connection is accepted only for a signed-in
 * user (session cookie on the upgrade request); each operation gets a fresh context (actor re-read),
 * the same parse limits, validation rules and error masking as HTTP.
 */
export function attachWebSocket(schema: GraphQLSchema, httpServer: Server, services: Services, sockets: SocketRegistry) {
  const wsServer = new WebSocketServer({ server: httpServer, path: '/graphql', maxPayload: 64 * 1024, verifyClient: verifyWebSocketOrigin(services.config) });
  // graphql-js's subscribe, except for @SharedPayload subscriptions (reportAdded, reportTreated):
  // executed once per event and query for all their subscribers and sent straight to their sockets
  // (live-subscribe.ts). Checked when the server starts: throws if a marked field could depend on
  // the subscriber.
  const live = createLiveSubscribe(schema);
  const handle = useServer<Record<string, unknown>, { lang?: string }>(
    {
      schema,
      connectionInitWaitTimeout: 5_000,
      subscribe: live.subscribe,
      onConnect: async (ctx) => {
        const actor = await resolveActor(services, sessionTokenFrom(ctx.extra.request));
        if (!actor) return false; // graphql-ws closes with 4403 Forbidden
        ctx.extra.lang = typeof ctx.connectionParams?.lang === 'string' ? ctx.connectionParams.lang : undefined;
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
        });
        const payer = CostBudget.payer(contextValue.actor, contextValue.clientAddress);
        const overBudget = (await services.costBudget.refuseIfSpent(payer)) ?? (await services.costBudget.spend(payer, cost));
        if (overBudget) return [overBudget];
        const args = {
          schema,
          document,
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
        if (!result.errors?.length) return;
        return formatResult(result, (args.contextValue as { lang?: Lang } | undefined)?.lang ?? 'fr');
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
