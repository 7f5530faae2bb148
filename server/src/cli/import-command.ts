import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { DataSource } from 'typeorm';
import { importFileKindLabel, importRefusals, MAX_FILE_BYTES, type UploadedFile } from '../modules/imports';
import type { Actor } from '../platform/auth/actor';
import { loadActor } from '../platform/auth/actor-loader';
import type { Services } from '../platform/context/services';
import { AppError } from '../platform/errors/app-error';
import { countOf } from '../platform/text/french';

export const importUsage = `  npm run admin -- import <fichier…> --ecole <UAI> [--apply] [--confirmer-absents N] [--par <identifiant>]
      Simule l'import des fichiers ONDE « Élèves » et/ou « Responsables » (ou du modèle Préau) dans
      l'école de cet UAI et affiche les totaux ; avec --apply, l'applique ensuite. --confirmer-absents :
      le nombre de comptes « Absent du fichier » quand Préau demande de le taper. L'import est fait au
      nom de l'opérateur --par (par défaut le premier compte opérateur).`;

const OPTIONS_WITH_VALUE = ['--ecole', '--confirmer-absents', '--par'];

export interface ImportArgs {
  files: string[];
  uai: string;
  apply: boolean;
  confirmLeavers: number | null;
  operatorLogin: string | null;
}

/** The command line of `import`, or a French usage error. */
export function parseImportArgs(args: string[]): ImportArgs | string {
  const files: string[] = [];
  const values = new Map<string, string>();
  let apply = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--apply') apply = true;
    else if (OPTIONS_WITH_VALUE.includes(arg)) {
      if (!args[i + 1] || args[i + 1].startsWith('--')) return `Il manque la valeur de ${arg}.`;
      values.set(arg, args[++i]);
    } else if (arg.startsWith('--')) return `Option inconnue « ${arg} ».`;
    else files.push(arg);
  }
  if (files.length === 0) return 'Il manque les fichiers : npm run admin -- import <fichier…> --ecole <UAI>';
  const uai = values.get('--ecole');
  if (!uai) return "Il manque l'école : --ecole <UAI>";
  const typed = values.get('--confirmer-absents');
  if (typed !== undefined && !/^\d+$/.test(typed)) return `--confirmer-absents attend un nombre, pas « ${typed} ».`;
  return { files, uai, apply, confirmLeavers: typed === undefined ? null : Number(typed), operatorLogin: values.get('--par') ?? null };
}

/**
 * One line rewritten in place on a terminal, with its percentage; piped (a log), a line at each
 * tenth rather than one per account.
 */
export class ProgressLine {
  private readonly started = Date.now();
  private readonly tty = process.stderr.isTTY;
  private shown = '';

  step(index: number, total: number, text: string): void {
    const width = 20;
    const percent = total ? Math.floor((100 * index) / total) : 100;
    const key = this.tty ? `${percent}|${text}` : `${Math.floor(percent / 10)}|${text}`;
    if (key === this.shown) return;
    this.shown = key;
    const done = Math.round((width * percent) / 100);
    const line = `[${'#'.repeat(done)}${'.'.repeat(width - done)}] ${String(percent).padStart(3)} % (${index}/${total}) ${text} (${((Date.now() - this.started) / 1000).toFixed(1)} s)`;
    if (this.tty) process.stderr.write(`\r\x1b[2K${line}`);
    else process.stderr.write(`${line}\n`);
  }

  end(): void {
    if (this.tty) process.stderr.write('\n');
    this.shown = '';
  }
}

export async function operator(db: DataSource, login: string | null): Promise<Actor> {
  const [row] = (await db.query(
    `SELECT u.id FROM app_user u JOIN admin_function f ON f.user_id = u.id AND f.function = 'OPERATOR'
      WHERE $1::text IS NULL OR u.login = lower($1::text) ORDER BY u.created_at, u.id LIMIT 1`,
    [login],
  )) as { id: string }[];
  const actor = row ? await loadActor(db, row.id) : null;
  if (!actor) {
    throw AppError.badInput({
      fr: login ? `« ${login} » n'est pas un compte opérateur actif.` : "Aucun compte opérateur : créez-en un avec « npm run admin -- create-operator <identifiant> ».",
      en: login ? `"${login}" is not an active operator account.` : 'No operator account: create one with "npm run admin -- create-operator <login>".',
    });
  }
  return actor;
}

export async function schoolByUai(db: DataSource, uai: string): Promise<{ id: string; name: string }> {
  const [row] = await db.query(`SELECT id, name FROM structure WHERE kind = 'ECOLE' AND upper(code) = upper($1)`, [uai.trim()]);
  if (!row) throw AppError.badInput({ fr: `Aucune école n'a l'UAI « ${uai} ».`, en: `No school has the UAI "${uai}".` });
  return row;
}

export async function readUploads(paths: string[]): Promise<UploadedFile[]> {
  const uploads: UploadedFile[] = [];
  for (const path of paths) {
    const name = basename(path);
    const info = await stat(path).catch(() => {
      throw AppError.badInput({ fr: `Fichier introuvable : ${path}`, en: `File not found: ${path}` });
    });
    if (info.size > MAX_FILE_BYTES) throw importRefusals.tooLarge(name);
    uploads.push({ name, bytes: await readFile(path) });
  }
  return uploads;
}

const COLUMNS = [
  ['created', 'créés'],
  ['modified', 'modifiés'],
  ['unchanged', 'inchangés'],
  ['transfers', 'transferts'],
  ['classChanges', 'chgts classe'],
  ['absent', 'absents'],
  ['toArbitrate', 'à arbitrer'],
  ['errors', 'erreurs'],
  ['warnings', 'avert.'],
] as const;
const PROFILE_LABELS: Record<string, string> = { STUDENT: 'Élèves', RELATIVE: 'Parents' };

/**
 * `npm run admin -- import`: the console's « Importer des utilisateurs » for an operator, through
 * the imports module's own services: the same dry run (stored, readable by that operator in the
 * console), its totals, then with --apply the same « Appliquer ».
 */
export async function runImport(services: Services, db: DataSource, publicUrl: string, args: ImportArgs): Promise<number> {
  const progress = new ProgressLine();
  const steps = 2;
  const actor = await operator(db, args.operatorLogin);
  const school = await schoolByUai(db, args.uai);
  progress.step(0, steps, `Lecture de ${countOf(args.files.length, 'fichier', 'fichiers')}…`);
  const uploads = await readUploads(args.files);
  progress.step(1, steps, `Simulation pour ${school.name}…`);
  const sessionId = await services.imports.dryRun(actor, school.id, uploads);
  const session = await services.imports.session(actor, sessionId);
  progress.step(2, steps, 'Simulation terminée.');
  progress.end();

  const { report } = session;
  for (const file of report.files) {
    const kind = importFileKindLabel[file.kind]?.fr ?? file.kind;
    console.log(`${file.fileName} : ${kind}, ${file.encoding} (${file.samples.join(', ') || 'aucun nom accentué'}), ${countOf(file.rows, 'ligne', 'lignes')}`);
  }
  const widths = COLUMNS.map(([, label]) => Math.max(label.length, 5));
  console.log(['profil   ', ...COLUMNS.map(([, label], i) => label.padStart(widths[i]))].join(' '));
  for (const totals of report.totals) {
    console.log([(PROFILE_LABELS[totals.profile] ?? totals.profile).padEnd(9), ...COLUMNS.map(([key], i) => String(totals[key]).padStart(widths[i]))].join(' '));
  }
  if (report.leavers?.withheld) console.log('Absents du fichier : aucun proposé (fichier partiel).');
  console.log(`Rapport : ${publicUrl}/admin/importer-des-utilisateurs?simulation=${sessionId} (compte ${actor.login})`);
  if (!args.apply) {
    console.log('Rien n\'a été enregistré. Relancez avec --apply pour appliquer.');
    return 0;
  }

  const applying = new ProgressLine();
  const outcome = await services.importApply.apply(actor, sessionId, [], args.confirmLeavers, null, (phase, done, total) =>
    applying.step(done, total, phase === 'APPLIED' ? 'Import appliqué.' : phase === 'CHECKING' ? 'Vérification…' : 'Application…'),
  );
  applying.end();
  console.log(
    `Comptes créés : ${outcome.created}, modifiés : ${outcome.modified}, transferts : ${outcome.transfers}, absents du fichier : ${outcome.leavers}, classes créées : ${outcome.classesCreated}, renommées : ${outcome.classesRenamed}`,
  );
  return 0;
}
