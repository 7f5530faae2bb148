import type { DomainModule } from '../../platform/module/domain-module';
import { AuditQueryService } from './audit-query.service';
import { AuditEntryEntity } from './audit.entity';
import { AuditResolver } from './audit.resolver';
import { AuditService } from './audit.service';

/** « Historique »: what was done, by whom, from where; written by the other modules' services. */
export const auditModule: DomainModule = {
  name: 'audit',
  entities: [AuditEntryEntity],
  resolvers: [AuditResolver],
  createServices: (_services, { dataSource }): AuditServices => ({
    audit: new AuditService(dataSource),
    auditQuery: new AuditQueryService(dataSource),
  }),
};

export interface AuditServices {
  audit: AuditService;
  auditQuery: AuditQueryService;
}

declare module '../../platform/context/services' {
  interface Services extends AuditServices {}
}

export { AuditService } from './audit.service';
export type { AuditRecord } from './audit.service';
