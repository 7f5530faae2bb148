import 'reflect-metadata';
import type { ClientBase } from 'pg';
import { entities } from '../app/entities';
import { migrations } from '../migrations';
import { DEMO_SEED, DEMO_USERS, MAX_USERS, MIN_USERS, planDemoDirectory } from '../demo/demo-generator';
import { demoAccounts } from '../demo/demo-accounts';
import { DEMO_PASSWORD, DemoProgress, hasDirectoryData, loadDemoData } from '../demo/demo-loader';
import { loadConfig } from '../platform/config/config';
import { SecretBox } from '../platform/crypto/secret-box';
import { openDatabase } from '../platform/database/database';

/**
 * `npm run seed -- [--users N] [--seed S] [--reset]`: fills the database (DATABASE_URL, or the
 * embedded PostgreSQL of the data folder) with a generated département sized for N accounts, through
 * COPY in one transaction, then VACUUM ANALYZE. Refuses a database that already has a directory unless
 * --reset, which empties the directory tables in the same transaction.
 */

const USAGE = `Usage : npm run seed -- [--users N] [--seed S] [--reset]

  --users N   nombre approximatif de comptes à générer (${MIN_USERS} à ${MAX_USERS.toLocaleString('fr-FR')}, défaut ${DEMO_USERS})
  --seed S    graine du générateur : même graine, mêmes données (défaut ${DEMO_SEED})
  --reset     vide d'abord les tables de l'annuaire (structures, classes, comptes, rattachements, fonctions, sessions)
  --help      affiche cette aide

La base visée est celle de DATABASE_URL, sinon le PostgreSQL embarqué du dossier de données.`;

class UsageError extends Error {}

export interface SeedArguments {
  users: number;
  seed: number;
  reset: boolean;
  help: boolean;
}

function integer(flag: string, raw: string | undefined, min: number, max: number): number {
  if (raw === undefined || raw.startsWith('--')) throw new UsageError(`L'option ${flag} attend une valeur.`);
  const cleaned = raw.replace(/[\s_\u202f\u00a0]/g, '');
  if (!/^\d+$/.test(cleaned)) throw new UsageError(`L'option ${flag} attend un nombre entier positif (reçu « ${raw} »).`);
  const value = Number(cleaned);
  if (value < min || value > max) {
    throw new UsageError(`L'option ${flag} doit être comprise entre ${min.toLocaleString('fr-FR')} et ${max.toLocaleString('fr-FR')} (reçu ${value.toLocaleString('fr-FR')}).`);
  }
  return value;
}

export function parseSeedArguments(argv: readonly string[]): SeedArguments {
  const args: SeedArguments = { users: DEMO_USERS, seed: DEMO_SEED, reset: false, help: false };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s, 2);
    const value = () => (inline !== undefined ? inline : argv[++i]);
    switch (flag) {
      case '--users':
      case '-n':
        args.users = integer('--users', value(), MIN_USERS, MAX_USERS);
        break;
      case '--seed':
        args.seed = integer('--seed', value(), 0, 0xffffffff);
        break;
      case '--reset':
        if (inline !== undefined) throw new UsageError("L'option --reset ne prend pas de valeur.");
        args.reset = true;
        break;
      case '--help':
      case '-h':
        args.help = true;
        break;
      default:
        throw new UsageError(argv[i].startsWith('-') ? `Option inconnue : ${argv[i]}` : `Argument inattendu : ${argv[i]}`);
    }
  }
  return args;
}

const number = (n: number) => n.toLocaleString('fr-FR');

function duration(ms: number): string {
  const seconds = Math.round(ms / 100) / 10;
  if (seconds < 60) return `${seconds.toLocaleString('fr-FR')} s`;
  const minutes = Math.floor(seconds / 60);
  return `${minutes} min ${String(Math.round(seconds - minutes * 60)).padStart(2, '0')} s`;
}

function progressLine(progress: DemoProgress): string {
  const ratio = Math.min(1, progress.users / progress.estimatedUsers);
  const rate = progress.elapsedMs > 0 ? Math.round((progress.users * 1000) / progress.elapsedMs) : 0;
  return (
    `Chargement : ${number(progress.users)} / ~${number(progress.estimatedUsers)} comptes (${Math.floor(ratio * 100)} %), ` +
    `circonscription ${progress.chunk}/${progress.chunks}, ${duration(progress.elapsedMs)}, ${number(rate)} comptes/s`
  );
}

async function main(): Promise<void> {
  let args: SeedArguments;
  try {
    args = parseSeedArguments(process.argv.slice(2));
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`${error.message}\n\n${USAGE}`);
      process.exit(2);
    }
    throw error;
  }
  if (args.help) {
    console.log(USAGE);
    return;
  }

  const started = Date.now();
  const config = loadConfig();
  const plan = planDemoDirectory({ seed: args.seed, users: args.users });
  const database = await openDatabase(config, { entities, migrations, poolSize: 2, applicationName: 'preau-seed' });
  try {
    const { dataSource } = database;
    const secretBox = SecretBox.fromConfig(config.secretKey, config.dataDir);
    if (!args.reset) {
      const runner = dataSource.createQueryRunner('master');
      try {
        if (await hasDirectoryData((await runner.connect()) as ClientBase)) {
          const [{ structures, users }] = await runner.query(
            'SELECT (SELECT count(*) FROM structure)::int AS structures, (SELECT count(*) FROM app_user)::int AS users',
          );
          throw new UsageError(
            `La base contient déjà un annuaire (${number(structures)} structures, ${number(users)} comptes) : rien n'a été chargé.\n` +
              'Relancez avec --reset pour le vider et le remplacer (comptes, classes, rattachements, fonctions et sessions seront supprimés).',
          );
        }
      } finally {
        await runner.release();
      }
    }

    console.log(
      `Génération d'un département de ~${number(plan.estimatedUsers)} comptes (graine ${args.seed}) : ` +
        `${number(plan.circonscriptions.length)} circonscriptions, ${number(plan.schools)} écoles, ${number(plan.classes)} classes.`,
    );
    const tty = process.stdout.isTTY;
    let lastPrinted = 0;
    const summary = await loadDemoData(dataSource, secretBox, {
      seed: args.seed,
      users: args.users,
      reset: args.reset,
      onProgress: (progress) => {
        const line = progressLine(progress);
        if (tty) process.stdout.write(`\r${line}\x1b[K`);
        else if (progress.chunk === progress.chunks || Date.now() - lastPrinted > 5000) {
          lastPrinted = Date.now();
          console.log(line);
        }
      },
    });
    if (tty) process.stdout.write('\n');
    if (summary === false) {
      throw new UsageError("La base contient déjà un annuaire (chargé entre-temps par un autre processus) : rien n'a été chargé.");
    }
    const loadedAt = Date.now();
    // VACUUM as well: after a bulk load, index-only scans read every row's page until the
    // visibility map is set (autovacuum gets there minutes later); the first measures paid for it.
    console.log(`Données chargées et validées en ${duration(summary.elapsedMs)}. VACUUM ANALYZE…`);
    await dataSource.query('VACUUM (ANALYZE)');

    const counts: { table: string; rows: number }[] = [];
    for (const table of ['structure', 'school_class', 'app_user', 'account_name', 'user_structure', 'class_member', 'relative_link', 'admin_function']) {
      const [{ n }] = await dataSource.query(`SELECT count(*)::bigint AS n FROM "${table}"`);
      counts.push({ table, rows: Number(n) });
    }
    const [{ size }] = await dataSource.query('SELECT pg_size_pretty(pg_database_size(current_database())) AS size');
    const profiles = await dataSource.query(
      `SELECT profile, count(*)::int AS n, count(*) FILTER (WHERE activated_at IS NOT NULL)::int AS active FROM app_user GROUP BY profile ORDER BY profile`,
    );

    console.log(`\nTerminé en ${duration(Date.now() - started)} (chargement ${duration(summary.elapsedMs)}, VACUUM ANALYZE ${duration(Date.now() - loadedAt)}).`);
    console.log('\nLignes par table :');
    for (const { table, rows } of counts) console.log(`  ${table.padEnd(16)} ${number(rows).padStart(12)}`);
    console.log('\nComptes par profil (dont activés) :');
    for (const { profile, n, active } of profiles) console.log(`  ${String(profile).padEnd(16)} ${number(n).padStart(12)}  (${number(active)})`);
    console.log(`\nTaille de la base : ${size}`);

    const demo = await demoAccounts(dataSource, secretBox);
    console.log(`\nComptes de démonstration (mot de passe des comptes activés : ${DEMO_PASSWORD}) :`);
    for (const account of [...demo.accounts, { ...demo.otherDirector, label: "Directeur d'une autre circonscription" }]) {
      const secret = account.activationCode ? `code d'activation ${account.activationCode}` : 'mot de passe';
      console.log(`  ${account.label.padEnd(56)} ${account.login.padEnd(28)} ${secret.padEnd(30)} ${account.displayName}${account.school ? ` — ${account.school}` : ''}`);
    }
  } finally {
    await database.close();
  }
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(error instanceof UsageError ? 2 : 1);
  });
}
