/**
 * The emulator's route table: each entry says which methods answer on which path, the fault route it belongs to, who
 * may call it and what answers. One table decides both the fault route of a request and its handler, so the two can
 * never disagree; it also gives 404 for an unknown path and 405 with `Allow` for a known path with another method.
 */
import type { EmulatorContext } from './context.ts';
import type { EmulatorRoute } from './faults.ts';
import { type Answer, errorAnswer, HttpError, invalidValue, notFound, unauthorized } from './http.ts';

/** What a handler gets: the request, its parsed address and its path parameters. */
export interface Call {
  request: Request;
  url: URL;
  query: URLSearchParams;
  params: ReadonlyMap<string, string>;
  signal: AbortSignal;
}

/**
 * Who may call a route:
 * - `public`: anyone, and a request carrying an `Authorization` header is refused (a client leaking its config token
 *   fails its tests);
 * - `config`: the config token only;
 * - `user`: a user token (the handler gets the user's id);
 * - `none`: no check (the pages, `/auth/init`, `/webauth`).
 */
export type RouteAuth = 'public' | 'config' | 'user' | 'none';

interface RouteEntryBase {
  methods: readonly string[];
  /** `api`: the path is under the API base path; `site`: from the root of the origin (the HTML pages). */
  scope: 'api' | 'site';
  /** Literal segments and `:name` parameters, e.g. `/connectors/:ref/sources/:sourceId`. */
  path: string;
  /** The fault route of the requests it answers, or a function of the path parameters; `null` for none. */
  fault: EmulatorRoute | null | ((params: ReadonlyMap<string, string>) => EmulatorRoute);
  /** How an `HttpError` thrown by the handler is answered, when not with a Powens error body (the HTML pages). */
  renderError?: (error: HttpError, call: Call) => Answer;
}

export type RouteEntry =
  | (RouteEntryBase & { auth: 'user'; handle: (call: Call, userId: number) => Answer | Promise<Answer> })
  | (RouteEntryBase & { auth: Exclude<RouteAuth, 'user'>; handle: (call: Call) => Answer | Promise<Answer> });

/** The outcome of routing a request. */
export type RouteMatch =
  | { kind: 'found'; entry: RouteEntry; params: ReadonlyMap<string, string>; fault: EmulatorRoute | null }
  | { kind: 'method-not-allowed'; allow: readonly string[]; fault: EmulatorRoute | null }
  | { kind: 'not-found' };

/** The order of methods in an `Allow` header. */
const METHOD_ORDER = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

/** The path's segments, percent-decoded; `null` when it cannot be decoded. */
function segmentsOf(pathname: string): string[] | null {
  try {
    return pathname
      .split('/')
      .filter((segment) => segment !== '')
      .map(decodeURIComponent);
  } catch {
    return null;
  }
}

/** The path parameters when `segments` fit `pattern`, else `null`. */
function matchPattern(pattern: readonly string[], segments: readonly string[]): Map<string, string> | null {
  if (pattern.length !== segments.length) return null;
  const params = new Map<string, string>();
  for (const [index, part] of pattern.entries()) {
    const segment = segments[index];
    if (segment === undefined) return null;
    if (part.startsWith(':')) params.set(part.slice(1), segment);
    else if (part !== segment) return null;
  }
  return params;
}

function faultOf(entry: RouteEntry, params: ReadonlyMap<string, string>): EmulatorRoute | null {
  return typeof entry.fault === 'function' ? entry.fault(params) : entry.fault;
}

/** A router over `entries`; `basePath` is the API root (`''` or `/2.0`), already normalized. */
export function createRouter(entries: readonly RouteEntry[], basePath: string) {
  const compiled = entries.map((entry) => ({ entry, pattern: entry.path.split('/').filter((part) => part !== '') }));

  return function route(method: string, pathname: string): RouteMatch {
    const site = segmentsOf(pathname);
    if (site === null) return { kind: 'not-found' };
    const underApi = pathname === basePath || pathname.startsWith(`${basePath}/`);
    const api = underApi ? segmentsOf(pathname.slice(basePath.length)) : null;

    const matched: { entry: RouteEntry; params: Map<string, string> }[] = [];
    for (const { entry, pattern } of compiled) {
      const segments = entry.scope === 'api' ? api : site;
      if (segments === null) continue;
      const params = matchPattern(pattern, segments);
      if (params !== null) matched.push({ entry, params });
    }
    const [first] = matched;
    if (first === undefined) return { kind: 'not-found' };
    const found = matched.find(({ entry }) => entry.methods.includes(method));
    if (found) return { kind: 'found', ...found, fault: faultOf(found.entry, found.params) };
    const allow = [...new Set(matched.flatMap(({ entry }) => entry.methods))].sort(
      (left, right) => METHOD_ORDER.indexOf(left) - METHOD_ORDER.indexOf(right),
    );
    return { kind: 'method-not-allowed', allow, fault: faultOf(first.entry, first.params) };
  };
}

/** The user a `user` route is called by; 401 for no token, the config token, or an unknown or expired one. */
function requireUser(request: Request, context: EmulatorContext): number {
  const token = bearerToken(request);
  if (token === null) throw unauthorized('This endpoint requires a user token (Authorization: Bearer ...)');
  if (token === context.settings.configToken) throw unauthorized('The config token is not a user token');
  const userId = context.users.userOfBearer(token);
  if (userId === null) throw unauthorized('Invalid or expired user token');
  return userId;
}

function requireConfigToken(request: Request, context: EmulatorContext): void {
  const header = request.headers.get('authorization');
  if (header === null || header.trim() === '') {
    throw unauthorized('This endpoint requires a config token (Authorization: Bearer ...)');
  }
  if (bearerToken(request) !== context.settings.configToken) throw unauthorized('Invalid config token');
}

/** Checks who calls (the route's `auth`), then lets the route answer. */
async function callRoute(entry: RouteEntry, call: Call, context: EmulatorContext): Promise<Answer> {
  switch (entry.auth) {
    case 'user':
      return entry.handle(call, requireUser(call.request, context));
    case 'public':
      if (call.request.headers.has('authorization')) throw invalidValue('config token sent on a public endpoint');
      return entry.handle(call);
    case 'config':
      requireConfigToken(call.request, context);
      return entry.handle(call);
    default:
      return entry.handle(call);
  }
}

/**
 * The answer to a routed request: 404 or 405 when no route answers it, else the route's answer, its errors included
 * (a Powens error body, or the route's own error page). Rejects with the abort reason when the request is aborted.
 */
export async function answerRoute(
  match: RouteMatch,
  request: Request,
  url: URL,
  requestId: number,
  context: EmulatorContext,
): Promise<Answer> {
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
    return await callRoute(match.entry, call, context);
  } catch (error) {
    if (request.signal.aborted) throw request.signal.reason;
    const failure =
      error instanceof HttpError
        ? error
        : new HttpError(500, 'bug', error instanceof Error ? error.message : String(error));
    return match.entry.renderError ? match.entry.renderError(failure, call) : errorAnswer(failure, requestId);
  }
}

/** A path parameter the route pattern guarantees. */
export function pathParam(call: Call, name: string): string {
  const value = call.params.get(name);
  if (value === undefined) throw new HttpError(500, 'bug', `Route parameter "${name}" is missing`);
  return value;
}

/** The token of an `Authorization: Bearer <token>` header, `null` without one. */
export function bearerToken(request: Request): string | null {
  const header = request.headers.get('authorization');
  if (header === null) return null;
  const match = /^Bearer\s+(.+)$/i.exec(header.trim());
  return match?.[1]?.trim() ?? null;
}
