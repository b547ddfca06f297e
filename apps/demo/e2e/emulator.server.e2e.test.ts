import { createServer } from 'node:http';
import type { Connector } from '@connector-kit/core';
import {
  DEFAULT_CLIENT_ID,
  DEFAULT_CLIENT_SECRET,
  DEFAULT_CONFIG_TOKEN,
  demoConnectors,
  TEST_CONNECTOR_UUID,
} from '@connector-kit/mock-api';
import type { MockServer } from '@connector-kit/mock-api/server';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { withLoopbackAliases } from '../server/guards.ts';
import {
  createApiProxyMiddleware,
  EMULATOR_CLIENT_ID,
  EMULATOR_CLIENT_SECRET,
  EMULATOR_CONFIG_TOKEN,
  resolveApiProxyConfig,
} from '../server/proxy.ts';
import {
  cookieFrom,
  createRecordingCaller,
  json,
  listenOnLoopback,
  recordingEmulator,
  type Seen,
} from './support/http.ts';

/**
 * The demo server in front of the real emulator: the hand-off (a user per session, a code the emulated Webview
 * accepts once) and a connection's whole life through the connections routes, with the user's token only on those.
 */

/** Every answer the browser could see, for the scan of credentials. */
const { call, seen: seenByBrowser } = createRecordingCaller();

/** A visible connector that is not the scenario test connector, with a value for each of its fields. */
function connectorWithValues(): { connector: Connector; values: Record<string, string> } {
  const connector = demoConnectors.find(
    (candidate) =>
      candidate.hidden !== true &&
      candidate.restricted !== true &&
      candidate.uuid !== TEST_CONNECTOR_UUID &&
      (candidate.fields ?? []).length > 0,
  );
  if (connector === undefined) throw new Error('the demo dataset needs a connector with fields');
  const values: Record<string, string> = {};
  for (const field of connector.fields ?? []) {
    values[field.name] = field.type === 'list' ? (field.values?.[0]?.value ?? '') : 'value-1';
  }
  return { connector, values };
}

describe('the emulator’s constants', () => {
  it('are the ones the demo server uses for the emulator', () => {
    expect(EMULATOR_CLIENT_ID).toBe(DEFAULT_CLIENT_ID);
    expect(EMULATOR_CLIENT_SECRET).toBe(DEFAULT_CLIENT_SECRET);
    expect(EMULATOR_CONFIG_TOKEN).toBe(DEFAULT_CONFIG_TOKEN);
  });
});

describe('the demo server in front of the emulator', () => {
  let emulator: MockServer;
  let seen: Seen[];
  /** Every bearer token the emulator received, across the tests: the user tokens and the config token. */
  const bearers = new Set<string>();
  let closeServer: () => Promise<void>;
  let base: string;

  beforeAll(async () => {
    ({ server: emulator, seen } = await recordingEmulator({
      onRequest: (request) => {
        const bearer = request.headers.get('authorization')?.replace(/^Bearer /, '');
        if (bearer) bearers.add(bearer);
      },
    }));
    let origins: string[] = [];
    const config = resolveApiProxyConfig({ CONNECTOR_KIT_EMULATOR_URL: emulator.url });
    const middleware = createApiProxyMiddleware(() => ({ ...config, allowedOrigins: origins }));
    const server = createServer((request, response) =>
      middleware(request, response, () => {
        response.writeHead(418);
        response.end();
      }),
    );
    const listening = await listenOnLoopback(server);
    closeServer = listening.close;
    base = `http://127.0.0.1:${listening.port}`;
    origins = withLoopbackAliases([base]);
  });
  afterAll(async () => {
    await closeServer();
    await emulator.close();
  });
  afterEach(() => {
    seen.length = 0;
  });

  const sameOrigin = () => ({ origin: base });
  const userTokens = () =>
    new Set(
      seen
        .filter((request) => request.path === '/auth/token/code')
        .map((request) => request.authorization?.replace(/^Bearer /, '') ?? ''),
    );

  it('hands off to the emulated Webview with a code it accepts once', async () => {
    const config = json(await call(base, '/api/connect/config'));
    const origin = new URL(emulator.url).origin;
    expect(config).toEqual({
      clientId: DEFAULT_CLIENT_ID,
      domain: 'connector-kit-emulator',
      webviewUrl: `${origin}/webview`,
      apiUrl: emulator.url,
      webview: true,
    });

    const first = await call(base, '/api/connect/code', { method: 'POST', headers: sameOrigin() });
    expect(first.status).toBe(200);
    const { code } = json(first);
    expect(typeof code).toBe('string');
    const cookie = cookieFrom(first);
    const second = await call(base, '/api/connect/code', { method: 'POST', headers: { ...sameOrigin(), cookie } });
    expect(second.status).toBe(200);
    expect(second.headers['set-cookie']).toBeUndefined();
    expect(json(second).code).not.toBe(code);
    // One user for the session: one `/auth/init`, the same token for both codes.
    expect(seen.filter((request) => request.path === '/auth/init')).toHaveLength(1);
    expect(userTokens().size).toBe(1);

    const webview = new URL(`${String(config.webviewUrl)}/connect`);
    webview.search = new URLSearchParams({
      domain: String(config.domain),
      client_id: String(config.clientId),
      code: String(code),
      redirect_uri: `${base}/callback`,
      state: 'state-1',
    }).toString();
    // The Webview uses the code and moves on to a session page of its own; a second visit finds the code used.
    const visit = await fetch(webview, { redirect: 'manual' });
    expect(visit.status).toBeGreaterThanOrEqual(200);
    expect(visit.status).toBeLessThan(400);
    await visit.body?.cancel();
    const page = await fetch(new URL(visit.headers.get('location') ?? webview.href, webview));
    expect(page.status).toBe(200);
    await page.body?.cancel();
    const again = await fetch(webview, { redirect: 'manual' });
    expect(again.status).toBe(302);
    expect(new URL(again.headers.get('location') ?? '').searchParams.get('error')).toBe('session_expired');
  });

  it('runs a connection’s whole life through the connections routes, with the session user’s token', async () => {
    const cookie = cookieFrom(await call(base, '/api/connect/code', { method: 'POST', headers: sameOrigin() }));
    const headers = { ...sameOrigin(), cookie, 'content-type': 'application/json' };
    const { connector, values } = connectorWithValues();

    const created = await call(base, '/api/2.0/users/me/connections?expand=connector', {
      method: 'POST',
      headers,
      body: JSON.stringify({ connector_uuid: connector.uuid, ...values }),
    });
    expect(created.status, created.body).toBe(200);
    const connection = json(created);
    expect(connection).toMatchObject({ connector_uuid: connector.uuid, connector: { uuid: connector.uuid } });
    const id = Number(connection.id);

    const list = json(await call(base, '/api/2.0/users/me/connections', { headers }));
    expect((list.connections as { id: number }[]).map((item) => item.id)).toEqual([id]);
    expect((await call(base, `/api/2.0/users/me/connections/${id}`, { headers })).status).toBe(200);
    expect((await call(base, `/api/2.0/users/me/connections/${id}`, { method: 'PUT', headers })).status).toBe(200);
    const synced = await call(base, `/api/2.0/users/me/connections/${id}`, { method: 'POST', headers, body: '{}' });
    expect(synced.status, synced.body).toBe(200);

    // Another browser has a user of its own, who does not see this connection.
    const other = cookieFrom(await call(base, '/api/connect/code', { method: 'POST', headers: sameOrigin() }));
    const foreign = await call(base, `/api/2.0/users/me/connections/${id}`, {
      headers: { ...sameOrigin(), cookie: other },
    });
    expect(foreign.status).toBe(404);

    const deleted = await call(base, `/api/2.0/users/me/connections/${id}`, { method: 'DELETE', headers });
    expect(deleted.status).toBe(204);
    expect(deleted.body).toBe('');
    expect((await call(base, `/api/2.0/users/me/connections/${id}`, { headers })).status).toBe(404);

    const tokens = userTokens();
    expect(tokens.size).toBe(2);
    const connectionCalls = seen.filter((request) => request.path.startsWith('/users/me/connections'));
    expect(connectionCalls.length).toBe(8);
    for (const request of connectionCalls) {
      expect(tokens.has(request.authorization?.replace(/^Bearer /, '') ?? '')).toBe(true);
      expect(request.authorization).not.toContain(DEFAULT_CONFIG_TOKEN);
      expect(request.cookie).toBeNull();
    }
  });

  it('makes the browser’s user with its first direct connection, and keeps it for the next calls', async () => {
    seen.length = 0;
    const created = await call(base, '/api/2.0/users/me/connections', {
      method: 'POST',
      headers: { ...sameOrigin(), 'content-type': 'application/json' },
      body: JSON.stringify({ connector_uuid: TEST_CONNECTOR_UUID, openapiwebsite: 'par', login: 'me', password: 'pw' }),
    });
    expect(created.status).toBe(200);
    const cookie = cookieFrom(created);
    expect(json(created)).toMatchObject({ connector_uuid: TEST_CONNECTOR_UUID, state: null });
    const listed = await call(base, '/api/2.0/users/me/connections', { headers: { cookie } });
    expect((json(listed).connections as unknown[]).length).toBe(1);
    // A page of another site cannot make one.
    const forged = await call(base, '/api/2.0/users/me/connections', {
      method: 'POST',
      headers: { origin: 'http://evil.test', 'content-type': 'application/json' },
      body: '{}',
    });
    expect(forged.status).toBe(403);
    expect(forged.headers['set-cookie']).toBeUndefined();
  });

  it('answers 401 without a session and sends connector writes with the config token only', async () => {
    const cookie = cookieFrom(await call(base, '/api/connect/code', { method: 'POST', headers: sameOrigin() }));
    seen.length = 0;
    // No user yet: nothing connected.
    const none = await call(base, '/api/2.0/users/me/connections');
    expect([none.status, json(none)]).toEqual([200, { connections: [] }]);
    const noSession = await call(base, '/api/2.0/users/me/connections/1');
    expect(noSession.status).toBe(401);
    expect(json(noSession)).toEqual({
      code: 'unauthorized',
      description: 'No session: start a connection first',
      request_id: null,
    });
    expect(seen).toEqual([]);

    const [first] = demoConnectors.filter((connector) => connector.hidden !== true);
    if (!first) throw new Error('the demo dataset needs a visible connector');
    const write = await call(base, `/api/2.0/connectors/${first.uuid}`, {
      method: 'PUT',
      headers: { ...sameOrigin(), cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ hidden: false }),
    });
    expect(write.status).toBe(200);
    expect(seen.map((request) => [request.method, request.path, request.authorization])).toEqual([
      ['PUT', `/connectors/${first.uuid}`, `Bearer ${DEFAULT_CONFIG_TOKEN}`],
    ]);
    emulator.emulator.reset();
  });

  it('never shows the browser the client secret, the config token or a user token', async () => {
    const cookie = cookieFrom(await call(base, '/api/connect/code', { method: 'POST', headers: sameOrigin() }));
    await call(base, '/api/2.0/users/me/connections/999', { headers: { ...sameOrigin(), cookie } });
    await call(base, '/api/2.0/users/me/connections', {
      method: 'POST',
      headers: { ...sameOrigin(), cookie, 'content-type': 'application/json' },
      body: '{"connector_uuid":"00000000-0000-4000-8000-000000000000"}',
    });
    // Six sessions in this file (one made by a first direct connection), and the config token of a connector write.
    expect(bearers.size).toBe(7);
    const credentials = [DEFAULT_CLIENT_SECRET, DEFAULT_CONFIG_TOKEN, ...bearers];
    for (const answer of seenByBrowser) {
      const visible = `${JSON.stringify(answer.headers)}\n${answer.body}`;
      for (const credential of credentials) expect(visible).not.toContain(credential);
    }
  });
});
