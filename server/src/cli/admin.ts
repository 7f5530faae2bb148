import 'reflect-metadata';
import { entities } from '../app/entities';
import { createServices } from '../app/services';
import { migrations } from '../migrations';
import { loadConfig } from '../platform/config/config';
import { openDatabase } from '../platform/database/database';
import { AppError } from '../platform/errors/app-error';
import { EventBus } from '../platform/pubsub/event-bus';
import { setLogLevel } from '../platform/logging/logger';
import { findDemoAccountList, listDemoAccounts } from '../app/demo-startup';
import { importUsage, parseImportArgs, runImport } from './import-command';
import { importBatchUsage, parseImportBatchArgs, runImportBatch } from './import-batch-command';

const usage = `Console opérateur de Préau

  npm run admin -- create-operator <identifiant> [--prenom P] [--nom N]
      Crée un compte opérateur (tous les droits) et affiche son mot de passe, une seule fois.
  npm run admin -- reset-password <identifiant>
      Donne un nouveau mot de passe aléatoire (affiché une seule fois) et ferme ses sessions.
  npm run admin -- demo-accounts [--json] [--wait]
      Liste un compte de démonstration par rôle, avec son mot de passe ou son code d'activation
      (--json : pour les scripts ; --wait : attend jusqu'à 60 s que le serveur ait chargé la démo).
  npm run admin -- roll-up-activity
      Recalcule tout de suite les « Actifs sur 7 / 30 jours » du tableau de bord (d'hier et
      d'aujourd'hui), ce que le serveur fait chaque heure.
${importUsage}
${importBatchUsage}

La base utilisée est celle de DATABASE_URL, sinon le PostgreSQL embarqué du dossier .data.`;

function option(args: string[], name: string): string | undefined {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
}

async function main(): Promise<number> {
  const [command, ...args] = process.argv.slice(2);
  if (!command || command === '--help' || command === 'help') {
    console.log(usage);
    return command ? 0 : 2;
  }
  if (!['create-operator', 'reset-password', 'demo-accounts', 'import', 'roll-up-activity'].includes(command)) {
    console.error(`Commande inconnue « ${command} ».\n\n${usage}`);
    return 2;
  }
  const batch = command === 'import' && args.includes('--lot');
  const importArgs = command === 'import' && !batch ? parseImportArgs(args) : null;
  if (typeof importArgs === 'string') {
    console.error(`${importArgs}\n\n${importUsage}`);
    return 2;
  }
  const batchArgs = batch ? parseImportBatchArgs(args) : null;
  if (typeof batchArgs === 'string') {
    console.error(`${batchArgs}\n\n${importBatchUsage}`);
    return 2;
  }
  const login = args[0];
  if (!['demo-accounts', 'import', 'roll-up-activity'].includes(command) && (!login || login.startsWith('--'))) {
    console.error(`Il manque l'identifiant : npm run admin -- ${command} <identifiant>`);
    return 2;
  }
  setLogLevel('warn');
  const config = loadConfig();
  const database = await openDatabase(config, { entities, migrations, poolSize: 2, applicationName: 'preau-admin' });
  const events = await EventBus.start(database.url, database.dataSource);
  try {
    const services = createServices({ config, dataSource: database.dataSource, events });
    if (importArgs) {
      return await runImport(services, database.dataSource, config.publicUrl, importArgs);
    } else if (batchArgs) {
      return await runImportBatch(services, database.dataSource, config.publicUrl, batchArgs);
    } else if (command === 'create-operator') {
      const password = await services.operatorAccounts.createOperator(login, option(args, '--prenom'), option(args, '--nom'));
      console.log(`Compte opérateur créé.\n  Identifiant : ${login.toLowerCase()}\n  Mot de passe : ${password}\nNotez-le maintenant : il ne sera plus affiché.`);
    } else if (command === 'roll-up-activity') {
      await services.activityRollup.run();
      console.log('« Actifs » recalculés.');
    } else if (command === 'reset-password') {
      const result = await services.operatorAccounts.resetPassword(login);
      await events.publish({ type: 'session.revoked', userId: result.userId });
      console.log(`Nouveau mot de passe pour ${result.login} : ${result.password}\nSes sessions ouvertes ont été fermées.`);
    } else {
      const deadline = Date.now() + (args.includes('--wait') ? 60_000 : 0);
      let accounts = await findDemoAccountList(services);
      while (accounts.length === 0 && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 500));
        accounts = await findDemoAccountList(services);
      }
      if (accounts.length === 0) {
        console.error('Aucun compte de démonstration : la base ne contient pas les données de démonstration.');
        return 1;
      }
      if (args.includes('--json')) console.log(JSON.stringify(accounts, null, 2));
      else for (const line of await listDemoAccounts(services)) console.log(line);
    }
    return 0;
  } catch (error) {
    console.error(error instanceof AppError ? error.text.fr : `Erreur : ${(error as Error).message}`);
    return 1;
  } finally {
    await events.close();
    await database.close();
  }
}

main().then((code) => process.exit(code));
