/**
 * The emulator behind a real HTTP server on loopback, for the demo app, e2e tests and manual checks with curl.
 * Node only (`node:http`); the answers come from the same emulator the MSW handlers use.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createEmulator, DEFAULT_BASE_PATH, type Emulator, type EmulatorOptions } from './emulator.ts';
import { jsonResponse } from './http.ts';
import { sendFetchResponse, toFetchRequest } from './node-http.ts';

export {
  BodyTooLargeError,
  type FetchRequestOptions,
  sendFetchResponse,
  toFetchRequest,
} from './node-http.ts';

export interface MockServerOptions extends EmulatorOptions {
  /** Port to listen on (default 4010); `0` picks a free one. */
  port?: number;
  /** Interface to bind (default `127.0.0.1`: loopback only). */
  host?: string;
  /**
   * Answer CORS preflights and add CORS headers for the allowed origins (see `allowedOrigins`), so that a web page on
   * another origin can read the answers (default true).
   */
  cors?: boolean;
  /**
   * The web origins whose pages may call the server besides the loopback ones (exact origins: scheme, host and port,
   * e.g. `https://app.example.test`), or `'*'` for every origin. By default only pages on a loopback origin
   * (`http(s)://localhost`, `127.x.x.x` or `[::1]`, any port) and the server's own pages may: a request whose `Origin`
   * is any other website is refused with 403 and no CORS header, so a page a developer happens to visit cannot drive
   * their running emulator. A request without `Origin` (curl, a server, a link followed) is always answered.
   */
  allowedOrigins?: readonly string[] | '*';
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

/** Every answer depends on the request's `Origin`: a cache must not give one origin's answer to another. */
const VARY_ORIGIN: Readonly<Record<string, string>> = { Vary: 'Origin' };

/** The origin as `URL.origin` writes it, or `null` when it is not an http(s) origin. */
function normalizeOrigin(origin: string): string | null {
  try {
    const url = new URL(origin);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : null;
  } catch {
    return null;
  }
}

/** `localhost`, `127.0.0.0/8` or `[::1]`, on any port. */
function isLoopbackOrigin(origin: string): boolean {
  const { hostname } = new URL(origin);
  return hostname === 'localhost' || hostname === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);
}

/**
 * The origin of the server's own pages as this connection reached them: its local address and port, never the
 * `Host` header, which the client chooses (a page on a name pointed at this machine sends a `Host` of its own).
 */
function ownOrigin(message: IncomingMessage): string | null {
  const { localAddress, localPort } = message.socket;
  if (localAddress === undefined || localPort === undefined) return null;
  const address = localAddress.startsWith('::ffff:') ? localAddress.slice('::ffff:'.length) : localAddress;
  return normalizeOrigin(`http://${address.includes(':') ? `[${address}]` : address}:${localPort}`);
}

/** Whether a page on `origin` (the `Origin` header, present) may call the server. */
function isAllowedOrigin(origin: string, allowed: ReadonlySet<string> | '*', message: IncomingMessage): boolean {
  if (allowed === '*') return true;
  const normalized = normalizeOrigin(origin);
  if (normalized === null) return false;
  return isLoopbackOrigin(normalized) || allowed.has(normalized) || normalized === ownOrigin(message);
}

/** The CORS headers of an answer to an allowed request: the caller's origin echoed, none without an `Origin`. */
function corsHeadersFor(origin: string | undefined): Record<string, string> {
  if (origin === undefined) return { ...VARY_ORIGIN };
  return { ...CORS_HEADERS, 'Access-Control-Allow-Origin': normalizeOrigin(origin) ?? origin, ...VARY_ORIGIN };
}

function forbiddenOrigin(origin: string): Response {
  return jsonResponse(403, {
    code: 'forbidden',
    description:
      `Requests from the origin "${origin}" are not allowed: only loopback origins and the allowed origins ` +
      '(the allowedOrigins option, or --allowed-origin) may call this emulator',
    request_id: null,
  });
}

function tooLarge(): Response {
  return jsonResponse(413, {
    code: 'requestEntityTooLarge',
    description: 'The request body is larger than 1 MB',
    request_id: null,
  });
}

/** Starts the emulator on `http://host:port/2.0`. */
export function startMockServer(options: MockServerOptions = {}): Promise<MockServer> {
  const { port = 4010, host = '127.0.0.1', cors = true, allowedOrigins = [], ...emulatorOptions } = options;
  const emulator = createEmulator(emulatorOptions);
  const allowed =
    allowedOrigins === '*' ? '*' : new Set(allowedOrigins.map(normalizeOrigin).filter((origin) => origin !== null));
  const urlHost = host.includes(':') ? `[${host}]` : host;
  /** The host of a request's URL when it has no usable `Host` header: the server's own address, once it listens. */
  let fallbackHost = urlHost;

  const server = createServer((message, out) => {
    serve(message, out).catch(() => {
      out.destroy();
    });
  });

  async function serve(message: IncomingMessage, out: ServerResponse): Promise<void> {
    const origin = message.headers.origin;
    // The emulator's own pages (the Webview, the bank) send no referrer: a browser posts their forms with
    // `Origin: null`, and says `Sec-Fetch-Site: same-origin`, which no page can forge.
    const fromOwnPage = message.headers['sec-fetch-site'] === 'same-origin';
    if (origin !== undefined && !fromOwnPage && !isAllowedOrigin(origin, allowed, message)) {
      return sendFetchResponse(forbiddenOrigin(origin), message, out, VARY_ORIGIN);
    }
    const corsHeaders = cors ? corsHeadersFor(origin) : {};
    if (cors && message.method === 'OPTIONS') {
      return sendFetchResponse(new Response(null, { status: 204 }), message, out, corsHeaders);
    }
    // The connection closes after a 413 rather than reading the rest of the body.
    const refuseTooLarge = () => sendFetchResponse(tooLarge(), message, out, { ...corsHeaders, Connection: 'close' });
    if (Number(message.headers['content-length'] ?? 0) > MAX_BODY_BYTES) return refuseTooLarge();

    let bodyTooLarge = false;
    let request: Request;
    try {
      request = toFetchRequest(message, out, {
        maxBodyBytes: MAX_BODY_BYTES,
        onBodyTooLarge: () => {
          bodyTooLarge = true;
        },
        fallbackHost,
      });
    } catch {
      // A method the Fetch API refuses (TRACE...): no route answers it.
      const description = `${message.method} is not allowed on this endpoint`;
      const refusal = jsonResponse(405, { code: 'methodNotAllowed', description, request_id: null });
      return sendFetchResponse(refusal, message, out, corsHeaders);
    }
    let response: Response;
    try {
      response = await emulator.handle(request);
    } catch (error) {
      if (bodyTooLarge) return refuseTooLarge();
      if (request.signal.aborted) return;
      if (error instanceof TypeError) {
        // A network fault or a lost answer: drop the connection without an answer.
        message.socket.destroy();
        return;
      }
      const description = error instanceof Error ? error.message : String(error);
      response = jsonResponse(500, { code: 'bug', description, request_id: null });
    }
    if (bodyTooLarge) return refuseTooLarge();
    return sendFetchResponse(response, message, out, corsHeaders);
  }

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const actualPort = (server.address() as AddressInfo).port;
      fallbackHost = `${urlHost}:${actualPort}`;
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
