import { capitalise, countOf } from '../../platform/text/french';
import { CSV_BOM, csvLine } from '../mailings';
import type { StoredImportSession } from './import.service';
import type { ImportReport, ProfileTotals, ReportLine } from './import-report';
import { issueText } from './issue-texts';
import { kindLabel } from './parsed-file';

const PROFILES: Record<string, string> = { STUDENT: 'Élève', RELATIVE: 'Parent' };
const OPERATIONS: Record<string, string> = {
  CREATE: 'Créé',
  UPDATE: 'Modifié',
  UNCHANGED: 'Inchangé',
  TRANSFER: 'Transfert',
  ARBITRATE: 'À arbitrer',
  ABSENT: 'Absent du fichier',
  ERROR: 'Erreur',
};
const RULES: Record<string, string> = {
  INE: 'INE',
  EXTERNAL_ID: 'Identifiant externe',
  NAME_BIRTH_DATE: 'Nom, prénom et date de naissance',
  SHARED_CHILD: 'Même nom et un enfant en commun',
  NAME_EMAIL: 'Même nom et même adresse électronique',
  NAME_MOBILE: 'Même nom et même téléphone portable',
  SAME_FILE: 'Même responsable plus haut dans le fichier',
  NEW: 'Nouveau compte',
};
const FIELDS: Record<string, string> = {
  lastName: 'Nom',
  firstName: 'Prénom',
  birthDate: 'Date de naissance',
  ine: 'INE',
  class: 'Classe',
  absent: 'Absent du fichier',
  email: 'Adresse électronique',
  mobile: 'Téléphone portable',
  child: 'Enfant',
};

const TOTALS: [keyof Omit<ProfileTotals, 'profile'>, string][] = [
  ['created', 'Créés'],
  ['modified', 'Modifiés'],
  ['unchanged', 'Inchangés'],
  ['transfers', 'Transferts'],
  ['classChanges', 'Changements de classe'],
  ['absent', 'Absents du fichier'],
  ['toArbitrate', 'À arbitrer'],
  ['errors', 'Erreurs'],
  ['warnings', 'Avertissements'],
];
const CLASS_OPERATIONS: Record<string, string> = { CREATE: 'Classe créée', RENAME: 'Classe renommée', ADOPT: 'Classe existante reprise' };
const TOTAL_PROFILES: Record<string, string> = { STUDENT: 'Élèves', RELATIVE: 'Parents' };

/** What the screen shows above the lines, in its order: the files as read, the totals, the classes, the families, the leavers. */
function summary(report: ImportReport): (string | null)[][] {
  const rows: (string | null)[][] = [["Rapport d'import", report.schoolName], []];
  rows.push(['Fichier', 'Type', 'Encodage détecté', 'Lignes', 'Noms accentués lus', 'Avertissements']);
  for (const file of report.files) {
    rows.push([file.fileName, capitalise(kindLabel[file.kind].fr), file.encoding, String(file.rows), file.samples.join(' · '), file.warnings.map((w) => issueText(w, 'fr')).join(' ; ')]);
  }
  rows.push([], ["Ce que ferait l'import", ...report.totals.map((t) => TOTAL_PROFILES[t.profile] ?? t.profile)]);
  for (const [key, label] of TOTALS) rows.push([label, ...report.totals.map((t) => String(t[key]))]);
  const classes = report.classes.filter((plan) => plan.operation !== 'UNCHANGED');
  if (classes.length) {
    rows.push([], ['Classe', 'Opération', 'Ancien nom', 'Élèves']);
    for (const plan of classes) rows.push([plan.name, CLASS_OPERATIONS[plan.operation] ?? plan.operation, plan.oldName, String(plan.pupils)]);
  }
  const f = report.families;
  rows.push(
    [],
    ['Familles', 'Nombre'],
    ['Élèves sans responsable', String(f.pupilsWithoutGuardian)],
    ['Élèves avec un responsable', String(f.pupilsWithOneGuardian)],
    ['Élèves avec deux responsables ou plus', String(f.pupilsWithTwoOrMoreGuardians)],
    ['Responsables sans adresse électronique', String(f.guardiansWithoutEmail)],
  );
  if (report.leavers) {
    const { withheld, pupils, relatives } = report.leavers;
    const marked = `Seront marqués « Absent du fichier » (pré-supprimés 14 jours plus tard) : ${countOf(pupils, 'élève', 'élèves')} et ${countOf(relatives, 'parent', 'parents')}.`;
    rows.push([], ['Absents du fichier', withheld ? issueText(withheld, 'fr') : marked]);
  }
  rows.push([]);
  return rows;
}

export const REPORT_CSV_HEADER = ['Fichier', 'Ligne', 'Profil', 'Résultat', 'Règle appliquée', 'Nom', 'Prénom', 'Classe', 'Changement de classe', 'Changements', 'Comptes possibles', 'Messages'];

function row(line: ReportLine): (string | null)[] {
  const changes = line.changes.map((change) => `${FIELDS[change.field] ?? change.field} : ${change.old ?? '—'} → ${change.new ?? '—'}`);
  return [
    line.file,
    line.line === null ? null : String(line.line),
    PROFILES[line.profile] ?? line.profile,
    OPERATIONS[line.operation] ?? line.operation,
    line.rule ? (RULES[line.rule] ?? line.rule) : null,
    line.lastName,
    line.firstName,
    line.className,
    line.classChange ? 'Oui' : 'Non',
    changes.join(' ; '),
    line.candidates.map((candidate) => candidate.label).join(' ; '),
    line.issues.map((issue) => issueText(issue, 'fr')).join(' ; '),
  ];
}

/**
 * The report of a dry run (or of an applied import) for a spreadsheet, in the order of the screen:
 * the files as read, the totals per profile, the classes to create or rename, the families and the
 * leavers, then one row per line of the files and the absent accounts; UTF-8 with BOM, `;`, French
 * headers, cells that look like formulas neutralised. It holds what the screen's report holds and
 * nothing else: the file's rows and the accounts of the école the dry run matched them to.
 */
export function importReportCsv(session: StoredImportSession): string {
  return CSV_BOM + summary(session.report).map((cells) => csvLine(cells)).join('') + csvLine(REPORT_CSV_HEADER) + session.report.lines.map((line) => csvLine(row(line))).join('');
}

/** `rapport-import-<école>-<date>.csv`: the école in ASCII, the dry run's Paris day. */
export function importReportFileName(session: StoredImportSession): string {
  const school = session.report.schoolName
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase();
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(session.createdAt);
  return `rapport-import-${school || 'ecole'}-${day}.csv`;
}
