/**
 * The emulator behind a real HTTP server on loopback, for the demo app, e2e tests and manual checks with curl.
 * Node only (`node:http`); the answers come from the same emulator the MSW handlers use.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createEmulator, DEFAULT_BASE_PATH, type Emulator, type EmulatorOptions } from './emulator.ts';

export interface MockServerOptions extends EmulatorOptions {
  /** Port to listen on (default 4010); `0` picks a free one. */
  port?: number;
  /** Interface to bind (default `127.0.0.1`: loopback only). */
  host?: string;
  /**
   * Answer CORS preflights and add CORS headers, so a web page on another origin can call the server (default true).
   * Only loopback origins (`http(s)://localhost`, `127.0.0.1` or `[::1]`, any port) and `allowedOrigins` are allowed:
   * any other website gets no CORS header, so it cannot drive a developer's running emulator.
   */
  cors?: boolean;
  /** More origins allowed by CORS, e.g. `https://app.example.test` (exact origins: scheme, host and port). */
  allowedOrigins?: readonly string[];
}

export interface MockServer {
  /** The API root, e.g. `http://127.0.0.1:4010/2.0`. */
  url: string;
  port: number;
  /** Stops listening and drops open connections. */
  close(): Promise<void>;
  /** The emulator behind the server: change its faults or reset its state from a test. */
  emulator: Emulator;
}

/** The largest request body accepted: 1 MB. */
export const MAX_BODY_BYTES = 1024 * 1024;

const CORS_HEADERS: Readonly<Record<string, string>> = {
  'Access-Control-Allow-Headers': 'Authorization, Content-Type, Accept-Language',
  'Access-Control-Allow-Methods': 'GET, POST, PUT, PATCH, DELETE, OPTIONS',
  'Access-Control-Expose-Headers': 'Allow, Retry-After, Location',
  'Access-Control-Max-Age': '600',
};

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** The origin as `URL.origin` writes it, or `null` when it is not an http(s) origin. */
function normalizeOrigin(origin: string): string | null {
  try {
    const url = new URL(origin);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : null;
  } catch {
    return null;
  }
}

function isLoopbackOrigin(origin: string): boolean {
  const url = new URL(origin);
  return LOOPBACK_HOSTS.has(url.hostname);
}

/** The CORS headers of an answer to a request from `origin`: none for an origin that is not allowed. */
function corsHeadersFor(origin: string | undefined, allowed: ReadonlySet<string>): Record<string, string> {
  const normalized = origin === undefined ? null : normalizeOrigin(origin);
  if (normalized === null || !(isLoopbackOrigin(normalized) || allowed.has(normalized))) return { Vary: 'Origin' };
  return { ...CORS_HEADERS, 'Access-Control-Allow-Origin': normalized, Vary: 'Origin' };
}

/** A request body that went over `MAX_BODY_BYTES` while it streamed in. */
class BodyTooLargeError extends Error {}

/**
 * The request's body as a stream the emulator reads only if the route wants it (so an unknown route answers without
 * reading it), counting bytes: past `MAX_BODY_BYTES` it stops reading and calls `onTooLarge`.
 */
function bodyStream(message: IncomingMessage, onTooLarge: () => void): ReadableStream<Uint8Array> {
  let received = 0;
  // Once closed or errored, the stream takes nothing more (Node may still drain the rest of the body).
  let settled = false;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      message.pause();
      message.on('data', (chunk: Buffer) => {
        if (settled) return;
        received += chunk.length;
        if (received > MAX_BODY_BYTES) {
          settled = true;
          message.pause();
          controller.error(new BodyTooLargeError('The request body is larger than 1 MB'));
          onTooLarge();
          return;
        }
        controller.enqueue(new Uint8Array(chunk));
        if ((controller.desiredSize ?? 0) <= 0) message.pause();
      });
      message.on('end', () => {
        if (settled) return;
        settled = true;
        controller.close();
      });
      message.on('error', (error) => {
        if (settled) return;
        settled = true;
        controller.error(error);
      });
    },
    pull() {
      message.resume();
    },
    cancel() {
      settled = true;
      message.pause();
    },
  });
}

function toRequest(message: IncomingMessage, origin: string, signal: AbortSignal, onTooLarge: () => void): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(message.headers)) {
    if (Array.isArray(value)) for (const item of value) headers.append(name, item);
    else if (value !== undefined) headers.set(name, value);
  }
  const method = (message.method ?? 'GET').toUpperCase();
  const hasBody = method !== 'GET' && method !== 'HEAD';
  const init: RequestInit & { duplex?: 'half' } = { method, headers, signal };
  if (hasBody) {
    init.body = bodyStream(message, onTooLarge);
    init.duplex = 'half';
  }
  return new Request(new URL(message.url ?? '/', origin), init);
}

async function send(response: Response, out: ServerResponse, extraHeaders: Record<string, string>): Promise<void> {
  const body = Buffer.from(await response.arrayBuffer());
  const headers: Record<string, string> = { ...extraHeaders };
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  headers['content-length'] = String(body.length);
  out.writeHead(response.status, headers);
  out.end(body);
}

/**
 * Refuses a body that is too large with a Powens error, and closes the connection afterwards instead of reading the
 * rest of the body.
 */
function refuseTooLarge(out: ServerResponse, extraHeaders: Record<string, string>): void {
  const body = Buffer.from(
    JSON.stringify({
      code: 'requestEntityTooLarge',
      description: 'The request body is larger than 1 MB',
      request_id: null,
    }),
  );
  out.shouldKeepAlive = false;
  out.writeHead(413, {
    ...extraHeaders,
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(body.length),
    connection: 'close',
  });
  out.end(body);
}

/** Starts the emulator on `http://host:port/2.0`. */
export function startMockServer(options: MockServerOptions = {}): Promise<MockServer> {
  const { port = 4010, host = '127.0.0.1', cors = true, allowedOrigins = [], ...emulatorOptions } = options;
  const emulator = createEmulator(emulatorOptions);
  const allowed = new Set(allowedOrigins.map(normalizeOrigin).filter((origin) => origin !== null));
  const urlHost = host.includes(':') ? `[${host}]` : host;

  const server = createServer((message, out) => {
    const corsHeaders = cors ? corsHeadersFor(message.headers.origin, allowed) : {};
    if (cors && message.method === 'OPTIONS') {
      out.writeHead(204, { ...corsHeaders, 'content-length': '0' });
      out.end();
      return;
    }
    const declaredLength = Number(message.headers['content-length'] ?? 0);
    if (declaredLength > MAX_BODY_BYTES) {
      refuseTooLarge(out, corsHeaders);
      return;
    }
    const controller = new AbortController();
    let tooLarge = false;
    out.on('close', () => {
      if (!out.writableFinished) controller.abort(new DOMException('The client closed the connection', 'AbortError'));
    });
    const origin = `http://${message.headers.host ?? urlHost}`;
    const request = toRequest(message, origin, controller.signal, () => {
      tooLarge = true;
      controller.abort(new BodyTooLargeError('The request body is larger than 1 MB'));
    });
    emulator
      .handle(request)
      .then(
        (response) => (tooLarge ? refuseTooLarge(out, corsHeaders) : send(response, out, corsHeaders)),
        (error: unknown) => {
          if (tooLarge) return refuseTooLarge(out, corsHeaders);
          if (controller.signal.aborted) return;
          if (error instanceof TypeError) {
            // A network fault or a lost answer: drop the connection without an answer.
            message.socket.destroy();
            return;
          }
          const description = error instanceof Error ? error.message : String(error);
          return send(Response.json({ code: 'bug', description, request_id: null }, { status: 500 }), out, corsHeaders);
        },
      )
      .catch(() => {
        out.destroy();
      });
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const actualPort = (server.address() as AddressInfo).port;
      const basePath = (emulatorOptions.basePath ?? DEFAULT_BASE_PATH).replace(/\/+$/, '');
      resolve({
        url: `http://${urlHost}:${actualPort}${basePath.startsWith('/') || basePath === '' ? '' : '/'}${basePath}`,
        port: actualPort,
        emulator,
        close: () =>
          new Promise<void>((done, fail) => {
            server.close((error) => (error ? fail(error) : done()));
            server.closeAllConnections();
          }),
      });
    });
  });
}
