import { describe, expect, it } from 'vitest';
import { FormErrors } from './form-errors';

const fields = [
  { name: 'login', inputId: 'login-input', labelKey: 'forms.login' },
  { name: 'password', inputId: 'password-input', labelKey: 'forms.password' },
];

describe('FormErrors', () => {
  it('shows every error at once: the summary links each field in the form\'s order, unknown fields too', () => {
    const errors = new FormErrors(fields);
    errors.show({ message: 'Le formulaire contient des erreurs.', fields: { other: 'Autre erreur', password: 'Trop court', login: 'Inconnu' } });
    expect(errors.message()).toBe('Le formulaire contient des erreurs.');
    expect(errors.summaryItems()).toEqual([
      { inputId: 'login-input', labelKey: 'forms.login', message: 'Inconnu' },
      { inputId: 'password-input', labelKey: 'forms.password', message: 'Trop court' },
      { inputId: null, labelKey: null, message: 'Autre erreur' },
    ]);
    expect(errors.firstInvalidInputId()).toBe('login-input');
  });

  it('describes a field by its hints, then its message only while it has one, and marks it invalid', () => {
    const errors = new FormErrors(fields);
    expect(errors.describedBy('password', 'password-rule')).toBe('password-rule');
    expect(errors.describedBy('password')).toBeNull();
    expect(errors.invalid('password')).toBeNull();
    errors.show({ message: 'Erreur', fields: { password: 'Trop court' } });
    expect(errors.describedBy('password', 'password-rule')).toBe('password-rule password-input-error');
    expect(errors.invalid('password')).toBe(true);
    expect(errors.of('login')).toBeNull();
  });

  it('clears everything, and a message without fields has an empty summary list', () => {
    const errors = new FormErrors(fields);
    errors.show({ message: 'Serveur injoignable', fields: {} });
    expect(errors.summaryItems()).toEqual([]);
    errors.show({ message: 'Erreur', fields: { login: 'Inconnu' } });
    errors.clear();
    expect(errors.message()).toBeNull();
    expect(errors.summaryItems()).toEqual([]);
    expect(errors.firstInvalidInputId()).toBeNull();
  });
});
