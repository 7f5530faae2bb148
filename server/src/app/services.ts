import { ActorCache } from '../platform/notified-cache/actor-cache';
import { SessionCookies } from '../platform/auth/session-cookie';
import { SessionService } from '../platform/auth/session.service';
import type { Services } from '../platform/context/services';
import { SecretBox } from '../platform/crypto/secret-box';
import { CostBudget } from '../platform/graphql/cost-budget';
import { SharedClientBuckets } from '../platform/graphql/shared-client-buckets';
import { Mailer } from '../platform/mail/mailer';
import { OutboxService } from '../platform/mail/outbox.service';
import type { Infrastructure } from '../platform/module/domain-module';
import { forgetOnActorChanges } from '../platform/notified-cache/forget-on-actor-changes';
import { modules } from './modules';

export type { Infrastructure };

/** The service graph, built once at start: the platform's, then each module's in order. */
export function createServices(infrastructure: Infrastructure): Services {
  const { config, dataSource, events } = infrastructure;
  // The TTL stays well under the session's lifetime: a load is what pushes the sliding expiry.
  const actorCache = new ActorCache({
    ttlMs: Math.min(config.actorCacheSeconds, (config.sessionTtlHours * 3600) / 2) * 1000,
    maxEntries: 20_000,
    invalidationsArrive: () => events.listening,
  });
  forgetOnActorChanges(events, actorCache);
  const platform: Partial<Services> = {
    config,
    dataSource,
    events,
    secretBox: SecretBox.fromConfig(config.secretKey, config.dataDir),
    sessions: new SessionService(dataSource, config.sessionTtlHours),
    actorCache,
    cookies: new SessionCookies(config.secureCookies),
    mailer: new Mailer(dataSource, config.smtpUrl, config.mailFrom, config.demoMode),
    outbox: new OutboxService(dataSource),
    costBudget: new CostBudget(config.costBudget.perSecond, config.costBudget.burst),
    clientBuckets: new SharedClientBuckets(dataSource, infrastructure.clock),
  };
  // Each module reads the services of the platform and of the modules before it (app/modules.ts).
  const services = platform as Services;
  for (const module of modules) Object.assign(services, module.createServices?.(services, infrastructure));
  return services;
}
