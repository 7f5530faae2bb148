import type { DomainModule } from '../../platform/module/domain-module';
import { ApiClientEntity } from './api-client.entity';
import { IntegrationService } from './integration.service';
import { IntegrationsResolver } from './integrations.resolver';
import { RateLimitResolver } from './rate-limit.resolver';

/** Integrations: API clients and their tokens, acting within a subtree with scoped rights. */
export const integrationsModule: DomainModule = {
  name: 'integrations',
  entities: [ApiClientEntity],
  resolvers: [IntegrationsResolver, RateLimitResolver],
  createServices: (services, { dataSource }): IntegrationsServices => ({
    integrations: new IntegrationService(dataSource, services.audit),
  }),
};

export interface IntegrationsServices {
  integrations: IntegrationService;
}

declare module '../../platform/context/services' {
  interface Services extends IntegrationsServices {}
}
