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
    supervisionToClients: new LiveHub<SupervisionChange>(),
  }),
  // `supervision.changed` (PostgreSQL triggers, migration SupervisionChanges) to the subscribers of
  // this instance whose admin functions reach one of the structures: the same current rights as the
  // report feeds (moderation's LiveAdminRights); to the integration tokens whose client's subtree
  // holds one of them and that still hold stats:read (IntegrationService.clientsReaching, read at
  // delivery). The signal names nothing, so `all` goes to every person, and to every token still
  // holding stats:read.
  live: (services) => {
    services.events.on('supervision.changed', (event) => {
      const people = services.supervisionLive;
      const clients = services.supervisionToClients;
      const localPeople = people.localUserIds();
      const localClients = clients.localUserIds();
      if (localPeople.length === 0 && localClients.length === 0) return;
      const change = { changedAt: new Date() };
      const reached = event.all || !event.structureIds ? 'all' : event.structureIds;
      Promise.all([
        localPeople.length === 0 ? [] : reached === 'all' ? localPeople : services.liveAdminRights.adminsOf(reached, localPeople),
        services.integrations.clientsReaching(localClients, reached, 'stats:read'),
      ])
        .then(([userIds, clientIds]) => {
          // Both at once: once one subscriber has it, every other one it goes to has it queued.
          people.publishTo(userIds, change);
          clients.publishTo(clientIds, change);
        })
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
  /** The integration tokens' feed, keyed by API client. */
  supervisionToClients: LiveHub<SupervisionChange>;
}

declare module '../../platform/context/services' {
  interface Services extends SupervisionServices {}
}
