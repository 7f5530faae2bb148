import { AppError, Bilingual } from '../../platform/errors/app-error';
import { passwordProblems } from './password-policy';

const emailPattern = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[a-z]{2,}$/i;
const mobilePattern = /^\+?[0-9][0-9 .-]{7,18}[0-9]$/;

/** Collects every problem of a form, so the page shows them all at once. */
export class FormErrors {
  private readonly fields: Record<string, Bilingual> = {};

  add(field: string, message: Bilingual): void {
    this.fields[field] ??= message;
  }

  get empty(): boolean {
    return Object.keys(this.fields).length === 0;
  }

  throwIfAny(): void {
    if (this.empty) return;
    throw AppError.badInput({ fr: 'Le formulaire contient des erreurs : corrigez les champs signalés.', en: 'The form has errors: fix the fields shown.' }, this.fields);
  }
}

export function checkNewPassword(errors: FormErrors, password: string, confirmation: string): void {
  const problems = passwordProblems(password);
  if (problems.length) {
    errors.add('password', { fr: problems.map((p) => p.fr).join(' '), en: problems.map((p) => p.en).join(' ') });
  }
  if (password !== confirmation) {
    errors.add('passwordConfirmation', { fr: 'Les deux mots de passe ne sont pas identiques.', en: 'The two passwords differ.' });
  }
}

export function normaliseEmail(errors: FormErrors, value: string | null | undefined, required: boolean): string | null {
  const email = (value ?? '').trim();
  if (!email) {
    if (required) errors.add('email', { fr: 'Indiquez une adresse électronique : elle servira si vous oubliez votre mot de passe.', en: 'Enter an e-mail address: it is used if you forget your password.' });
    return null;
  }
  if (email.length > 254 || !emailPattern.test(email)) {
    errors.add('email', { fr: "Cette adresse électronique n'est pas valide (exemple : prenom.nom@exemple.fr).", en: 'This e-mail address is not valid (example: first.last@example.org).' });
    return null;
  }
  return email.toLowerCase();
}

export function normaliseMobile(errors: FormErrors, value: string | null | undefined): string | null {
  const mobile = (value ?? '').trim();
  if (!mobile) return null;
  if (!mobilePattern.test(mobile)) {
    errors.add('mobile', { fr: "Ce numéro de téléphone n'est pas valide (exemple : 06 12 34 56 78).", en: 'This phone number is not valid (example: +33 6 12 34 56 78).' });
    return null;
  }
  return mobile.replace(/[ .-]/g, '');
}
