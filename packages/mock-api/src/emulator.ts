/**
 * An emulator of the Powens API (spec/connectors-api.md, spec/connections-and-webview.md), written against the Fetch
 * API only (`Request` in, `Response` out) so the same code answers in a browser (MSW in Storybook), in Node tests
 * (MSW) and behind a loopback HTTP server (demo, e2e).
 *
 * It plays the other end of a whole bank connection, offline: the connectors routes and their logos, user tokens
 * (`/auth/*`), a user's connections with the states a bank puts them in, `/webauth` with an emulated bank page, an
 * emulated bank app for decoupled approvals, and an emulated Powens Webview. Writes really change what the next read returns, and
 * `reset()` restores the dataset and forgets users and connections. Faults (latency, error statuses, broken bodies,
 * timeouts, network failures, lost answers) can be injected per route to exercise a client's error handling.
 */
import type { Connector } from '@connector-kit/core';
import type { EmulatorContext, EmulatorSettings } from './context.ts';
import { demoConnectors } from './data/index.ts';
import {
  type Answer,
  errorAnswer,
  HttpError,
  invalidValue,
  isRecord,
  JSON_CONTENT_TYPE,
  type Mutable,
  notFound,
  sleep,
  unauthorized,
  untilAborted,
} from './http.ts';
import { bearerToken, type Call, createRouter, type RouteEntry, type RouteMatch } from './router.ts';
import { authRoutes } from './routes/auth.ts';
import { bankAppRoutes } from './routes/bank-app.ts';
import { connectionRoutes } from './routes/connections.ts';
import { connectorRoutes } from './routes/connectors.ts';
import { logoRoutes } from './routes/logos.ts';
import { webauthRoutes } from './routes/webauth.ts';
import { webviewRoutes } from './routes/webview.ts';
import { connectionJson, createConnectionStore, type EmulatedConnection } from './state/connections.ts';
import { resultOfState } from './state/scenarios.ts';
import { createUserStore } from './state/users.ts';

/** What a fault does to the requests it matches. */
export type FaultKind =
  /** Waits `ms` milliseconds, then answers normally. */
  | 'latency'
  /** Answers `status` (default 500) with a Powens error body; 429 carries a `Retry-After` header. */
  | 'status'
  /** Answers `status` (default 200) with a JSON content type and a body that is not valid JSON. */
  | 'malformed-json'
  /** Answers the real body cut in the middle. */
  | 'truncated-json'
  /** Answers an HTML error page, as a gateway or a load balancer would (502 unless `status` says otherwise). */
  | 'html'
  /** Answers valid JSON of the wrong shape: lists that are not arrays, objects without their identifier. */
  | 'wrong-shape'
  /** Never answers: the request stays pending until its signal aborts. */
  | 'timeout'
  /** No answer at all: `handle()` rejects with a `TypeError`, as `fetch` does when the network fails. */
  | 'network'
  /**
   * The request is fully processed (a connection really gets created), then the answer is lost: `handle()` rejects
   * with a `TypeError` like `network`. A client can check that retrying after a lost answer does not do it twice.
   */
  | 'lost-response';

/**
 * The routes a fault can target:
 * - `list`: `GET /connectors`
 * - `aliases`: `GET /banks` and `GET /providers`
 * - `connector`: `GET /connectors/{ref}`
 * - `update`: `PUT /connectors/{ref}` with a single UUID or id
 * - `batch`: `PATCH /connectors` and `PUT /connectors/{id1,id2,...}`
 * - `sources`: `GET /connectors/{ref}/sources`
 * - `source`: `GET` and `PUT /connectors/{ref}/sources/{id}` (narrow with `method`)
 * - `auth`: `POST /auth/init` and `GET /auth/token/code`
 * - `connections`: `GET` and `POST /users/me/connections` (narrow with `method`)
 * - `connection`: `GET`, `POST`, `PUT` and `DELETE /users/me/connections/{id}`
 * - `webauth`: `GET /webauth`
 * - `logo`: `GET /logos/{uuid}-thumbnail.webp`
 */
export type EmulatorRoute =
  | 'list'
  | 'connector'
  | 'sources'
  | 'source'
  | 'update'
  | 'batch'
  | 'aliases'
  | 'auth'
  | 'connections'
  | 'connection'
  | 'webauth'
  | 'logo';

export interface Fault {
  kind: FaultKind;
  /** The route to break; every route (the HTML pages included) when absent. */
  route?: EmulatorRoute;
  /** The HTTP method to break (case-insensitive); every method when absent. */
  method?: string;
  /** Status of the answer, for `status` (default 500), `html` (default 502), `malformed-json` and the body faults. */
  status?: number;
  /** Delay in milliseconds, for `latency`. */
  ms?: number;
  /** Applies to the next `times` matching requests only; forever when absent. */
  times?: number;
  /** Powens error code of a `status` fault, instead of the one that usually goes with the status. */
  code?: string;
  /** Seconds in the `Retry-After` header of a `status` fault (default 1 on a 429, no header otherwise). */
  retryAfter?: number;
}

/** A client application of the emulated Powens domain. */
export interface EmulatorClient {
  id: string;
  /** What `POST /auth/init` expects with `client_id` for a permanent user token. */
  secret: string;
  /**
   * The callback addresses the Webview and `/webauth` may send a user back to; when absent, any absolute http(s)
   * address without a query or a fragment.
   */
  redirectUris?: readonly string[];
  /** The name the pages show ("<name> wants to connect to your accounts"); the client id when absent. */
  name?: string;
}

export interface EmulatorOptions {
  /**
   * The dataset, instead of the default `demoConnectors`. It is deep-copied: the emulator never changes the caller's
   * objects.
   */
  connectors?: readonly Connector[];
  /** The config token the connector write endpoints expect as `Authorization: Bearer <token>`. */
  configToken?: string;
  /** A delay before every answer, in milliseconds. */
  latencyMs?: number;
  /** Faults active from the start (see `Emulator.setFaults`). */
  faults?: readonly Fault[];
  /** Path of the API root (default `/2.0`). The HTML pages (`/webview/…`, `/bank/…`) are at the origin's root. */
  basePath?: string;
  /** Called with a copy of every request the emulator receives, before it answers (for assertions in tests). */
  onRequest?: (request: Request) => void;
  /** The client applications (default: one, `DEFAULT_CLIENT_ID` with `DEFAULT_CLIENT_SECRET`, named "connector-kit demo"). */
  clients?: readonly EmulatorClient[];
  /** The clock of every expiry and date, in epoch milliseconds (default `Date.now`): tests move it instead of waiting. */
  now?: () => number;
  /** How long a `decoupled` connection waits before the bank app approves it on its own (default 10 000 ms). */
  decoupledApprovalMs?: number;
  /** How many GETs of a `validating` connection still show `validating` before it shows its outcome (default 2). */
  validatingPolls?: number;
  /** How long the test connector's `slow` scenario takes to answer (default 5 000 ms). */
  slowScenarioMs?: number;
}

export interface Emulator {
  /**
   * Answers one request. Rejects with a `TypeError` on a `network` or `lost-response` fault and with the abort reason
   * on an abort.
   */
  handle(request: Request): Promise<Response>;
  /** `handle` with the signature of `fetch`: a client in the same process calls the emulator with no server. */
  fetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response>;
  /** Restores the dataset and the faults given at creation, and forgets every user, token, connection and session. */
  reset(): void;
  /** Replaces the active faults. */
  setFaults(faults: readonly Fault[]): void;
  /** The current state of the connectors, writes included. */
  readonly connectors: readonly Connector[];
  /** Creates an anonymous user and its token (permanent unless `permanent: false`: then it lives 30 minutes). */
  createUser(options?: { permanent?: boolean }): { id: number; token: string };
  /** Gives a user a connection, in `state` (default null: it syncs), as if it had been made earlier. */
  addConnection(userId: number, options: { connectorUuid: string; state?: string | null }): EmulatedConnection;
  /** Puts a connection in a state, with the bank's text (a default one for the known states when absent). */
  setConnectionState(id: number, state: string | null, errorMessage?: string | null): EmulatedConnection;
  /** Approves a `decoupled` connection in the bank app, as `POST /bank/app/approve/{id}` does. */
  approveDecoupled(id: number): void;
  /** Every user's connections, as the API shows them. */
  readonly connections: readonly EmulatedConnection[];
}

export const DEFAULT_CONFIG_TOKEN = 'emulator-config-token';
export const DEFAULT_BASE_PATH = '/2.0';
export const DEFAULT_CLIENT_ID = 'connector-kit-demo';
export const DEFAULT_CLIENT_SECRET = 'emulator-client-secret';

/** The paths of the HTML pages, outside the API root (MSW handlers must reach them too). */
export const PAGE_PATH_PREFIXES = ['/webview', '/bank'] as const;

const DEFAULT_CLIENTS: readonly EmulatorClient[] = [
  { id: DEFAULT_CLIENT_ID, secret: DEFAULT_CLIENT_SECRET, name: 'connector-kit demo' },
];

/** The Powens error code that usually goes with a status. */
const STATUS_CODES: Record<number, string> = {
  400: 'invalidValue',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'notFound',
  405: 'methodNotAllowed',
  408: 'requestTimeout',
  409: 'conflict',
  413: 'requestEntityTooLarge',
  429: 'tooManyRequests',
  500: 'bug',
  502: 'badGateway',
  503: 'serviceUnavailable',
  504: 'gatewayTimeout',
};

const HTML_STATUS_TEXT: Record<number, string> = {
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Temporarily Unavailable',
  504: 'Gateway Time-out',
};

/** The error page a reverse proxy answers when the API behind it is down. */
function gatewayPage(status: number): string {
  const title = `${status} ${HTML_STATUS_TEXT[status] ?? 'Error'}`;
  return `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;
}

interface ActiveFault {
  fault: Fault;
  remaining: number;
}

function normalizeBasePath(basePath: string): string {
  const trimmed = basePath.replace(/\/+$/, '');
  if (trimmed === '') return '';
  return trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
}

/** Valid JSON, wrong shape: the lists a client expects are objects, the objects lose their identifier. */
function breakShape(json: unknown): unknown {
  if (!isRecord(json)) return { unexpected: json };
  const out: Mutable = { ...json };
  let changed = false;
  for (const key of ['connectors', 'banks', 'sources', 'connections']) {
    const value = out[key];
    if (Array.isArray(value)) {
      out[key] = Object.fromEntries(value.map((item, index) => [String(index), item]));
      changed = true;
    }
  }
  // A source or a connection has an `id_connector` (a source may carry a `uuid` of its own, not its identifier).
  if ('id_connector' in out) {
    delete out.id;
    changed = true;
  } else if ('uuid' in out) {
    delete out.uuid;
    changed = true;
  } else if ('available_auth_mechanisms' in out) {
    delete out.id;
    changed = true;
  }
  return changed ? out : [out];
}

function jsonResponse(status: number, json: unknown, headers?: Record<string, string>): Response {
  return new Response(JSON.stringify(json), {
    status,
    headers: { 'Content-Type': JSON_CONTENT_TYPE, ...headers },
  });
}

function toResponse(answer: Answer): Response {
  switch (answer.kind) {
    case 'json':
      return jsonResponse(answer.status, answer.json, answer.headers);
    case 'text':
    case 'bytes':
      return new Response(answer.body, { status: answer.status, headers: answer.headers });
    default:
      return new Response(null, { status: answer.status, ...(answer.headers ? { headers: answer.headers } : {}) });
  }
}

/** The answer cut in the middle, as a connection dropped mid-body leaves it. */
function truncated(answer: Answer, status: number | undefined): Response {
  const body =
    answer.kind === 'json'
      ? JSON.stringify(answer.json)
      : answer.kind === 'text' || answer.kind === 'bytes'
        ? answer.body
        : '';
  const headers = answer.kind === 'json' ? { 'Content-Type': JSON_CONTENT_TYPE, ...answer.headers } : answer.headers;
  return new Response(body.slice(0, Math.max(1, Math.floor(body.length / 2))), {
    status: status ?? answer.status,
    ...(headers ? { headers } : {}),
  });
}

export function createEmulator(options: EmulatorOptions = {}): Emulator {
  const dataset = options.connectors ?? demoConnectors;
  const latencyMs = options.latencyMs ?? 0;
  const onRequest = options.onRequest;
  const initialFaults = options.faults ?? [];
  const settings: EmulatorSettings = {
    configToken: options.configToken ?? DEFAULT_CONFIG_TOKEN,
    basePath: normalizeBasePath(options.basePath ?? DEFAULT_BASE_PATH),
    clients: options.clients ?? DEFAULT_CLIENTS,
    now: options.now ?? Date.now,
    decoupledApprovalMs: options.decoupledApprovalMs ?? 10_000,
    validatingPolls: options.validatingPolls ?? 2,
    slowScenarioMs: options.slowScenarioMs ?? 5_000,
  };

  let state: Connector[] = structuredClone([...dataset]);
  let faults: ActiveFault[] = [];
  let requestCount = 0;

  const context: EmulatorContext = {
    settings,
    connectors: () => state,
    findConnector(ref) {
      const connector = /^\d+$/.test(ref)
        ? state.find((candidate) => candidate.id === Number(ref))
        : state.find((candidate) => candidate.uuid.toLowerCase() === ref.toLowerCase());
      if (!connector) throw notFound(`No connector with UUID or id "${ref}"`);
      return connector;
    },
    users: createUserStore(settings.now),
    connections: createConnectionStore(settings),
  };
  const webauth = webauthRoutes(context);
  const webview = webviewRoutes(context);
  const route = createRouter(
    [
      ...connectorRoutes(context),
      ...logoRoutes(context),
      ...authRoutes(context),
      ...connectionRoutes(context),
      ...webauth.routes,
      ...bankAppRoutes(context),
      ...webview.routes,
    ],
    settings.basePath,
  );

  function setFaults(next: readonly Fault[]): void {
    faults = next.map((fault) => ({ fault: { ...fault }, remaining: fault.times ?? Number.POSITIVE_INFINITY }));
  }
  setFaults(initialFaults);

  /** The faults that apply to a request (every latency fault, and the first other one), consuming one use of each. */
  function takeFaults(faultRoute: EmulatorRoute | null, method: string): Fault[] {
    const taken: Fault[] = [];
    let blocking = false;
    for (const active of faults) {
      const { fault } = active;
      if (active.remaining <= 0) continue;
      if (fault.route !== undefined && fault.route !== faultRoute) continue;
      if (fault.method !== undefined && fault.method.toUpperCase() !== method) continue;
      if (fault.kind !== 'latency') {
        if (blocking) continue;
        blocking = true;
      }
      active.remaining -= 1;
      taken.push(fault);
    }
    faults = faults.filter((active) => active.remaining > 0);
    return taken;
  }

  /** The user a `user` route is called by; 401 for no token, the config token, or an unknown or expired one. */
  function requireUser(request: Request): number {
    const token = bearerToken(request);
    if (token === null) throw unauthorized('This endpoint requires a user token (Authorization: Bearer ...)');
    if (token === settings.configToken) throw unauthorized('The config token is not a user token');
    const userId = context.users.userOfBearer(token);
    if (userId === null) throw unauthorized('Invalid or expired user token');
    return userId;
  }

  function requireConfigToken(request: Request): void {
    const header = request.headers.get('authorization');
    if (header === null || header.trim() === '') {
      throw unauthorized('This endpoint requires a config token (Authorization: Bearer ...)');
    }
    if (bearerToken(request) !== settings.configToken) throw unauthorized('Invalid config token');
  }

  /** Checks who calls (the route's `auth`), then lets the route answer. */
  async function callRoute(entry: RouteEntry, call: Call): Promise<Answer> {
    switch (entry.auth) {
      case 'user':
        return entry.handle(call, requireUser(call.request));
      case 'public':
        if (call.request.headers.has('authorization')) throw invalidValue('config token sent on a public endpoint');
        return entry.handle(call);
      case 'config':
        requireConfigToken(call.request);
        return entry.handle(call);
      default:
        return entry.handle(call);
    }
  }

  /** The answer of the route the request matched, errors included. */
  async function dispatch(request: Request, url: URL, match: RouteMatch, requestId: number): Promise<Answer> {
    const method = request.method.toUpperCase();
    if (match.kind === 'not-found') {
      return errorAnswer(notFound(`No such endpoint: ${method} ${url.pathname}`), requestId);
    }
    if (match.kind === 'method-not-allowed') {
      const error = new HttpError(405, 'methodNotAllowed', `${method} is not allowed on this endpoint`, {
        headers: { Allow: match.allow.join(', ') },
      });
      return errorAnswer(error, requestId);
    }
    const call: Call = { request, url, query: url.searchParams, params: match.params, signal: request.signal };
    try {
      return await callRoute(match.entry, call);
    } catch (error) {
      if (request.signal.aborted) throw request.signal.reason;
      const failure =
        error instanceof HttpError
          ? error
          : new HttpError(500, 'bug', error instanceof Error ? error.message : String(error));
      return match.entry.renderError ? match.entry.renderError(failure, call) : errorAnswer(failure, requestId);
    }
  }

  async function handle(request: Request): Promise<Response> {
    const signal = request.signal;
    if (signal.aborted) throw signal.reason;
    const requestId = ++requestCount;
    onRequest?.(request.clone());

    const method = request.method.toUpperCase();
    const url = new URL(request.url);
    const match = route(method, url.pathname);
    const active = takeFaults(match.kind === 'not-found' ? null : match.fault, method);

    let delay = latencyMs;
    for (const fault of active) if (fault.kind === 'latency') delay += fault.ms ?? 0;
    if (delay > 0) await sleep(delay, signal);

    const fault = active.find((candidate) => candidate.kind !== 'latency');
    switch (fault?.kind) {
      case 'timeout':
        return untilAborted(signal);
      case 'network':
        throw new TypeError('Failed to fetch');
      case 'status': {
        const status = fault.status ?? 500;
        const retryAfter = fault.retryAfter ?? (status === 429 ? 1 : undefined);
        const code = fault.code ?? STATUS_CODES[status] ?? (status >= 500 ? 'bug' : 'invalidValue');
        return jsonResponse(
          status,
          { code, description: `Injected ${status} answer`, request_id: requestId },
          retryAfter === undefined ? undefined : { 'Retry-After': String(retryAfter) },
        );
      }
      case 'html':
        return new Response(gatewayPage(fault.status ?? 502), {
          status: fault.status ?? 502,
          headers: { 'Content-Type': 'text/html; charset=utf-8' },
        });
      case 'malformed-json':
        return new Response('{"connectors": [{"id": 1, "uuid": "a", "name": \'broken\',}], total: NaN', {
          status: fault.status ?? 200,
          headers: { 'Content-Type': JSON_CONTENT_TYPE },
        });
      default:
        break;
    }

    const result = await dispatch(request, url, match, requestId);
    if (fault?.kind === 'lost-response') throw new TypeError('Failed to fetch');
    if (fault?.kind === 'truncated-json') return truncated(result, fault.status);
    if (fault?.kind === 'wrong-shape' && result.kind === 'json') {
      return jsonResponse(fault.status ?? result.status, breakShape(result.json), result.headers);
    }
    return toResponse(result);
  }

  /** A connection by id, for the methods tests and demos call directly. */
  function recordOf(id: number) {
    const record = context.connections.get(id);
    if (record === undefined) throw new Error(`No connection with id ${id}`);
    return record;
  }

  const connectorOf = (uuid: string) => state.find((connector) => connector.uuid.toLowerCase() === uuid.toLowerCase());

  return {
    handle,
    fetch: (input, init) => handle(new Request(input, init)),
    reset() {
      state = structuredClone([...dataset]);
      setFaults(initialFaults);
      context.users.clear();
      context.connections.clear();
      webauth.reset();
      webview.reset();
    },
    setFaults,
    get connectors() {
      return state;
    },
    createUser({ permanent = true } = {}) {
      const { id, token } = context.users.createUser(permanent);
      return { id, token };
    },
    addConnection(userId, { connectorUuid, state: initialState = null }) {
      if (!context.users.hasUser(userId)) throw new Error(`No user with id ${userId}`);
      const connector = connectorOf(connectorUuid);
      if (connector === undefined) throw new Error(`No connector with UUID "${connectorUuid}"`);
      const record = context.connections.create(userId, connector, resultOfState(initialState), null);
      return connectionJson(record, connector);
    },
    setConnectionState(id, nextState, errorMessage) {
      const record = recordOf(id);
      context.connections.apply(record, resultOfState(nextState, errorMessage));
      return connectionJson(record, connectorOf(record.connectorUuid));
    },
    approveDecoupled(id) {
      if (!context.connections.approve(recordOf(id))) {
        throw new Error(`Connection ${id} is not waiting for an approval in the bank app`);
      }
    },
    get connections() {
      return context.connections.all().map((record) => {
        context.connections.settle(record);
        return connectionJson(record, connectorOf(record.connectorUuid));
      });
    },
  };
}
