/**
 * The emulator's building blocks shared by every route: answers and the `Response` they become, Powens errors, body
 * and query parsing, timers that honour an abort signal, and random identifiers.
 */

export const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';

/** An answer before it becomes a `Response`, so that body faults can work on the real payload. */
export type Answer =
  | { kind: 'json'; status: number; json: unknown; headers?: Record<string, string> }
  /** A text body (an HTML page); `headers` carries its content type. */
  | { kind: 'text'; status: number; body: string; headers: Record<string, string> }
  /** A binary body (an image); `headers` carries its content type. */
  | { kind: 'bytes'; status: number; body: Uint8Array<ArrayBuffer>; headers: Record<string, string> }
  /** No body: 204, and the redirects (`Location` in `headers`). */
  | { kind: 'empty'; status: number; headers?: Record<string, string> };

export function jsonAnswer(status: number, json: unknown, headers?: Record<string, string>): Answer {
  return headers === undefined ? { kind: 'json', status, json } : { kind: 'json', status, json, headers };
}

export function emptyAnswer(status: number, headers?: Record<string, string>): Answer {
  return headers === undefined ? { kind: 'empty', status } : { kind: 'empty', status, headers };
}

/** A JSON `Response` with the emulator's content type. */
export function jsonResponse(status: number, json: unknown, headers?: Record<string, string>): Response {
  return new Response(JSON.stringify(json), {
    status,
    headers: { 'Content-Type': JSON_CONTENT_TYPE, ...headers },
  });
}

/** The `Response` of an answer. */
export function toResponse(answer: Answer): Response {
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

export interface HttpErrorDetails {
  /** Headers of the answer (`Allow` on a 405). */
  headers?: Record<string, string>;
  /** More keys of the error body, beside `code`, `description` and `request_id` (a bank's `message`). */
  body?: Record<string, unknown>;
}

/** A request that cannot be served, with the Powens error to answer. */
export class HttpError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: HttpErrorDetails;
  constructor(status: number, code: string, description: string, details: HttpErrorDetails = {}) {
    super(description);
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

export const notFound = (description: string) => new HttpError(404, 'notFound', description);
export const invalidValue = (description: string) => new HttpError(400, 'invalidValue', description);
export const missingParameter = (description: string) => new HttpError(400, 'missingParameter', description);
export const unauthorized = (description: string) => new HttpError(401, 'unauthorized', description);

/** The Powens error body of an `HttpError`. */
export function errorAnswer(error: HttpError, requestId: number): Answer {
  return jsonAnswer(
    error.status,
    { code: error.code, description: error.message, request_id: requestId, ...error.details.body },
    error.details.headers,
  );
}

export type Mutable = Record<string, unknown>;

export function isRecord(value: unknown): value is Mutable {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Parses a comma-separated query value into trimmed, non-empty items. */
export function csvParam(params: URLSearchParams, name: string): string[] | undefined {
  const raw = params.get(name);
  if (raw === null) return undefined;
  return raw
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/** A boolean query flag: present and not `false` or `0`. */
export function flagParam(params: URLSearchParams, name: string): boolean {
  const raw = params.get(name);
  if (raw === null) return false;
  return !['false', '0'].includes(raw.trim().toLowerCase());
}

/** Reads a JSON body that must be present (the connector write routes). */
export async function readJsonBody(request: Request): Promise<unknown> {
  const text = await request.text();
  if (text.trim() === '') throw missingParameter('A JSON request body is required');
  try {
    return JSON.parse(text);
  } catch {
    throw invalidValue('The request body is not valid JSON');
  }
}

/**
 * Reads the string values of a JSON object or `application/x-www-form-urlencoded` body; an empty body is no value.
 * Numbers and booleans become strings, `null` is left out, nested objects and lists are refused.
 */
export async function readFormValues(request: Request): Promise<Map<string, string>> {
  const text = await request.text();
  const values = new Map<string, string>();
  if (text.trim() === '') return values;
  const type = request.headers.get('content-type') ?? '';
  if (/^application\/x-www-form-urlencoded\b/i.test(type)) {
    for (const [name, value] of new URLSearchParams(text)) if (!values.has(name)) values.set(name, value);
    return values;
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw invalidValue('The request body is neither JSON nor application/x-www-form-urlencoded');
  }
  if (!isRecord(body)) throw invalidValue('body: expected a JSON object');
  for (const [name, value] of Object.entries(body)) {
    if (value === null || value === undefined) continue;
    if (typeof value === 'string') values.set(name, value);
    else if (typeof value === 'number' || typeof value === 'boolean') values.set(name, String(value));
    else throw invalidValue(`${name}: expected a string`);
  }
  return values;
}

/** Resolves after `ms`, or rejects with the signal's reason as soon as it aborts. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
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

/** Never resolves; rejects with the signal's reason when it aborts (a request that never gets an answer). */
export function rejectWhenAborted(signal: AbortSignal): Promise<never> {
  return new Promise((_resolve, reject) => {
    if (signal.aborted) {
      reject(signal.reason);
      return;
    }
    signal.addEventListener('abort', () => reject(signal.reason), { once: true });
  });
}

/**
 * A random identifier of 256 bits, base64url: user tokens, codes and sessions are secrets a client must not be able
 * to guess or derive from an id.
 */
export function randomToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** A Powens date: `2026-07-29 19:26:59`, in UTC. */
export function powensDate(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 19).replace('T', ' ');
}
