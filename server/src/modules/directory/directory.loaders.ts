import DataLoader from 'dataloader';
import { perRequest } from '../../platform/context/per-request';
import { Profile } from '../../platform/model/profile';
import { SchoolClassView, StructureView } from './directory.types';
import { UserView } from './user.types';

interface ClassMembersKey {
  classId: string;
  profile: Profile;
  first: number;
}
const classMembersKey = (key: ClassMembersKey) => `${key.profile}:${key.first}:${key.classId}`;

/** Structures and class members of nested fields, batched per request. */
export const directoryLoaders = perRequest((ctx, actor) => ({
  structure: new DataLoader<string, StructureView>(async (ids) => {
    const found = await ctx.services.directory.structuresByIds(ids);
    return ids.map((id) => found.get(id) ?? new Error(`structure ${id} not found`));
  }),
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
}));

