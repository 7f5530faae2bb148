import DataLoader from 'dataloader';
import { StructureView } from '../modules/directory/directory.types';
import type { RequestContext } from './context';

/** Per-request batching for nested fields: N classes → one query for their écoles. */
function createLoaders(ctx: RequestContext) {
  return {
    structure: new DataLoader<string, StructureView>(async (ids) => {
      const found = await ctx.services.directory.structuresByIds(ids);
      return ids.map((id) => found.get(id) ?? new Error(`structure ${id} not found`));
    }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
const perRequest = new WeakMap<RequestContext, Loaders>();

export function loaders(ctx: RequestContext): Loaders {
  let found = perRequest.get(ctx);
  if (!found) {
    found = createLoaders(ctx);
    perRequest.set(ctx, found);
  }
  return found;
}
