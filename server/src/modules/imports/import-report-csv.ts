import { CSV_BOM, csvLine } from '../mailings';
import type { StoredImportSession } from './import.service';
import type { ReportLine } from './import-report';
import { issueText } from './issue-texts';

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
 * The report of a dry run (or of an applied import) for a spreadsheet: one row per line of the
 * files, then the absent accounts, in the order of the screen; UTF-8 with BOM, `;`, French headers,
 * cells that look like formulas neutralised. It holds what the screen's report holds and nothing
 * else: the file's rows and the accounts of the école the dry run matched them to.
 */
export function importReportCsv(session: StoredImportSession): string {
  return CSV_BOM + csvLine(REPORT_CSV_HEADER) + session.report.lines.map((line) => csvLine(row(line))).join('');
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
