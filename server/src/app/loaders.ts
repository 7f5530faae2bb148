import DataLoader from 'dataloader';
import { SchoolClassView, StructureView } from '../modules/directory/directory.types';
import { UserView } from '../modules/directory/user.types';
import { UserRecordRow } from '../modules/users/user-record.service';
import type { RequestContext } from './context';

/**
 * Per-request batching for nested fields: a page of 50 users asks for their classes, parents… in
 * one query per field, not 50. Loaders that filter by scope take the request's actor.
 */
function createLoaders(ctx: RequestContext) {
  const records = ctx.services.userRecords;
  const actor = () => {
    if (!ctx.actor) throw new Error('nested user fields need a signed-in actor');
    return ctx.actor;
  };
  return {
    structure: new DataLoader<string, StructureView>(async (ids) => {
      const found = await ctx.services.directory.structuresByIds(ids);
      return ids.map((id) => found.get(id) ?? new Error(`structure ${id} not found`));
    }),
    userRecord: new DataLoader<string, UserRecordRow>((ids) => records.records(ids)),
    userClasses: new DataLoader<string, SchoolClassView[]>((ids) => records.classes(actor(), ids)),
    userStructures: new DataLoader<string, StructureView[]>((ids) => records.structures(actor(), ids)),
    userRelatives: new DataLoader<string, UserView[]>((ids) => records.links(actor(), ids, 'relatives')),
    userChildren: new DataLoader<string, UserView[]>((ids) => records.links(actor(), ids, 'children')),
    userFunctions: new DataLoader<string, { function: import('../modules/directory/admin-function.entity').AdminFunction; structureId: string | null }[]>((ids) =>
      records.functions(actor(), ids),
    ),
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
