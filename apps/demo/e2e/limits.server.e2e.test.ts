import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import { connect } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES, withLoopbackAliases } from '../server/guards.ts';
import {
  type ApiProxyConfig,
  createApiProxyMiddleware,
  handleApiRequest,
  resolveApiProxyConfig,
} from '../server/proxy.ts';
import { createSessionStore, SESSION_COOKIE, type SessionStore } from '../server/session.ts';
import { listenOnLoopback } from './support/http.ts';

/**
 * What the demo server refuses before reading a request body, and how: oversized bodies (413, by `Content-Length`
 * and while counting a chunked one), unknown routes (404), other sites' writes (403), and requests addressed to
 * another host name (421, DNS rebinding). Requests are written by hand on a raw socket, slowly, so that the tests
 * see the answer arrive while the client is still sending.
 */

const MB = 1024 * 1024;
const UPSTREAM = 'http://upstream.test/2.0';

interface UpstreamCall {
  method: string;
  path: string;
  bodyBytes: number;
}

/** An upstream that answers 200 to everything and records what reached it. */
function recordingUpstream() {
  const calls: UpstreamCall[] = [];
  const fetchImpl = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const body = await request.arrayBuffer();
    calls.push({ method: request.method, path: new URL(request.url).pathname, bodyBytes: body.byteLength });
    if (new URL(request.url).pathname.endsWith('/auth/init')) {
      return Response.json({ auth_token: 'user-token', type: 'permanent', id_user: 1 });
    }
    if (new URL(request.url).pathname.endsWith('/auth/token/code')) return Response.json({ code: 'code-1' });
    return Response.json({ ok: true });
  };
  return { fetch: fetchImpl as typeof fetch, calls };
}

interface Demo {
  port: number;
  sessions: SessionStore;
  close(): Promise<void>;
}

async function startDemo(config: ApiProxyConfig, origins?: (port: number) => string[]): Promise<Demo> {
  let allowed: string[] = [];
  const sessions = createSessionStore();
  const middleware = createApiProxyMiddleware(
    () => (origins === undefined ? { ...config } : { ...config, allowedOrigins: allowed }),
    { sessions },
  );
  const server: Server = createServer((request, response) =>
    middleware(request, response, () => {
      response.writeHead(418);
      response.end();
    }),
  );
  const { port, close } = await listenOnLoopback(server);
  allowed = origins?.(port) ?? [];
  return { port, sessions, close };
}

interface RawAnswer {
  /** The status of the answer, if one came. */
  status: number | undefined;
  /** The answer as received (head and body). */
  text: string;
  /** How many body bytes the client had written when the answer's first bytes arrived. */
  sentWhenAnswered: number | undefined;
  /** How many body bytes the client wrote in all. */
  sent: number;
}

interface RawRequest {
  method: string;
  path: string;
  /** Header lines, without `Content-Length` or `Transfer-Encoding`. */
  headers?: Record<string, string>;
  /** The body's size; sent as `Content-Length` unless `chunked`. */
  bodyBytes: number;
  chunked?: boolean;
  /** The pause between two 64 kB writes, in milliseconds. */
  pauseMs?: number;
}

/**
 * Writes a request by hand on a socket, its body 64 kB at a time with a pause between writes, and stops writing as
 * soon as an answer arrives (or the server closes the connection).
 */
async function rawRequest(port: number, request: RawRequest): Promise<RawAnswer> {
  const socket = connect(port, '127.0.0.1');
  await once(socket, 'connect');
  let text = '';
  let sent = 0;
  let sentWhenAnswered: number | undefined;
  let closed = false;
  socket.on('data', (data: Buffer) => {
    text += data.toString('latin1');
    sentWhenAnswered ??= sent;
  });
  socket.on('error', () => {
    closed = true;
  });
  socket.on('close', () => {
    closed = true;
  });

  const headers: Record<string, string> = { host: `127.0.0.1:${port}`, ...request.headers };
  if (request.chunked) headers['transfer-encoding'] = 'chunked';
  else headers['content-length'] = String(request.bodyBytes);
  const head = `${request.method} ${request.path} HTTP/1.1\r\n${Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join('')}\r\n`;
  socket.write(head);

  const chunkSize = 64 * 1024;
  const filler = Buffer.alloc(chunkSize, 0x61);
  while (sent < request.bodyBytes && sentWhenAnswered === undefined && !closed) {
    const size = Math.min(chunkSize, request.bodyBytes - sent);
    const piece = filler.subarray(0, size);
    const data = request.chunked
      ? Buffer.concat([Buffer.from(`${size.toString(16)}\r\n`), piece, Buffer.from('\r\n')])
      : piece;
    sent += size;
    if (!socket.write(data)) await Promise.race([once(socket, 'drain'), once(socket, 'close')]);
    await sleep(request.pauseMs ?? 3);
  }
  if (request.chunked && sent >= request.bodyBytes && !closed) socket.write('0\r\n\r\n');
  for (let waited = 0; !/\r\n\r\n/.test(text) && !closed && waited < 5000; waited += 10) await sleep(10);
  // The rest of a short answer's body, if any.
  await sleep(20);
  socket.destroy();
  const status = /^HTTP\/1\.1 (\d{3})/.exec(text)?.[1];
  return { status: status === undefined ? undefined : Number(status), text, sentWhenAnswered, sent };
}

function headerOf(answer: RawAnswer, name: string): string | undefined {
  const head = answer.text.split('\r\n\r\n')[0] ?? '';
  const line = head.split('\r\n').find((candidate) => candidate.toLowerCase().startsWith(`${name.toLowerCase()}:`));
  return line?.slice(name.length + 1).trim();
}

const config = (upstream: ReturnType<typeof recordingUpstream>): ApiProxyConfig => ({
  ...resolveApiProxyConfig({ CONNECTOR_KIT_EMULATOR_URL: UPSTREAM }),
  fetch: upstream.fetch,
});

/**
 * The demo server for the tests of one `describe`, in front of `upstream` and allowed at its own address (and its
 * loopback aliases): started before them, closed after them, and the upstream's record emptied after each test.
 */
function demoAround(upstream: ReturnType<typeof recordingUpstream>): Demo {
  const demo = {} as Demo;
  beforeAll(async () => {
    Object.assign(demo, await startDemo(config(upstream), (port) => withLoopbackAliases([`http://127.0.0.1:${port}`])));
  });
  afterAll(async () => {
    await demo.close();
  });
  afterEach(() => {
    upstream.calls.length = 0;
  });
  return demo;
}

describe('request bodies', () => {
  const upstream = recordingUpstream();
  const demo = demoAround(upstream);
  let cookie: string;
  const sameOrigin = () => `http://127.0.0.1:${demo.port}`;

  beforeAll(() => {
    cookie = `${SESSION_COOKIE}=${demo.sessions.create({ userToken: 'user-token', userId: 1 }).id}`;
  });

  const writes = () => [
    { method: 'PUT', path: '/api/2.0/connectors/abc', headers: { 'content-type': 'application/json' } },
    { method: 'PATCH', path: '/api/2.0/connectors', headers: { 'content-type': 'application/json' } },
    { method: 'POST', path: '/api/2.0/users/me/connections', headers: { cookie } },
    { method: 'POST', path: '/api/2.0/users/me/connections/7', headers: { cookie } },
  ];

  it('refuses a body declared over 1 MB with 413 before reading it, for 2 MB and 20 MB', async () => {
    for (const bodyBytes of [2 * MB, 20 * MB]) {
      for (const write of [...writes(), { method: 'POST', path: '/api/connect/code', headers: {} }]) {
        const answer = await rawRequest(demo.port, {
          ...write,
          headers: { ...write.headers, origin: sameOrigin() },
          bodyBytes,
          pauseMs: bodyBytes > 2 * MB ? 3 : 10,
        });
        const label = `${write.method} ${write.path} ${bodyBytes}`;
        expect(answer.status, label).toBe(413);
        expect(answer.text, label).toContain('"code":"payloadTooLarge"');
        expect(headerOf(answer, 'connection'), label).toBe('close');
        // The answer came while the client was still sending: the server did not wait for the body.
        expect(answer.sentWhenAnswered, label).toBeLessThan(bodyBytes);
      }
    }
    expect(upstream.calls).toEqual([]);
  });

  it('counts a chunked body while it streams in, and stops at 1 MB', async () => {
    for (const bodyBytes of [2 * MB, 20 * MB]) {
      for (const write of writes()) {
        const answer = await rawRequest(demo.port, {
          ...write,
          headers: { ...write.headers, origin: sameOrigin() },
          bodyBytes,
          chunked: true,
          pauseMs: bodyBytes > 2 * MB ? 3 : 10,
        });
        const label = `${write.method} ${write.path} ${bodyBytes}`;
        expect(answer.status, label).toBe(413);
        expect(headerOf(answer, 'connection'), label).toBe('close');
        expect(answer.sentWhenAnswered, label).toBeGreaterThan(MAX_BODY_BYTES - 64 * 1024);
        expect(answer.sentWhenAnswered, label).toBeLessThan(bodyBytes);
      }
    }
    expect(upstream.calls).toEqual([]);
  });

  it('answers 404 for an unknown route, 405 for a wrong method, 403 for another site, before the body', async () => {
    const cases = [
      { method: 'POST', path: '/api/2.0/unknown', status: 404, headers: {} },
      { method: 'POST', path: '/api/elsewhere', status: 404, headers: {} },
      { method: 'POST', path: '/api/connect/nothing', status: 404, headers: {} },
      { method: 'POST', path: '/api/2.0/users/me/connections/x', status: 404, headers: { cookie } },
      { method: 'DELETE', path: '/api/2.0/connectors', status: 405, headers: {} },
      { method: 'POST', path: '/api/connect/config', status: 405, headers: {} },
      { method: 'PUT', path: '/api/2.0/connectors/abc', status: 403, headers: { origin: 'http://evil.example' } },
      { method: 'POST', path: '/api/connect/code', status: 403, headers: { 'sec-fetch-site': 'cross-site' } },
      // Without Content-Length, so that the session is checked before the body is counted.
      { method: 'PUT', path: '/api/2.0/users/me/connections/1', status: 401, headers: {}, chunked: true },
      // A first connection makes the browser's user, but only once its body was read within bounds: none here.
      { method: 'POST', path: '/api/2.0/users/me/connections', status: 413, headers: {}, chunked: true },
    ];
    for (const { status, ...request } of cases) {
      const answer = await rawRequest(demo.port, { ...request, bodyBytes: 20 * MB });
      const label = `${request.method} ${request.path}`;
      expect(answer.status, label).toBe(status);
      expect(answer.sentWhenAnswered, label).toBeLessThan(20 * MB);
    }
    expect(upstream.calls).toEqual([]);
  });

  it('reads a body up to 1 MB, and keeps the connection alive after it', async () => {
    const answer = await rawRequest(demo.port, {
      method: 'PUT',
      path: '/api/2.0/connectors/abc',
      headers: { origin: sameOrigin(), 'content-type': 'application/json' },
      bodyBytes: MAX_BODY_BYTES,
      pauseMs: 0,
    });
    expect(answer.status).toBe(200);
    expect(answer.sentWhenAnswered).toBe(MAX_BODY_BYTES);
    expect(headerOf(answer, 'connection')).toBe('keep-alive');
    const chunked = await rawRequest(demo.port, {
      method: 'POST',
      path: '/api/2.0/users/me/connections',
      headers: { origin: sameOrigin(), cookie },
      bodyBytes: 200 * 1024,
      chunked: true,
      pauseMs: 0,
    });
    expect(chunked.status).toBe(200);
    expect(upstream.calls).toEqual([
      { method: 'PUT', path: '/2.0/connectors/abc', bodyBytes: MAX_BODY_BYTES },
      { method: 'POST', path: '/2.0/users/me/connections', bodyBytes: 200 * 1024 },
    ]);
  });
});

describe('bodies given as a Fetch Request', () => {
  /** A body of `total` bytes in 64 kB chunks, counting how many bytes were pulled from it. */
  function countingBody(total: number) {
    const pulled = { bytes: 0 };
    const stream = new ReadableStream<Uint8Array>(
      {
        pull(controller) {
          const size = Math.min(64 * 1024, total - pulled.bytes);
          if (size <= 0) {
            controller.close();
            return;
          }
          pulled.bytes += size;
          controller.enqueue(new Uint8Array(size));
        },
      },
      { highWaterMark: 0 },
    );
    return { stream, pulled };
  }

  const allowed = { allowedOrigins: ['http://app.example'] };

  it('refuses a declared or a streamed body over 1 MB without reading the rest', async () => {
    const upstream = recordingUpstream();
    for (const declared of [true, false]) {
      const { stream, pulled } = countingBody(20 * MB);
      const init: RequestInit & { duplex: 'half' } = {
        method: 'PUT',
        body: stream,
        duplex: 'half',
        headers: declared ? { 'content-length': String(20 * MB) } : {},
      };
      const response = await handleApiRequest(new Request('http://app.example/api/2.0/connectors/abc', init), {
        ...config(upstream),
        ...allowed,
      });
      expect(response?.status).toBe(413);
      expect(pulled.bytes).toBeLessThanOrEqual(declared ? 0 : MAX_BODY_BYTES + 64 * 1024);
    }
    expect(upstream.calls).toEqual([]);
  });

  it('checks the route before the body', async () => {
    const upstream = recordingUpstream();
    const { stream, pulled } = countingBody(20 * MB);
    const init: RequestInit & { duplex: 'half' } = { method: 'POST', body: stream, duplex: 'half' };
    const response = await handleApiRequest(new Request('http://app.example/api/2.0/nothing', init), {
      ...config(upstream),
      ...allowed,
    });
    expect(response?.status).toBe(404);
    expect(pulled.bytes).toBe(0);
  });
});

describe('host names (DNS rebinding)', () => {
  const upstream = recordingUpstream();
  const demo = demoAround(upstream);

  const routes = [
    { method: 'GET', path: '/api/connect/config' },
    { method: 'POST', path: '/api/connect/code' },
    { method: 'GET', path: '/api/2.0/connectors' },
    { method: 'PUT', path: '/api/2.0/connectors/abc' },
    { method: 'GET', path: '/api/2.0/users/me/connections' },
    { method: 'GET', path: '/api/unknown' },
  ];

  it('refuses a request for another host name, even when its Origin matches that name', async () => {
    for (const host of ['evil.test', `evil.test:${0}`, 'evil.test:PORT', '127.0.0.1:1', 'a@127.0.0.1:PORT', '']) {
      const value = host.replace('PORT', String(demo.port));
      for (const route of routes) {
        const answer = await rawRequest(demo.port, {
          ...route,
          headers: { host: value, origin: `http://${value}` },
          bodyBytes: route.method === 'GET' ? 0 : 2,
        });
        const label = `${route.method} ${route.path} Host: ${value}`;
        expect(answer.status, label).toBe(421);
        expect(answer.text, label).toContain('"code":"misdirectedRequest"');
      }
    }
    expect(upstream.calls).toEqual([]);
  });

  it('answers at its own address and its loopback aliases', async () => {
    for (const name of ['127.0.0.1', 'localhost', '[::1]']) {
      const host = `${name}:${demo.port}`;
      const read = await rawRequest(demo.port, {
        method: 'GET',
        path: '/api/connect/config',
        headers: { host },
        bodyBytes: 0,
      });
      expect(read.status, host).toBe(200);
      const write = await rawRequest(demo.port, {
        method: 'POST',
        path: '/api/connect/code',
        headers: { host, origin: `http://${host}` },
        bodyBytes: 0,
      });
      expect(write.status, host).toBe(200);
    }
  });

  it('refuses everything when no origin is configured', async () => {
    const bare = await startDemo(config(upstream));
    try {
      for (const route of routes) {
        const answer = await rawRequest(bare.port, { ...route, bodyBytes: 0 });
        expect(answer.status, route.path).toBe(421);
      }
      // Paths outside /api/ are left to the host server.
      expect((await rawRequest(bare.port, { method: 'GET', path: '/index.html', bodyBytes: 0 })).status).toBe(418);
    } finally {
      await bare.close();
    }
    expect(upstream.calls).toEqual([]);
  });
});
