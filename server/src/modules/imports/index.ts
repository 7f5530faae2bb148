import { LiveHub } from '../../platform/live/live-hub';
import type { DomainModule } from '../../platform/module/domain-module';
import { ImportAbsenceEntity, ImportAddressEntity, ImportClassEntity, ImportSessionEntity } from './import.entities';
import { AbsentAccounts } from './absent-accounts';
import { ImportApplyService } from './import-apply.service';
import { ImportRetention } from './import-retention';
import { ImportService } from './import.service';
import { ImportsResolver } from './imports.resolver';
import type { ImportProgressView } from './imports.types';

/**
 * « Importer des utilisateurs »: ONDE extractions and the Préau template read, matched against an
 * école and simulated (the dry run, stored as an import session), then applied (« Appliquer »);
 * accounts absent from a full-école file are pre-deleted 14 days later by a nightly job, and
 * another keeps an applied import's lines a year, an unapplied dry run 30 days (`import-retention.ts`).
 */
export const importsModule: DomainModule = {
  name: 'imports',
  entities: [ImportSessionEntity, ImportClassEntity, ImportAddressEntity, ImportAbsenceEntity],
  resolvers: [ImportsResolver],
  createServices: (services, { dataSource, events }): ImportsServices => {
    const imports = new ImportService(dataSource);
    return {
      imports,
      importApply: new ImportApplyService(dataSource, imports, services.audit, services.secretBox, events),
      importLive: new LiveHub<ImportProgressView>(),
      importToClients: new LiveHub<ImportProgressView>(),
      importAbsences: new AbsentAccounts(dataSource, services.audit, events),
      importRetention: new ImportRetention(dataSource),
    };
  },
  // An import is its creator's alone, or its API client's when a token made it: the only possible
  // recipient of its progress (the subscription also checks the session is the subscriber's).
  live: (services) =>
    services.events.on('import.progress', (event) => {
      const progress = { sessionId: event.sessionId, phase: event.phase, done: event.done, total: event.total };
      if (event.clientId) services.importToClients.publishTo([event.clientId], progress);
      else services.importLive.publishTo([event.creatorId], progress);
    }),
  recurringJobs: (services) => [
    {
      name: 'imports.predelete-absent',
      cron: '41 3 * * *',
      run: async () => {
        await services.importAbsences.predeleteDue();
      },
    },
    {
      name: 'imports.retention',
      cron: '47 3 * * *',
      run: async () => {
        await services.importRetention.run();
      },
    },
  ],
};

export interface ImportsServices {
  imports: ImportService;
  importApply: ImportApplyService;
  importAbsences: AbsentAccounts;
  importRetention: ImportRetention;
  importLive: LiveHub<ImportProgressView>;
  /** The integration tokens' progress feeds, keyed by API client. */
  importToClients: LiveHub<ImportProgressView>;
}

declare module '../../platform/context/services' {
  interface Services extends ImportsServices {}
}

export type { UploadedFile } from './import.service';
export { MAX_FILE_BYTES } from './import-refusals';
export { refuse as importRefusals } from './import-refusals';
export { kindLabel as importFileKindLabel } from './parsed-file';
export { importReportCsv, importReportFileName } from './import-report-csv';
