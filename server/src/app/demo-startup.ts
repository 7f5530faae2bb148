import { DEMO_PASSWORD, demoAccounts, loadDemoData } from '../demo';
import type { DemoAccount } from '../demo';
import { logger } from '../platform/logging/logger';
import type { Services } from '../platform/context/services';

/** Loads the demo département into an empty database (DEMO_DATA, on by default with embedded PostgreSQL). */
export async function loadDemoIfEmpty(services: Services): Promise<void> {
  const started = Date.now();
  const summary = await loadDemoData(services.dataSource, services.secretBox);
  if (summary) logger.info('demo data loaded', { ms: Date.now() - started });
}

/** The demo accounts, or [] when the database holds other data (a real directory). */
export type ListedDemoAccount = Omit<DemoAccount, 'role'> & { role: DemoAccount['role'] | 'OTHER_SCHOOL_ADMIN' };

export async function findDemoAccountList(services: Services): Promise<ListedDemoAccount[]> {
  try {
    const found = await demoAccounts(services.dataSource, services.secretBox);
    return [...found.accounts, { ...found.otherDirector, role: 'OTHER_SCHOOL_ADMIN', label: "Directeur d'une école d'une autre circonscription" }];
  } catch {
    return [];
  }
}

function describe(account: ListedDemoAccount): string {
  const secret = account.password ? `mot de passe ${account.password}` : `code d'activation ${account.activationCode}`;
  const where = account.scope ?? account.school;
  return `  ${account.label.padEnd(56)} ${account.login.padEnd(22)} ${secret}${where ? `  (${where})` : ''}`;
}

/** One formatted line per demo role, for the banner and `npm run admin -- demo-accounts`. */
export async function listDemoAccounts(services: Services): Promise<string[]> {
  return (await findDemoAccountList(services)).map(describe);
}

export async function printDemoBanner(services: Services, url: string): Promise<void> {
  const lines = await listDemoAccounts(services);
  const body = lines.length
    ? `Comptes de démonstration (mot de passe commun : ${DEMO_PASSWORD}) :\n${lines.join('\n')}\n\nLa liste se réaffiche avec : npm run admin -- demo-accounts`
    : (await hasDemoOrOtherData(services))
      ? "La base contient des données qui ne viennent pas du jeu de démonstration : pas de compte de démonstration à afficher.\nCréez un opérateur avec : npm run admin -- create-operator <identifiant>"
      : 'Base vide. Créez un opérateur avec : npm run admin -- create-operator <identifiant>';
  process.stdout.write(`\nPréau est prêt : ${url}\n\n${body}\n\n`);
}

async function hasDemoOrOtherData(services: Services): Promise<boolean> {
  const [row] = (await services.dataSource.query('SELECT EXISTS (SELECT 1 FROM app_user) AS found')) as { found: boolean }[];
  return row.found;
}
