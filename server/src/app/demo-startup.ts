import type { Services } from './services';

/** Loads the demo département into an empty database (DEMO_DATA, on by default with embedded PostgreSQL). */
export async function loadDemoIfEmpty(_services: Services): Promise<void> {
  // Wired to modules/demo once it lands.
}

export async function printDemoBanner(_services: Services, url: string): Promise<void> {
  process.stdout.write(`\nPréau est prêt : ${url}\n\n`);
}

/** One formatted line per demo role, for the banner and `npm run admin -- demo-accounts`. */
export async function listDemoAccounts(_services: Services): Promise<string[]> {
  return [];
}
