import type { DomainModule } from '../../platform/module/domain-module';
import { SupervisionResolver } from './supervision.resolver';
import { SupervisionService } from './supervision.service';

/**
 * « Tableau de bord »: per-école figures for directors, ERUN and département admins, read from
 * counts PostgreSQL keeps as changes commit (migration SupervisionCounts).
 */
export const supervisionModule: DomainModule = {
  name: 'supervision',
  entities: [],
  resolvers: [SupervisionResolver],
  createServices: (_services, { dataSource }): SupervisionServices => ({
    supervision: new SupervisionService(dataSource),
  }),
};

export interface SupervisionServices {
  supervision: SupervisionService;
}

declare module '../../platform/context/services' {
  interface Services extends SupervisionServices {}
}
