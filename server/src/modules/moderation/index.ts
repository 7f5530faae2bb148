import { logger } from '../../platform/logging/logger';
import type { DomainModule } from '../../platform/module/domain-module';
import { forgetOnActorChanges } from '../../platform/notified-cache/forget-on-actor-changes';
import { LiveHub } from '../../platform/live/live-hub';
import { LiveAdminRights } from '../../platform/notified-cache/live-admin-rights';
import { ModerationResolver } from './moderation.resolver';
import { ModerationService } from './moderation.service';
import type { ReportSignal } from './moderation.types';
import { ReportEntity, ReportReporterEntity } from './report.entity';
import { ReportService } from './report.service';

/** « Signalements »: reports, the live feed of the admins, « Conserver » / « Supprimer ». */
export const moderationModule: DomainModule = {
  name: 'moderation',
  entities: [ReportEntity, ReportReporterEntity],
  resolvers: [ModerationResolver],
  createServices: (services, { dataSource, events }): ModerationServices => {
    const liveAdminRights = new LiveAdminRights(dataSource);
    forgetOnActorChanges(events, liveAdminRights);
    return {
      reports: new ReportService(dataSource, events),
      moderation: new ModerationService(dataSource, services.audit, events, services.blocking),
      liveAdminRights,
      reportsAddedLive: new LiveHub<ReportSignal>(),
      reportsTreatedLive: new LiveHub<ReportSignal>(),
      reportsAddedToClients: new LiveHub<ReportSignal>(),
      reportsTreatedToClients: new LiveHub<ReportSignal>(),
    };
  },
  live: (services) => {
    const feeds = [
      ['report.added', services.reportsAddedLive, services.reportsAddedToClients],
      ['report.treated', services.reportsTreatedLive, services.reportsTreatedToClients],
    ] as const;
    for (const [type, people, clients] of feeds) {
      services.events.on(type, (event) => {
        const localPeople = people.localUserIds();
        const localClients = clients.localUserIds();
        if (localPeople.length === 0 && localClients.length === 0) return;
        // The report is loaded once per event; each subscriber's current rights decide (an admin whose
        // function was removed after subscribing gets nothing: see LiveAdminRights), and for a token
        // its client's (subtree, reports:read, creator's rights: IntegrationService.clientsReaching).
        services.moderation
          .findForDelivery(event.reportId)
          .then(async (found) => {
            if (!found) return;
            const [userIds, clientIds] = await Promise.all([
              localPeople.length > 0 ? services.liveAdminRights.adminsOf(found.structureIds, localPeople) : [],
              services.integrations.clientsReaching(localClients, found.structureIds, 'reports:read'),
            ]);
            // Both at once: once one subscriber has it, every other one it goes to has it queued.
            const signal: ReportSignal = { reportId: event.reportId, report: found.report };
            people.publishTo(userIds, signal);
            clients.publishTo(clientIds, signal);
          })
          .catch((error: Error) => logger.error('report delivery failed', { error: error.message }));
      });
    }
  },
};

export type { ReportSignal } from './moderation.types';
export { ReportStatus } from './report.entity';

export interface ModerationServices {
  reports: ReportService;
  moderation: ModerationService;
  liveAdminRights: LiveAdminRights;
  reportsAddedLive: LiveHub<ReportSignal>;
  reportsTreatedLive: LiveHub<ReportSignal>;
  /** The integration tokens' report feeds, keyed by API client. */
  reportsAddedToClients: LiveHub<ReportSignal>;
  reportsTreatedToClients: LiveHub<ReportSignal>;
}

declare module '../../platform/context/services' {
  interface Services extends ModerationServices {}
}
