import { ApolloServer, ApolloServerPlugin, HeaderMap } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { DocumentNode, execute, GraphQLSchema } from 'graphql';
import type { Server } from 'node:http';
import { localizeError, maskError } from '../platform/errors/format-error';
import type { RequestContext } from '../platform/context/request-context';
import { CostBudget } from '../platform/graphql/cost-budget';
import { admitOperation } from '../platform/graphql/admit-operation';
import { rateLimitHeaders, settleOperation } from '../platform/graphql/cost-accounting';
import { priceOperation } from '../platform/graphql/operation-cost';
import { limitRules, MAX_TOKENS } from '../platform/graphql/operation-rules';

/**
 * Apollo over HTTP. `formatError` masks (it sees the original error but not the request); the plugin
 * then picks the language the request asked for.
 */
export function createApollo(schema: GraphQLSchema, httpServer: Server, extraPlugins: ApolloServerPlugin<RequestContext>[] = []) {
  const localize: ApolloServerPlugin<RequestContext> = {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind !== 'single' || !response.body.singleResult.errors) return;
          const lang = contextValue?.lang ?? 'fr';
          response.body.singleResult.errors = response.body.singleResult.errors.map((error) => localizeError(error, lang));
        },
      };
    },
  };
  // Read-your-writes for the caches kept exact by notifications (actor cache, live rights): a
  // mutation answers once the notifications its commit sent have come back to this instance, so a
  // logout or a block is in force for the very next request. Sign-in changes none of them.
  const settleNotifications: ApolloServerPlugin<RequestContext> = {
    async requestDidStart() {
      return {
        async willSendResponse({ operation, contextValue }) {
          if (operation?.operation !== 'mutation' || !contextValue?.services) return;
          const fields = operation.selectionSet.selections;
          if (fields.length === 1 && fields[0]!.kind === 'Field' && fields[0]!.name.value === 'login') return;
          await contextValue.services.events.barrier();
        },
      };
    },
  };
  // The cost needs the variables, known once the operation is resolved; refused before execution
  // over the limit of one operation, over what a person may still spend (cost-budget.ts) or what a
  // token's client may (cost-accounting.ts). Every answer then says what it cost and what is left.
  const costLimit: ApolloServerPlugin<RequestContext> = {
    async requestDidStart() {
      let runOnly: DocumentNode | undefined;
      return {
        async didResolveOperation({ request, document, operationName, contextValue }) {
          // A person (a session, or an address signed out) pays from their own budget; a token from
          // its client's bucket (admitOperation).
          const priced = priceOperation(schema, document, operationName, request.variables);
          if (priced.error) throw priced.error;
          const payer = contextValue.actor?.integration ? null : CostBudget.payer(contextValue.actor, contextValue.clientAddress);
          const overBudget = payer ? contextValue.services.costBudget.spend(payer, priced.cost) : undefined;
          if (overBudget) throw overBudget;
          const admission = await admitOperation(schema, contextValue, document, operationName, request.variables, priced.cost);
          if (admission.refusal) throw admission.refusal;
          runOnly = admission.runOnly;
        },
        // A dry run executes its `rateLimit` fields only (dry-run.ts).
        async responseForOperation({ request, operationName, contextValue }) {
          if (!runOnly) return null;
          const result = await execute({ schema, document: runOnly, operationName, variableValues: request.variables, contextValue });
          const errors = result.errors?.map((error) => maskError(error.toJSON(), error));
          return { http: { status: undefined, headers: new HeaderMap() }, body: { kind: 'single', singleResult: { data: result.data, ...(errors ? { errors } : {}) } } };
        },
        async willSendResponse({ response, contextValue }) {
          const record = contextValue?.cost;
          if (!record || response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          const cost = settleOperation(contextValue.services.clientBuckets, record, result.data, result.data !== undefined);
          result.extensions = { ...result.extensions, cost };
          for (const [name, value] of rateLimitHeaders(record)) response.http.headers.set(name, value);
        },
      };
    },
  };
  return new ApolloServer<RequestContext>({
    schema,
    validationRules: [...limitRules],
    parseOptions: { maxTokens: MAX_TOKENS },
    includeStacktraceInErrorResponses: false,
    formatError: maskError,
    introspection: true,
    csrfPrevention: true,
    // main.ts owns shutdown; Apollo's own signal handlers would race with it.
    stopOnTerminationSignals: false,
    // No HTTP cache hints: every answer depends on the caller (no per-field cache bookkeeping).
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer }), ApolloServerPluginCacheControlDisabled(), costLimit, localize, settleNotifications, ...extraPlugins],
  });
}
