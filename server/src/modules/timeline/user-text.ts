import { AppError, Bilingual } from '../../platform/errors/app-error';
import { FormErrors } from '../accounts';

/**
 * User text is stored as typed and always rendered as text by the clients; here only sizes and
 * links are checked. Control characters (but new lines and tabs) are removed.
 */
export function cleanText(value: string | null | undefined): string {
  return (value ?? '').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '').trim();
}

export function requireText(errors: FormErrors, field: string, value: string, max: number, label: Bilingual): void {
  if (!value) errors.add(field, { fr: `${label.fr} est obligatoire.`, en: `${label.en} is required.` });
  else if ([...value].length > max) errors.add(field, { fr: `${label.fr} doit faire au plus ${max} caractères.`, en: `${label.en} must have at most ${max} characters.` });
}

/** Only http(s) links: `javascript:`, `data:` and the like are refused. */
export function checkLink(errors: FormErrors, field: string, value: string | null | undefined): string | null {
  const link = cleanText(value);
  if (!link) return null;
  let url: URL | undefined;
  try {
    url = new URL(link);
  } catch {
    url = undefined;
  }
  if (!url || !['http:', 'https:'].includes(url.protocol) || link.length > 500) {
    errors.add(field, { fr: 'Le lien doit être une adresse web commençant par http:// ou https:// (500 caractères au plus).', en: 'The link must be a web address starting with http:// or https:// (500 characters at most).' });
    return null;
  }
  return url.toString();
}

export function notAllowedToPublish(): AppError {
  return new AppError('NOT_ALLOWED', { fr: 'Vous ne pouvez publier que dans vos classes ou dans votre école.', en: 'You can only publish to your classes or to your school.' });
}

export function pupilsPublishToTheirClass(): AppError {
  return new AppError('NOT_ALLOWED', { fr: 'Un élève publie seulement dans sa classe : choisissez-la comme destinataire.', en: 'A pupil only publishes to their class: choose it as the audience.' });
}
