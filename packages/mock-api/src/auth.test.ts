import { describe, expect, it } from 'vitest';
import { createEmulator, DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET, DEFAULT_CONFIG_TOKEN } from './emulator.ts';
import { codeOf, send, signUp } from './test-client.ts';
import { FIXTURE_TEST_UUID, fixtureConnectors } from './test-fixtures.ts';

const MINUTE = 60_000;

/** An emulator whose clock the test moves. */
function withClock(start = Date.UTC(2026, 0, 15, 9, 30)) {
  const clock = { now: start };
  const emulator = createEmulator({ connectors: fixtureConnectors, now: () => clock.now });
  return { emulator, clock };
}

describe('POST /auth/init', () => {
  it('gives a permanent token with the client id and secret, in JSON or form-encoded', async () => {
    const { emulator } = withClock();
    const json = await send(emulator, 'POST', '/2.0/auth/init', {
      body: { client_id: DEFAULT_CLIENT_ID, client_secret: DEFAULT_CLIENT_SECRET },
    });
    expect(json.status).toBe(200);
    expect(json.json).toEqual({ auth_token: expect.any(String), type: 'permanent', id_user: 1 });
    const form = await send(emulator, 'POST', '/2.0/auth/init', {
      form: { client_id: DEFAULT_CLIENT_ID, client_secret: DEFAULT_CLIENT_SECRET },
    });
    expect(form.json).toMatchObject({ type: 'permanent', id_user: 2 });
    expect(form.json.auth_token).not.toBe(json.json.auth_token);
  });

  it('gives a temporary token without them, which stops working after 30 minutes', async () => {
    const { emulator, clock } = withClock();
    const { status, json } = await send(emulator, 'POST', '/2.0/auth/init');
    expect(status).toBe(200);
    expect(json).toEqual({ auth_token: expect.any(String), type: 'temporary', id_user: 1, expires_in: 1800 });
    const list = () => send(emulator, 'GET', '/2.0/users/me/connections', { token: json.auth_token });
    clock.now += 30 * MINUTE - 1;
    expect((await list()).status).toBe(200);
    clock.now += 1;
    const expired = await list();
    expect(expired.status).toBe(401);
    expect(expired.json).toEqual({
      code: 'unauthorized',
      description: expect.any(String),
      request_id: expect.any(Number),
    });
  });

  it('refuses a wrong secret and an unknown client with 401', async () => {
    const { emulator } = withClock();
    const wrong = await send(emulator, 'POST', '/2.0/auth/init', {
      body: { client_id: DEFAULT_CLIENT_ID, client_secret: 'guess' },
    });
    expect(wrong.status).toBe(401);
    expect(wrong.json.code).toBe('unauthorized');
    const unknown = await send(emulator, 'POST', '/2.0/auth/init', {
      form: { client_id: 'someone-else', client_secret: DEFAULT_CLIENT_SECRET },
    });
    expect(unknown.status).toBe(401);
    expect(unknown.json.code).toBe('unauthorized');
    expect(emulator.createUser().id).toBe(1);
  });

  it('knows the clients it is given, not the default one', async () => {
    const emulator = createEmulator({ connectors: [], clients: [{ id: 'acme', secret: 's3cret' }] });
    const acme = await send(emulator, 'POST', '/2.0/auth/init', {
      body: { client_id: 'acme', client_secret: 's3cret' },
    });
    expect(acme.json.type).toBe('permanent');
    const demo = await send(emulator, 'POST', '/2.0/auth/init', {
      body: { client_id: DEFAULT_CLIENT_ID, client_secret: DEFAULT_CLIENT_SECRET },
    });
    expect(demo.status).toBe(401);
  });

  it('makes tokens that are long random strings, not ids', async () => {
    const { emulator } = withClock();
    const tokens = new Set<string>();
    for (let index = 0; index < 5; index++) {
      const { token } = await signUp(emulator);
      // 43 base64url characters: 256 bits.
      expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      tokens.add(token);
    }
    expect(tokens.size).toBe(5);
    const again = createEmulator({ connectors: [] });
    expect((await signUp(again)).token).not.toBe((await signUp(createEmulator({ connectors: [] }))).token);
  });
});

describe('GET /auth/token/code', () => {
  it('gives a singleAccess code usable once, and a requestAccess code for 30 minutes', async () => {
    const { emulator, clock } = withClock();
    const { token } = await signUp(emulator);
    const single = await send(emulator, 'GET', '/2.0/auth/token/code?type=singleAccess', { token });
    expect(single.json).toEqual({ code: expect.any(String), type: 'temporary', access: 'single', expires_in: 1800 });
    const standard = await send(emulator, 'GET', '/2.0/auth/token/code', { token });
    expect(standard.json).toEqual({
      code: expect.any(String),
      type: 'temporary',
      access: 'standard',
      expires_in: 1800,
    });
    expect(single.json.code).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const webview = (code: string) =>
      send(
        emulator,
        'GET',
        `/webview/manage?domain=demo&client_id=${DEFAULT_CLIENT_ID}&redirect_uri=https://app.example.test/cb&code=${code}`,
      );
    expect((await webview(single.json.code)).status).toBe(303);
    expect(new URL((await webview(single.json.code)).location ?? '').searchParams.get('error')).toBe('session_expired');

    expect((await webview(standard.json.code)).status).toBe(303);
    expect((await webview(standard.json.code)).status).toBe(303);
    // A requestAccess code is a temporary token too.
    expect((await send(emulator, 'GET', '/2.0/users/me/connections', { token: standard.json.code })).status).toBe(200);
    expect((await send(emulator, 'GET', '/2.0/users/me/connections', { token: single.json.code })).status).toBe(401);
    clock.now += 30 * 60_000;
    expect((await webview(standard.json.code)).status).toBe(302);
    expect((await send(emulator, 'GET', '/2.0/users/me/connections', { token: standard.json.code })).status).toBe(401);
  });

  it('refuses an unknown type, and a request without a user token', async () => {
    const { emulator } = withClock();
    const { token } = await signUp(emulator);
    const unknown = await send(emulator, 'GET', '/2.0/auth/token/code?type=forever', { token });
    expect(unknown.status).toBe(400);
    expect(unknown.json.code).toBe('invalidValue');
    expect((await send(emulator, 'GET', '/2.0/auth/token/code')).status).toBe(401);
    expect((await send(emulator, 'GET', '/2.0/auth/token/code', { token: DEFAULT_CONFIG_TOKEN })).status).toBe(401);
  });

  it('answers 405 with Allow for another method', async () => {
    const { emulator } = withClock();
    const post = await send(emulator, 'POST', '/2.0/auth/token/code');
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET');
    expect((await send(emulator, 'GET', '/2.0/auth/init')).headers.get('allow')).toBe('POST');
  });
});

describe('user tokens', () => {
  it('are required on /users/me routes: none, the config token or an unknown one answer 401', async () => {
    const { emulator } = withClock();
    const user = emulator.createUser();
    const { id } = emulator.addConnection(user.id, { connectorUuid: FIXTURE_TEST_UUID });
    const routes: [string, string][] = [
      ['GET', '/2.0/users/me/connections'],
      ['POST', '/2.0/users/me/connections'],
      ['GET', `/2.0/users/me/connections/${id}`],
      ['POST', `/2.0/users/me/connections/${id}`],
      ['PUT', `/2.0/users/me/connections/${id}`],
      ['DELETE', `/2.0/users/me/connections/${id}`],
    ];
    for (const [method, path] of routes) {
      for (const token of [undefined, DEFAULT_CONFIG_TOKEN, 'not-a-token']) {
        const { status, json } = await send(emulator, method, path, token === undefined ? {} : { token });
        expect(status, `${method} ${path} with ${token}`).toBe(401);
        expect(json).toEqual({ code: 'unauthorized', description: expect.any(String), request_id: expect.any(Number) });
      }
    }
    expect(emulator.connections).toHaveLength(1);
  });

  it('are refused on the connector write routes, which keep requiring the config token', async () => {
    const { emulator } = withClock();
    const { token } = await signUp(emulator);
    const put = await send(emulator, 'PUT', '/2.0/connectors/40', { token, body: { hidden: true } });
    expect(put.status).toBe(401);
    const patch = await send(emulator, 'PATCH', '/2.0/connectors', { token, body: {} });
    expect(patch.status).toBe(401);
    expect(emulator.connectors.find((connector) => connector.id === 40)?.hidden).toBe(false);
    expect((await codeOf(emulator, token)).length).toBeGreaterThan(20);
  });

  it('are forgotten on reset', async () => {
    const { emulator } = withClock();
    const { token } = await signUp(emulator);
    emulator.reset();
    expect((await send(emulator, 'GET', '/2.0/users/me/connections', { token })).status).toBe(401);
    expect((await signUp(emulator)).id).toBe(1);
  });
});
