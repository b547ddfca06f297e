import type { ApiErrorBody } from './schemas.ts';

/**
 * What went wrong, as a stable key the UI can localize:
 * - `api`: the server answered with a non-2xx status (see `status` and `code`);
 * - `response`: a 2xx answer whose body is not JSON or not shaped like the spec says;
 * - `network`: no answer at all (offline, DNS, connection refused, CORS);
 * - `timeout`: no answer within `timeoutMs`.
 */
export type ConnectorsErrorKind = 'api' | 'response' | 'network' | 'timeout';

/** Base class of every error the client throws, except an `AbortError` from the caller's own signal. */
export class ConnectorsError extends Error {
  override name = 'ConnectorsError';
  readonly kind: ConnectorsErrorKind;
  constructor(kind: ConnectorsErrorKind, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.kind = kind;
  }
}

/** A non-2xx answer. Carries the Powens error fields when the body had them. */
export class ConnectorsApiError extends ConnectorsError {
  override name = 'ConnectorsApiError';
  readonly status: number;
  /** Powens error code (`unauthorized`, `invalidValue`, ...), or `null` when the body was not a Powens error. */
  readonly code: string | null;
  /** Technical text, not for end users. */
  readonly description: string | null;
  /** Institution text: may be shown to end users as is (it is not translated). */
  readonly institutionMessage: string | null;
  readonly requestId: string | number | null;
  /** The HTTP method and path (no query, no host) of the request that failed. */
  readonly request: string;
  /** How long the server asked to wait before trying again (`Retry-After`), in milliseconds. */
  readonly retryAfterMs: number | null;

  constructor(status: number, body: ApiErrorBody | null, request: string, retryAfterMs: number | null = null) {
    const code = body?.code ?? null;
    const description = body?.description ?? null;
    super('api', `${request} answered ${status}${code ? ` ${code}` : ''}${description ? `: ${description}` : ''}`);
    this.status = status;
    this.code = code;
    this.description = description;
    this.institutionMessage = body?.message ?? null;
    this.requestId = body?.request_id ?? null;
    this.request = request;
    this.retryAfterMs = retryAfterMs;
  }

  /** 4xx answers other than 408 and 429 will not change on a retry. */
  get retryable(): boolean {
    return this.status >= 500 || this.status === 408 || this.status === 429;
  }
}

/** A 2xx answer whose body cannot be used: not JSON, or not the shape the spec gives. */
export class ConnectorsResponseError extends ConnectorsError {
  override name = 'ConnectorsResponseError';
  readonly status: number;
  readonly request: string;
  constructor(status: number, request: string, reason: string, options?: { cause?: unknown }) {
    super('response', `${request} answered ${status} with an unusable body: ${reason}`, options);
    this.status = status;
    this.request = request;
  }
}

/** No answer: the network failed, or the request ran past its timeout. */
export class ConnectorsNetworkError extends ConnectorsError {
  override name = 'ConnectorsNetworkError';
  readonly request: string;
  constructor(kind: 'network' | 'timeout', request: string, options?: { cause?: unknown }) {
    super(kind, kind === 'timeout' ? `${request} timed out` : `${request} failed: no answer from the server`, options);
    this.request = request;
  }
}

/** A `Retry-After` header (seconds or an HTTP date) in milliseconds from `now`; `null` when absent or unreadable. */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

/** True for the `AbortError` a fetch throws when the caller's own signal aborts it. */
export function isAbortError(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError';
}

/**
 * Whether retrying the same request on its own could help: network faults, timeouts, 5xx, 408 and 429. Aborts,
 * other 4xx answers and unusable bodies are not retried automatically (a person can still press "Try again").
 */
export function isRetryableError(error: unknown): boolean {
  if (error instanceof ConnectorsApiError) return error.retryable;
  return error instanceof ConnectorsError && (error.kind === 'network' || error.kind === 'timeout');
}
