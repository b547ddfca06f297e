import { ConnectorsApiError, type ConnectorsClient, isAbortError, isRetryableError } from '@connector-kit/core';
import { QueryClient, type QueryClientConfig, QueryClientProvider } from '@tanstack/react-query';
import { createContext, type ReactNode, useContext, useState } from 'react';

const ConnectorsClientContext = createContext<ConnectorsClient | null>(null);

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

export interface ConnectorsProviderProps {
  /** The API client every hook below uses (see `createConnectorsClient`). */
  client: ConnectorsClient;
  /**
   * The query cache to use, e.g. your app's own. Without one, the provider creates one, once, with
   * `createConnectorsQueryClient()`.
   */
  queryClient?: QueryClient | undefined;
  children?: ReactNode;
}

/** Makes a connectors client and a query cache available to every hook of this package. */
export function ConnectorsProvider({ client, queryClient, children }: ConnectorsProviderProps) {
  // Created lazily and kept for the provider's lifetime, only when the caller gives none.
  const [own] = useState<{ queryClient?: QueryClient }>(() => ({}));
  let activeQueryClient = queryClient;
  if (!activeQueryClient) {
    own.queryClient ??= createConnectorsQueryClient();
    activeQueryClient = own.queryClient;
  }
  return (
    <QueryClientProvider client={activeQueryClient}>
      <ConnectorsClientContext.Provider value={client}>{children}</ConnectorsClientContext.Provider>
    </QueryClientProvider>
  );
}

/** The client of the nearest `ConnectorsProvider`. Throws outside of one. */
export function useConnectorsClient(): ConnectorsClient {
  const client = useContext(ConnectorsClientContext);
  if (client === null) {
    throw new Error(
      'useConnectorsClient: no ConnectorsProvider above this component. Wrap your app (or the part that uses ' +
        'connector-kit hooks) in <ConnectorsProvider client={createConnectorsClient(...)}>.',
    );
  }
  return client;
}
