import { describe, expect, it } from 'vitest';
import { baseLogin, countersOf, firstFreeLogin, freeLogins, searchKey } from './login-generator';

describe('baseLogin', () => {
  it('should join first and last name with a dot, lower case', () => {
    expect(baseLogin('Jean', 'Dupont')).toBe('jean.dupont');
  });

  it('should strip accents and ligatures', () => {
    expect(baseLogin('Éloïse', 'Lefèvre')).toBe('eloise.lefevre');
    expect(baseLogin('Maëlys', 'Œuvray')).toBe('maelys.oeuvray');
    expect(baseLogin('Ægidia', 'Straße')).toBe('aegidia.strasse');
    expect(baseLogin('François', 'Noël')).toBe('francois.noel');
  });

  it('should transliterate letters that have no decomposed form', () => {
    expect(baseLogin('Łukasz', 'Yılmaz')).toBe('lukasz.yilmaz');
    expect(baseLogin('Søren', 'Đorđević')).toBe('soren.dordevic');
    expect(searchKey('Søren Đorđević')).toBe('soren dordevic');
  });

  it('should remove hyphens, apostrophes, spaces and other non-alphanumerics', () => {
    expect(baseLogin('Jean-Noël', "N'Diaye")).toBe('jeannoel.ndiaye');
    expect(baseLogin('Marie Anne', "D'Almeida-Da Silva")).toBe('marieanne.dalmeidadasilva');
    expect(baseLogin('Zoé (2)', 'Le Goff')).toBe('zoe2.legoff');
  });

  it('should cut each part to 30 characters', () => {
    const first = 'Marie-Christine-Bernadette-Joséphine';
    const last = 'De La Tour-Du-Pin-Chambly-De-La-Charce';
    const login = baseLogin(first, last);
    const [left, right] = login.split('.');
    expect(left).toBe('mariechristinebernadettejoseph');
    expect(left).toHaveLength(30);
    expect(right).toHaveLength(30);
    expect(right).toBe('delatourdupinchamblydelacharce'.slice(0, 30));
  });

  it('should never produce an empty part', () => {
    expect(baseLogin('---', "''")).toBe('utilisateur.ent');
    expect(baseLogin('李', 'Wang')).toBe('utilisateur.wang');
  });
});

describe('firstFreeLogin', () => {
  it('should keep the base when it is free', () => {
    expect(firstFreeLogin('jean.dupont', [])).toBe('jean.dupont');
    expect(firstFreeLogin('jean.dupont', ['jean.dupontel', 'jean.dupont2'])).toBe('jean.dupont');
  });

  it('should append a counter starting at 2 on collision', () => {
    expect(firstFreeLogin('jean.dupont', ['jean.dupont'])).toBe('jean.dupont2');
    expect(firstFreeLogin('jean.dupont', ['jean.dupont', 'jean.dupont2'])).toBe('jean.dupont3');
  });

  it('should fill the first gap and ignore names that only share the prefix', () => {
    expect(firstFreeLogin('jean.dupont', ['jean.dupont', 'jean.dupont3', 'jean.dupontel', 'jean.dupont02'])).toBe('jean.dupont2');
  });
});

describe('searchKey', () => {
  it('should lower-case, strip accents and normalise separators', () => {
    expect(searchKey('Éloïse')).toBe('eloise');
    expect(searchKey("N'Diaye")).toBe('n diaye');
    expect(searchKey('  Le   Goff-Éric ')).toBe('le goff eric');
  });
});

describe('freeLogins', () => {
  it('should give what firstFreeLogin gives for each account in turn, bases ending in digits included', () => {
    const taken = ['jean.dupont', 'jean.dupont3', 'jean.dupontel', 'jean.dupont02', 'lea.martin12', 'lea.martin1', 'lea.martin'];
    const bases = ['jean.dupont', 'jean.dupont', 'jean.dupont', 'lea.martin1', 'lea.martin', 'lea.martin', 'lea.martin1', 'jean.dupont3', 'jean.dupont'];
    const sequential: string[] = [];
    const names = [...taken];
    for (const base of bases) {
      const login = firstFreeLogin(base, names);
      sequential.push(login);
      names.push(login);
    }
    expect(freeLogins(bases, countersOf(taken))).toEqual(sequential);
    expect(new Set(sequential).size).toBe(bases.length);
  });
});
