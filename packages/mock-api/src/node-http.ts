/**
 * The bridge between `node:http` and the Fetch API: a Node request as a `Request` whose body streams in only when
 * the handler reads it, and a `Response` written back to Node. A handler written against the Fetch API (`Request` in,
 * `Response` out) then runs behind a plain Node server or a Connect / Vite middleware.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

export interface FetchRequestOptions {
  /**
   * The largest body the request delivers, in bytes (no limit when absent). Past it, `onBodyTooLarge` is called, the
   * body stream errors and the request's signal aborts, both with a `BodyTooLargeError`; the rest of the body is
   * left unread.
   */
  maxBodyBytes?: number;
  /** Called once when the body goes over `maxBodyBytes`, before the handler sees the error. */
  onBodyTooLarge?: () => void;
  /**
   * The host (name and optional port) of the request's URL when its `Host` header is missing or malformed (default
   * `invalid.invalid`, a name no server answers for). The `Host` header itself is passed on as the client sent it.
   */
  fallbackHost?: string;
}

/** The error of a request body that went over `maxBodyBytes`. */
export class BodyTooLargeError extends Error {
  override readonly name = 'BodyTooLargeError';
}

/** A `Host` header as a browser sends it: a name or an address, and an optional port; nothing else. */
const HOST_PATTERN = /^(?:[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

/** Statuses whose answer has no body, and so no `Content-Length`. */
const NO_BODY_STATUSES = new Set([204, 304]);

/**
 * The Node request body as a web stream that reads nothing until asked: a handler that refuses a request before
 * reading its body leaves it unread. One chunk is read per pull, counted against `limit`.
 */
function bodyStream(message: IncomingMessage, limit: number, onTooLarge: (error: BodyTooLargeError) => void) {
  let listening = false;
  let settled = false;
  let received = 0;
  const settle = (finish: () => void) => {
    if (settled) return;
    settled = true;
    finish();
  };
  return new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (!listening) {
          listening = true;
          message.on('data', (chunk: Buffer) => {
            if (settled) return;
            message.pause();
            received += chunk.length;
            if (received > limit) {
              settle(() => {
                const error = new BodyTooLargeError(`The request body is larger than ${limit} bytes`);
                onTooLarge(error);
                controller.error(error);
              });
              return;
            }
            controller.enqueue(new Uint8Array(chunk));
          });
          message.once('end', () => settle(() => controller.close()));
          message.once('error', (error) => settle(() => controller.error(error)));
          message.once('close', () => settle(() => controller.error(new Error('The request was closed'))));
        }
        message.resume();
      },
      cancel() {
        settled = true;
        message.pause();
      },
    },
    // Nothing is read ahead of the handler: a chunk is pulled only when one is asked for.
    { highWaterMark: 0 },
  );
}

/** The request target as a path and query; the path and query of an absolute URL (a proxy's request form). */
function targetOf(raw: string | undefined): string {
  if (raw === undefined || raw.startsWith('/')) return raw ?? '/';
  try {
    const url = new URL(raw);
    return `${url.pathname}${url.search}`;
  } catch {
    return '/';
  }
}

/**
 * A Node request as a Fetch `Request`: its method, headers (HTTP/2 pseudo-headers left out) and URL, built from the
 * socket's scheme (https over TLS) and the `Host` header. The request's signal aborts when the client disconnects
 * before the answer is written. The body is not read here: it streams in when (and if) the handler reads it.
 *
 * Throws a `TypeError` for a method the Fetch API refuses (`CONNECT`, `TRACE`, `TRACK`).
 */
export function toFetchRequest(
  message: IncomingMessage,
  out: ServerResponse,
  options: FetchRequestOptions = {},
): Request {
  const controller = new AbortController();
  out.on('close', () => {
    if (!out.writableFinished) controller.abort(new DOMException('The client closed the connection', 'AbortError'));
  });
  const headers = new Headers();
  for (const [name, value] of Object.entries(message.headers)) {
    if (name.startsWith(':')) continue;
    if (Array.isArray(value)) for (const item of value) headers.append(name, item);
    else if (value !== undefined) headers.set(name, value);
  }
  const authority = message.headers[':authority'];
  const host = message.headers.host ?? (typeof authority === 'string' ? authority : undefined);
  if (host !== undefined && !headers.has('host')) headers.set('host', host);

  const { socket } = message;
  const scheme = 'encrypted' in socket && socket.encrypted === true ? 'https' : 'http';
  const base = `${scheme}://${host !== undefined && HOST_PATTERN.test(host) ? host : (options.fallbackHost ?? 'invalid.invalid')}`;
  let url: URL;
  try {
    url = new URL(`${base}${targetOf(message.url)}`);
  } catch {
    url = new URL(`${base}/`);
  }

  const method = (message.method ?? 'GET').toUpperCase();
  const init: RequestInit & { duplex?: 'half' } = { method, headers, signal: controller.signal };
  if (method !== 'GET' && method !== 'HEAD') {
    init.body = bodyStream(message, options.maxBodyBytes ?? Number.POSITIVE_INFINITY, (error) => {
      options.onBodyTooLarge?.();
      controller.abort(error);
    });
    init.duplex = 'half';
  }
  return new Request(url, init);
}

/**
 * `Connection: close` when the request body was left unread (refused before or while reading it): the answer then
 * closes the connection rather than making Node read the rest of the body to keep it alive. HTTP/1 only: HTTP/2 has
 * no such header, and its flow control stops a client that sends more than is read.
 */
function closeIfUnread(message: IncomingMessage): Record<string, string> {
  return message.httpVersionMajor < 2 && !message.complete ? { connection: 'close' } : {};
}

/**
 * Writes a Fetch `Response` to Node: its status, headers (every `Set-Cookie` kept), `headers` added under the
 * response's own, and its body with a `Content-Length`. When the request body was left unread the connection closes
 * after the answer. Does nothing once the connection is gone.
 */
export async function sendFetchResponse(
  response: Response,
  message: IncomingMessage,
  out: ServerResponse,
  headers: Readonly<Record<string, string>> = {},
): Promise<void> {
  if (out.destroyed) return;
  const body = response.body === null ? null : Buffer.from(await response.arrayBuffer());
  if (out.destroyed || out.headersSent) return;
  const head: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(headers)) head[name.toLowerCase()] = value;
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') head[name] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) head['set-cookie'] = cookies;
  if (body !== null) head['content-length'] = String(body.length);
  else if (!NO_BODY_STATUSES.has(response.status)) head['content-length'] = '0';
  Object.assign(head, closeIfUnread(message));
  out.writeHead(response.status, head);
  out.end(body ?? undefined);
}
