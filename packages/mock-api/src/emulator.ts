/**
 * An emulator of the Powens connectors API (spec/connectors-api.md), written against the Fetch API only
 * (`Request` in, `Response` out) so the same code answers in a browser (MSW in Storybook), in Node tests (MSW)
 * and behind a loopback HTTP server (demo, e2e).
 *
 * It keeps a mutable copy of a dataset: writes really change what the next read returns, and `reset()` restores
 * the dataset. Faults (latency, error statuses, broken bodies, timeouts, network failures) can be injected per
 * route to exercise a client's error handling.
 */
import type { Connector, ConnectorExpand, ConnectorSource } from '@connector-kit/core';
import { demoConnectors } from './data/index.ts';

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
  | 'network';

/**
 * The routes a fault can target:
 * - `list`: `GET /connectors`
 * - `aliases`: `GET /banks` and `GET /providers`
 * - `connector`: `GET /connectors/{ref}`
 * - `update`: `PUT /connectors/{ref}` with a single UUID or id
 * - `batch`: `PATCH /connectors` and `PUT /connectors/{id1,id2,...}`
 * - `sources`: `GET /connectors/{ref}/sources`
 * - `source`: `GET` and `PUT /connectors/{ref}/sources/{id}` (narrow with `method`)
 */
export type EmulatorRoute = 'list' | 'connector' | 'sources' | 'source' | 'update' | 'batch' | 'aliases';

export interface Fault {
  kind: FaultKind;
  /** The route to break; every route when absent. */
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

export interface EmulatorOptions {
  /**
   * The dataset, instead of the default `demoConnectors`. It is deep-copied: the emulator never changes the caller's
   * objects.
   */
  connectors?: readonly Connector[];
  /** The config token the write endpoints expect as `Authorization: Bearer <token>`. */
  configToken?: string;
  /** A delay before every answer, in milliseconds. */
  latencyMs?: number;
  /** Faults active from the start (see `Emulator.setFaults`). */
  faults?: readonly Fault[];
  /** Path of the API root (default `/2.0`). */
  basePath?: string;
  /** Called with a copy of every request the emulator receives, before it answers (for assertions in tests). */
  onRequest?: (request: Request) => void;
}

export interface Emulator {
  /** Answers one request. Rejects with a `TypeError` on a `network` fault and with the abort reason on an abort. */
  handle(request: Request): Promise<Response>;
  /** Restores the dataset and the faults given at creation. */
  reset(): void;
  /** Replaces the active faults. */
  setFaults(faults: readonly Fault[]): void;
  /** The current state of the connectors, writes included. */
  readonly connectors: readonly Connector[];
}

export const DEFAULT_CONFIG_TOKEN = 'emulator-config-token';
export const DEFAULT_BASE_PATH = '/2.0';

/** The connector keys that only appear when asked for with `expand`. */
const EXPANDS = [
  'sources',
  'fields',
  'payment_fields',
  'countries',
  'urls',
] as const satisfies readonly ConnectorExpand[];

const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';

/** The Powens error code that usually goes with a status. */
const STATUS_CODES: Record<number, string> = {
  400: 'invalidValue',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'notFound',
  405: 'methodNotAllowed',
  408: 'requestTimeout',
  409: 'conflict',
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
function htmlPage(status: number): string {
  const title = `${status} ${HTML_STATUS_TEXT[status] ?? 'Error'}`;
  return `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;
}

/** An answer before it becomes a `Response`, so that body faults can work on the real payload. */
interface Answer {
  status: number;
  json: unknown;
  headers?: Record<string, string>;
}

/** A request that cannot be served, with the Powens error to answer. */
class HttpError extends Error {
  readonly status: number;
  readonly code: string;
  readonly headers: Record<string, string> | undefined;
  constructor(status: number, code: string, description: string, headers?: Record<string, string>) {
    super(description);
    this.status = status;
    this.code = code;
    this.headers = headers;
  }
}

const notFound = (description: string) => new HttpError(404, 'notFound', description);
const invalidValue = (description: string) => new HttpError(400, 'invalidValue', description);

interface ActiveFault {
  fault: Fault;
  remaining: number;
}

/** A matched route: its fault name, the methods it allows and its path parameters. */
interface Route {
  name: EmulatorRoute | null;
  allow: readonly string[];
  segments: readonly string[];
}

type Mutable = Record<string, unknown>;

function isRecord(value: unknown): value is Mutable {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function normalizeBasePath(basePath: string): string {
  const trimmed = basePath.replace(/\/+$/, '');
  if (trimmed === '') return '';
  return trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
}

/** Resolves after `ms`, or rejects with the signal's reason as soon as it aborts. */
function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/** Never resolves; rejects with the signal's reason when it aborts. */
function untilAborted(signal: AbortSignal): Promise<never> {
  return new Promise((_resolve, reject) => {
    if (signal.aborted) {
      reject(signal.reason);
      return;
    }
    signal.addEventListener('abort', () => reject(signal.reason), { once: true });
  });
}

function routeOf(method: string, segments: readonly string[]): Route {
  const [first, ref, third, sourceId, ...rest] = segments;
  if (rest.length > 0) return { name: null, allow: [], segments };
  if (first === 'connectors') {
    if (ref === undefined) return { name: method === 'PATCH' ? 'batch' : 'list', allow: ['GET', 'PATCH'], segments };
    if (third === undefined) {
      const name = method === 'GET' ? 'connector' : ref.includes(',') ? 'batch' : 'update';
      return { name, allow: ['GET', 'PUT'], segments };
    }
    if (third !== 'sources') return { name: null, allow: [], segments };
    if (sourceId === undefined) return { name: 'sources', allow: ['GET'], segments };
    return { name: 'source', allow: ['GET', 'PUT'], segments };
  }
  if ((first === 'banks' || first === 'providers') && ref === undefined) {
    return { name: 'aliases', allow: ['GET'], segments };
  }
  return { name: null, allow: [], segments };
}

/** Parses a comma-separated query value into trimmed, non-empty items. */
function csvParam(params: URLSearchParams, name: string): string[] | undefined {
  const raw = params.get(name);
  if (raw === null) return undefined;
  return raw
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

function countryCodesParam(params: URLSearchParams): Set<string> | undefined {
  const codes = csvParam(params, 'country_codes');
  if (codes === undefined || codes.length === 0) return undefined;
  for (const code of codes) {
    if (!/^[a-z]{2}$/i.test(code)) {
      throw invalidValue(`country_codes: "${code}" is not an ISO 3166-1 alpha-2 code`);
    }
  }
  return new Set(codes.map((code) => code.toUpperCase()));
}

function expandParam(params: URLSearchParams): Set<ConnectorExpand> {
  const names = csvParam(params, 'expand') ?? [];
  const expand = new Set<ConnectorExpand>();
  for (const name of names) {
    const known = EXPANDS.find((candidate) => candidate === name);
    if (known === undefined) {
      throw invalidValue(`expand: unknown property "${name}" (expected one of ${EXPANDS.join(', ')})`);
    }
    expand.add(known);
  }
  return expand;
}

function hasCountry(countries: unknown, codes: ReadonlySet<string>): boolean {
  if (!Array.isArray(countries)) return false;
  return countries.some(
    (country) => isRecord(country) && typeof country.id === 'string' && codes.has(country.id.toUpperCase()),
  );
}

function includesString(list: unknown, value: string): boolean {
  return Array.isArray(list) && list.includes(value);
}

/** The connector as the API shows it: expandable keys only when asked for (an empty list when the data has none). */
function present(connector: Connector, expand: ReadonlySet<ConnectorExpand>): Mutable {
  const out: Mutable = { ...connector };
  for (const key of EXPANDS) {
    if (!expand.has(key)) delete out[key];
    else if (out[key] === undefined) out[key] = [];
  }
  return out;
}

/** A Powens DateTime: `2026-07-29 19:26:59`, or an ISO 8601 date, date-time, with or without an offset. */
function isDateTime(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(
    value,
  );
  if (!match) return false;
  const [, year, month, day, hours = '0', minutes = '0', seconds = '0'] = match;
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  return (
    date.getUTCMonth() === Number(month) - 1 &&
    date.getUTCDate() === Number(day) &&
    Number(hours) < 24 &&
    Number(minutes) < 60 &&
    Number(seconds) < 60
  );
}

/** Checks a ConnectorUpdateRequest and returns the changes it asks for; `where` prefixes the names in messages. */
function connectorUpdate(body: unknown, where: string): Mutable {
  if (!isRecord(body)) throw invalidValue(`${where ? where.slice(0, -1) : 'body'}: expected a JSON object`);
  const changes: Mutable = {};
  if (body.hidden !== undefined) {
    if (typeof body.hidden !== 'boolean') throw invalidValue(`${where}hidden: expected a boolean`);
    changes.hidden = body.hidden;
  }
  if (body.sync_periodicity !== undefined) {
    const value = body.sync_periodicity;
    if (value !== null && (typeof value !== 'number' || !Number.isFinite(value) || value < 0)) {
      throw invalidValue(`${where}sync_periodicity: expected a non-negative number or null`);
    }
    // The deprecated connector property `sync_frequency` reports the same setting.
    changes.sync_periodicity = value;
    changes.sync_frequency = value;
  }
  return changes;
}

/** Valid JSON, wrong shape: the lists a client expects are objects, the objects lose their identifier. */
function breakShape(json: unknown): unknown {
  if (!isRecord(json)) return { unexpected: json };
  const out: Mutable = { ...json };
  let changed = false;
  for (const key of ['connectors', 'banks', 'sources']) {
    const value = out[key];
    if (Array.isArray(value)) {
      out[key] = Object.fromEntries(value.map((item, index) => [String(index), item]));
      changed = true;
    }
  }
  // A source has an `id_connector` (and may carry a `uuid` of its own, which is not its identifier).
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

export function createEmulator(options: EmulatorOptions = {}): Emulator {
  const dataset = options.connectors ?? demoConnectors;
  const configToken = options.configToken ?? DEFAULT_CONFIG_TOKEN;
  const latencyMs = options.latencyMs ?? 0;
  const basePath = normalizeBasePath(options.basePath ?? DEFAULT_BASE_PATH);
  const onRequest = options.onRequest;
  const initialFaults = options.faults ?? [];

  let state: Connector[] = structuredClone([...dataset]);
  let faults: ActiveFault[] = [];
  let requestCount = 0;

  function setFaults(next: readonly Fault[]): void {
    faults = next.map((fault) => ({ fault: { ...fault }, remaining: fault.times ?? Number.POSITIVE_INFINITY }));
  }
  setFaults(initialFaults);

  /** The faults that apply to a request (every latency fault, and the first other one), consuming one use of each. */
  function takeFaults(route: EmulatorRoute | null, method: string): Fault[] {
    const taken: Fault[] = [];
    let blocking = false;
    for (const active of faults) {
      const { fault } = active;
      if (active.remaining <= 0) continue;
      if (fault.route !== undefined && fault.route !== route) continue;
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

  function findConnector(ref: string): Connector {
    const connector = /^\d+$/.test(ref)
      ? state.find((candidate) => candidate.id === Number(ref))
      : state.find((candidate) => candidate.uuid.toLowerCase() === ref.toLowerCase());
    if (!connector) throw notFound(`No connector with UUID or id "${ref}"`);
    return connector;
  }

  function findSource(connector: Connector, rawId: string): ConnectorSource {
    if (!/^\d+$/.test(rawId)) throw invalidValue(`sourceId: "${rawId}" is not an integer`);
    const source = connector.sources?.find((candidate) => candidate.id === Number(rawId));
    if (!source) throw notFound(`Connector "${connector.uuid}" has no source with id ${rawId}`);
    return source;
  }

  function requireToken(request: Request): void {
    const header = request.headers.get('authorization');
    if (header === null || header.trim() === '') {
      throw new HttpError(401, 'unauthorized', 'This endpoint requires a config token (Authorization: Bearer ...)');
    }
    const match = /^Bearer\s+(.+)$/i.exec(header.trim());
    if (!match || match[1] !== configToken) {
      throw new HttpError(401, 'unauthorized', 'Invalid config token');
    }
  }

  async function readBody(request: Request): Promise<unknown> {
    const text = await request.text();
    if (text.trim() === '') throw new HttpError(400, 'missingParameter', 'A JSON request body is required');
    try {
      return JSON.parse(text);
    } catch {
      throw invalidValue('The request body is not valid JSON');
    }
  }

  function listConnectors(params: URLSearchParams, keep: (connector: Connector) => boolean, key: string): Answer {
    const countries = countryCodesParam(params);
    const idPayment = params.get('id_payment');
    if (idPayment !== null && !/^[1-9]\d*$/.test(idPayment.trim())) {
      throw invalidValue(`id_payment: "${idPayment}" is not a payment id`);
    }
    const expand = expandParam(params);
    const connectors = state
      .filter(
        (connector) =>
          connector.hidden !== true &&
          keep(connector) &&
          (countries === undefined || hasCountry(connector.countries, countries)) &&
          (idPayment === null || includesString(connector.products, 'pay')),
      )
      .map((connector) => present(connector, expand));
    return { status: 200, json: { [key]: connectors, total: connectors.length } };
  }

  async function dispatch(request: Request, route: Route, params: URLSearchParams): Promise<Answer> {
    const method = request.method.toUpperCase();
    if (route.allow.length === 0) throw notFound(`No such endpoint: ${method} ${new URL(request.url).pathname}`);
    if (!route.allow.includes(method)) {
      throw new HttpError(405, 'methodNotAllowed', `${method} is not allowed on this endpoint`, {
        Allow: route.allow.join(', '),
      });
    }
    if (method === 'GET') {
      if (request.headers.has('authorization')) throw invalidValue('config token sent on a public endpoint');
    } else {
      requireToken(request);
    }

    const [first = '', ref, , sourceId] = route.segments;
    if (ref === undefined) {
      if (first === 'banks') return listConnectors(params, (c) => includesString(c.capabilities, 'bank'), 'banks');
      if (first === 'providers') {
        return listConnectors(params, (c) => includesString(c.capabilities, 'document'), 'banks');
      }
      if (method === 'GET') return listConnectors(params, () => true, 'connectors');
      return batchUpdate(await readBody(request));
    }

    if (route.name === 'sources') {
      const connector = findConnector(ref);
      const countries = countryCodesParam(params);
      const sources = (connector.sources ?? []).filter(
        (source) => countries === undefined || !('countries' in source) || hasCountry(source.countries, countries),
      );
      return { status: 200, json: { sources } };
    }

    if (sourceId !== undefined) {
      const connector = findConnector(ref);
      const source = findSource(connector, sourceId);
      if (method === 'GET') return { status: 200, json: source };
      const body = await readBody(request);
      applySourceUpdate(source, body);
      return { status: 200, json: source };
    }

    const expand = expandParam(params);
    if (method === 'GET') return { status: 200, json: present(findConnector(ref), expand) };

    if (ref.includes(',')) {
      const ids = ref.split(',').map((id) => id.trim());
      for (const id of ids) {
        if (!/^\d+$/.test(id)) throw invalidValue(`connectorIds: "${id}" is not a connector id`);
      }
      const connectors = ids.map(findConnector);
      const changes = connectorUpdate(await readBody(request), '');
      for (const connector of connectors) Object.assign(connector, changes);
      const [firstConnector] = connectors;
      return { status: 200, json: firstConnector ? present(firstConnector, expand) : {} };
    }

    const connector = findConnector(ref);
    Object.assign(connector, connectorUpdate(await readBody(request), ''));
    return { status: 200, json: present(connector, expand) };
  }

  /** `PATCH /connectors`: every change is checked before any is applied. */
  function batchUpdate(body: unknown): Answer {
    if (!isRecord(body)) throw invalidValue('Expected an object with connector UUIDs as keys');
    const planned: [Connector, Mutable][] = [];
    for (const [uuid, update] of Object.entries(body)) {
      const changes = connectorUpdate(update, `${uuid}.`);
      const connector = state.find((candidate) => candidate.uuid.toLowerCase() === uuid.toLowerCase());
      if (!connector) throw notFound(`No connector with UUID "${uuid}"`);
      planned.push([connector, changes]);
    }
    for (const [connector, changes] of planned) Object.assign(connector, changes);
    return { status: 200, json: {} };
  }

  function applySourceUpdate(source: ConnectorSource, body: unknown): void {
    if (!isRecord(body)) throw invalidValue('Expected a JSON object');
    const changes: Mutable = {};
    if (body.auth_mechanism !== undefined) {
      const mechanism = body.auth_mechanism;
      const available = source.available_auth_mechanisms ?? [];
      if (typeof mechanism !== 'string' || !available.includes(mechanism)) {
        throw invalidValue(
          `auth_mechanism: expected one of the source's available_auth_mechanisms (${available.join(', ') || 'none'})`,
        );
      }
      changes.auth_mechanism = mechanism;
    }
    if (body.disabled !== undefined) {
      const disabled = body.disabled;
      if (disabled !== null && (typeof disabled !== 'string' || !isDateTime(disabled))) {
        throw invalidValue('disabled: expected a DateTime string or null');
      }
      changes.disabled = disabled;
    }
    Object.assign(source, changes);
  }

  function errorAnswer(error: HttpError, requestId: number): Answer {
    return {
      status: error.status,
      json: { code: error.code, description: error.message, request_id: requestId },
      ...(error.headers ? { headers: error.headers } : {}),
    };
  }

  async function handle(request: Request): Promise<Response> {
    const signal = request.signal;
    if (signal.aborted) throw signal.reason;
    const requestId = ++requestCount;
    onRequest?.(request.clone());

    const method = request.method.toUpperCase();
    const url = new URL(request.url);
    let segments: string[] | null = null;
    if (url.pathname === basePath || url.pathname.startsWith(`${basePath}/`)) {
      try {
        segments = url.pathname
          .slice(basePath.length)
          .split('/')
          .filter((segment) => segment !== '')
          .map(decodeURIComponent);
      } catch {
        segments = null;
      }
    }
    const route: Route = segments ? routeOf(method, segments) : { name: null, allow: [], segments: [] };
    const active = takeFaults(route.name, method);

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
        return new Response(htmlPage(fault.status ?? 502), {
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

    let answer: Answer;
    try {
      answer = segments
        ? await dispatch(request, route, url.searchParams)
        : errorAnswer(notFound(`No such endpoint: ${method} ${url.pathname}`), requestId);
    } catch (error) {
      if (error instanceof HttpError) answer = errorAnswer(error, requestId);
      else if (signal.aborted) throw signal.reason;
      else {
        const description = error instanceof Error ? error.message : String(error);
        answer = errorAnswer(new HttpError(500, 'bug', description), requestId);
      }
    }

    if (fault?.kind === 'truncated-json') {
      const text = JSON.stringify(answer.json);
      return new Response(text.slice(0, Math.max(1, Math.floor(text.length / 2))), {
        status: fault.status ?? answer.status,
        headers: { 'Content-Type': JSON_CONTENT_TYPE, ...answer.headers },
      });
    }
    if (fault?.kind === 'wrong-shape') {
      return jsonResponse(fault.status ?? answer.status, breakShape(answer.json), answer.headers);
    }
    return jsonResponse(answer.status, answer.json, answer.headers);
  }

  return {
    handle,
    reset() {
      state = structuredClone([...dataset]);
      setFaults(initialFaults);
    },
    setFaults,
    get connectors() {
      return state;
    },
  };
}
