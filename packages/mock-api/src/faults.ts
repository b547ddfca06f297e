/**
 * Fault injection: which faults a request meets, and the broken answers they give instead of (or made from) the
 * emulator's own answer.
 */
import {
  type Answer,
  isRecord,
  JSON_CONTENT_TYPE,
  jsonResponse,
  type Mutable,
  rejectWhenAborted,
  toResponse,
} from './http.ts';

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

/** The active faults, each with the number of requests it still applies to. */
export interface FaultSet {
  /** Replaces the active faults. */
  set(faults: readonly Fault[]): void;
  /**
   * The faults that apply to a request on `route` (`null`: no known route): every latency fault, and the first
   * other one. Each of them is used once.
   */
  take(route: EmulatorRoute | null, method: string): Fault[];
}

export function createFaultSet(): FaultSet {
  let active: { fault: Fault; remaining: number }[] = [];
  return {
    set(faults) {
      active = faults.map((fault) => ({ fault: { ...fault }, remaining: fault.times ?? Number.POSITIVE_INFINITY }));
    },
    take(route, method) {
      const taken: Fault[] = [];
      let blocking = false;
      for (const entry of active) {
        const { fault } = entry;
        if (entry.remaining <= 0) continue;
        if (fault.route !== undefined && fault.route !== route) continue;
        if (fault.method !== undefined && fault.method.toUpperCase() !== method) continue;
        if (fault.kind !== 'latency') {
          if (blocking) continue;
          blocking = true;
        }
        entry.remaining -= 1;
        taken.push(fault);
      }
      active = active.filter((entry) => entry.remaining > 0);
      return taken;
    },
  };
}

/** The delay the latency faults among `faults` add, in milliseconds. */
export function faultDelay(faults: readonly Fault[]): number {
  let delay = 0;
  for (const fault of faults) if (fault.kind === 'latency') delay += fault.ms ?? 0;
  return delay;
}

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

/** A `status` fault's Powens error, with `Retry-After` on a 429 or when the fault gives one. */
function statusResponse(fault: Fault, requestId: number): Response {
  const status = fault.status ?? 500;
  const retryAfter = fault.retryAfter ?? (status === 429 ? 1 : undefined);
  const code = fault.code ?? STATUS_CODES[status] ?? (status >= 500 ? 'bug' : 'invalidValue');
  return jsonResponse(
    status,
    { code, description: `Injected ${status} answer`, request_id: requestId },
    retryAfter === undefined ? undefined : { 'Retry-After': String(retryAfter) },
  );
}

/**
 * What a fault answers instead of the route, without the route running: a pending promise (`timeout`), a rejection
 * (`network`) or a broken response. `null` for the faults that work on the route's own answer.
 */
export function injectedResponse(fault: Fault, requestId: number, signal: AbortSignal): Promise<Response> | null {
  switch (fault.kind) {
    case 'timeout':
      return rejectWhenAborted(signal);
    case 'network':
      return Promise.reject(new TypeError('Failed to fetch'));
    case 'status':
      return Promise.resolve(statusResponse(fault, requestId));
    case 'html':
      return Promise.resolve(
        new Response(gatewayPage(fault.status ?? 502), {
          status: fault.status ?? 502,
          headers: { 'Content-Type': 'text/html; charset=utf-8' },
        }),
      );
    case 'malformed-json':
      return Promise.resolve(
        new Response('{"connectors": [{"id": 1, "uuid": "a", "name": \'broken\',}], total: NaN', {
          status: fault.status ?? 200,
          headers: { 'Content-Type': JSON_CONTENT_TYPE },
        }),
      );
    default:
      return null;
  }
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

/**
 * The route's answer as the fault leaves it: lost (`lost-response` throws a `TypeError`), cut in the middle, or
 * reshaped; unchanged without a fault that works on it.
 */
export function faultyResponse(answer: Answer, fault: Fault | undefined): Response {
  switch (fault?.kind) {
    case 'lost-response':
      throw new TypeError('Failed to fetch');
    case 'truncated-json':
      return truncated(answer, fault.status);
    case 'wrong-shape':
      return answer.kind === 'json'
        ? jsonResponse(fault.status ?? answer.status, breakShape(answer.json), answer.headers)
        : toResponse(answer);
    default:
      return toResponse(answer);
  }
}
