/**
 * The demo's API route: the browser calls `/api/2.0/*` on its own origin, and this server forwards the call to
 * the connectors API (the emulator, or a real Powens domain). The config token never reaches the browser: it is
 * added here, on the four write endpoints only.
 *
 * This is the pattern to copy in production, with one addition: before adding the token, check that the
 * signed-in user of your app is allowed to manage connectors.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

/** The path the browser client uses as its API root. */
export const API_MOUNT_PATH = '/api/2.0';

/** The emulator's address when nothing else is configured (`npm start` runs it there). */
export const DEFAULT_EMULATOR_URL = 'http://127.0.0.1:4010/2.0';

/** The config token the emulator expects unless told otherwise; never used for a real Powens domain. */
export const EMULATOR_CONFIG_TOKEN = 'emulator-config-token';

export interface ApiProxyConfig {
  /** The API root to forward to, e.g. `https://acme-sandbox.biapi.pro/2.0`. */
  upstream: string;
  /** Added as `Authorization: Bearer …` to the write requests; writes go without it when absent. */
  configToken: string | undefined;
  /** What the upstream is, for the startup line: never the token. */
  target: { kind: 'emulator' } | { kind: 'powens'; domain: string };
  /** Per-request timeout of the upstream call, in milliseconds (default 30,000). */
  timeoutMs?: number;
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
 * Where the demo's API calls go, from the environment:
 * - `POWENS_DOMAIN` set: that Powens domain, with `POWENS_CONFIG_TOKEN` (if any) on writes;
 * - otherwise the emulator at `CONNECTOR_KIT_EMULATOR_URL` (default `http://127.0.0.1:4010/2.0`), with
 *   `POWENS_CONFIG_TOKEN` or else the emulator's own token.
 */
export function resolveApiProxyConfig(env: Env = process.env, options: ResolveApiProxyOptions = {}): ApiProxyConfig {
  const domain = nonEmpty(env.POWENS_DOMAIN);
  const token = nonEmpty(env.POWENS_CONFIG_TOKEN);
  if (domain !== undefined) {
    if (!DOMAIN_PATTERN.test(domain)) {
      throw new Error('POWENS_DOMAIN must look like "acme-sandbox" or "acme-sandbox.biapi.pro"');
    }
    const upstream = (options.domainBaseUrl ?? powensBaseUrl)(domain);
    return { upstream: trimSlashes(upstream), configToken: token, target: { kind: 'powens', domain } };
  }
  const upstream = nonEmpty(env.CONNECTOR_KIT_EMULATOR_URL) ?? DEFAULT_EMULATOR_URL;
  return { upstream: trimSlashes(upstream), configToken: token ?? EMULATOR_CONFIG_TOKEN, target: { kind: 'emulator' } };
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

/** The routes of the connectors API this proxy serves; anything else is not forwarded. */
const SEGMENT = '[A-Za-z0-9][A-Za-z0-9,-]*';
const ROUTES: readonly { pattern: RegExp; methods: readonly string[]; writes: readonly string[] }[] = [
  { pattern: /^\/connectors$/, methods: ['GET', 'PATCH'], writes: ['PATCH'] },
  { pattern: new RegExp(`^/connectors/${SEGMENT}$`), methods: ['GET', 'PUT'], writes: ['PUT'] },
  { pattern: new RegExp(`^/connectors/${SEGMENT}/sources$`), methods: ['GET'], writes: [] },
  { pattern: new RegExp(`^/connectors/${SEGMENT}/sources/${SEGMENT}$`), methods: ['GET', 'PUT'], writes: ['PUT'] },
  { pattern: /^\/(?:banks|providers)$/, methods: ['GET'], writes: [] },
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

/** Request headers worth passing on; everything else (cookies, the browser's own Authorization...) stays here. */
const FORWARDED_REQUEST_HEADERS = ['accept', 'accept-language', 'content-type'];
/** Response headers the browser client reads. */
const FORWARDED_RESPONSE_HEADERS = ['content-type', 'retry-after', 'allow', 'cache-control', 'content-language'];

function errorResponse(status: number, code: string, description: string, headers: Record<string, string> = {}) {
  return Response.json({ code, description, request_id: null }, { status, headers });
}

/** Whether a write comes from a page of another site: only this app's own pages may trigger one. */
function isCrossSite(request: Request): boolean {
  const site = request.headers.get('sec-fetch-site');
  if (site !== null && site !== 'same-origin' && site !== 'none') return true;
  const origin = request.headers.get('origin');
  if (origin === null) return false;
  const host = request.headers.get('host') ?? new URL(request.url).host;
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}

/**
 * Answers one call to `/api/2.0/*` (Fetch API in, Fetch API out). Returns `null` for a URL outside the mount path,
 * so that the host server can serve it another way.
 */
export async function handleApiRequest(request: Request, config: ApiProxyConfig): Promise<Response | null> {
  const url = new URL(request.url);
  if (url.pathname !== API_MOUNT_PATH && !url.pathname.startsWith(`${API_MOUNT_PATH}/`)) return null;
  const path = url.pathname.slice(API_MOUNT_PATH.length);
  const method = request.method.toUpperCase();

  const route = ROUTES.find((candidate) => candidate.pattern.test(path));
  if (!route) return errorResponse(404, 'notFound', `The demo server does not forward ${path || '/'}`);
  if (!route.methods.includes(method)) {
    return errorResponse(405, 'methodNotAllowed', `${method} is not allowed on this endpoint`, {
      Allow: route.methods.join(', '),
    });
  }
  const write = route.writes.includes(method);
  if (write && isCrossSite(request)) {
    return errorResponse(403, 'forbidden', 'Writes are accepted from this app’s own pages only');
  }

  const headers = new Headers();
  for (const name of FORWARDED_REQUEST_HEADERS) {
    const value = request.headers.get(name);
    if (value !== null) headers.set(name, value);
  }
  if (write && config.configToken !== undefined) headers.set('authorization', `Bearer ${config.configToken}`);

  const body = method === 'GET' ? undefined : await request.arrayBuffer();
  const timeout = AbortSignal.timeout(config.timeoutMs ?? 30_000);
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
    if (request.signal.aborted) return errorResponse(499, 'clientClosedRequest', 'The browser went away');
    return timeout.aborted
      ? errorResponse(504, 'gatewayTimeout', 'The API did not answer in time')
      : errorResponse(502, 'badGateway', 'The demo server could not reach the API');
  }

  const responseHeaders = new Headers({ 'cache-control': 'no-store' });
  for (const name of FORWARDED_RESPONSE_HEADERS) {
    const value = upstream.headers.get(name);
    if (value !== null) responseHeaders.set(name, value);
  }
  return new Response(await upstream.arrayBuffer(), { status: upstream.status, headers: responseHeaders });
}

function readBody(message: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    message.on('data', (chunk: Buffer) => chunks.push(chunk));
    message.on('end', () => resolve(Buffer.concat(chunks)));
    message.on('error', reject);
  });
}

/** The Node request as a Fetch `Request`, aborted if the browser disconnects. */
async function toRequest(message: IncomingMessage, out: ServerResponse): Promise<Request> {
  const controller = new AbortController();
  out.on('close', () => {
    if (!out.writableFinished) controller.abort();
  });
  const headers = new Headers();
  for (const [name, value] of Object.entries(message.headers)) {
    if (name.startsWith(':')) continue;
    if (Array.isArray(value)) for (const item of value) headers.append(name, item);
    else if (value !== undefined) headers.set(name, value);
  }
  const method = (message.method ?? 'GET').toUpperCase();
  const body = method === 'GET' || method === 'HEAD' ? undefined : await readBody(message);
  return new Request(new URL(message.url ?? '/', `http://${message.headers.host ?? 'localhost'}`), {
    method,
    headers,
    signal: controller.signal,
    ...(body && body.length > 0 ? { body: new Uint8Array(body) } : {}),
  });
}

export type NodeMiddleware = (message: IncomingMessage, out: ServerResponse, next: (error?: unknown) => void) => void;

/**
 * `handleApiRequest` as a Connect / Node middleware (Vite's dev and preview servers, or a bare `node:http` server).
 * `config` is read per request, so a getter can follow a changing environment.
 */
export function createApiProxyMiddleware(config: ApiProxyConfig | (() => ApiProxyConfig)): NodeMiddleware {
  return (message, out, next) => {
    const pathname = (message.url ?? '/').split('?')[0] ?? '/';
    if (pathname !== API_MOUNT_PATH && !pathname.startsWith(`${API_MOUNT_PATH}/`)) {
      next();
      return;
    }
    toRequest(message, out)
      .then((request) => handleApiRequest(request, typeof config === 'function' ? config() : config))
      .then(async (response) => {
        if (!response) {
          next();
          return;
        }
        if (out.destroyed) return;
        const body = Buffer.from(await response.arrayBuffer());
        const headers: Record<string, string> = {};
        response.headers.forEach((value, name) => {
          headers[name] = value;
        });
        headers['content-length'] = String(body.length);
        out.writeHead(response.status, headers);
        out.end(body);
      })
      .catch(() => {
        if (!out.headersSent) {
          out.writeHead(500, { 'content-type': 'application/json' });
          out.end(JSON.stringify({ code: 'bug', description: 'The demo server failed', request_id: null }));
        } else out.destroy();
      });
  };
}
