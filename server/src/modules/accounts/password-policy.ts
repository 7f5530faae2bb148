import { randomInt } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Bilingual } from '../../platform/errors/app-error';

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;

export const passwordRuleText: Bilingual = {
  fr: 'Au moins 8 caractères, dont une minuscule, une majuscule et un chiffre ou un caractère spécial. Évitez les mots de passe courants.',
  en: 'At least 8 characters, with a lower-case letter, an upper-case letter and a digit or a special character. Avoid common passwords.',
};

let denyList: Set<string> | undefined;

/** Common passwords (lower-cased), shipped with the server. */
function commonPasswords(): Set<string> {
  denyList ??= new Set(
    readFileSync(join(__dirname, 'common-passwords.txt'), 'utf8')
      .split('\n')
      .map((line) => line.trim().toLowerCase())
      .filter(Boolean),
  );
  return denyList;
}

/** The problems with a candidate password, in both languages; empty when it is acceptable. */
export function passwordProblems(password: string): Bilingual[] {
  const problems: Bilingual[] = [];
  if (password.length < PASSWORD_MIN) {
    problems.push({ fr: 'Le mot de passe doit contenir au moins 8 caractères.', en: 'The password must have at least 8 characters.' });
  }
  if (password.length > PASSWORD_MAX) {
    problems.push({ fr: 'Le mot de passe doit contenir au plus 128 caractères.', en: 'The password must have at most 128 characters.' });
  }
  if (!/\p{Ll}/u.test(password)) problems.push({ fr: 'Ajoutez une lettre minuscule.', en: 'Add a lower-case letter.' });
  if (!/\p{Lu}/u.test(password)) problems.push({ fr: 'Ajoutez une lettre majuscule.', en: 'Add an upper-case letter.' });
  if (!/[^\p{L}]/u.test(password)) {
    problems.push({ fr: 'Ajoutez un chiffre ou un caractère spécial.', en: 'Add a digit or a special character.' });
  }
  if (commonPasswords().has(password.toLowerCase())) {
    problems.push({ fr: 'Ce mot de passe est trop courant : choisissez-en un autre.', en: 'This password is too common: choose another one.' });
  }
  return problems;
}

/** A random password that satisfies the rule, for the operator CLI (shown once). */
export function randomPassword(length = 16): string {
  const lower = 'abcdefghjkmnpqrstuvwxyz';
  const upper = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
  const digits = '23456789';
  const all = lower + upper + digits + '-_.!';
  const pick = (set: string) => set[randomInt(set.length)];
  const chars = [pick(lower), pick(upper), pick(digits)];
  while (chars.length < length) chars.push(pick(all));
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j], chars[i]];
  }
  return chars.join('');
}
