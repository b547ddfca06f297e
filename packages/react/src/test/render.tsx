import {
  type ConnectorsClient,
  type ConnectorsClientOptions,
  createConnectorsClient,
  type TokenSource,
} from '@connector-kit/core';
import type { QueryClient, QueryClientConfig } from '@tanstack/react-query';
import {
  type RenderHookOptions,
  type RenderHookResult,
  type RenderResult,
  render,
  renderHook,
} from '@testing-library/react';
import type { ReactElement, ReactNode } from 'react';
import { ConnectorsProvider } from '../provider.tsx';
import { connectorsRetryDelay, createConnectorsQueryClient } from '../query-client.ts';
import { CONFIG_TOKEN, EMULATOR_BASE_URL } from './server.ts';

export interface TestClientOptions extends Omit<ConnectorsClientOptions, 'configToken'> {
  /** The emulator's token by default; `null` for a client without one. */
  configToken?: TokenSource | null;
}

/** A client for the emulator, holding the config token its write endpoints need. */
export function createTestClient({ configToken = CONFIG_TOKEN, ...options }: TestClientOptions = {}): ConnectorsClient {
  return createConnectorsClient({
    baseUrl: EMULATOR_BASE_URL,
    ...options,
    ...(configToken === null ? {} : { configToken }),
  });
}

/**
 * A fresh cache with this library's defaults, but no retries (a test about retries passes its own). A hook's result
 * re-renders on every change: `renderHook` results are read after the fact, not during a render, so TanStack
 * Query's tracking of the properties a render reads would otherwise leave them out of date.
 */
export function createTestQueryClient(config: QueryClientConfig = {}): QueryClient {
  return createConnectorsQueryClient({
    ...config,
    defaultOptions: {
      ...config.defaultOptions,
      queries: { retry: false, notifyOnChangeProps: 'all', ...config.defaultOptions?.queries },
      mutations: { retry: false, ...config.defaultOptions?.mutations },
    },
  });
}

/**
 * The library's default query client (its retry policy), whose backoff is recorded instead of waited for: `delays`
 * gets what `connectorsRetryDelay` asked for before each retry, and the retry runs 1 ms later.
 */
export function createRecordingQueryClient(): { queryClient: QueryClient; delays: number[] } {
  const delays: number[] = [];
  const queryClient = createConnectorsQueryClient({
    defaultOptions: {
      queries: {
        retryDelay: (failureCount, error) => {
          delays.push(connectorsRetryDelay(failureCount, error));
          return 1;
        },
      },
    },
  });
  return { queryClient, delays };
}

export interface WithClientOptions {
  queryClient?: QueryClient;
  client?: ConnectorsClient;
}

function setup({ queryClient = createTestQueryClient(), client = createTestClient() }: WithClientOptions) {
  const wrapper = ({ children }: { children: ReactNode }) => (
    <ConnectorsProvider client={client} queryClient={queryClient}>
      {children}
    </ConnectorsProvider>
  );
  return { queryClient, client, wrapper };
}

/** Renders `ui` inside a `ConnectorsProvider` with a fresh cache and an emulator client. */
export interface WithClient {
  queryClient: QueryClient;
  client: ConnectorsClient;
}

export function renderWithClient(ui: ReactElement, options: WithClientOptions = {}): RenderResult & WithClient {
  const { queryClient, client, wrapper } = setup(options);
  const result = render(ui, { wrapper });
  return { ...result, queryClient, client };
}

/** Renders a hook inside a `ConnectorsProvider` with a fresh cache and an emulator client. */
export function renderHookWithClient<Result, Props>(
  renderCallback: (props: Props) => Result,
  options: WithClientOptions & Pick<RenderHookOptions<Props>, 'initialProps'> = {},
): RenderHookResult<Result, Props> & WithClient {
  const { queryClient, client, wrapper } = setup(options);
  const result = renderHook<Result, Props>(renderCallback, {
    wrapper,
    ...(options.initialProps === undefined ? {} : { initialProps: options.initialProps }),
  });
  return { ...result, queryClient, client };
}
