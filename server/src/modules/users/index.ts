import type { DomainModule } from '../../platform/module/domain-module';
import { UserAdminService } from './user-admin.service';
import { UserFieldsResolver } from './user-fields.resolver';
import { UserListService } from './user-list.service';
import { UserRecordService } from './user-record.service';
import { UserSearchService } from './user-search.service';
import { UserConnectionResolver, UsersResolver } from './users.resolver';

/** The admin console's users: search, the list, the record and its actions, pre-deletion. */
export const usersModule: DomainModule = {
  name: 'users',
  entities: [],
  resolvers: [UsersResolver, UserConnectionResolver, UserFieldsResolver],
  createServices: (services, { config, dataSource, events }): UsersServices => ({
    userSearch: new UserSearchService(dataSource),
    userList: new UserListService(dataSource),
    userRecords: new UserRecordService(dataSource, services.secretBox),
    userAdmin: new UserAdminService(dataSource, services.audit, events, services.secretBox, { predeleteGraceDays: config.predeleteGraceDays }),
  }),
  recurringJobs: (services) => [
    {
      name: 'users.purge-predeleted',
      cron: '23 3 * * *',
      run: async () => {
        await services.userAdmin.purgeExpired();
      },
    },
  ],
};

export interface UsersServices {
  userSearch: UserSearchService;
  userList: UserListService;
  userRecords: UserRecordService;
  userAdmin: UserAdminService;
}

declare module '../../platform/context/services' {
  interface Services extends UsersServices {}
}

export { assertIdsInScope } from './input-ids-scope';
export { parseUserFilter } from './user-filter-parse';
export { EXPIRED_RENEWAL_CODE, userFilterCondition } from './user-filter-sql';
export { CommunicationRuleView, RuleDirection } from './user-record.types';
export { userScope } from './user-scope-sql';
export { UserFilter } from './users.types';
