import type { Connector } from '@connector-kit/core';

/** What the connect flow hands to the host app. */
export interface Submission {
  connector: Pick<Connector, 'uuid' | 'name' | 'fields' | 'payment_fields'>;
  authMechanism: string;
  values: Readonly<Record<string, string>>;
}

/** The same, safe to put on screen: the connector reduced to what identifies it, secrets replaced. */
export interface MaskedSubmission {
  connector: { uuid: string; name: string };
  authMechanism: string;
  values: Record<string, string>;
}

export const MASK = '••••••';

/** Field types whose values are secrets: a password, a one-time code. */
const SECRET_TYPES = new Set(['password', 'otp']);

/**
 * Replaces every secret value with `MASK` (always the same length, so the mask tells nothing about the value).
 * A value is shown only when the connector describes its field as something other than a secret: a value of a
 * field the connector does not describe is masked too.
 */
export function maskSubmission({ connector, authMechanism, values }: Submission): MaskedSubmission {
  const types = new Map<string, string>();
  for (const field of [...(connector.fields ?? []), ...(connector.payment_fields ?? [])]) {
    const known = types.get(field.name);
    // A name described twice is a secret if either description says so.
    if (known === undefined || !SECRET_TYPES.has(known)) types.set(field.name, String(field.type ?? 'text'));
  }
  const masked: Record<string, string> = {};
  for (const [name, value] of Object.entries(values)) {
    const type = types.get(name);
    masked[name] = type === undefined || SECRET_TYPES.has(type) ? MASK : value;
  }
  return { connector: { uuid: connector.uuid, name: connector.name }, authMechanism, values: masked };
}
