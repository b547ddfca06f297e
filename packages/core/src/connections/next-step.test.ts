import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConnectorsApiError, ConnectorsNetworkError, ConnectorsResponseError } from '../errors.ts';
import type { Connector } from '../schemas.ts';
import { anyText } from '../test/arbitraries.ts';
import { nextConnectionStep } from './next-step.ts';
import type { Connection } from './schemas.ts';

const connector = {
  uuid: 'u-1',
  name: 'Bank',
  auth_mechanism: 'credentials',
  fields: [
    { name: 'login', label: 'Login', type: 'text', auth_mechanisms: ['credentials'] },
    { name: 'password', label: 'Password', type: 'password', auth_mechanisms: ['credentials'] },
    { name: 'consent', label: 'Consent', type: 'list', auth_mechanisms: ['webauth'] },
  ],
} as Connector;

const otp = { name: 'otp', label: 'SMS code', type: 'text', required: true };

function connection(state: string | null, extra: Partial<Connection> = {}): Connection {
  return { id: 7, state, error: state, error_message: null, ...extra } as Connection;
}

const apiError = (code: string, status = 400, message: string | null = 'Texte de la banque', retryAfterMs = null) =>
  new ConnectorsApiError(
    status,
    { code, description: 'technical', message, request_id: 1 },
    'POST /users/me/connections',
    retryAfterMs,
  );

describe('nextConnectionStep from a connection', () => {
  it('is done when the state is null (or absent)', () => {
    const done = connection(null);
    expect(nextConnectionStep(done)).toEqual({ kind: 'done', connection: done, message: null });
    expect(nextConnectionStep({ id: 3 } as Connection)).toMatchObject({ kind: 'done' });
  });

  it.each([
    ['validating', 'validating'],
    ['decoupled', 'decoupled'],
  ])('%s → %s, with the bank’s message', (state, kind) => {
    const step = nextConnectionStep(connection(state, { error_message: 'Validez dans l’app' }));
    expect(step).toMatchObject({ kind, message: 'Validez dans l’app', connection: { id: 7 } });
  });

  it('asks the connection’s own fields for additionalInformationNeeded', () => {
    const step = nextConnectionStep(connection('additionalInformationNeeded', { fields: [otp], error_message: 'SMS' }));
    expect(step).toMatchObject({
      kind: 'fields',
      reason: 'additionalInformationNeeded',
      fields: [otp],
      message: 'SMS',
    });
  });

  it('calls additionalInformationNeeded without any field an error: nothing could answer it', () => {
    expect(nextConnectionStep(connection('additionalInformationNeeded', { fields: [] }))).toMatchObject({
      kind: 'error',
      code: 'additionalInformationNeeded',
    });
  });

  it('asks the credentials again for wrongpass: the connection’s fields, else the connector’s', () => {
    expect(nextConnectionStep(connection('wrongpass', { fields: [otp] }))).toMatchObject({
      kind: 'fields',
      reason: 'wrongpass',
      fields: [otp],
    });
    const step = nextConnectionStep(connection('wrongpass'), { connector });
    expect(step.kind === 'fields' && step.fields.map((field) => field.name)).toEqual(['login', 'password']);
  });

  it.each([
    ['SCARequired', 'webauth', 'SCARequired'],
    ['webauthRequired', 'webauth', 'webauthRequired'],
    ['actionNeeded', 'bank-action', 'actionNeeded'],
    ['passwordExpired', 'bank-action', 'passwordExpired'],
    ['rateLimiting', 'retry-later', 'rateLimiting'],
    ['websiteUnavailable', 'retry-later', 'websiteUnavailable'],
    ['bug', 'retry-later', 'bug'],
    ['WRONGPASS', 'fields', 'wrongpass'],
    ['scaRequired', 'webauth', 'SCARequired'],
    ['Decoupled', 'decoupled', undefined],
  ])('%s → %s', (state, kind, reason) => {
    const step = nextConnectionStep(connection(state, { fields: [otp] }), { connector });
    expect(step.kind).toBe(kind);
    if (reason) expect(step).toMatchObject({ reason });
  });

  it('calls an unknown state an error with that state as its code, never a crash', () => {
    expect(nextConnectionStep(connection('quantumEntangled', { error_message: 'Hm' }))).toEqual({
      kind: 'error',
      code: 'quantumEntangled',
      error: null,
      connection: connection('quantumEntangled', { error_message: 'Hm' }),
      message: 'Hm',
    });
  });
});

describe('nextConnectionStep from an error', () => {
  it('asks the connector’s credentials again for a creation refused with wrongpass (any casing)', () => {
    for (const code of ['wrongpass', 'wrongPass']) {
      const step = nextConnectionStep(apiError(code), { connector });
      expect(step).toMatchObject({
        kind: 'fields',
        reason: 'wrongpass',
        connection: null,
        message: 'Texte de la banque',
      });
      expect(step.kind === 'fields' && step.fields.map((field) => field.name)).toEqual(['login', 'password']);
    }
  });

  it('calls wrongpass an error when it does not know the connector’s fields', () => {
    expect(nextConnectionStep(apiError('wrongpass'))).toMatchObject({ kind: 'error', code: 'wrongpass' });
  });

  it.each([
    ['actionNeeded', 'bank-action'],
    ['passwordExpired', 'bank-action'],
    ['websiteUnavailable', 'retry-later'],
    ['rateLimiting', 'retry-later'],
    ['bug', 'retry-later'],
    ['SCARequired', 'webauth'],
    ['bankMessage', 'error'],
    ['invalidValue', 'error'],
    ['additionalInformationNeeded', 'error'],
  ])('reads the code %s as %s', (code, kind) => {
    const step = nextConnectionStep(apiError(code), { connector });
    expect(step.kind).toBe(kind);
    expect(step.connection).toBeNull();
  });

  it('keeps how long the server asked to wait', () => {
    expect(nextConnectionStep(apiError('rateLimiting', 429, null, 60_000 as never))).toMatchObject({
      kind: 'retry-later',
      retryAfterMs: 60_000,
      message: null,
    });
  });

  it('calls a network fault, a timeout, an unreadable answer and a 500 an error to retry', () => {
    const failures = [
      new ConnectorsNetworkError('network', 'POST /users/me/connections'),
      new ConnectorsNetworkError('timeout', 'POST /users/me/connections'),
      new ConnectorsResponseError(200, 'POST /users/me/connections', 'not JSON'),
      new ConnectorsApiError(500, null, 'POST /users/me/connections'),
      new TypeError('Failed to fetch'),
    ];
    for (const error of failures) {
      expect(nextConnectionStep(error)).toEqual({ kind: 'error', code: null, error, connection: null, message: null });
    }
  });

  it('never throws, whatever it is given', () => {
    const anything = fc.oneof(
      fc.anything(),
      fc.record({ id: fc.oneof(fc.integer(), anyText), state: fc.option(anyText), fields: fc.anything() }),
      fc.record({ id: fc.nat(), state: fc.option(fc.constantFrom('wrongpass', 'additionalInformationNeeded')) }),
      fc.tuple(anyText, fc.integer({ min: 100, max: 599 })).map(([code, status]) => apiError(code, status)),
    );
    fc.assert(
      fc.property(anything, fc.option(fc.constant(connector)), (input, context) => {
        const step = nextConnectionStep(input, { connector: context });
        expect([
          'done',
          'fields',
          'decoupled',
          'validating',
          'webauth',
          'bank-action',
          'retry-later',
          'error',
        ]).toContain(step.kind);
      }),
      { numRuns: 1000 },
    );
  });
});
