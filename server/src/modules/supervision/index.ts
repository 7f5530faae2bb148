import { LiveHub } from '../../platform/live/live-hub';
import { logger } from '../../platform/logging/logger';
import type { DomainModule } from '../../platform/module/domain-module';
import { ActivityRollupService } from './activity-rollup.service';
import { SupervisionResolver } from './supervision.resolver';
import { SupervisionService } from './supervision.service';
import type { SupervisionChange } from './supervision.types';

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
    supervisionLive: new LiveHub<SupervisionChange>(),
  }),
  // `supervision.changed` (PostgreSQL triggers, migration SupervisionChanges) to the subscribers of
  // this instance whose admin functions reach one of the structures: the same current rights as the
  // report feeds (moderation's LiveAdminRights). The signal names nothing, so `all` goes to everyone.
  live: (services) => {
    services.events.on('supervision.changed', (event) => {
      const hub = services.supervisionLive;
      const local = hub.localUserIds();
      if (local.length === 0) return;
      const change = { changedAt: new Date() };
      if (event.all || !event.structureIds) return hub.publishTo(local, change);
      services.liveAdminRights
        .adminsOf(event.structureIds, local)
        .then((userIds) => hub.publishTo(userIds, change))
        .catch((error: Error) => logger.error('supervision change delivery failed', { error: error.message }));
    });
  },
  // Hourly, so today's « actifs » lag by an hour at most; yesterday's row is rewritten once more after midnight.
  recurringJobs: (services) => [{ name: 'supervision.activity-rollup', cron: '7 * * * *', run: () => services.activityRollup.run() }],
};

export interface SupervisionServices {
  supervision: SupervisionService;
  activityRollup: ActivityRollupService;
  supervisionLive: LiveHub<SupervisionChange>;
}

declare module '../../platform/context/services' {
  interface Services extends SupervisionServices {}
}
