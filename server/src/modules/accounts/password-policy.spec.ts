import { describe, expect, it } from 'vitest';
import { passwordProblems, randomPassword } from './password-policy';

const french = (password: string) => passwordProblems(password).map((problem) => problem.fr);

describe('passwordProblems', () => {
  it('should accept a password meeting every rule', () => {
    expect(passwordProblems('Tartine-du-matin')).toEqual([]);
    expect(passwordProblems('Cartable2026')).toEqual([]);
  });

  it('should list every broken rule at once, in French and in English', () => {
    expect(french('abc')).toEqual([
      'Le mot de passe doit contenir au moins 8 caractères.',
      'Ajoutez une lettre majuscule.',
      'Ajoutez un chiffre ou un caractère spécial.',
    ]);
    expect(passwordProblems('abc')[0].en).toBe('The password must have at least 8 characters.');
  });

  it('should accept a special character instead of a digit, accented letters included', () => {
    expect(passwordProblems('Éléphant!rose')).toEqual([]);
  });

  it('should refuse more than 128 characters', () => {
    expect(french(`Aa1${'x'.repeat(126)}`)).toEqual(['Le mot de passe doit contenir au plus 128 caractères.']);
  });

  it('should refuse common passwords whatever the case', () => {
    expect(french('Azerty123')).toEqual(['Ce mot de passe est trop courant : choisissez-en un autre.']);
    expect(french('Motdepasse1')).toContain('Ce mot de passe est trop courant : choisissez-en un autre.');
    expect(french('Password1')).toContain('Ce mot de passe est trop courant : choisissez-en un autre.');
  });
});

describe('randomPassword', () => {
  it('should always satisfy the rule', () => {
    for (let i = 0; i < 200; i++) expect(passwordProblems(randomPassword())).toEqual([]);
  });
});
