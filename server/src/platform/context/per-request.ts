import type { Actor } from '../auth/actor';
import type { RequestContext } from './request-context';

/**
 * One value per request, made on first use: a module's DataLoaders live here, so that a page of 50
 * users asks for their classes in one query, not 50, and nothing is shared between two callers.
 */
export function perRequest<T>(create: (ctx: RequestContext, actor: () => Actor) => T): (ctx: RequestContext) => T {
  const made = new WeakMap<RequestContext, T>();
  return (ctx) => {
    let found = made.get(ctx);
    if (!found) {
      const actor = () => {
        if (!ctx.actor) throw new Error('nested fields need a signed-in actor');
        return ctx.actor;
      };
      found = create(ctx, actor);
      made.set(ctx, found);
    }
    return found;
  };
}
