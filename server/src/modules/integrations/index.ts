import type { DomainModule } from '../../platform/module/domain-module';
import { ApiClientEntity } from './api-client.entity';
import { EventLogEntity } from './event-log.entity';
import { EventLogResolver } from './event-log.resolver';
import { EventLogService } from './event-log.service';
import { ExpiryWarningsService } from './expiry-warnings.service';
import { IntegrationService } from './integration.service';
import { IntegrationsResolver } from './integrations.resolver';
import { RateLimitResolver } from './rate-limit.resolver';

/** Integrations: API clients and their tokens, acting within a subtree with scoped rights; the event log. */
export const integrationsModule: DomainModule = {
  name: 'integrations',
  entities: [ApiClientEntity, EventLogEntity],
  resolvers: [IntegrationsResolver, RateLimitResolver, EventLogResolver],
  createServices: (services, { config, dataSource, events }): IntegrationsServices => {
    const eventLog = new EventLogService(dataSource);
    // Every publish writes its log row first, in the publisher's transaction.
    events.setJournal((event, query) => eventLog.record(event, query));
    return {
      integrations: new IntegrationService(dataSource, services.audit),
      eventLog,
      apiClientExpiry: new ExpiryWarningsService(dataSource, services.mailer, services.audit, config.publicUrl),
    };
  },
  recurringJobs: (services) => [
    { name: 'integrations.purge-events', cron: '17 * * * *', run: async () => void (await services.eventLog.purge()) },
    { name: 'integrations.expiry-warnings', cron: '41 * * * *', run: async () => void (await services.apiClientExpiry.sendDue()) },
  ],
};

export interface IntegrationsServices {
  integrations: IntegrationService;
  eventLog: EventLogService;
  apiClientExpiry: ExpiryWarningsService;
}

declare module '../../platform/context/services' {
  interface Services extends IntegrationsServices {}
}

/** For the tables whose rows a client made (import_session.api_client_id). */
export { ApiClientEntity } from './api-client.entity';
