import type { DomainModule } from '../../platform/module/domain-module';
import { ActivityRollupService } from './activity-rollup.service';
import { SupervisionResolver } from './supervision.resolver';
import { SupervisionService } from './supervision.service';

/**
 * « Tableau de bord »: per-école figures for directors, ERUN and département admins, read from
 * counts PostgreSQL keeps as changes commit (migration SupervisionCounts), and « actifs sur 7/30 jours »
 * from hourly roll-ups of the accounts' day masks (migration ActivityDays).
 */
export const supervisionModule: DomainModule = {
  name: 'supervision',
  entities: [],
  resolvers: [SupervisionResolver],
  createServices: (_services, { dataSource }): SupervisionServices => ({
    supervision: new SupervisionService(dataSource),
    activityRollup: new ActivityRollupService(dataSource),
  }),
  // Hourly, so today's « actifs » lag by an hour at most; yesterday's row is rewritten once more after midnight.
  recurringJobs: (services) => [{ name: 'supervision.activity-rollup', cron: '7 * * * *', run: () => services.activityRollup.run() }],
};

export interface SupervisionServices {
  supervision: SupervisionService;
  activityRollup: ActivityRollupService;
}

declare module '../../platform/context/services' {
  interface Services extends SupervisionServices {}
}
