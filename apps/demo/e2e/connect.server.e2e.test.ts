import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createLogger, createServer as createViteServer, preview } from 'vite';
import { afterEach, beforeEach, describe, expect, it, type MockInstance, vi } from 'vitest';
import { connectPageConfig, describeHandOff, handleConnectRequest } from '../server/connect.ts';
import { withLoopbackAliases } from '../server/guards.ts';
import { CONTENT_SECURITY_POLICY, demoServer } from '../server/plugin.ts';
import {
  type ApiProxyConfig,
  createApiProxyMiddleware,
  describeApiProxy,
  EMULATOR_CLIENT_ID,
  handleApiRequest,
  isUserRequest,
  isWriteRequest,
  resolveApiProxyConfig,
} from '../server/proxy.ts';
import {
  createSessionStore,
  SESSION_COOKIE,
  type SessionStore,
  sessionCookie,
  sessionIdFromCookies,
} from '../server/session.ts';
import { type Answer, cookieFrom, createRecordingCaller, json, listenOnLoopback, setCookieOf } from './support/http.ts';

/**
 * The demo server's hand-off and connections routes in front of a fake upstream (an injected `fetch` that behaves
 * like Powens, and records what it receives): sessions, the user token on the connections routes only, refusals
 * before the upstream, and no credential ever where the browser or a log can see it.
 */

const UPSTREAM = 'http://upstream.test/2.0';
const CONFIG_TOKEN = 'config-token-5f1e0c';
const CLIENT = { id: 'client-id-test', secret: 'client-secret-9a7c2b' };

interface UpstreamCall {
  method: string;
  path: string;
  search: string;
  authorization: string | null;
  cookie: string | null;
  body: string;
}

type Override = (call: UpstreamCall, signal: AbortSignal | undefined) => Promise<Response> | Response | undefined;

/**
 * A stand-in for a Powens domain. The error bodies of `/auth/*` echo the credentials they received: the worst
 * upstream there could be, so that the tests show the demo server never passes on the error body of a call it
 * makes for itself. (Answers to forwarded calls are the API's own and go to the browser as they are.)
 */
function fakeUpstream() {
  const calls: UpstreamCall[] = [];
  const users = new Map<string, number>();
  const tokens: string[] = [];
  const codes: string[] = [];
  let override: Override | undefined;

  const echo = (status: number, call: UpstreamCall) =>
    Response.json(
      call.path.startsWith('/auth/')
        ? { code: 'unauthorized', description: `refused ${call.authorization ?? ''} ${call.body}`, request_id: 'r1' }
        : { code: 'unauthorized', description: 'Invalid token', request_id: 'r1' },
      { status },
    );
  const userOf = (call: UpstreamCall) => users.get(call.authorization?.replace(/^Bearer /, '') ?? '');

  function answer(call: UpstreamCall): Response {
    if (call.method === 'POST' && call.path === '/auth/init') {
      const body = JSON.parse(call.body) as { client_id?: unknown; client_secret?: unknown };
      if (body.client_id !== CLIENT.id || body.client_secret !== CLIENT.secret) return echo(401, call);
      const id = users.size + 1;
      const token = `user-token-${id}-${randomUUID()}`;
      users.set(token, id);
      tokens.push(token);
      return Response.json({ auth_token: token, type: 'permanent', id_user: id });
    }
    if (call.method === 'GET' && call.path === '/auth/token/code') {
      if (userOf(call) === undefined || call.search !== '?type=singleAccess') return echo(401, call);
      const code = `code-${randomUUID()}`;
      codes.push(code);
      return Response.json({ code, type: 'temporary', access: 'singleAccess', expires_in: 1800 });
    }
    if (call.path.startsWith('/users/me/connections')) {
      const idUser = userOf(call);
      if (idUser === undefined) return echo(401, call);
      if (call.method === 'DELETE') return new Response(null, { status: 204 });
      if (call.path === '/users/me/connections' && call.method === 'GET') return Response.json({ connections: [] });
      return Response.json({ id: 7, id_user: idUser, state: null, received: call.body });
    }
    if (call.path.startsWith('/connectors')) {
      if (call.method !== 'GET' && call.authorization !== `Bearer ${CONFIG_TOKEN}`) return echo(401, call);
      return Response.json({ connectors: [], total: 0 });
    }
    return echo(404, call);
  }

  const fetchImpl = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    const call: UpstreamCall = {
      method: request.method,
      path: url.pathname.replace(/^\/2\.0/, ''),
      search: url.search,
      authorization: request.headers.get('authorization'),
      cookie: request.headers.get('cookie'),
      body: await request.text(),
    };
    calls.push(call);
    return (await override?.(call, init?.signal ?? undefined)) ?? answer(call);
  };

  return {
    fetch: fetchImpl as typeof fetch,
    calls,
    tokens,
    codes,
    /** The upstream forgets every user, as an emulator does when it restarts. */
    forgetUsers: () => users.clear(),
    setOverride: (next: Override | undefined) => {
      override = next;
    },
  };
}

type FakeUpstream = ReturnType<typeof fakeUpstream>;

function configFor(upstream: FakeUpstream, overrides: Partial<ApiProxyConfig> = {}): ApiProxyConfig {
  return {
    ...resolveApiProxyConfig({
      CONNECTOR_KIT_EMULATOR_URL: UPSTREAM,
      POWENS_CONFIG_TOKEN: CONFIG_TOKEN,
      POWENS_CLIENT_ID: CLIENT.id,
      POWENS_CLIENT_SECRET: CLIENT.secret,
    }),
    fetch: upstream.fetch,
    ...overrides,
  };
}

/** Every answer the browser could see, for the scan of credentials. */
const { call, seen: seenByBrowser } = createRecordingCaller();

interface Demo {
  base: string;
  port: number;
  sessions: SessionStore;
  close(): Promise<void>;
}

/**
 * The demo's middleware alone in a Node server, as Vite mounts it, allowed at its own URL and loopback aliases.
 * `tls` makes the server see its connections as TLS ones (https), as behind `vite --https`.
 */
async function startDemo(config: ApiProxyConfig, options: { tls?: boolean } = {}): Promise<Demo> {
  let origins: string[] = [];
  const sessions = createSessionStore();
  const middleware = createApiProxyMiddleware(() => ({ ...config, allowedOrigins: origins }), { sessions });
  const server: Server = createServer((request, response) => {
    if (options.tls) Object.defineProperty(request.socket, 'encrypted', { value: true, configurable: true });
    middleware(request, response, () => {
      response.writeHead(418, { 'content-type': 'text/plain' });
      response.end('not the API');
    });
  });
  const { port, close } = await listenOnLoopback(server);
  origins = withLoopbackAliases([`${options.tls ? 'https' : 'http'}://127.0.0.1:${port}`]);
  return { base: `http://127.0.0.1:${port}`, port, sessions, close };
}

const jsonHeaders = { 'content-type': 'application/json' };

describe('the session store', () => {
  it('makes 256-bit random ids, never one the browser chose', () => {
    const store = createSessionStore();
    const ids = new Set<string>();
    for (let index = 0; index < 100; index++) ids.add(store.create({ userToken: `t${index}`, userId: index }).id);
    expect(ids.size).toBe(100);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(store.get('x'.repeat(43))).toBeUndefined();
    expect(store.get('not an id')).toBeUndefined();
    expect(store.get(undefined)).toBeUndefined();
  });

  it('expires sessions after their lifetime', () => {
    let now = 1_000_000;
    const store = createSessionStore({ ttlMs: 1000, now: () => now });
    const session = store.create({ userToken: 'token', userId: 1 });
    now += 999;
    expect(store.get(session.id)?.userToken).toBe('token');
    now += 1;
    expect(store.get(session.id)).toBeUndefined();
    expect(store.size).toBe(0);
  });

  it('evicts the oldest sessions past its bound, and sweeps expired ones on the way', () => {
    let now = 0;
    const store = createSessionStore({ maxSessions: 3, ttlMs: 100, now: () => now });
    const [a, b, c] = [1, 2, 3].map((userId) => store.create({ userToken: `t${userId}`, userId }));
    const d = store.create({ userToken: 't4', userId: 4 });
    expect(store.size).toBe(3);
    expect(store.get(a?.id)).toBeUndefined();
    expect([b, c, d].map((session) => store.get(session?.id)?.userId)).toEqual([2, 3, 4]);
    now = 100;
    store.create({ userToken: 't5', userId: 5 });
    expect(store.size).toBe(1);
  });

  it('reads its cookie among others, and writes it HttpOnly, SameSite=Lax, Path=/, Secure over https only', () => {
    const store = createSessionStore();
    const session = store.create({ userToken: 't', userId: 1 });
    expect(sessionIdFromCookies(`a=1; ${SESSION_COOKIE}=${session.id}; b=2`)).toBe(session.id);
    expect(sessionIdFromCookies('a=1')).toBeUndefined();
    expect(sessionIdFromCookies(null)).toBeUndefined();
    const plain = sessionCookie(session, { secure: false }).split('; ');
    expect(plain).toEqual([`${SESSION_COOKIE}=${session.id}`, 'Path=/', 'Max-Age=86400', 'HttpOnly', 'SameSite=Lax']);
    expect(sessionCookie(session, { secure: true }).split('; ')).toContain('Secure');
  });
});

describe('the connect configuration', () => {
  it('points the emulator at its own Webview, next to its API', () => {
    const config = resolveApiProxyConfig({ CONNECTOR_KIT_EMULATOR_URL: 'http://127.0.0.1:4999/2.0' });
    expect(connectPageConfig(config)).toEqual({
      clientId: EMULATOR_CLIENT_ID,
      domain: 'connector-kit-emulator',
      webviewUrl: 'http://127.0.0.1:4999/webview',
      apiUrl: 'http://127.0.0.1:4999/2.0',
      webview: true,
    });
    expect(describeHandOff(config)).toBe('hand-off: emulator Webview at http://127.0.0.1:4999/webview');
    expect(() => resolveApiProxyConfig({ CONNECTOR_KIT_EMULATOR_URL: 'not a url' })).toThrow(
      /CONNECTOR_KIT_EMULATOR_URL/,
    );
  });

  it('points a Powens domain at the Powens Webview, when it has a client id and secret', () => {
    const env = { POWENS_DOMAIN: 'acme-sandbox', POWENS_CLIENT_ID: 'acme-id', POWENS_CLIENT_SECRET: 'acme-secret' };
    const config = resolveApiProxyConfig(env);
    expect(config.client).toEqual({ id: 'acme-id', secret: 'acme-secret' });
    expect(connectPageConfig(config)).toEqual({
      clientId: 'acme-id',
      domain: 'acme-sandbox',
      webviewUrl: 'https://webview.powens.com',
      apiUrl: 'https://acme-sandbox.biapi.pro/2.0',
      webview: true,
    });
    expect(describeHandOff(config)).toBe('hand-off: Powens Webview for acme-sandbox');
    expect(JSON.stringify(connectPageConfig(config))).not.toContain('acme-secret');
    expect(describeApiProxy(config)).not.toContain('acme-secret');
  });

  it('says the hand-off is unavailable for a Powens domain without both', () => {
    for (const env of [
      { POWENS_DOMAIN: 'acme-sandbox.biapi.pro' },
      { POWENS_DOMAIN: 'acme-sandbox.biapi.pro', POWENS_CLIENT_ID: 'acme-id' },
      { POWENS_DOMAIN: 'acme-sandbox.biapi.pro', POWENS_CLIENT_SECRET: 'acme-secret' },
    ]) {
      const config = resolveApiProxyConfig(env);
      expect(config.client).toBeUndefined();
      expect(connectPageConfig(config)).toEqual({
        clientId: null,
        domain: 'acme-sandbox.biapi.pro',
        webviewUrl: 'https://webview.powens.com',
        apiUrl: 'https://acme-sandbox.biapi.pro/2.0',
        webview: false,
      });
      expect(describeHandOff(config)).toBe('hand-off unavailable: set POWENS_CLIENT_ID and POWENS_CLIENT_SECRET');
    }
  });

  it('knows which routes carry which token', () => {
    expect(isUserRequest('GET', '/users/me/connections')).toBe(true);
    expect(isUserRequest('POST', '/users/me/connections')).toBe(true);
    for (const method of ['GET', 'POST', 'PUT', 'DELETE'])
      expect(isUserRequest(method, '/users/me/connections/42')).toBe(true);
    expect(isUserRequest('DELETE', '/users/me/connections')).toBe(false);
    expect(isUserRequest('GET', '/users/me/connections/abc')).toBe(false);
    expect(isUserRequest('PUT', '/connectors/x')).toBe(false);
    for (const method of ['POST', 'PUT', 'DELETE'])
      expect(isWriteRequest(method, '/users/me/connections/42')).toBe(false);
  });
});

describe('the hand-off and connections routes', () => {
  let upstream: FakeUpstream;
  let demo: Demo;
  const origin = () => demo.base;

  beforeEach(async () => {
    upstream = fakeUpstream();
    demo = await startDemo(configFor(upstream));
  });
  afterEach(async () => {
    await demo.close();
  });

  const postCode = (headers: Record<string, string> = {}) =>
    call(demo.base, '/api/connect/code', { method: 'POST', headers: { origin: origin(), ...headers } });

  it('answers the page’s public configuration, and never makes a session for it', async () => {
    const answer = await call(demo.base, '/api/connect/config');
    expect(answer.status).toBe(200);
    expect(json(answer)).toEqual({
      clientId: CLIENT.id,
      domain: 'connector-kit-emulator',
      webviewUrl: 'http://upstream.test/webview',
      apiUrl: UPSTREAM,
      webview: true,
    });
    expect(answer.headers['cache-control']).toBe('no-store');
    expect(answer.headers['set-cookie']).toBeUndefined();
    const wrongMethod = await call(demo.base, '/api/connect/config', { method: 'POST', headers: { origin: origin() } });
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.allow).toBe('GET');
    expect(upstream.calls).toEqual([]);
  });

  it('makes the session’s user on the first code, and reuses it for the next', async () => {
    const first = await postCode();
    expect(first.status).toBe(200);
    expect(first.headers['cache-control']).toBe('no-store');
    expect(json(first)).toEqual({ code: upstream.codes[0] });
    const cookie = setCookieOf(first) ?? '';
    expect(cookie).toMatch(
      new RegExp(`^${SESSION_COOKIE}=[A-Za-z0-9_-]{43}; Path=/; Max-Age=86400; HttpOnly; SameSite=Lax$`),
    );
    expect(cookie).not.toContain('Secure');

    const second = await postCode({ cookie: cookieFrom(first) });
    expect(second.status).toBe(200);
    expect(json(second)).toEqual({ code: upstream.codes[1] });
    expect(upstream.codes[1]).not.toBe(upstream.codes[0]);
    expect(second.headers['set-cookie']).toBeUndefined();

    expect(upstream.calls.map((seen) => `${seen.method} ${seen.path}${seen.search}`)).toEqual([
      'POST /auth/init',
      'GET /auth/token/code?type=singleAccess',
      'GET /auth/token/code?type=singleAccess',
    ]);
    expect(JSON.parse(upstream.calls[0]?.body ?? '')).toEqual({ client_id: CLIENT.id, client_secret: CLIENT.secret });
    expect(upstream.calls[0]?.authorization).toBeNull();
    expect(upstream.calls[1]?.authorization).toBe(`Bearer ${upstream.tokens[0]}`);
    expect(upstream.calls[2]?.authorization).toBe(`Bearer ${upstream.tokens[0]}`);
    expect(upstream.tokens).toHaveLength(1);
    expect(demo.sessions.size).toBe(1);

    // Another browser (no cookie) gets a user of its own.
    const other = await postCode();
    expect(cookieFrom(other)).not.toBe(cookieFrom(first));
    expect(upstream.tokens).toHaveLength(2);
  });

  it('never makes a session or a user on a GET', async () => {
    const gets = [
      '/api/connect/config',
      '/api/connect/code',
      '/api/2.0/users/me/connections',
      '/api/2.0/users/me/connections/3',
      '/api/2.0/connectors',
    ];
    for (const pathname of gets) {
      const answer = await call(demo.base, pathname);
      expect(answer.headers['set-cookie'], pathname).toBeUndefined();
    }
    expect(demo.sessions.size).toBe(0);
    expect(upstream.calls.map((seen) => seen.path)).toEqual(['/connectors']);
  });

  it('replaces a user the API no longer knows, once', async () => {
    const first = await postCode();
    upstream.forgetUsers();
    const again = await postCode({ cookie: cookieFrom(first) });
    expect(again.status).toBe(200);
    expect(json(again)).toEqual({ code: upstream.codes.at(-1) });
    expect(cookieFrom(again)).not.toBe(cookieFrom(first));
    expect(demo.sessions.size).toBe(1);
    // The old session is gone: its cookie no longer opens the connections routes.
    const old = await call(demo.base, '/api/2.0/users/me/connections/1', { headers: { cookie: cookieFrom(first) } });
    expect(old.status).toBe(401);
  });

  it('answers 502 without the upstream’s words when a user cannot be made, and makes no session', async () => {
    upstream.setOverride((seen) =>
      seen.path === '/auth/init'
        ? Response.json({ code: 'bug', description: `echo ${seen.body}` }, { status: 500 })
        : undefined,
    );
    const answer = await postCode();
    expect(answer.status).toBe(502);
    expect(json(answer)).toEqual({
      code: 'badGateway',
      description: 'POST /auth/init answered 500',
      request_id: null,
    });
    expect(answer.headers['set-cookie']).toBeUndefined();
    expect(demo.sessions.size).toBe(0);
  });

  it('keeps the user when only the code fails, so that a retry does not make another', async () => {
    upstream.setOverride((seen) =>
      seen.path === '/auth/token/code' ? Response.json({ code: 'bug' }, { status: 503 }) : undefined,
    );
    const failed = await postCode();
    expect(failed.status).toBe(502);
    expect(json(failed)).toEqual({
      code: 'badGateway',
      description: 'GET /auth/token/code answered 503',
      request_id: null,
    });
    upstream.setOverride(undefined);
    const retried = await postCode({ cookie: cookieFrom(failed) });
    expect(retried.status).toBe(200);
    expect(upstream.tokens).toHaveLength(1);
  });

  it('answers 502 for an unreachable API or a malformed answer, and 504 for a slow one', async () => {
    upstream.setOverride(() => {
      throw new TypeError('fetch failed');
    });
    expect(json(await postCode())).toMatchObject({ code: 'badGateway', request_id: null });

    upstream.setOverride(() => new Response('<html>', { status: 200, headers: { 'content-type': 'text/html' } }));
    expect(json(await postCode())).toEqual({
      code: 'badGateway',
      description: 'POST /auth/init answered something other than JSON',
      request_id: null,
    });

    upstream.setOverride(() => Response.json({ type: 'permanent' }));
    expect(json(await postCode())).toMatchObject({ description: 'POST /auth/init answered without a user token' });

    await demo.close();
    demo = await startDemo(configFor(upstream, { timeoutMs: 50 }));
    upstream.setOverride(
      (_seen, signal) =>
        new Promise<Response>((_resolve, reject) => {
          signal?.addEventListener('abort', () => reject(signal.reason));
        }),
    );
    const slow = await postCode();
    expect(slow.status).toBe(504);
    expect(json(slow)).toEqual({
      code: 'gatewayTimeout',
      description: 'POST /auth/init did not answer in time',
      request_id: null,
    });
  });

  it('refuses a code to other sites’ pages, before any upstream call', async () => {
    for (const headers of [
      { origin: 'http://evil.example' },
      { origin: 'null' },
      { origin: origin(), 'sec-fetch-site': 'cross-site' },
      { 'sec-fetch-site': 'same-site' },
    ]) {
      const answer = await call(demo.base, '/api/connect/code', { method: 'POST', headers });
      expect(answer.status, JSON.stringify(headers)).toBe(403);
      expect(json(answer)).toMatchObject({ code: 'forbidden', request_id: null });
      expect(answer.headers['set-cookie']).toBeUndefined();
    }
    expect(upstream.calls).toEqual([]);
    expect(demo.sessions.size).toBe(0);
    const sameOrigin = await postCode({ 'sec-fetch-site': 'same-origin' });
    expect(sameOrigin.status).toBe(200);
  });

  it('forwards the connections routes with the session user’s token, never the config token', async () => {
    const cookie = cookieFrom(await postCode());
    upstream.calls.length = 0;
    const browserHeaders = { cookie, origin: origin(), authorization: 'Bearer from-the-browser' };

    const list = await call(demo.base, '/api/2.0/users/me/connections?expand=accounts', { headers: browserHeaders });
    expect(list.status).toBe(200);
    expect(json(list)).toEqual({ connections: [] });

    const body = JSON.stringify({ connector_uuid: 'c1', login: 'user', password: 'hunter2' });
    const created = await call(demo.base, '/api/2.0/users/me/connections?source=openapi', {
      method: 'POST',
      headers: { ...browserHeaders, ...jsonHeaders },
      body,
    });
    expect(created.status).toBe(200);
    expect(json(created)).toMatchObject({ id: 7, received: body });

    for (const method of ['GET', 'POST', 'PUT']) {
      const one = await call(demo.base, '/api/2.0/users/me/connections/7?background=true', {
        method,
        headers: browserHeaders,
      });
      expect(one.status, method).toBe(200);
    }
    const deleted = await call(demo.base, '/api/2.0/users/me/connections/7', {
      method: 'DELETE',
      headers: browserHeaders,
    });
    expect(deleted.status).toBe(204);
    expect(deleted.body).toBe('');

    expect(upstream.calls.map((seen) => [seen.method, `${seen.path}${seen.search}`, seen.authorization])).toEqual([
      ['GET', '/users/me/connections?expand=accounts', `Bearer ${upstream.tokens[0]}`],
      ['POST', '/users/me/connections?source=openapi', `Bearer ${upstream.tokens[0]}`],
      ['GET', '/users/me/connections/7?background=true', `Bearer ${upstream.tokens[0]}`],
      ['POST', '/users/me/connections/7?background=true', `Bearer ${upstream.tokens[0]}`],
      ['PUT', '/users/me/connections/7?background=true', `Bearer ${upstream.tokens[0]}`],
      ['DELETE', '/users/me/connections/7', `Bearer ${upstream.tokens[0]}`],
    ]);
    expect(upstream.calls.every((seen) => seen.cookie === null)).toBe(true);
    expect(upstream.calls[1]?.body).toBe(body);
  });

  it('sends connector writes with the config token, never the user’s, even from a browser with a session', async () => {
    const cookie = cookieFrom(await postCode());
    upstream.calls.length = 0;
    const headers = { cookie, origin: origin(), ...jsonHeaders };
    expect((await call(demo.base, '/api/2.0/connectors', { headers })).status).toBe(200);
    const write = await call(demo.base, '/api/2.0/connectors/abc', { method: 'PUT', headers, body: '{"hidden":true}' });
    expect(write.status).toBe(200);
    expect(upstream.calls.map((seen) => [seen.method, seen.authorization])).toEqual([
      ['GET', null],
      ['PUT', `Bearer ${CONFIG_TOKEN}`],
    ]);
  });

  it('answers 401 without a session, an unknown one or an expired one, before any upstream call', async () => {
    const expected = { code: 'unauthorized', description: 'No session: start a connection first', request_id: null };
    const cookies = [undefined, `${SESSION_COOKIE}=${'A'.repeat(43)}`, `${SESSION_COOKIE}=../../etc`];
    for (const cookie of cookies) {
      for (const [method, pathname] of [
        ['GET', '/api/2.0/users/me/connections/5'],
        ['POST', '/api/2.0/users/me/connections/5'],
        ['DELETE', '/api/2.0/users/me/connections/5'],
      ] as const) {
        const answer = await call(demo.base, pathname, {
          method,
          headers: { origin: origin(), ...(cookie === undefined ? {} : { cookie }) },
          ...(method === 'POST' ? { body: '{}' } : {}),
        });
        expect(answer.status, `${method} ${pathname} ${cookie}`).toBe(401);
        expect(json(answer)).toEqual(expected);
      }
    }
    expect(upstream.calls).toEqual([]);
  });

  it('forwards only the connections routes and methods it knows', async () => {
    const cookie = cookieFrom(await postCode());
    upstream.calls.length = 0;
    const headers = { cookie, origin: origin() };
    const notFound = [
      '/api/2.0/users/me/connections/abc',
      '/api/2.0/users/me/connections/1/accounts',
      '/api/2.0/users/me',
    ];
    for (const pathname of notFound) expect((await call(demo.base, pathname, { headers })).status, pathname).toBe(404);
    const patch = await call(demo.base, '/api/2.0/users/me/connections/1', { method: 'PATCH', headers });
    expect(patch.status).toBe(405);
    expect(patch.headers.allow).toBe('GET, POST, PUT, DELETE');
    const deleteAll = await call(demo.base, '/api/2.0/users/me/connections', { method: 'DELETE', headers });
    expect(deleteAll.status).toBe(405);
    expect((await call(demo.base, '/api/other', { headers })).status).toBe(404);
    expect((await call(demo.base, '/api/connect/other', { headers })).status).toBe(404);
    expect(upstream.calls).toEqual([]);
  });

  it('refuses connections writes from other sites before they reach the API', async () => {
    const cookie = cookieFrom(await postCode());
    upstream.calls.length = 0;
    for (const headers of [
      { cookie, origin: 'http://evil.example' },
      { cookie, 'sec-fetch-site': 'cross-site' },
    ]) {
      const answer = await call(demo.base, '/api/2.0/users/me/connections/1', { method: 'DELETE', headers });
      expect(answer.status).toBe(403);
    }
    expect(upstream.calls).toEqual([]);
  });

  it('passes an upstream 204 and 304 through with no body', async () => {
    upstream.setOverride((seen) =>
      seen.path === '/connectors'
        ? new Response(null, { status: seen.method === 'GET' ? 304 : 204, headers: { 'cache-control': 'max-age=60' } })
        : undefined,
    );
    const notModified = await call(demo.base, '/api/2.0/connectors', { headers: { 'if-none-match': '"x"' } });
    expect(notModified.status).toBe(304);
    expect(notModified.body).toBe('');
    expect(notModified.headers['cache-control']).toBe('max-age=60');
    const noContent = await call(demo.base, '/api/2.0/connectors', {
      method: 'PATCH',
      headers: { origin: origin(), ...jsonHeaders },
      body: '{}',
    });
    expect(noContent.status).toBe(204);
    expect(noContent.body).toBe('');
  });

  it('answers 503 for a code when the hand-off is unavailable, and says so in its configuration', async () => {
    await demo.close();
    const config = {
      ...resolveApiProxyConfig({ POWENS_DOMAIN: 'acme-sandbox' }, { domainBaseUrl: () => UPSTREAM }),
      fetch: upstream.fetch,
    };
    demo = await startDemo(config);
    expect(json(await call(demo.base, '/api/connect/config'))).toMatchObject({ webview: false, clientId: null });
    const answer = await postCode();
    expect(answer.status).toBe(503);
    expect(json(answer)).toMatchObject({ code: 'handOffUnavailable', request_id: null });
    // No user, hence no connection; and none can be made without the client's id and secret.
    const connections = await call(demo.base, '/api/2.0/users/me/connections');
    expect([connections.status, json(connections)]).toEqual([200, { connections: [] }]);
    const creation = await call(demo.base, '/api/2.0/users/me/connections', {
      method: 'POST',
      headers: { origin: origin(), 'content-type': 'application/json' },
      body: '{}',
    });
    expect(creation.status).toBe(401);
    // The rest of the demo keeps working.
    expect((await call(demo.base, '/api/2.0/connectors')).status).toBe(200);
    expect(upstream.calls.map((seen) => seen.path)).toEqual(['/connectors']);
  });
});

describe('https', () => {
  it('marks the session cookie Secure when the app is served over https', async () => {
    const upstream = fakeUpstream();
    const demo = await startDemo(configFor(upstream), { tls: true });
    try {
      const httpsOrigin = `https://127.0.0.1:${demo.port}`;
      const answer = await call(demo.base, '/api/connect/code', { method: 'POST', headers: { origin: httpsOrigin } });
      expect(answer.status).toBe(200);
      expect(setCookieOf(answer)?.split('; ')).toEqual([
        expect.stringMatching(new RegExp(`^${SESSION_COOKIE}=`)),
        'Path=/',
        'Max-Age=86400',
        'HttpOnly',
        'SameSite=Lax',
        'Secure',
      ]);
      // The page's origin is the https one: the http origin of the same host and port is another site.
      const plainOrigin = await call(demo.base, '/api/connect/code', {
        method: 'POST',
        headers: { origin: demo.base },
      });
      expect(plainOrigin.status).toBe(403);
    } finally {
      await demo.close();
    }
  });

  it('does the same through the Fetch API functions', async () => {
    const upstream = fakeUpstream();
    const config = configFor(upstream, { allowedOrigins: ['https://app.example'] });
    const sessions = createSessionStore();
    const answer = await handleConnectRequest(
      new Request('https://app.example/api/connect/code', {
        method: 'POST',
        headers: { origin: 'https://app.example' },
      }),
      config,
      sessions,
    );
    expect(answer?.status).toBe(200);
    expect(answer?.headers.getSetCookie()[0]).toMatch(/; HttpOnly; SameSite=Lax; Secure$/);
    const outside = await handleApiRequest(new Request('https://app.example/api/connect/code'), config, sessions);
    expect(outside).toBeNull();
  });
});

describe('secrets', () => {
  const consoleMethods = ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const;
  let spies: MockInstance[] = [];
  beforeEach(() => {
    spies = consoleMethods.map((method) => vi.spyOn(console, method));
  });
  afterEach(() => {
    for (const spy of spies) spy.mockRestore();
  });

  it('never reach the browser nor a log, on any route or failure', async () => {
    seenByBrowser.length = 0;
    const upstream = fakeUpstream();
    const demo = await startDemo(configFor(upstream, { timeoutMs: 200 }));
    const codeAnswers = new Set<Answer>();
    try {
      const sameOrigin = { origin: demo.base };
      const postCode = async (headers: Record<string, string> = {}) => {
        const answer = await call(demo.base, '/api/connect/code', {
          method: 'POST',
          headers: { ...sameOrigin, ...headers },
        });
        if (answer.status === 200) codeAnswers.add(answer);
        return answer;
      };
      const first = await postCode();
      const cookie = cookieFrom(first);
      await postCode({ cookie });
      const withSession = { ...sameOrigin, cookie, ...jsonHeaders };

      // Every route, with and without a session, and refused.
      await call(demo.base, '/api/connect/config');
      for (const [method, pathname] of [
        ['GET', '/api/2.0/connectors'],
        ['PUT', '/api/2.0/connectors/abc'],
        ['PATCH', '/api/2.0/connectors'],
        ['GET', '/api/2.0/users/me/connections'],
        ['POST', '/api/2.0/users/me/connections'],
        ['GET', '/api/2.0/users/me/connections/7'],
        ['POST', '/api/2.0/users/me/connections/7'],
        ['PUT', '/api/2.0/users/me/connections/7'],
        ['DELETE', '/api/2.0/users/me/connections/7'],
        ['GET', '/api/2.0/users/me/connections/x'],
        ['PATCH', '/api/2.0/users/me/connections/7'],
        ['GET', '/api/nothing'],
      ] as const) {
        const body = method === 'GET' || method === 'DELETE' ? {} : { body: '{"a":"1"}' };
        await call(demo.base, pathname, { method, headers: withSession, ...body });
        await call(demo.base, pathname, { method, headers: { ...sameOrigin, ...jsonHeaders }, ...body });
        await call(demo.base, pathname, {
          method,
          headers: { ...withSession, origin: 'http://evil.example' },
          ...body,
        });
        await call(demo.base, pathname, { method, headers: { ...withSession, host: 'evil.test' }, ...body });
      }

      // Upstream failures whose bodies echo credentials, on the calls the server makes for itself.
      upstream.setOverride((seen) =>
        seen.path.startsWith('/auth/')
          ? Response.json({ code: 'bug', description: `${seen.authorization} ${seen.body}` }, { status: 401 })
          : Response.json({ code: 'unauthorized', description: 'Invalid token' }, { status: 401 }),
      );
      await postCode({ cookie });
      await postCode();
      await call(demo.base, '/api/2.0/users/me/connections', { headers: withSession });
      await call(demo.base, '/api/2.0/connectors/abc', { method: 'PUT', headers: withSession, body: '{}' });
      upstream.setOverride(() => Response.json({ code: 'bug' }, { status: 500 }));
      await postCode({ cookie });
      await postCode();
      upstream.setOverride(() => {
        throw new TypeError(`fetch failed for ${CLIENT.secret}`);
      });
      await postCode({ cookie });
      await postCode();
      await call(demo.base, '/api/2.0/users/me/connections', { headers: withSession });
      upstream.setOverride(
        (_seen, signal) =>
          new Promise<Response>((_resolve, reject) => signal?.addEventListener('abort', () => reject(signal.reason))),
      );
      await postCode({ cookie });
      await call(demo.base, '/api/2.0/connectors/abc', { method: 'PUT', headers: withSession, body: '{}' });
      upstream.setOverride(() => {
        throw new Error(`a bug that mentions ${CONFIG_TOKEN}`);
      });
      await postCode({ cookie });
    } finally {
      await demo.close();
    }

    expect(upstream.tokens.length).toBeGreaterThan(0);
    expect(upstream.codes.length).toBeGreaterThan(0);
    expect(codeAnswers.size).toBe(2);
    const credentials = [CLIENT.secret, CONFIG_TOKEN, ...upstream.tokens];
    for (const answer of seenByBrowser) {
      const headers = JSON.stringify(answer.headers);
      for (const credential of [...credentials, ...upstream.codes]) expect(headers).not.toContain(credential);
      for (const credential of credentials) expect(answer.body).not.toContain(credential);
      if (!codeAnswers.has(answer)) for (const code of upstream.codes) expect(answer.body).not.toContain(code);
    }
    expect(seenByBrowser.length).toBeGreaterThan(50);

    const logged = JSON.stringify(spies.flatMap((spy) => spy.mock.calls));
    for (const credential of [...credentials, ...upstream.codes]) expect(logged).not.toContain(credential);
  });

  it('never show in the startup lines of the Vite plugin, which serves the routes at its own origins', async () => {
    const upstream = fakeUpstream();
    const proxy = configFor(upstream);
    const logs: string[] = [];
    const logger = createLogger('info');
    logger.info = (message) => {
      logs.push(message);
    };
    const root = await mkdtemp(path.join(os.tmpdir(), 'connector-kit-demo-plugin-'));
    await writeFile(path.join(root, 'index.html'), '<!doctype html><title>demo</title>');
    await mkdir(path.join(root, 'dist'));
    await writeFile(path.join(root, 'dist', 'index.html'), '<!doctype html><title>built</title>');
    const common = {
      configFile: false as const,
      root,
      logLevel: 'info' as const,
      customLogger: logger,
      plugins: [demoServer({ proxy })],
    };
    // Vite's own host check is turned off (`allowedHosts: true`, as it is too under `--https`) to show that the
    // demo's routes refuse other hosts on their own, as they do when mounted outside Vite.
    const listen = { host: '127.0.0.1', port: 0, allowedHosts: true as const };
    const dev = await createViteServer({ ...common, server: { ...listen, ws: false } });
    await dev.listen();
    const built = await preview({ ...common, build: { outDir: path.join(root, 'dist') }, preview: listen });
    try {
      const devPort = (dev.httpServer?.address() as AddressInfo | null)?.port;
      const previewPort = (built.httpServer.address() as AddressInfo).port;
      expect(devPort).toBeTypeOf('number');
      for (const port of [devPort ?? 0, previewPort]) {
        const base = `http://127.0.0.1:${port}`;
        expect((await call(base, '/api/connect/config')).status, base).toBe(200);
        expect((await call(base, '/api/connect/config', { headers: { host: `localhost:${port}` } })).status).toBe(200);
        const rebound = await call(base, '/api/connect/config', {
          headers: { host: `evil.test:${port}`, origin: `http://evil.test:${port}` },
        });
        expect(rebound.status, `${base} ${rebound.body}`).toBe(421);
        const code = await call(base, '/api/connect/code', { method: 'POST', headers: { origin: base } });
        expect(code.status).toBe(200);
        const crossSite = await call(base, '/api/connect/code', {
          method: 'POST',
          headers: { origin: `http://evil.test:${port}` },
        });
        expect(crossSite.status).toBe(403);
      }
      const page = await call(`http://127.0.0.1:${previewPort}`, '/');
      expect(page.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    } finally {
      await dev.close();
      await built.close();
      await rm(root, { recursive: true, force: true });
    }
    const startup = logs.filter((line) => /API proxy|hand-off/.test(line));
    expect(startup).toEqual([
      `  API proxy: /api/2.0 → the emulator at ${UPSTREAM} (config token set)`,
      '  hand-off: emulator Webview at http://upstream.test/webview',
      `  API proxy: /api/2.0 → the emulator at ${UPSTREAM} (config token set)`,
      '  hand-off: emulator Webview at http://upstream.test/webview',
    ]);
    const everything = JSON.stringify(logs);
    for (const credential of [CLIENT.secret, CONFIG_TOKEN, ...upstream.tokens, ...upstream.codes]) {
      expect(everything).not.toContain(credential);
    }
  });
});
