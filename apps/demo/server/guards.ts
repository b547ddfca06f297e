/**
 * The checks every `/api/` request of the demo server goes through before anything else is done with it: that it
 * was addressed to this server (a page on another name that resolves to this machine must not reach the API through
 * it), that a write comes from this app's own pages, and that its body is small. All of them run before a request
 * body is read, so that a refused request costs nothing.
 */

/** The largest request body the demo server reads: 1 MB. A connector write or a bank form is a few hundred bytes. */
export const MAX_BODY_BYTES = 1024 * 1024;

/**
 * The origins (scheme, host and port) this server is reached at, e.g. `http://127.0.0.1:5173`. A getter is read on
 * each request, so that a server can fill the list once it knows its port.
 */
export type AllowedOrigins = readonly string[] | (() => readonly string[]);

/** A Powens-like error body: what the API's own errors look like, so that the browser client reads both alike. */
export function errorResponse(
  status: number,
  code: string,
  description: string,
  headers: Record<string, string> = {},
): Response {
  return Response.json(
    { code, description, request_id: null },
    { status, headers: { 'cache-control': 'no-store', ...headers } },
  );
}

/** Whether `pathname` is `mount` or below it (`/api/2.0`, `/api/2.0/…`, not `/api/2.0x`). */
export function isUnderPath(pathname: string, mount: string): boolean {
  return pathname === mount || pathname.startsWith(`${mount}/`);
}

/** `http://localhost:5173/` → `http://localhost:5173`; `undefined` for anything that is not an http(s) origin. */
function originOf(value: string): string | undefined {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : undefined;
  } catch {
    return undefined;
  }
}

function normalizeOrigins(origins: AllowedOrigins | undefined): Set<string> {
  const list = typeof origins === 'function' ? origins() : (origins ?? []);
  const set = new Set<string>();
  for (const origin of list) {
    const normalized = originOf(origin);
    if (normalized !== undefined) set.add(normalized);
  }
  return set;
}

const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '[::1]'];

/**
 * The origins plus their loopback aliases: a server listening on `http://127.0.0.1:5173` is also reached as
 * `http://localhost:5173` (and `[::1]` the other way round), and a browser sends whichever name the user typed.
 */
export function withLoopbackAliases(origins: readonly string[]): string[] {
  const out = new Set<string>();
  for (const origin of origins) {
    const normalized = originOf(origin);
    if (normalized === undefined) continue;
    out.add(normalized);
    const url = new URL(normalized);
    if (!LOOPBACK_NAMES.includes(url.hostname)) continue;
    for (const name of LOOPBACK_NAMES) {
      url.hostname = name;
      out.add(url.origin);
    }
  }
  return [...out];
}

/** A `Host` header as a browser sends it: a name or an address, and an optional port; nothing else. */
const HOST_PATTERN = /^(?:[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

/** The origin a request was addressed to: the scheme it came in with and the `Host` the client sent. */
function addressedOrigin(request: Request): string | undefined {
  const url = new URL(request.url);
  const host = request.headers.get('host') ?? url.host;
  if (!HOST_PATTERN.test(host)) return undefined;
  return originOf(`${url.protocol}//${host}`);
}

/**
 * Refuses (421) a request addressed to a name this server is not configured for. A page on `http://evil.test` whose
 * name an attacker points at 127.0.0.1 (DNS rebinding) sends `Host: evil.test` and `Origin: http://evil.test`:
 * they match each other, so only the server's own list tells it apart. No list configured: every request is refused.
 */
export function checkHost(request: Request, allowed: AllowedOrigins | undefined): Response | null {
  const origin = addressedOrigin(request);
  if (origin !== undefined && normalizeOrigins(allowed).has(origin)) return null;
  return errorResponse(421, 'misdirectedRequest', 'This server does not answer for that host name');
}

/**
 * Refuses (403) a write (any method but GET and HEAD) sent by a page of another origin: by `Sec-Fetch-Site` when the
 * browser sends it, and by `Origin` otherwise. A request without either comes from a program, not a web page (every
 * browser sends `Origin` with a cross-origin or form POST), and goes through.
 */
export function checkWriteOrigin(request: Request, allowed: AllowedOrigins | undefined): Response | null {
  const method = request.method.toUpperCase();
  if (method === 'GET' || method === 'HEAD') return null;
  const refusal = () => errorResponse(403, 'forbidden', 'Writes are accepted from this app’s own pages only');
  const site = request.headers.get('sec-fetch-site');
  if (site !== null && site !== 'same-origin' && site !== 'none') return refusal();
  const origin = request.headers.get('origin');
  if (origin === null) return null;
  const normalized = originOf(origin);
  return normalized !== undefined && normalizeOrigins(allowed).has(normalized) ? null : refusal();
}

/** The 413 answer: the body is never read past the limit. */
export function tooLargeResponse(): Response {
  return errorResponse(413, 'payloadTooLarge', `The request body is over ${MAX_BODY_BYTES} bytes`);
}

/** Refuses (413) a request whose `Content-Length` already says it is too large, before a byte of it is read. */
export function checkDeclaredLength(request: Request): Response | null {
  const declared = request.headers.get('content-length');
  if (declared === null || !/^\d+$/.test(declared.trim())) return null;
  return Number(declared) > MAX_BODY_BYTES ? tooLargeResponse() : null;
}

/**
 * The request body, counted while it streams in: `null` as soon as it passes the limit, and the rest is left
 * unread (the stream is cancelled). A body sent without `Content-Length` (chunked) is caught this way.
 */
export async function readLimitedBody(
  request: Request,
  limit = MAX_BODY_BYTES,
): Promise<Uint8Array<ArrayBuffer> | null> {
  if (request.body === null) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const body = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}
