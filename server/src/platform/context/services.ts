import type { DataSource } from 'typeorm';
import type { ActorCache } from '../notified-cache/actor-cache';
import type { SessionCookies } from '../auth/session-cookie';
import type { SessionService } from '../auth/session.service';
import type { Config } from '../config/config';
import type { SecretBox } from '../crypto/secret-box';
import type { CostBudget } from '../graphql/cost-budget';
import type { SharedClientBuckets } from '../graphql/shared-client-buckets';
import type { Mailer } from '../mail/mailer';
import type { OutboxService } from '../mail/outbox.service';
import type { EventBus } from '../pubsub/event-bus';

/**
 * The service graph resolvers reach through their request context. The platform declares its own
 * services here; each domain module adds its own by augmenting this interface from its index.ts
 * (`declare module '…/platform/context/services'`), so the platform never imports a module and a
 * new module touches no central file. app/services.ts builds it, modules in dependency order.
 */
export interface Services {
  config: Config;
  dataSource: DataSource;
  events: EventBus;
  secretBox: SecretBox;
  sessions: SessionService;
  actorCache: ActorCache;
  cookies: SessionCookies;
  mailer: Mailer;
  outbox: OutboxService;
  costBudget: CostBudget;
  /** The integration clients' cost buckets (in memory, per instance). */
  clientBuckets: SharedClientBuckets;
}
