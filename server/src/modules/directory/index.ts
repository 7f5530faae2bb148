import type { DomainModule } from '../../platform/module/domain-module';
import { AccountNameEntity } from './account-name.entity';
import { AdminFunctionEntity } from './admin-function.entity';
import { ClassService } from './class.service';
import { SchoolClassResolver, StructureResolver } from './directory.resolver';
import { DirectoryService } from './directory.service';
import { ClassMemberEntity, RelativeLinkEntity, UserStructureEntity } from './memberships.entity';
import { SchoolClassEntity } from './school-class.entity';
import { StructureAncestorEntity } from './structure-ancestor.entity';
import { StructureEntity } from './structure.entity';
import { UserEntity } from './user.entity';

/** The directory: structures, classes, accounts and memberships, and who may see which. */
export const directoryModule: DomainModule = {
  name: 'directory',
  entities: [StructureEntity, StructureAncestorEntity, SchoolClassEntity, UserEntity, AccountNameEntity, UserStructureEntity, ClassMemberEntity, RelativeLinkEntity, AdminFunctionEntity],
  resolvers: [StructureResolver, SchoolClassResolver],
  createServices: (_services, { dataSource }): DirectoryServices => ({
    directory: new DirectoryService(dataSource),
    classes: new ClassService(dataSource),
  }),
};

export interface DirectoryServices {
  directory: DirectoryService;
  classes: ClassService;
}

declare module '../../platform/context/services' {
  interface Services extends DirectoryServices {}
}

export { AccountNameEntity, AccountNameKind } from './account-name.entity';
export { AdminFunctionEntity } from './admin-function.entity';
export { ClassService } from './class.service';
export { directoryLoaders } from './directory.loaders';
export { DirectoryService } from './directory.service';
export { FunctionGrantView, SchoolClassView, StructureView } from './directory.types';
export { ALIAS_MAX_LENGTH, ALIAS_PATTERN, baseLogin, countersOf, firstFreeLogin, freeLogins, searchKey } from './login-generator';
export { chooseLogins } from './login-choice';
export { lockLoginBases, loginCountersTaken } from './login-names';
export { ClassMemberEntity, RelativeLinkEntity, UserStructureEntity } from './memberships.entity';
export { SchoolClassEntity } from './school-class.entity';
export { structureInScope } from './structure-access';
export { StructureAncestorEntity } from './structure-ancestor.entity';
export { StructureEntity, StructureKind } from './structure.entity';
export { findAccessibleUser } from './user-access';
export type { TargetUser } from './user-access';
export { AccountSource, UserEntity } from './user.entity';
export { AccountStatus, USER_COLUMNS, UserView, userView } from './user.types';
export type { UserRow } from './user.types';
