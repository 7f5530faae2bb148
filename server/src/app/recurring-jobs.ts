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
      name: 'users.purge-predeleted',
      cron: '23 3 * * *',
      run: async () => {
        await services.userAdmin.purgeExpired();
      },
    },
  ];
}
