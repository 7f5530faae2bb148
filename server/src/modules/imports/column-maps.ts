import { headerKey } from './header-key';
import { ImportFileKind } from './parsed-file';

/** Pupil fields the import reads, by normalised header (ONDE, BE1D spellings and the Préau template). */
export const pupilColumns: Record<string, string> = {
  nomeleve: 'lastName',
  nom: 'lastName',
  nomdusageeleve: 'usageName',
  nomdusage: 'usageName',
  prenomeleve: 'firstName',
  prenom: 'firstName',
  datenaissance: 'birthDate',
  datedenaissance: 'birthDate',
  neele: 'birthDate',
  sexe: 'sex',
  ine: 'ine',
  identifiantexterne: 'externalId',
  niveau: 'level',
  libelleclasse: 'classLabel',
  classe: 'classLabel',
  classeouregroupement: 'classLabel',
  identifiantclasse: 'classId',
};

/** The guardian's own fields, before the repeated child blocks. */
export const guardianColumns: Record<string, string> = {
  civiliteresponsable: 'civility',
  nomusageresponsable: 'usageName',
  nomdusageresponsable: 'usageName',
  nomresponsable: 'lastName',
  prenomresponsable: 'firstName',
  adresseresponsable: 'address',
  cpresponsable: 'postcode',
  communeresponsable: 'town',
  courriel: 'email',
  telephoneportable: 'mobile',
};

/** The child block, repeated once per child of the guardian in the école (BE1D said « enfant »). */
export const childColumns: Record<string, string> = {
  nomdusageeleve: 'usageName',
  nomdusageenfant: 'usageName',
  nomdefamilleeleve: 'lastName',
  nomdefamilleenfant: 'lastName',
  prenomeleve: 'firstName',
  prenomenfant: 'firstName',
  classeseleves: 'classLabel',
  classesenfants: 'classLabel',
  classeeleve: 'classLabel',
  datedenaissanceeleve: 'birthDate',
  datenaissanceeleve: 'birthDate',
};

/** Which kind a header row is: the two ONDE extractions, or the Préau template. Null: none. */
export function detectKind(headers: string[]): ImportFileKind | null {
  const keys = new Set(headers.map(headerKey));
  if (keys.has('nomresponsable') || keys.has('prenomresponsable')) return ImportFileKind.ONDE_GUARDIANS;
  if (keys.has('nomeleve') && keys.has('prenomeleve')) return ImportFileKind.ONDE_PUPILS;
  if (keys.has('nom') && keys.has('prenom') && (keys.has('datedenaissance') || keys.has('identifiantexterne'))) return ImportFileKind.PREAU_PUPILS;
  return null;
}

/** Required fields per kind, with the name the refusal shows. */
export const requiredPupilFields: [field: string, label: Record<'onde' | 'preau', string>][] = [
  ['lastName', { onde: 'Nom élève', preau: 'Nom' }],
  ['firstName', { onde: 'Prénom élève', preau: 'Prénom' }],
  ['birthDate', { onde: 'Date naissance', preau: 'Date de naissance' }],
  ['classLabel', { onde: 'Libellé classe', preau: 'Classe' }],
];
