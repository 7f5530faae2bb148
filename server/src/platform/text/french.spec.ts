import { describe, expect, it } from 'vitest';
import { capitalise, countOf, de, firstLast, joinAnd, la, lastFirst, le, schoolSubject, startsWithVowelSound, upperName } from './french';

describe('French elision', () => {
  it.each([
    ['Imrân', "d'Imrân"],
    ['Olivier', "d'Olivier"],
    ['Emma', "d'Emma"],
    ['Ulysse', "d'Ulysse"],
    ['Anaïs', "d'Anaïs"],
    ['Élodie', "d'Élodie"],
    ['Èva', "d'Èva"],
    ['Îlona', "d'Îlona"],
    ['Œdipe', "d'Œdipe"],
    ['Æsa', "d'Æsa"],
    ['ÉLISE MARTIN', "d'ÉLISE MARTIN"],
    ['élodie', "d'élodie"],
    ['Ösur', "d'Ösur"],
  ])('elides « de » before a vowel, accented or capital: %s', (name, expected) => {
    expect(de(name)).toBe(expected);
  });

  it.each([
    ['Paul', 'de Paul'],
    ['Zoé', 'de Zoé'],
    ['Babacar', 'de Babacar'],
    ['Wassim', 'de Wassim'],
    ['CE2 B', 'de CE2 B'],
    ['', 'de '],
    ['123', 'de 123'],
  ])('keeps « de » before a consonant: %s', (name, expected) => {
    expect(de(name).trimEnd()).toBe(expected.trimEnd());
  });

  it.each([
    ['Hugo', "d'Hugo"],
    ['Hélène', "d'Hélène"],
    ['Hervé', "d'Hervé"],
    ['Hector', "d'Hector"],
    ['Henri', "d'Henri"],
    ['HUGUETTE', "d'HUGUETTE"],
  ])('treats h as muet by default: %s', (name, expected) => {
    expect(de(name)).toBe(expected);
  });

  it.each([
    ['Hamza', 'de Hamza'],
    ['Harry', 'de Harry'],
    ['Heidi', 'de Heidi'],
    ['HASSAN', 'de HASSAN'],
  ])('keeps « de » before the listed h aspiré names: %s', (name, expected) => {
    expect(de(name)).toBe(expected);
  });

  it.each([
    ['Yves', "d'Yves"],
    ['Yvonne', "d'Yvonne"],
    ['Yann', 'de Yann'],
    ['Yasmine', 'de Yasmine'],
    ['Yohan', 'de Yohan'],
  ])('reads y as a vowel before a consonant only: %s', (name, expected) => {
    expect(de(name)).toBe(expected);
  });

  it('keeps particles: « de La Fontaine », « de d’Artagnan », never « de de »', () => {
    expect(de('La Fontaine')).toBe('de La Fontaine');
    expect(de("d'Artagnan")).toBe("de d'Artagnan");
    expect(de('de La Fontaine')).toBe('de La Fontaine');
    expect(de('de Gaulle')).toBe('de Gaulle');
    expect(de('Jean de La Fontaine')).toBe('de Jean de La Fontaine');
    expect(de('Du Bellay')).toBe('de Du Bellay');
  });

  it('elides « le » and « la »', () => {
    expect(la('école')).toBe("l'école");
    expect(la('classe')).toBe('la classe');
    expect(le('Hôtel')).toBe("l'Hôtel");
    expect(le('CP')).toBe('le CP');
    expect(la('Hollande')).toBe('la Hollande');
  });

  it('ignores leading spaces and quotes', () => {
    expect(startsWithVowelSound('  Emma')).toBe(true);
    expect(startsWithVowelSound('« Arc-en-ciel »')).toBe(true);
    expect(de('  Olivier ')).toBe("d'Olivier");
  });

  it('capitalises the start of a sentence', () => {
    expect(capitalise("d'Imrân")).toBe("D'Imrân");
    expect(capitalise('élodie')).toBe('Élodie');
  });
});

describe('names and lists', () => {
  it('writes last names in capitals with their accents, whatever the database', () => {
    expect(upperName('Prévost')).toBe('PRÉVOST');
    expect(upperName('François')).toBe('FRANÇOIS');
    expect(upperName("L'Hôte")).toBe("L'HÔTE");
    expect(upperName('Lœuvre')).toBe('LŒUVRE');
    expect(firstLast('Imrân', 'Prévost')).toBe('Imrân PRÉVOST');
    expect(lastFirst('Imrân', "l'Hôte")).toBe("L'HÔTE Imrân");
    expect(firstLast('', 'Prévost')).toBe('PRÉVOST');
  });

  it('joins with « et »', () => {
    expect(joinAnd([])).toBe('');
    expect(joinAnd(['A'])).toBe('A');
    expect(joinAnd(['A', 'B'])).toBe('A et B');
    expect(joinAnd(['A', 'B', 'C'])).toBe('A, B et C');
  });

  it('never writes « L’école École… »', () => {
    expect(schoolSubject('École élémentaire Jules Ferry')).toBe('École élémentaire Jules Ferry');
    expect(schoolSubject('Ecole maternelle Pasteur')).toBe('Ecole maternelle Pasteur');
    expect(schoolSubject('école Jean Jaurès')).toBe('École Jean Jaurès');
    expect(schoolSubject('Groupe scolaire Victor Hugo')).toBe('Groupe scolaire Victor Hugo');
    expect(schoolSubject('Jules Ferry')).toBe("L'école Jules Ferry");
    expect(schoolSubject('Écoliers du Monde')).toBe("L'école Écoliers du Monde");
  });
});

describe('French agreement with a count', () => {
  it('takes the singular below 2', () => {
    expect([0, 1, 2, 31].map((n) => countOf(n, 'élève', 'élèves'))).toEqual(['0 élève', '1 élève', '2 élèves', '31 élèves']);
  });
});
