import { describe, expect, it } from 'vitest';
import { applyRefusal } from './import-apply-errors';
import { refuse } from './import-refusals';
import { ImportFileKind } from './parsed-file';

describe('refusals of an import, in French and English', () => {
  it('agrees with the number of accounts « Absent du fichier »', () => {
    expect(applyRefusal.confirmLeavers(1).text).toEqual({
      fr: '1 compte sera marqué « Absent du fichier » : saisissez ce nombre (1) pour confirmer.',
      en: '1 account will be marked « Absent du fichier »: type that number (1) to confirm.',
    });
    expect(applyRefusal.confirmLeavers(12).text).toEqual({
      fr: '12 comptes seront marqués « Absent du fichier » : saisissez ce nombre (12) pour confirmer.',
      en: '12 accounts will be marked « Absent du fichier »: type that number (12) to confirm.',
    });
  });

  it('names a bad choice’s line by who is on it and its file, never by a profile code', () => {
    expect(applyRefusal.badResolution('STUDENT', 6, 'eleves.csv').text).toEqual({
      fr: "Le choix pour l'élève de la ligne 6 du fichier « eleves.csv » ne correspond à aucun des comptes proposés par le rapport.",
      en: 'The choice for the pupil on line 6 of « eleves.csv » is none of the accounts the report proposes.',
    });
    expect(applyRefusal.badResolution('RELATIVE', 4, null).text).toEqual({
      fr: 'Le choix pour le responsable de la ligne 4 ne correspond à aucun des comptes proposés par le rapport.',
      en: 'The choice for the guardian on line 4 is none of the accounts the report proposes.',
    });
    expect(applyRefusal.badResolution('TEACHER', 9, null).text.fr).toBe('Le choix pour la ligne 9 ne correspond à aucun des comptes proposés par le rapport.');
  });

  it('names the kinds of two files that fill the same role', () => {
    expect(refuse.sameKindTwice([ImportFileKind.ONDE_PUPILS, ImportFileKind.PREAU_PUPILS]).text).toEqual({
      fr: 'Deux fichiers des élèves (ONDE « Élèves » et modèle Préau) : déposez-en un seul.',
      en: "Two pupils' files (ONDE « Élèves » and Préau template): drop only one.",
    });
    expect(refuse.sameKindTwice([ImportFileKind.PREAU_PUPILS, ImportFileKind.PREAU_PUPILS]).text).toEqual({
      fr: 'Deux fichiers du même type (modèle Préau) : déposez-en un seul.',
      en: 'Two files of the same kind (Préau template): drop only one.',
    });
  });

  it('says a file is not CSV at a line in French, with one full stop', () => {
    expect(refuse.unreadable('eleves.csv', 12).text).toEqual({
      fr: "Le fichier « eleves.csv » est illisible : le format CSV n'est pas respecté à la ligne 12.",
      en: 'The file "eleves.csv" cannot be read: it is not valid CSV at line 12.',
    });
  });
});
