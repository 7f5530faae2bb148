import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import type { Services } from '../platform/context/services';
import { AppError } from '../platform/errors/app-error';
import { countOf, singularFor } from '../platform/text/french';
import { operator, ProgressLine, readUploads, schoolByUai } from './import-command';

export const importBatchUsage = `  npm run admin -- import --lot <dossier> [--apply] [--par <identifiant>]
      Un département d'un coup : dans <dossier>, un sous-dossier par école, nommé par son UAI, avec
      ses fichiers ONDE (ou le modèle Préau). Chaque école est simulée puis, avec --apply, appliquée,
      l'une après l'autre ; une école refusée n'arrête pas les autres et est dite à la fin (celles qui
      ont des lignes « À arbitrer » ou beaucoup d'absents se terminent dans la console ou avec
      --ecole <UAI> --confirmer-absents N).`;

export interface ImportBatchArgs {
  folder: string;
  apply: boolean;
  operatorLogin: string | null;
}

/** The command line of `import --lot`, or a French usage error. */
export function parseImportBatchArgs(args: string[]): ImportBatchArgs | string {
  let folder: string | null = null;
  let operatorLogin: string | null = null;
  let apply = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--apply') apply = true;
    else if (arg === '--lot' || arg === '--par') {
      if (!args[i + 1] || args[i + 1].startsWith('--')) return `Il manque la valeur de ${arg}.`;
      if (arg === '--lot') folder = args[++i];
      else operatorLogin = args[++i];
    } else if (arg === '--ecole' || arg === '--confirmer-absents') return `${arg} ne va pas avec --lot : chaque sous-dossier est nommé par l'UAI de son école.`;
    else if (arg.startsWith('--')) return `Option inconnue « ${arg} ».`;
    else return `Avec --lot, les fichiers sont dans les sous-dossiers du lot, pas sur la ligne de commande (« ${arg} »).`;
  }
  if (!folder) return 'Il manque le dossier : --lot <dossier>';
  return { folder, apply, operatorLogin };
}

interface SchoolOutcome {
  uai: string;
  name: string | null;
  created: number;
  modified: number;
  /** Why this école was not imported (or not applied), in French. */
  refused: string | null;
}

/**
 * `npm run admin -- import --lot`: the écoles of a folder in turn, each through the same dry run
 * and « Appliquer » as `import --ecole` (one transaction per école, its own audit line), in one
 * process and one connection pool. A refused école (unknown UAI, bad file, « À arbitrer » lines,
 * many leavers to confirm, stale) is reported and the next one goes on; the exit code says whether
 * every école went through.
 */
export async function runImportBatch(services: Services, db: DataSource, publicUrl: string, args: ImportBatchArgs): Promise<number> {
  const actor = await operator(db, args.operatorLogin);
  const entries = await readdir(args.folder, { withFileTypes: true }).catch(() => {
    throw AppError.badInput({ fr: `Dossier introuvable : ${args.folder}`, en: `Folder not found: ${args.folder}` });
  });
  const folders = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  if (folders.length === 0) {
    throw AppError.badInput({ fr: `Aucun sous-dossier d'école dans ${args.folder} : un sous-dossier par école, nommé par son UAI.`, en: `No école sub-folder in ${args.folder}: one sub-folder per école, named by its UAI.` });
  }
  const progress = new ProgressLine();
  const outcomes: SchoolOutcome[] = [];
  for (const [index, uai] of folders.entries()) {
    progress.step(index, folders.length, uai);
    const outcome: SchoolOutcome = { uai, name: null, created: 0, modified: 0, refused: null };
    outcomes.push(outcome);
    let sessionId: string | null = null;
    try {
      const school = await schoolByUai(db, uai);
      outcome.name = school.name;
      const files = (await readdir(join(args.folder, uai))).filter((name) => /\.(csv|txt)$/i.test(name)).sort();
      const uploads = await readUploads(files.map((name) => join(args.folder, uai, name)));
      sessionId = await services.imports.dryRun(actor, school.id, uploads);
      const { report } = await services.imports.session(actor, sessionId);
      outcome.created = report.totals.reduce((sum, totals) => sum + totals.created, 0);
      outcome.modified = report.totals.reduce((sum, totals) => sum + totals.modified + totals.transfers, 0);
      if (args.apply) {
        const applied = await services.importApply.apply(actor, sessionId, [], null, null);
        outcome.created = applied.created;
        outcome.modified = applied.modified;
      }
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      const report = sessionId ? ` Rapport : ${publicUrl}/admin/importer-des-utilisateurs?simulation=${sessionId}` : '';
      outcome.refused = `${error.text.fr}${report}`;
    }
  }
  progress.step(folders.length, folders.length, args.apply ? 'Lot appliqué.' : 'Lot simulé.');
  progress.end();

  for (const outcome of outcomes) {
    const label = outcome.name ? `${outcome.uai} ${outcome.name}` : outcome.uai;
    if (outcome.refused) console.log(`${label} : non ${args.apply ? 'appliqué' : 'simulé'}. ${outcome.refused}`);
    else console.log(`${label} : ${countOf(outcome.created, 'compte créé', 'comptes créés')}, ${countOf(outcome.modified, 'modifié', 'modifiés')}${args.apply ? '' : ' (simulation)'}.`);
  }
  const refused = outcomes.filter((outcome) => outcome.refused).length;
  const done = outcomes.length - refused;
  console.log(
    `${countOf(done, 'école', 'écoles')} ${args.apply ? (singularFor(done) ? 'appliquée' : 'appliquées') : singularFor(done) ? 'simulée' : 'simulées'} sur ${outcomes.length}${refused ? ` ; ${countOf(refused, 'école refusée', 'écoles refusées')}, à reprendre` : ''}.`,
  );
  if (!args.apply) console.log("Rien n'a été enregistré. Relancez avec --apply pour appliquer.");
  return refused ? 1 : 0;
}
