import type { Lang } from '../../platform/errors/messages';
import { singularFor } from '../../platform/text/french';
import type { ImportIssue } from './parsed-file';

/**
 * The report's messages, translated when read. `{name}` takes the issue's params; `{name|one|many}`
 * agrees with the count `name` (French singular below 2, English for 1 only; plural when the param is
 * absent, as in reports stored before it was). `CODE.value` is the text of CODE when its `refinedBy`
 * param has that value: the noun it names sets the agreement of the rest.
 */
const texts: Record<string, Record<Lang, string>> = {
  COLUMN_MISSING: { fr: 'Colonne « {column} » absente : vérifiez l\'extraction.', en: 'Column « {column} » is missing: check the extraction.' },
  VALUE_MISSING: { fr: 'Ligne {line} : « {column} » est vide ; la ligne est ignorée.', en: 'Line {line}: « {column} » is empty; the line is skipped.' },
  DATE_INVALID: { fr: 'Ligne {line} : date « {value} » illisible (attendu JJ/MM/AAAA).', en: 'Line {line}: date « {value} » cannot be read (expected DD/MM/YYYY).' },
  EMAIL_INVALID: { fr: 'Ligne {line} : adresse courriel « {value} » invalide, non reprise.', en: 'Line {line}: e-mail address « {value} » is invalid and not used.' },
  INE_MISSING: { fr: 'Ligne {line} : élève sans INE (reconnu par nom, prénom et date de naissance).', en: 'Line {line}: pupil without INE (matched by last name, first name and birth date).' },
  INE_TWICE: { fr: 'Ligne {line} : l\'INE {ine} figure déjà plus haut dans le fichier.', en: 'Line {line}: INE {ine} already appears earlier in the file.' },
  TRANSFER_FROM: { fr: 'Ligne {line} : élève inscrit dans l\'école « {school} » ; il change d\'école en gardant son identifiant et son mot de passe.', en: 'Line {line}: pupil enrolled at « {school} »; they move école keeping their login and password.' },
  TRANSFER_FROM_ELSEWHERE: { fr: 'Ligne {line} : élève inscrit dans une autre école du département ; il change d\'école en gardant son identifiant et son mot de passe.', en: 'Line {line}: pupil enrolled in another école of the département; they move keeping their login and password.' },
  HOMONYM_ACCOUNTS: { fr: 'Ligne {line} : plusieurs comptes correspondent ; choisissez le bon avant d\'appliquer.', en: 'Line {line}: several accounts match; choose the right one before applying.' },
  HOMONYM_LINES: { fr: 'Ligne {line} : un homonyme (même nom, prénom et date de naissance) figure sur une autre ligne.', en: 'Line {line}: a namesake (same names and birth date) is on another line.' },
  CHILD_NOT_FOUND: { fr: 'Ligne {line} : responsable d\'un élève non retrouvé ({child}).', en: 'Line {line}: guardian of a pupil who was not found ({child}).' },
  CHILD_AMBIGUOUS: { fr: 'Ligne {line} : plusieurs élèves s\'appellent {child} ; le lien n\'est pas créé.', en: 'Line {line}: several pupils are called {child}; the link is not made.' },
  GUARDIAN_WITHOUT_CHILD: { fr: 'Ligne {line} : responsable sans élève.', en: 'Line {line}: guardian without a pupil.' },
  GUARDIAN_WITHOUT_EMAIL: { fr: 'Ligne {line} : responsable sans adresse courriel (fiche de connexion à imprimer).', en: 'Line {line}: guardian without an e-mail address (print their connection sheet).' },
  SAME_ADDRESS_PROPOSAL: { fr: 'Ligne {line} : un responsable du même nom habite à la même adresse ; confirmez s\'il s\'agit de la même personne.', en: 'Line {line}: a guardian with the same name lives at the same address; confirm whether it is the same person.' },
  SAME_ADDRESS_ROW: { fr: 'Ligne {line} : même nom et même adresse que la ligne {other} ; deux comptes seront créés sauf confirmation.', en: 'Line {line}: same name and address as line {other}; two accounts will be created unless confirmed.' },
  'KEPT_USER_VALUE.email': { fr: 'Ligne {line} : adresse électronique choisie par la personne à l\'activation, conservée.', en: 'Line {line}: e-mail address chosen by the person at activation, kept.' },
  'KEPT_USER_VALUE.mobile': { fr: 'Ligne {line} : téléphone portable choisi par la personne à l\'activation, conservé.', en: 'Line {line}: mobile phone number chosen by the person at activation, kept.' },
  KEPT_USER_VALUE: { fr: 'Ligne {line} : coordonnée choisie par la personne à l\'activation, conservée.', en: 'Line {line}: contact detail chosen by the person at activation, kept.' },
  CLASS_TWO_LABELS: { fr: 'La classe {id} est écrite de plusieurs façons : {labels}.', en: 'Class {id} is written several ways: {labels}.' },
  CLASS_WITHOUT_ID: { fr: 'Classe « {name} » sans identifiant ONDE : reconnue par son libellé.', en: 'Class « {name} » has no ONDE id: matched by its label.' },
  LEAVER: { fr: 'Absent du fichier : pré-supprimé dans 14 jours, puis supprimé 76 jours plus tard, s\'il ne revient pas dans un import.', en: 'Absent from the file: pre-deleted in 14 days, then deleted 76 days later, unless a later import lists them again.' },
  LEAVER_ELSEWHERE: { fr: 'Absent du fichier mais inscrit dans une autre école : le compte est conservé.', en: 'Absent from the file but enrolled in another école: the account is kept.' },
  LEAVER_CHILD_REMAINS: { fr: 'Absent du fichier, mais un de ses enfants reste inscrit : le compte est conservé.', en: 'Absent from the file, but one of their children remains enrolled: the account is kept.' },
  LEAVERS_NO_PUPIL_FILE: { fr: 'Sans fichier des élèves, aucun départ n\'est proposé.', en: 'Without the pupils\' file, no leavers are proposed.' },
  LEAVERS_FEW_ROWS: { fr: 'Le fichier compte {rows} {rows|élève|élèves} pour {pupils} {pupils|inscrit|inscrits} : moins de la moitié, il est traité comme partiel et aucun départ n\'est proposé.', en: 'The file lists {rows} {rows|pupil|pupils} for {pupils} enrolled: less than half, so it is treated as partial and no leavers are proposed.' },
  LEAVERS_CLASSES_MISSING: { fr: 'Le fichier ne contient aucun élève {count|de la classe|des classes} {classes} : il est traité comme partiel et aucun départ n\'est proposé.', en: 'The file holds no pupil of the {count|class|classes} {classes}: it is treated as partial and no leavers are proposed.' },
};

/** The param whose value picks a code's text (`CODE.value`), for the codes that have several. */
const refinedBy: Record<string, string> = { KEPT_USER_VALUE: 'field' };

const singular: Record<Lang, (count: number) => boolean> = { fr: singularFor, en: (count) => count === 1 };

export function issueText(issue: ImportIssue, lang: Lang): string {
  const params: Record<string, string | number> = { line: issue.line ?? '', ...issue.params };
  const refiner = refinedBy[issue.code];
  const entry = (refiner && texts[`${issue.code}.${params[refiner]}`]) || texts[issue.code];
  const template = entry?.[lang] ?? issue.code;
  return template.replace(/\{(\w+)(?:\|([^|}]*)\|([^}]*))?\}/g, (_, name: string, one?: string, many?: string) => {
    if (one === undefined) return String(params[name] ?? '');
    const value = params[name];
    return typeof value === 'number' && singular[lang](value) ? one : (many ?? '');
  });
}

export const issueCodes = [...new Set(Object.keys(texts).map((key) => key.split('.')[0]))];
