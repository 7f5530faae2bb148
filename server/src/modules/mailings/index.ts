import { SheetPrinter } from '../../documents/sheet-printer';
import { logger } from '../../platform/logging/logger';
import type { Services } from '../../platform/context/services';
import type { DomainModule } from '../../platform/module/domain-module';
import { LiveHub } from '../../platform/live/live-hub';
import { AccountExportService } from './account-export';
import { MailingJobQueue, mailingJobs } from './mailing-jobs';
import { MailingProgress } from './mailing-progress';
import { defaultRunnerOptions, MailingRunner } from './mailing-runner';
import { MailingDocumentChunkEntity, MailingDocumentEntity, MailingEntity, MailingRecipientEntity } from './mailing.entity';
import { MailingService } from './mailing.service';
import { MailingsResolver } from './mailings.resolver';
import type { MailingView } from './mailings.types';
import { OutboxResolver } from './outbox.resolver';
import { RenewalSlipResolver } from './renewal-slip.resolver';
import { SheetSource } from './sheet-source';

/**
 * « Publipostage des comptes »: connection sheets printed to PDF and account e-mails, run in the
 * background with live progress; « Exporter des comptes »; the demo outbox.
 */
export const mailingsModule: DomainModule = {
  name: 'mailings',
  entities: [MailingEntity, MailingRecipientEntity, MailingDocumentEntity, MailingDocumentChunkEntity],
  resolvers: [MailingsResolver, OutboxResolver, RenewalSlipResolver],
  createServices: (services, { config, dataSource, events }): MailingsServices => {
    const mailingQueue = new MailingJobQueue(dataSource);
    const mailingProgress = new MailingProgress(events);
    const printer = new SheetPrinter({ chromiumPath: config.chromiumPath, publicUrl: config.publicUrl });
    return {
      mailings: new MailingService(dataSource, services.audit, mailingQueue),
      mailingQueue,
      mailingProgress,
      printer,
      mailingRunner: new MailingRunner(dataSource, new SheetSource(dataSource, services.secretBox), printer, services.mailer, mailingProgress, {
        ...defaultRunnerOptions(config.publicUrl),
        ...config.mailing,
      }),
      mailingLive: new LiveHub<MailingView>(),
      accountExport: new AccountExportService(dataSource, services.secretBox, services.audit),
    };
  },
  // A mailing is its author's alone: the only possible recipient of its progress.
  live: (services) =>
    services.events.on('mailing.progress', (event) => {
      const local = new Set(services.mailingLive.localUserIds());
      if (local.size === 0) return;
      services.mailings
        .forDelivery(event.mailingId)
        .then((found) => {
          if (found && local.has(found.authorId)) services.mailingLive.publishTo([found.authorId], found.mailing);
        })
        .catch((error: Error) => logger.error('mailing progress delivery failed', { error: error.message }));
    }),
  // pg-boss owns expiry, retries and the sweep (mailing-jobs.ts); the runner only does the work.
  recurringJobs: (services) => jobsOf(services).recurring,
  queues: (services) => jobsOf(services).workers,
  jobsOptions: (services) => jobsOf(services).options,
  started: (services, jobs) => services.mailingQueue.attach(jobs),
  stop: async (services) => {
    services.mailingProgress.close();
    await services.printer.close();
  },
};

const jobsOf = (services: Services) => mailingJobs(services.mailingRunner, services.mailingQueue, services.mailer.canSend, services.config.mailing);

/** The download name of a mailing's PDF (app/downloads.ts sets it as Content-Disposition). */
export { loadMailingFileName, mailingFileName } from './mailing-file-name';
/** CSV cells for spreadsheets (`;`, formula-safe) and the BOM Excel needs: other modules' CSV downloads use them too. */
export { CSV_BOM, csvLine } from './csv';

export interface MailingsServices {
  mailings: MailingService;
  mailingQueue: MailingJobQueue;
  mailingProgress: MailingProgress;
  printer: SheetPrinter;
  mailingRunner: MailingRunner;
  mailingLive: LiveHub<MailingView>;
  accountExport: AccountExportService;
}

declare module '../../platform/context/services' {
  interface Services extends MailingsServices {}
}
