import { ConnectorsApiError, isAbortError, isRetryableError } from '@connector-kit/core';
import { QueryClient, type QueryClientConfig } from '@tanstack/react-query';

/** Retries after a failure: three at most. */
const MAX_RETRIES = 3;
/** The longest wait between two attempts of the backoff. */
const MAX_RETRY_DELAY_MS = 10_000;
/** A server asking to wait longer than this (`Retry-After`) is not retried automatically. */
const MAX_RETRY_AFTER_MS = 30_000;

/**
 * The retry policy of the default query client: up to three retries, and only when another attempt could help
 * (network failures, timeouts, 5xx, 408, 429). Other 4xx answers, unusable bodies, aborts, and answers that ask to
 * wait more than 30 s are left to the person, who can press "Try again".
 */
export function shouldRetryConnectorsQuery(failureCount: number, error: unknown): boolean {
  if (error instanceof ConnectorsApiError && (error.retryAfterMs ?? 0) > MAX_RETRY_AFTER_MS) return false;
  return failureCount < MAX_RETRIES && !isAbortError(error) && isRetryableError(error);
}

/**
 * Exponential backoff between attempts: 1 s, 2 s, 4 s, ... never more than 10 s; longer when the server's
 * `Retry-After` asks for it.
 */
export function connectorsRetryDelay(failureCount: number, error?: unknown): number {
  const backoff = Math.min(1000 * 2 ** failureCount, MAX_RETRY_DELAY_MS);
  const asked = error instanceof ConnectorsApiError ? (error.retryAfterMs ?? 0) : 0;
  return Math.max(backoff, asked);
}

/**
 * A `QueryClient` with this library's defaults (the retry policy above). `config` is applied on top, so a test
 * can pass `{ defaultOptions: { queries: { retry: false } } }`.
 */
export function createConnectorsQueryClient(config: QueryClientConfig = {}): QueryClient {
  return new QueryClient({
    ...config,
    defaultOptions: {
      ...config.defaultOptions,
      queries: {
        retry: shouldRetryConnectorsQuery,
        retryDelay: connectorsRetryDelay,
        ...config.defaultOptions?.queries,
      },
    },
  });
}
