import DataLoader from 'dataloader';
import { AdminFunction } from '../../platform/model/admin-function';
import { perRequest } from '../../platform/context/per-request';
import { SchoolClassView, StructureView, UserView } from '../directory';
import { UserRecordRow } from './user-record.service';

/** The record sections of a page of users, one query per section whatever the page size. */
export const userLoaders = perRequest((ctx, actor) => {
  const records = ctx.services.userRecords;
  return {
    userRecord: new DataLoader<string, UserRecordRow>((ids) => records.records(ids)),
    userClasses: new DataLoader<string, SchoolClassView[]>((ids) => records.classes(actor(), ids)),
    userStructures: new DataLoader<string, StructureView[]>((ids) => records.structures(actor(), ids)),
    userRelatives: new DataLoader<string, UserView[]>((ids) => records.links(actor(), ids, 'relatives')),
    userChildren: new DataLoader<string, UserView[]>((ids) => records.links(actor(), ids, 'children')),
    userFunctions: new DataLoader<string, { function: AdminFunction; structureId: string | null }[]>((ids) => records.functions(actor(), ids)),
  };
});
