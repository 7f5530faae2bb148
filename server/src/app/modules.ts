import { accountsModule } from '../modules/accounts';
import { auditModule } from '../modules/audit';
import { directoryModule } from '../modules/directory';
import { importsModule } from '../modules/imports';
import { integrationsModule } from '../modules/integrations';
import { mailingsModule } from '../modules/mailings';
import { messagingModule } from '../modules/messaging';
import { moderationModule } from '../modules/moderation';
import { timelineModule } from '../modules/timeline';
import { supervisionModule } from '../modules/supervision';
import { usersModule } from '../modules/users';
import type { DomainModule } from '../platform/module/domain-module';

/**
 * Préau's domains, in the order their services are built: each may use the services of those
 * before it. Adding a domain is adding it here (its index.ts says the rest).
 */
export const modules: readonly DomainModule[] = [
  directoryModule,
  auditModule,
  accountsModule,
  usersModule,
  timelineModule,
  messagingModule,
  moderationModule,
  mailingsModule,
  importsModule,
  integrationsModule,
  supervisionModule,
];
