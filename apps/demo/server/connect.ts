/**
 * The demo's hand-off routes. A Powens client without "Agent" status may not post a user's bank credentials itself:
 * it sends the user to the Powens Webview with a single-use temporary code. The code is made here, on the server,
 * from the user's permanent token, which is made from the client secret: the browser holds neither, only the code
 * and a session cookie.
 *
 * - `GET /api/connect/config`: what the page needs to build the Webview's URL (public values only).
 * - `POST /api/connect/code`: `{ code }`, for this browser's Powens user (created on the first call).
 */
import { checkDeclaredLength, checkHost, checkWriteOrigin, errorResponse, isUnderPath } from './guards.ts';
import type { ApiProxyConfig } from './proxy.ts';
import { type DemoSession, type PowensUser, type SessionStore, sessionCookie, sessionOf } from './session.ts';

/** The path of the hand-off routes. */
export const CONNECT_MOUNT_PATH = '/api/connect';

/** `GET /api/connect/config`: public values only, never the secret nor a token. */
export interface ConnectPageConfig {
  /** The client id for the Webview's `client_id`; `null` when the hand-off is unavailable. */
  clientId: string | null;
  /** The Webview's `domain` parameter. */
  domain: string;
  /** The Webview's root: the page goes to `<webviewUrl>/connect?…` (or `reconnect`, `manage`). */
  webviewUrl: string;
  /** The API root, for `/webauth`. */
  apiUrl: string;
  /** Whether the hand-off is available (`POST /api/connect/code` can answer). */
  webview: boolean;
}

/** `POST /api/connect/code`: a single-use temporary code for the Webview or `/webauth`. */
export interface ConnectCode {
  code: string;
}

export function connectPageConfig(config: ApiProxyConfig): ConnectPageConfig {
  return {
    clientId: config.client?.id ?? null,
    domain: config.webview.domain,
    webviewUrl: config.webview.url,
    apiUrl: config.upstream,
    webview: config.client !== undefined,
  };
}

/** One line for the server's log: which way a connection can be finished; never the secret. */
export function describeHandOff(config: ApiProxyConfig): string {
  if (config.client === undefined) return 'hand-off unavailable: set POWENS_CLIENT_ID and POWENS_CLIENT_SECRET';
  return config.target.kind === 'emulator'
    ? `hand-off: emulator Webview at ${config.webview.url}`
    : `hand-off: Powens Webview for ${config.target.domain}`;
}

const ROUTES: Readonly<Record<string, { method: 'GET' | 'POST'; answer: Answer }>> = {
  '/config': { method: 'GET', answer: answerConfig },
  '/code': { method: 'POST', answer: answerCode },
};

type Answer = (request: Request, config: ApiProxyConfig, sessions: SessionStore) => Promise<Response> | Response;

/**
 * Answers one call to `/api/connect/*` (Fetch API in, Fetch API out); `null` for a URL outside that path. `sessions`
 * holds this server's sessions: `POST /api/connect/code` adds one, as does the direct path's first connection (see
 * `sessionForCreation`).
 */
export async function handleConnectRequest(
  request: Request,
  config: ApiProxyConfig,
  sessions: SessionStore,
): Promise<Response | null> {
  const url = new URL(request.url);
  if (!isUnderPath(url.pathname, CONNECT_MOUNT_PATH)) return null;
  const misdirected = checkHost(request, config.allowedOrigins);
  if (misdirected) return misdirected;

  const path = url.pathname.slice(CONNECT_MOUNT_PATH.length);
  const route = Object.hasOwn(ROUTES, path) ? ROUTES[path] : undefined;
  if (route === undefined) return errorResponse(404, 'notFound', `The demo server has no route ${url.pathname}`);
  const method = request.method.toUpperCase();
  if (method !== route.method) {
    return errorResponse(405, 'methodNotAllowed', `${method} is not allowed on this endpoint`, {
      Allow: route.method,
    });
  }
  const refused = checkWriteOrigin(request, config.allowedOrigins) ?? checkDeclaredLength(request);
  if (refused) return refused;
  return route.answer(request, config, sessions);
}

function answerConfig(_request: Request, config: ApiProxyConfig): Response {
  return Response.json(connectPageConfig(config), { headers: { 'cache-control': 'no-store' } });
}

/**
 * The code for this browser's user. The user is created on the first call (the session follows it); a user the API
 * no longer knows (the emulator restarted, the token was revoked) is replaced once by a new one.
 */
async function answerCode(request: Request, config: ApiProxyConfig, sessions: SessionStore): Promise<Response> {
  const client = config.client;
  if (client === undefined) {
    return errorResponse(
      503,
      'handOffUnavailable',
      'The demo server has no client id and secret: set POWENS_CLIENT_ID and POWENS_CLIENT_SECRET',
    );
  }
  const secure = new URL(request.url).protocol === 'https:';
  let session = sessionOf(request, sessions);
  let created = false;
  const cookie = (): Record<string, string> =>
    created && session !== undefined ? { 'set-cookie': sessionCookie(session, { secure }) } : {};

  try {
    if (session === undefined) {
      session = sessions.create(await createUser(config, client, request.signal));
      created = true;
    }
    let code = await temporaryCode(config, session, request.signal);
    if (code === undefined && !created) {
      sessions.delete(session.id);
      session = sessions.create(await createUser(config, client, request.signal));
      created = true;
      code = await temporaryCode(config, session, request.signal);
    }
    if (code === undefined) throw new GatewayError(badGateway('GET /auth/token/code refused a new user’s token'));
    const answer: ConnectCode = { code };
    return Response.json(answer, { headers: { 'cache-control': 'no-store', ...cookie() } });
  } catch (error) {
    if (!(error instanceof GatewayError)) throw error;
    // A user made before the failure is kept: the next try goes on with it instead of making another.
    for (const [name, value] of Object.entries(cookie())) error.response.headers.set(name, value);
    return error.response;
  }
}

/**
 * The session of this browser, made (with a new Powens user) when it has none: for the first connection the direct
 * path creates. Answers the session and the `Set-Cookie` header to send when it is new, or the error to answer.
 */
export async function sessionForCreation(
  request: Request,
  config: ApiProxyConfig,
  sessions: SessionStore,
): Promise<{ session: DemoSession; setCookie: string | null } | { refusal: Response }> {
  const existing = sessionOf(request, sessions);
  if (existing !== undefined) return { session: existing, setCookie: null };
  if (config.client === undefined) {
    return { refusal: errorResponse(401, 'unauthorized', 'No session, and no client id and secret to make a user') };
  }
  try {
    const session = sessions.create(await createUser(config, config.client, request.signal));
    const secure = new URL(request.url).protocol === 'https:';
    return { session, setCookie: sessionCookie(session, { secure }) };
  } catch (error) {
    if (error instanceof GatewayError) return { refusal: error.response };
    throw error;
  }
}

/** An upstream call that failed, with the answer for the browser: a Powens-like body without any credential. */
class GatewayError extends Error {
  readonly response: Response;
  constructor(response: Response) {
    super(`upstream call failed with ${response.status}`);
    this.response = response;
  }
}

function badGateway(description: string): Response {
  return errorResponse(502, 'badGateway', description);
}

interface UpstreamCall {
  /** What the call is, for error descriptions: `POST /auth/init`. */
  step: string;
  path: string;
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: string;
}

/**
 * Calls the API; a network failure, a timeout or an answer that is not JSON becomes a `GatewayError`. Returns the
 * status and the parsed body. The upstream's own error body is not passed on: only its status is.
 */
async function callUpstream(
  config: ApiProxyConfig,
  call: UpstreamCall,
  signal: AbortSignal,
): Promise<{ status: number; body: unknown }> {
  const timeout = AbortSignal.timeout(config.timeoutMs ?? 30_000);
  let response: Response;
  try {
    response = await (config.fetch ?? fetch)(`${config.upstream}${call.path}`, {
      method: call.method,
      headers: call.headers,
      signal: AbortSignal.any([signal, timeout]),
      redirect: 'manual',
      ...(call.body === undefined ? {} : { body: call.body }),
    });
  } catch {
    if (signal.aborted) throw new GatewayError(errorResponse(499, 'clientClosedRequest', 'The browser went away'));
    throw new GatewayError(
      timeout.aborted
        ? errorResponse(504, 'gatewayTimeout', `${call.step} did not answer in time`)
        : badGateway(`The demo server could not reach the API for ${call.step}`),
    );
  }
  if (!response.ok) {
    await response.body?.cancel();
    return { status: response.status, body: undefined };
  }
  try {
    return { status: response.status, body: await response.json() };
  } catch {
    throw new GatewayError(badGateway(`${call.step} answered something other than JSON`));
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `POST /auth/init` with the client's id and secret: a new anonymous user with a permanent token. */
async function createUser(
  config: ApiProxyConfig,
  client: { id: string; secret: string },
  signal: AbortSignal,
): Promise<PowensUser> {
  const step = 'POST /auth/init';
  const { status, body } = await callUpstream(
    config,
    {
      step,
      path: '/auth/init',
      method: 'POST',
      headers: { accept: 'application/json', 'content-type': 'application/json' },
      body: JSON.stringify({ client_id: client.id, client_secret: client.secret }),
    },
    signal,
  );
  if (status !== 200 && status !== 201) throw new GatewayError(badGateway(`${step} answered ${status}`));
  if (!isRecord(body) || typeof body.auth_token !== 'string' || body.auth_token === '') {
    throw new GatewayError(badGateway(`${step} answered without a user token`));
  }
  if (typeof body.id_user !== 'number') throw new GatewayError(badGateway(`${step} answered without a user id`));
  return { userToken: body.auth_token, userId: body.id_user };
}

/**
 * `GET /auth/token/code?type=singleAccess` for the session's user: a code for one use. `undefined` when the API
 * does not accept the user's token (401 or 403), so that the caller can make a new user.
 */
async function temporaryCode(
  config: ApiProxyConfig,
  session: DemoSession,
  signal: AbortSignal,
): Promise<string | undefined> {
  const step = 'GET /auth/token/code';
  const { status, body } = await callUpstream(
    config,
    {
      step,
      path: '/auth/token/code?type=singleAccess',
      method: 'GET',
      headers: { accept: 'application/json', authorization: `Bearer ${session.userToken}` },
    },
    signal,
  );
  if (status === 401 || status === 403) return undefined;
  if (status !== 200) throw new GatewayError(badGateway(`${step} answered ${status}`));
  if (!isRecord(body) || typeof body.code !== 'string' || body.code === '') {
    throw new GatewayError(badGateway(`${step} answered without a code`));
  }
  return body.code;
}
