import { describe, expect, it } from 'vitest';
import { issueText } from './issue-texts';
import type { ImportIssue } from './parsed-file';

const both = (issue: ImportIssue) => ({ fr: issueText(issue, 'fr'), en: issueText(issue, 'en') });

describe('the report’s messages', () => {
  it('names the value kept by its noun, and agrees with it', () => {
    expect(both({ code: 'KEPT_USER_VALUE', line: 2, params: { field: 'email' } })).toEqual({
      fr: "Ligne 2 : adresse électronique choisie par la personne à l'activation, conservée.",
      en: 'Line 2: e-mail address chosen by the person at activation, kept.',
    });
    expect(both({ code: 'KEPT_USER_VALUE', line: 5, params: { field: 'mobile' } })).toEqual({
      fr: "Ligne 5 : téléphone portable choisi par la personne à l'activation, conservé.",
      en: 'Line 5: mobile phone number chosen by the person at activation, kept.',
    });
  });

  it('agrees with the number of classes missing from the file (plural in a report stored without it)', () => {
    expect(both({ code: 'LEAVERS_CLASSES_MISSING', params: { classes: 'CP A', count: 1 } })).toEqual({
      fr: "Le fichier ne contient aucun élève de la classe CP A : il est traité comme partiel et aucun départ n'est proposé.",
      en: 'The file holds no pupil of the class CP A: it is treated as partial and no leavers are proposed.',
    });
    expect(both({ code: 'LEAVERS_CLASSES_MISSING', params: { classes: 'CE1, CP A', count: 2 } })).toEqual({
      fr: "Le fichier ne contient aucun élève des classes CE1, CP A : il est traité comme partiel et aucun départ n'est proposé.",
      en: 'The file holds no pupil of the classes CE1, CP A: it is treated as partial and no leavers are proposed.',
    });
    expect(issueText({ code: 'LEAVERS_CLASSES_MISSING', params: { classes: 'CE1, CP A' } }, 'fr')).toContain('aucun élève des classes CE1, CP A :');
  });

  it('agrees with the counts of a partial file', () => {
    expect(both({ code: 'LEAVERS_FEW_ROWS', params: { rows: 1, pupils: 40 } })).toEqual({
      fr: "Le fichier compte 1 élève pour 40 inscrits : moins de la moitié, il est traité comme partiel et aucun départ n'est proposé.",
      en: 'The file lists 1 pupil for 40 enrolled: less than half, so it is treated as partial and no leavers are proposed.',
    });
    expect(issueText({ code: 'LEAVERS_FEW_ROWS', params: { rows: 0, pupils: 1 } }, 'en')).toMatch(/^The file lists 0 pupils for 1 enrolled:/);
  });

  it('says in English too that a pupil without INE is matched by last name, first name and birth date', () => {
    expect(both({ code: 'INE_MISSING', line: 6 })).toEqual({
      fr: 'Ligne 6 : élève sans INE (reconnu par nom, prénom et date de naissance).',
      en: 'Line 6: pupil without INE (matched by last name, first name and birth date).',
    });
  });

  it('names the école a pupil comes from as a name, even one starting with « École »', () => {
    expect(both({ code: 'TRANSFER_FROM', line: 3, params: { school: 'École Jules Ferry' } })).toEqual({
      fr: "Ligne 3 : élève inscrit dans l'école « École Jules Ferry » ; il change d'école en gardant son identifiant et son mot de passe.",
      en: 'Line 3: pupil enrolled at « École Jules Ferry »; they move école keeping their login and password.',
    });
  });
});
