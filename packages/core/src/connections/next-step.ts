/**
 * What the user must do next, from a connection (its `state`) or from the error a connection call failed with.
 * One decision table for every flow built on the connections API: our `useConnectionFlow` and yours.
 */

import { ConnectorsApiError } from '../errors.ts';
import { planConnectorForm } from '../form/plan.ts';
import type { Connector, ConnectorField } from '../schemas.ts';
import type { Connection } from './schemas.ts';

export type ConnectionStepKind =
  | 'done'
  | 'fields'
  | 'decoupled'
  | 'validating'
  | 'webauth'
  | 'bank-action'
  | 'retry-later'
  | 'error';

export interface ConnectionStepBase {
  /** The connection when there is one (a refused creation has none). */
  connection: Connection | null;
  /** The bank's own text for the user (`error_message`, or an error's institution message): untranslated. */
  message: string | null;
}

/** Connected and synced: nothing left to do. */
export interface DoneStep extends ConnectionStepBase {
  kind: 'done';
  connection: Connection;
}

/** Ask the user for fields: an OTP or a question (`additionalInformationNeeded`), or the credentials again (`wrongpass`). */
export interface FieldsStep extends ConnectionStepBase {
  kind: 'fields';
  reason: 'additionalInformationNeeded' | 'wrongpass';
  fields: ConnectorField[];
}

/** Approve in the bank's app or device, then resume. */
export interface DecoupledStep extends ConnectionStepBase {
  kind: 'decoupled';
  connection: Connection;
}

/** Powens is working on it: poll. */
export interface ValidatingStep extends ConnectionStepBase {
  kind: 'validating';
  connection: Connection;
}

/** Authenticate on the bank's own page through `/webauth`. */
export interface WebauthStep extends ConnectionStepBase {
  kind: 'webauth';
  reason: 'SCARequired' | 'webauthRequired';
}

/** The user must act on the bank's website (accept terms, change an expired password), then try again. */
export interface BankActionStep extends ConnectionStepBase {
  kind: 'bank-action';
  reason: 'actionNeeded' | 'passwordExpired';
}

/** Nothing the user can do but wait: the bank limits syncs, its site is down, or an internal error. */
export interface RetryLaterStep extends ConnectionStepBase {
  kind: 'retry-later';
  reason: 'rateLimiting' | 'websiteUnavailable' | 'bug';
  /** How long the server asked to wait, when it said. */
  retryAfterMs: number | null;
}

/** Anything else: a refused or failed call, an unknown state. Show it with a way to retry. */
export interface ErrorStep extends ConnectionStepBase {
  kind: 'error';
  /** The Powens error code or the unknown state, as given; `null` for a failure without one (network, timeout). */
  code: string | null;
  /** The error the call failed with; `null` for a connection in a state this library does not know. */
  error: unknown;
}

export type ConnectionStep =
  | DoneStep
  | FieldsStep
  | DecoupledStep
  | ValidatingStep
  | WebauthStep
  | BankActionStep
  | RetryLaterStep
  | ErrorStep;

export interface NextConnectionStepContext {
  /**
   * The connector (with its `fields` and `sources`): a creation refused with `wrongpass` asks again for its
   * credential fields, as does a `wrongpass` connection that lists none.
   */
  connector?: Connector | null | undefined;
}

/**
 * States and codes by their lower-case spelling (Powens writes `wrongpass` and `wrongPass`). A `Map`, so that a state
 * named `__proto__` or `constructor` finds nothing.
 */
const KINDS = new Map<string, { kind: 'fields' | 'webauth' | 'bank-action' | 'retry-later'; reason: string }>([
  ['wrongpass', { kind: 'fields', reason: 'wrongpass' }],
  ['additionalinformationneeded', { kind: 'fields', reason: 'additionalInformationNeeded' }],
  ['scarequired', { kind: 'webauth', reason: 'SCARequired' }],
  ['webauthrequired', { kind: 'webauth', reason: 'webauthRequired' }],
  ['actionneeded', { kind: 'bank-action', reason: 'actionNeeded' }],
  ['passwordexpired', { kind: 'bank-action', reason: 'passwordExpired' }],
  ['ratelimiting', { kind: 'retry-later', reason: 'rateLimiting' }],
  ['websiteunavailable', { kind: 'retry-later', reason: 'websiteUnavailable' }],
  ['bug', { kind: 'retry-later', reason: 'bug' }],
]);

function isConnection(value: unknown): value is Connection {
  return (
    value !== null &&
    typeof value === 'object' &&
    !(value instanceof Error) &&
    Number.isSafeInteger((value as { id?: unknown }).id)
  );
}

/** The fields of the connector's credentials form, every step of it. */
function credentialFields(connector: Connector | null | undefined): ConnectorField[] {
  if (!connector) return [];
  return planConnectorForm(connector, { authMechanism: 'credentials' }).steps.flatMap((step) => step.fields);
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

function fromState(connection: Connection, context: NextConnectionStepContext): ConnectionStep {
  const message = text(connection.error_message);
  const state = connection.state;
  if (state === null || state === undefined) return { kind: 'done', connection, message: null };
  if (typeof state !== 'string') return { kind: 'error', code: null, error: null, connection, message };
  const key = state.toLowerCase();
  if (key === 'validating') return { kind: 'validating', connection, message };
  if (key === 'decoupled') return { kind: 'decoupled', connection, message };
  const known = KINDS.get(key);
  if (!known) return { kind: 'error', code: state, error: null, connection, message };
  switch (known.kind) {
    case 'fields': {
      const askedFields = (Array.isArray(connection.fields) ? connection.fields : []).filter(
        (field) => typeof field?.name === 'string',
      );
      const fields =
        askedFields.length > 0 || known.reason !== 'wrongpass' ? askedFields : credentialFields(context.connector);
      // A question without a field cannot be answered.
      if (fields.length === 0) return { kind: 'error', code: state, error: null, connection, message };
      return { kind: 'fields', reason: known.reason as FieldsStep['reason'], fields, connection, message };
    }
    case 'webauth':
      return { kind: 'webauth', reason: known.reason as WebauthStep['reason'], connection, message };
    case 'bank-action':
      return { kind: 'bank-action', reason: known.reason as BankActionStep['reason'], connection, message };
    case 'retry-later':
      return {
        kind: 'retry-later',
        reason: known.reason as RetryLaterStep['reason'],
        retryAfterMs: null,
        connection,
        message,
      };
  }
}

function fromError(error: unknown, context: NextConnectionStepContext): ConnectionStep {
  if (!(error instanceof ConnectorsApiError) || error.code === null) {
    return { kind: 'error', code: null, error, connection: null, message: null };
  }
  const message = text(error.institutionMessage);
  const known = KINDS.get(error.code.toLowerCase());
  switch (known?.kind) {
    case 'fields': {
      // Only new credentials can answer a refused creation; an extra question needs a connection to answer to.
      const fields = known.reason === 'wrongpass' ? credentialFields(context.connector) : [];
      if (fields.length === 0) break;
      return { kind: 'fields', reason: 'wrongpass', fields, connection: null, message };
    }
    case 'webauth':
      return { kind: 'webauth', reason: known.reason as WebauthStep['reason'], connection: null, message };
    case 'bank-action':
      return { kind: 'bank-action', reason: known.reason as BankActionStep['reason'], connection: null, message };
    case 'retry-later':
      return {
        kind: 'retry-later',
        reason: known.reason as RetryLaterStep['reason'],
        retryAfterMs: error.retryAfterMs,
        connection: null,
        message,
      };
    default:
      break;
  }
  return { kind: 'error', code: error.code, error, connection: null, message };
}

/**
 * What the UI must do next:
 * - a connection: by its `state` — `null` → `done`; `validating` → poll; `decoupled` → approve elsewhere, then resume;
 *   `additionalInformationNeeded` and `wrongpass` → `fields` (the connection's, else for `wrongpass` the connector's
 *   credential fields); `SCARequired`, `webauthRequired` → `webauth`; `actionNeeded`, `passwordExpired` →
 *   `bank-action`; `rateLimiting`, `websiteUnavailable`, `bug` → `retry-later`; any other state → `error`;
 * - an error a call failed with: a Powens code is read the same way (a creation refused with `wrongpass` asks the
 *   connector's credential fields again); anything else (network, timeout, 5xx, unknown codes) → `error`.
 * States and codes are compared case-insensitively. Never throws.
 */
export function nextConnectionStep(
  connectionOrError: Connection | unknown,
  context: NextConnectionStepContext = {},
): ConnectionStep {
  return isConnection(connectionOrError)
    ? fromState(connectionOrError, context ?? {})
    : fromError(connectionOrError, context ?? {});
}
