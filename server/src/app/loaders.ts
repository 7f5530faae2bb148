import DataLoader from 'dataloader';
import { SchoolClassView, StructureView } from '../modules/directory/directory.types';
import { Profile } from '../modules/directory/user.entity';
import { UserView } from '../modules/directory/user.types';
import { UserRecordRow } from '../modules/users/user-record.service';
import type { RequestContext } from './context';

interface ClassMembersKey {
  classId: string;
  profile: Profile;
  first: number;
}
const classMembersKey = (key: ClassMembersKey) => `${key.profile}:${key.first}:${key.classId}`;

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
    classMembers: new DataLoader<ClassMembersKey, UserView[], string>(
      async (keys) => {
        // One statement per (profile, first) asked in this tick: in practice one per nesting level.
        const groups = new Map<string, ClassMembersKey[]>();
        for (const key of keys) {
          const group = `${key.profile}:${key.first}`;
          groups.set(group, [...(groups.get(group) ?? []), key]);
        }
        const found = new Map<string, UserView[]>();
        await Promise.all(
          [...groups.values()].map(async (group) => {
            const { profile, first } = group[0]!;
            const lists = await ctx.services.classes.members(actor(), group.map((key) => key.classId), profile, first);
            group.forEach((key, index) => found.set(classMembersKey(key), lists[index]!));
          }),
        );
        return keys.map((key) => found.get(classMembersKey(key)) ?? []);
      },
      { cacheKeyFn: classMembersKey },
    ),
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
