import { RecurringJob } from '../platform/jobs/jobs';
import type { Services } from './services';

/** Housekeeping that runs on whichever instance picks it up. */
export function recurringJobs(services: Services): RecurringJob[] {
  return [
    {
      name: 'sessions.purge-expired',
      cron: '17 * * * *',
      run: () => services.sessions.purgeExpired(),
    },
    {
      name: 'accounts.clear-expired-blocks',
      cron: '* * * * *',
      run: async () => {
        await services.blocking.clearExpiredBlocks();
      },
    },
    {
      // Mailing PDFs hold activation codes: gone after a day.
      name: 'mailings.purge-documents',
      cron: '41 * * * *',
      run: async () => {
        await services.dataSource.query(`DELETE FROM mailing_document WHERE created_at < now() - interval '24 hours'`);
      },
    },
    {
      name: 'users.purge-predeleted',
      cron: '23 3 * * *',
      run: async () => {
        await services.userAdmin.purgeExpired();
      },
    },
  ];
}
