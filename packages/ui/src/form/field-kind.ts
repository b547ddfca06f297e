import type { ConnectorField } from '@connector-kit/core';
import type { HTMLAttributes } from 'react';
import { listOptions } from './ListField.tsx';

/** How a field is rendered. Unknown types are text, as the API asks; a list without choices is text too. */
export type FieldKind = 'text' | 'password' | 'date' | 'list';

export function fieldKind(field: ConnectorField): FieldKind {
  switch (field.type) {
    case 'password':
      return 'password';
    case 'date':
      return 'date';
    case 'list':
      return listOptions(field.values).length ? 'list' : 'text';
    default:
      return 'text';
  }
}

const LOGIN_NAMES = /^(login|username|user|userid|user_id|email|e-?mail|identifiant|identifier)$/i;

/**
 * `autocomplete` of a text field: `username` for the login (a field named like one, or the first text field before
 * a password in the same step), `one-time-code` for an `otp` field, `off` for the rest, so that browsers do not offer
 * unrelated saved values.
 */
export function textAutoComplete(field: ConnectorField, stepFields: readonly ConnectorField[]): string {
  if (field.type === 'otp') return 'one-time-code';
  if (LOGIN_NAMES.test(field.name)) return 'username';
  const password = stepFields.findIndex((f) => f.type === 'password');
  if (password < 0 || stepFields.some((f) => LOGIN_NAMES.test(f.name) && fieldKind(f) === 'text')) return 'off';
  const login = stepFields.slice(0, password).find((f) => fieldKind(f) === 'text');
  return login === field ? 'username' : 'off';
}

/** The virtual keyboard for the text types the API may send beyond the documented ones. */
export function textInputMode(field: ConnectorField): HTMLAttributes<HTMLInputElement>['inputMode'] {
  switch (field.type) {
    case 'number':
    case 'otp':
      return 'numeric';
    case 'email':
      return 'email';
    case 'tel':
    case 'phone':
      return 'tel';
    default:
      return undefined;
  }
}
