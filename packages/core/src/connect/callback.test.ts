import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anyText } from '../test/arbitraries.ts';
import { parseWebviewCallback, WEBVIEW_CALLBACK_ERRORS } from './callback.ts';

const STATE = 'pKq3v9mL2xRt7sWd';
const parse = (input: string | URL | URLSearchParams, expectedState: string | null = STATE) =>
  parseWebviewCallback(input, { expectedState });

describe('parseWebviewCallback', () => {
  it('reads a connect success from a whole URL: the connection, every id, the new code and the state', () => {
    expect(
      parse(`https://app.example/callback?connection_id=12&connection_ids=12,13&code=n3w-c0de&state=${STATE}`),
    ).toEqual({ status: 'connected', connectionId: 12, connectionIds: [12, 13], code: 'n3w-c0de', state: STATE });
  });

  it('reads the same from a search string, with or without "?", from a path, from a URL and from parsed parameters', () => {
    const search = `connection_id=5&state=${STATE}`;
    const expected = { status: 'connected', connectionId: 5, connectionIds: [5], code: null, state: STATE };
    expect(parse(`?${search}`)).toEqual(expected);
    expect(parse(search)).toEqual(expected);
    expect(parse(`/callback?${search}#top`)).toEqual(expected);
    expect(parse(new URL(`http://localhost/cb?${search}`))).toEqual(expected);
    expect(parse(new URLSearchParams(search))).toEqual(expected);
  });

  it('reads the `/webauth` return (`id_connection`) as connected', () => {
    expect(parse(`?id_connection=77&state=${STATE}`)).toEqual({
      status: 'connected',
      connectionId: 77,
      connectionIds: [77],
      code: null,
      state: STATE,
    });
  });

  it('puts the main connection first when `connection_ids` leaves it out or repeats it', () => {
    expect(parse(`?connection_id=9&connection_ids=3,9,3&state=${STATE}`)).toMatchObject({ connectionIds: [9, 3] });
  });

  it('reads a deletion from manage', () => {
    expect(parse(`?connection_id=4&connection_deleted=true&state=${STATE}`)).toEqual({
      status: 'deleted',
      connectionId: 4,
      state: STATE,
    });
  });

  it.each(['access_denied', 'server_error', 'tos_declined', 'session_expired'])(
    'reads the Powens error %s with its description',
    (error) => {
      expect(parse(`?error=${error}&error_description=The+user+left&state=${STATE}`)).toEqual({
        status: 'error',
        error,
        description: 'The user left',
        state: STATE,
      });
    },
  );

  it('keeps an error code it does not know, and caps a long description', () => {
    const result = parse(`?error=brand_new_error&error_description=${'x'.repeat(5000)}&state=${STATE}`);
    expect(result).toMatchObject({ status: 'error', error: 'brand_new_error' });
    expect(result.status === 'error' && result.description?.length).toBe(500);
  });

  describe('refuses what it cannot trust', () => {
    it.each([
      ['another state (forged)', `?connection_id=1&state=guessed`],
      ['no state at all', '?connection_id=1'],
      ['an empty state', '?connection_id=1&state='],
      ['a state that only starts like the right one', `?connection_id=1&state=${STATE}x`],
    ])('%s: state_mismatch', (_name, search) => {
      expect(parse(search)).toMatchObject({ status: 'error', error: 'state_mismatch' });
    });

    it('any callback when no hand-off is pending (replayed or stale): state_mismatch', () => {
      expect(parse(`?connection_id=1&state=${STATE}`, null)).toMatchObject({ error: 'state_mismatch' });
      expect(parseWebviewCallback(`?connection_id=1&state=${STATE}`, { expectedState: undefined })).toMatchObject({
        error: 'state_mismatch',
      });
      expect(parse(`?connection_id=1&state=${STATE}`, '')).toMatchObject({ error: 'state_mismatch' });
    });

    it('checks the state before anything else: a forged error is not shown as the Powens error', () => {
      expect(parse('?error=access_denied&state=other')).toMatchObject({ error: 'state_mismatch', state: 'other' });
    });

    it.each([
      ['no outcome', `?state=${STATE}`],
      ['a connection id that is not an integer', `?connection_id=abc&state=${STATE}`],
      ['a zero id', `?connection_id=0&state=${STATE}`],
      ['a negative id', `?connection_id=-3&state=${STATE}`],
      ['an id beyond what a number holds exactly', `?connection_id=99999999999999999&state=${STATE}`],
      ['a bad id in the list', `?connection_id=1&connection_ids=1,x&state=${STATE}`],
      ['an error and a connection', `?error=access_denied&connection_id=1&state=${STATE}`],
      ['an error that is not a code', `?error=%3Cscript%3E&state=${STATE}`],
      ['two different connection ids', `?connection_id=1&id_connection=2&state=${STATE}`],
      ['a parameter given twice', `?connection_id=1&connection_id=2&state=${STATE}`],
      ['the state given twice', `?connection_id=1&state=${STATE}&state=${STATE}`],
      ['an odd deletion flag', `?connection_id=1&connection_deleted=yes&state=${STATE}`],
      ['an empty code', `?connection_id=1&code=&state=${STATE}`],
    ])('%s: invalid_callback', (_name, search) => {
      expect(parse(search)).toMatchObject({ status: 'error', error: 'invalid_callback' });
    });

    it('garbage that is not a URL: invalid_callback', () => {
      expect(parse('http://[::1')).toMatchObject({ error: 'invalid_callback', state: null });
      expect(parseWebviewCallback(42 as unknown as string, { expectedState: STATE })).toMatchObject({
        error: 'invalid_callback',
      });
      expect(parseWebviewCallback(null as unknown as string, { expectedState: STATE })).toMatchObject({
        error: 'invalid_callback',
      });
    });
  });

  it('never throws, whatever the input, and always answers one of the three outcomes', () => {
    const value = fc.oneof(anyText, fc.integer({ min: -5, max: 99 }).map(String), fc.constant(STATE));
    const key = fc.constantFrom(
      'state',
      'error',
      'error_description',
      'connection_id',
      'connection_ids',
      'id_connection',
      'connection_deleted',
      'code',
      '__proto__',
    );
    const query = fc
      .array(fc.tuple(fc.oneof(key, anyText), value), { maxLength: 8 })
      .map((entries) => entries.map(([name, item]) => `${name}=${item}`).join('&'));
    const input = fc.oneof(
      anyText,
      query,
      query.map((search) => `?${search}`),
      query.map((search) => `https://app.example/cb?${search}#frag`),
    );
    fc.assert(
      fc.property(input, fc.option(fc.oneof(anyText, fc.constant(STATE))), (urlOrSearch, expectedState) => {
        const result = parseWebviewCallback(urlOrSearch, { expectedState });
        expect(['connected', 'deleted', 'error']).toContain(result.status);
        if (result.status !== 'error') {
          expect(result.state).toBe(expectedState);
          expect(Number.isSafeInteger(result.connectionId) && result.connectionId > 0).toBe(true);
        } else if (result.state !== expectedState || !expectedState) {
          expect(['state_mismatch', 'invalid_callback']).toContain(result.error);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('lists the error codes it can answer', () => {
    expect(WEBVIEW_CALLBACK_ERRORS).toEqual([
      'access_denied',
      'server_error',
      'tos_declined',
      'session_expired',
      'state_mismatch',
      'invalid_callback',
    ]);
  });
});
