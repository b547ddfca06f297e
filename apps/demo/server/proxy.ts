/**
 * The demo's API route: the browser calls `/api/2.0/*` on its own origin, and this server forwards the call to
 * the connectors API (the emulator, or a real Powens domain). The config token never reaches the browser: it is
 * added here, on the four write endpoints only. The connections routes (`/users/me/connections…`) go with the
 * token of the browser's session user instead, which never reaches the browser either (see `session.ts`).
 *
 * This is the pattern to copy in production, with one addition: before adding the token, check that the
 * signed-in user of your app is allowed to manage connectors.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendFetchResponse, toFetchRequest } from '@connector-kit/mock-api/server';
import { CONNECT_MOUNT_PATH, handleConnectRequest, sessionForCreation } from './connect.ts';
import {
  type AllowedOrigins,
  checkDeclaredLength,
  checkHost,
  checkWriteOrigin,
  errorResponse,
  isUnderPath,
  readLimitedBody,
  tooLargeResponse,
} from './guards.ts';
import { createSessionStore, type SessionStore, sessionOf } from './session.ts';

/** The path the browser client uses as its API root. */
export const API_MOUNT_PATH = '/api/2.0';

/** The emulator's address when nothing else is configured (`npm start` runs it there). */
export const DEFAULT_EMULATOR_URL = 'http://127.0.0.1:4010/2.0';

/** The path of every route the demo server answers; anything below it that is not a route answers 404. */
export const API_ROOT_PATH = '/api';

/** The config token the emulator expects unless told otherwise; never used for a real Powens domain. */
export const EMULATOR_CONFIG_TOKEN = 'emulator-config-token';

/** The client id and secret the emulator accepts on `POST /auth/init`; never used for a real Powens domain. */
export const EMULATOR_CLIENT_ID = 'connector-kit-demo';
export const EMULATOR_CLIENT_SECRET = 'emulator-client-secret';

/** The Webview's `domain` parameter for the emulator. */
export const EMULATOR_DOMAIN = 'connector-kit-emulator';

/** The Powens Webview, for every real domain. */
export const POWENS_WEBVIEW_URL = 'https://webview.powens.com';

export interface ApiProxyConfig {
  /** The API root to forward to, e.g. `https://acme-sandbox.biapi.pro/2.0`. */
  upstream: string;
  /** Added as `Authorization: Bearer …` to the write requests; writes go without it when absent. */
  configToken: string | undefined;
  /** What the upstream is, for the startup line: never the token. */
  target: { kind: 'emulator' } | { kind: 'powens'; domain: string };
  /**
   * The client id and secret that create the session users (`POST /auth/init`); server side only. Absent: the
   * hand-off to the Webview is unavailable, and so are the connections routes.
   */
  client?: { id: string; secret: string } | undefined;
  /** Where the browser goes for the hand-off: the Webview's root and the `domain` parameter it expects. */
  webview: { url: string; domain: string };
  /**
   * The origins this server is reached at (see `AllowedOrigins`). Requests addressed to another host and writes
   * from another origin are refused; with none configured, every request is.
   */
  allowedOrigins?: AllowedOrigins | undefined;
  /** Per-request timeout of the upstream call, in milliseconds (default 30,000). */
  timeoutMs?: number;
  /**
   * Timeout of the connections routes, in milliseconds (default 300,000): adding or syncing a connection is
   * synchronous with the bank and may take minutes.
   */
  connectionsTimeoutMs?: number;
  /** The `fetch` used to call the upstream (default: the global one). */
  fetch?: typeof fetch;
}

export interface ResolveApiProxyOptions {
  /** The API root of a Powens domain; injectable so that a test can stand a local server in for a domain. */
  domainBaseUrl?: (domain: string) => string;
}

type Env = Readonly<Record<string, string | undefined>>;

const DOMAIN_PATTERN = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.biapi\.pro)?$/i;

/** `acme-sandbox` or `acme-sandbox.biapi.pro` → `https://acme-sandbox.biapi.pro/2.0`. */
export function powensBaseUrl(domain: string): string {
  const host = domain.toLowerCase().endsWith('.biapi.pro') ? domain : `${domain}.biapi.pro`;
  return `https://${host.toLowerCase()}/2.0`;
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

/**
 * Where the demo's API calls go, from the environment (the one place that reads it):
 * - `POWENS_DOMAIN` set: that Powens domain, with `POWENS_CONFIG_TOKEN` (if any) on writes, and the Powens Webview
 *   when both `POWENS_CLIENT_ID` and `POWENS_CLIENT_SECRET` are set;
 * - otherwise the emulator at `CONNECTOR_KIT_EMULATOR_URL` (default `http://127.0.0.1:4010/2.0`), with
 *   `POWENS_CONFIG_TOKEN`, `POWENS_CLIENT_ID` and `POWENS_CLIENT_SECRET` or else the emulator's own, and the
 *   emulator's Webview at the same origin.
 */
export function resolveApiProxyConfig(env: Env = process.env, options: ResolveApiProxyOptions = {}): ApiProxyConfig {
  const domain = nonEmpty(env.POWENS_DOMAIN);
  const token = nonEmpty(env.POWENS_CONFIG_TOKEN);
  const clientId = nonEmpty(env.POWENS_CLIENT_ID);
  const clientSecret = nonEmpty(env.POWENS_CLIENT_SECRET);
  if (domain !== undefined) {
    if (!DOMAIN_PATTERN.test(domain)) {
      throw new Error('POWENS_DOMAIN must look like "acme-sandbox" or "acme-sandbox.biapi.pro"');
    }
    const upstream = (options.domainBaseUrl ?? powensBaseUrl)(domain);
    return {
      upstream: trimSlashes(upstream),
      configToken: token,
      target: { kind: 'powens', domain },
      client: clientId !== undefined && clientSecret !== undefined ? { id: clientId, secret: clientSecret } : undefined,
      webview: { url: POWENS_WEBVIEW_URL, domain },
    };
  }
  const upstream = trimSlashes(nonEmpty(env.CONNECTOR_KIT_EMULATOR_URL) ?? DEFAULT_EMULATOR_URL);
  return {
    upstream,
    configToken: token ?? EMULATOR_CONFIG_TOKEN,
    target: { kind: 'emulator' },
    client: { id: clientId ?? EMULATOR_CLIENT_ID, secret: clientSecret ?? EMULATOR_CLIENT_SECRET },
    webview: { url: `${emulatorOrigin(upstream)}/webview`, domain: EMULATOR_DOMAIN },
  };
}

/** `http://127.0.0.1:4010/2.0` → `http://127.0.0.1:4010`: the emulator serves its Webview next to its API. */
function emulatorOrigin(upstream: string): string {
  let url: URL;
  try {
    url = new URL(upstream);
  } catch {
    throw new Error('CONNECTOR_KIT_EMULATOR_URL must be an http(s) URL like "http://127.0.0.1:4010/2.0"');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error('CONNECTOR_KIT_EMULATOR_URL must be an http(s) URL like "http://127.0.0.1:4010/2.0"');
  }
  return url.origin;
}

function trimSlashes(url: string): string {
  return url.replace(/\/+$/, '');
}

/** One line for the server's log: where calls go and whether writes are authorized; the token itself never. */
export function describeApiProxy(config: ApiProxyConfig): string {
  const where = config.target.kind === 'powens' ? `Powens domain "${config.target.domain}"` : 'the emulator';
  const token = config.configToken === undefined ? 'no config token: writes will be refused' : 'config token set';
  return `${API_MOUNT_PATH} → ${where} at ${config.upstream} (${token})`;
}

/**
 * The routes of the API this proxy serves; anything else is not forwarded. `credential` says what goes upstream as
 * `Authorization`: the config token on the connector writes, the session user's token on the connections routes,
 * nothing at all on the logos.
 */
const SEGMENT = '[A-Za-z0-9][A-Za-z0-9,-]*';
const UUID = '[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}';
interface ProxyRoute {
  pattern: RegExp;
  methods: readonly string[];
  /** The methods that carry the config token. */
  writes: readonly string[];
  credential: 'config' | 'user' | 'none';
}
const ROUTES: readonly ProxyRoute[] = [
  { pattern: /^\/connectors$/, methods: ['GET', 'PATCH'], writes: ['PATCH'], credential: 'config' },
  { pattern: new RegExp(`^/connectors/${SEGMENT}$`), methods: ['GET', 'PUT'], writes: ['PUT'], credential: 'config' },
  { pattern: new RegExp(`^/connectors/${SEGMENT}/sources$`), methods: ['GET'], writes: [], credential: 'config' },
  {
    pattern: new RegExp(`^/connectors/${SEGMENT}/sources/${SEGMENT}$`),
    methods: ['GET', 'PUT'],
    writes: ['PUT'],
    credential: 'config',
  },
  { pattern: /^\/(?:banks|providers)$/, methods: ['GET'], writes: [], credential: 'config' },
  // An `<img>` asks for it: public, like the connector reads, and cached by the browser as the API says.
  { pattern: new RegExp(`^/logos/${UUID}-thumbnail\\.webp$`), methods: ['GET'], writes: [], credential: 'none' },
  { pattern: /^\/users\/me\/connections$/, methods: ['GET', 'POST'], writes: [], credential: 'user' },
  {
    pattern: /^\/users\/me\/connections\/\d+$/,
    methods: ['GET', 'POST', 'PUT', 'DELETE'],
    writes: [],
    credential: 'user',
  },
];

/**
 * Whether a call is one of the four write endpoints that need the config token: `PUT /connectors/{uuid}`,
 * `PATCH /connectors`, `PUT /connectors/{id1,id2,…}` and `PUT /connectors/{uuid}/sources/{id}`.
 * `path` is relative to the API root.
 */
export function isWriteRequest(method: string, path: string): boolean {
  const upper = method.toUpperCase();
  return ROUTES.some((route) => route.pattern.test(path) && route.writes.includes(upper));
}

/** Where the direct path creates a connection: the call that makes a browser's user when it has none. */
const CONNECTIONS_PATH = '/users/me/connections';

/** Whether a call goes upstream with the session user's token: the connections routes. */
export function isUserRequest(method: string, path: string): boolean {
  const upper = method.toUpperCase();
  return ROUTES.some(
    (route) => route.pattern.test(path) && route.credential === 'user' && route.methods.includes(upper),
  );
}

/** Request headers worth passing on; everything else (cookies, the browser's own Authorization...) stays here. */
const FORWARDED_REQUEST_HEADERS = ['accept', 'accept-language', 'content-type'];
/** Response headers the browser client reads. */
const FORWARDED_RESPONSE_HEADERS = ['content-type', 'retry-after', 'allow', 'cache-control', 'content-language'];
/** Statuses whose answer has no body: `new Response(body, { status: 204 })` would throw. */
const NULL_BODY_STATUSES = new Set([204, 205, 304]);

/**
 * Answers one call to `/api/2.0/*` (Fetch API in, Fetch API out). Returns `null` for a URL outside the mount path,
 * so that the host server can serve it another way. `sessions` holds the session users for the connections
 * routes; without it (or without a session cookie) they answer 401, except the list (empty: no user yet) and the
 * first creation of a connection (which makes the browser's user).
 *
 * The checks run in this order, all before the body is read: the host (421), the route (404), the method (405),
 * the origin of a write (403), the declared body size (413), the session (401); then the body is read up to 1 MB
 * (413 past it), and only then is a user made for a first connection.
 */
export async function handleApiRequest(
  request: Request,
  config: ApiProxyConfig,
  sessions?: SessionStore,
): Promise<Response | null> {
  const url = new URL(request.url);
  if (!isUnderPath(url.pathname, API_MOUNT_PATH)) return null;
  const misdirected = checkHost(request, config.allowedOrigins);
  if (misdirected) return misdirected;
  const path = url.pathname.slice(API_MOUNT_PATH.length);
  const method = request.method.toUpperCase();

  const route = ROUTES.find((candidate) => candidate.pattern.test(path));
  if (!route) return errorResponse(404, 'notFound', `The demo server does not forward ${path || '/'}`);
  if (!route.methods.includes(method)) {
    return errorResponse(405, 'methodNotAllowed', `${method} is not allowed on this endpoint`, {
      Allow: route.methods.join(', '),
    });
  }
  const refused = checkWriteOrigin(request, config.allowedOrigins) ?? checkDeclaredLength(request);
  if (refused) return refused;

  let session = route.credential === 'user' ? sessionOf(request, sessions) : undefined;
  // The first connection of the direct path makes this browser's Powens user, as the hand-off's first code does.
  const makesUser =
    route.credential === 'user' &&
    session === undefined &&
    sessions !== undefined &&
    method === 'POST' &&
    path === CONNECTIONS_PATH;
  if (route.credential === 'user' && session === undefined && !makesUser) {
    // No session is no user yet: nothing connected, which is an answer, not an error.
    if (method === 'GET' && path === CONNECTIONS_PATH) {
      return Response.json({ connections: [] }, { headers: { 'cache-control': 'no-store' } });
    }
    return errorResponse(401, 'unauthorized', 'No session: start a connection first');
  }

  // The body is read (within its limit) before a user is made for it: a refused request makes none.
  let body: Uint8Array<ArrayBuffer> | null | undefined;
  try {
    body = method === 'GET' ? undefined : await readLimitedBody(request);
  } catch {
    return errorResponse(request.signal.aborted ? 499 : 400, 'badRequest', 'The request body could not be read');
  }
  if (body === null) return tooLargeResponse();

  let setCookie: string | null = null;
  if (makesUser && sessions !== undefined) {
    const made = await sessionForCreation(request, config, sessions);
    if ('refusal' in made) return made.refusal;
    ({ session, setCookie } = made);
  }

  const headers = new Headers();
  for (const name of FORWARDED_REQUEST_HEADERS) {
    const value = request.headers.get(name);
    if (value !== null) headers.set(name, value);
  }
  if (session !== undefined) {
    headers.set('authorization', `Bearer ${session.userToken}`);
  } else if (route.writes.includes(method) && config.configToken !== undefined) {
    headers.set('authorization', `Bearer ${config.configToken}`);
  }

  const timeoutMs =
    route.credential === 'user' ? (config.connectionsTimeoutMs ?? 300_000) : (config.timeoutMs ?? 30_000);
  const timeout = AbortSignal.timeout(timeoutMs);
  let upstream: Response;
  try {
    upstream = await (config.fetch ?? fetch)(`${config.upstream}${path}${url.search}`, {
      method,
      headers,
      signal: AbortSignal.any([request.signal, timeout]),
      redirect: 'manual',
      ...(body && body.byteLength > 0 ? { body } : {}),
    });
  } catch {
    // A user made for this request stays this browser's: the next try goes on with it.
    const cookie: Record<string, string> = setCookie === null ? {} : { 'set-cookie': setCookie };
    if (request.signal.aborted) return errorResponse(499, 'clientClosedRequest', 'The browser went away', cookie);
    return timeout.aborted
      ? errorResponse(504, 'gatewayTimeout', 'The API did not answer in time', cookie)
      : errorResponse(502, 'badGateway', 'The demo server could not reach the API', cookie);
  }

  const responseHeaders = new Headers({ 'cache-control': 'no-store' });
  if (setCookie !== null) responseHeaders.set('set-cookie', setCookie);
  for (const name of FORWARDED_RESPONSE_HEADERS) {
    const value = upstream.headers.get(name);
    if (value !== null) responseHeaders.set(name, value);
  }
  if (NULL_BODY_STATUSES.has(upstream.status)) {
    await upstream.body?.cancel();
    return new Response(null, { status: upstream.status, headers: responseHeaders });
  }
  return new Response(await upstream.arrayBuffer(), { status: upstream.status, headers: responseHeaders });
}

/**
 * Answers every call under `/api/`: the proxy (`/api/2.0/*`), the hand-off routes (`/api/connect/*`), and 404 for
 * anything else there (after the host check). `null` for a URL outside `/api/`.
 */
export async function handleDemoRequest(
  request: Request,
  config: ApiProxyConfig,
  sessions: SessionStore,
): Promise<Response | null> {
  const { pathname } = new URL(request.url);
  if (!isUnderPath(pathname, API_ROOT_PATH)) return null;
  if (isUnderPath(pathname, API_MOUNT_PATH)) return handleApiRequest(request, config, sessions);
  if (isUnderPath(pathname, CONNECT_MOUNT_PATH)) return handleConnectRequest(request, config, sessions);
  return (
    checkHost(request, config.allowedOrigins) ??
    errorResponse(404, 'notFound', `The demo server has no route ${pathname}`)
  );
}

export type NodeMiddleware = (message: IncomingMessage, out: ServerResponse, next: (error?: unknown) => void) => void;

export interface ApiMiddlewareOptions {
  /** The session store (default: a new one for this middleware). */
  sessions?: SessionStore;
}

/**
 * `handleDemoRequest` as a Connect / Node middleware (Vite's dev and preview servers, or a bare `node:http`
 * server): every call under `/api/`, the rest passed on. `config` is read per request, so a getter can follow a
 * changing environment (or origins known only once the server listens).
 *
 * The Node request becomes a Fetch `Request` whose body streams in only when `handleApiRequest` reads it (after its
 * checks, and up to `MAX_BODY_BYTES`), aborted if the browser disconnects; a request with no usable `Host` gets an
 * address no allowed origin matches. The answer closes the connection when the body was left unread.
 */
export function createApiProxyMiddleware(
  config: ApiProxyConfig | (() => ApiProxyConfig),
  options: ApiMiddlewareOptions = {},
): NodeMiddleware {
  const sessions = options.sessions ?? createSessionStore();
  return (message, out, next) => {
    const pathname = (message.url ?? '/').split('?')[0] ?? '/';
    if (!isUnderPath(pathname, API_ROOT_PATH)) {
      next();
      return;
    }
    Promise.resolve()
      .then(() =>
        handleDemoRequest(toFetchRequest(message, out), typeof config === 'function' ? config() : config, sessions),
      )
      .then(async (response) => {
        if (!response) {
          next();
          return;
        }
        await sendFetchResponse(response, message, out);
      })
      .catch(() => {
        if (out.headersSent) {
          out.destroy();
          return;
        }
        const failure = Response.json(
          { code: 'bug', description: 'The demo server failed', request_id: null },
          { status: 500 },
        );
        sendFetchResponse(failure, message, out).catch(() => out.destroy());
      });
  };
}
