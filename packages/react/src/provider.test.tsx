import { ConnectorsApiError, ConnectorsNetworkError, ConnectorsResponseError } from '@connector-kit/core';
import { QueryClient, useQueryClient } from '@tanstack/react-query';
import { render, renderHook, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ConnectorsProvider, useConnectorsClient } from './provider.tsx';
import { connectorsRetryDelay, shouldRetryConnectorsQuery } from './query-client.ts';
import { createTestClient } from './test/render.tsx';

function Probe({ onQueryClient }: { onQueryClient: (queryClient: QueryClient) => void }) {
  onQueryClient(useQueryClient());
  return null;
}

function Orphan() {
  useConnectorsClient();
  return <p>never</p>;
}

describe('ConnectorsProvider', () => {
  it('gives its client to the hooks below', () => {
    const client = createTestClient();
    const { result } = renderHook(() => useConnectorsClient(), {
      wrapper: ({ children }) => <ConnectorsProvider client={client}>{children}</ConnectorsProvider>,
    });
    expect(result.current).toBe(client);
  });

  it('uses the query client it is given', () => {
    const client = createTestClient();
    const queryClient = new QueryClient();
    const { result } = renderHook(() => useQueryClient(), {
      wrapper: ({ children }) => (
        <ConnectorsProvider client={client} queryClient={queryClient}>
          {children}
        </ConnectorsProvider>
      ),
    });
    expect(result.current).toBe(queryClient);
  });

  it('creates one query client, once, when given none', () => {
    const client = createTestClient();
    const seen = new Set<QueryClient>();
    const { rerender } = render(
      <ConnectorsProvider client={client}>
        <Probe onQueryClient={(queryClient) => seen.add(queryClient)} />
      </ConnectorsProvider>,
    );
    rerender(
      <ConnectorsProvider client={client}>
        <Probe onQueryClient={(queryClient) => seen.add(queryClient)} />
      </ConnectorsProvider>,
    );
    expect(seen.size).toBe(1);
    const [queryClient] = seen;
    const { retry, retryDelay } = queryClient?.getDefaultOptions().queries ?? {};
    expect(retry).toBe(shouldRetryConnectorsQuery);
    expect(retryDelay).toBe(connectorsRetryDelay);
  });

  it('tells what is missing when a hook runs outside of it', () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() => render(<Orphan />)).toThrow(/ConnectorsProvider/);
    expect(screen.queryByText('never')).toBeNull();
    spy.mockRestore();
  });
});

describe('default retry policy', () => {
  const api = (status: number) => new ConnectorsApiError(status, null, 'GET /connectors');

  it('retries what another attempt could fix, three times at most', () => {
    for (const error of [
      api(500),
      api(502),
      api(503),
      api(408),
      api(429),
      new ConnectorsNetworkError('network', 'GET /connectors'),
      new ConnectorsNetworkError('timeout', 'GET /connectors'),
    ]) {
      expect(shouldRetryConnectorsQuery(0, error)).toBe(true);
      expect(shouldRetryConnectorsQuery(2, error)).toBe(true);
      expect(shouldRetryConnectorsQuery(3, error)).toBe(false);
    }
  });

  it('never retries a 4xx, an unusable body, an abort or a foreign error', () => {
    for (const error of [
      new ConnectorsResponseError(200, 'GET /connectors', 'not JSON'),
      new ConnectorsApiError(503, null, 'GET /connectors', 120_000),
      api(400),
      api(401),
      api(404),
      new DOMException('The operation was aborted.', 'AbortError'),
      new TypeError('boom'),
    ]) {
      expect(shouldRetryConnectorsQuery(0, error)).toBe(false);
    }
  });

  it('backs off exponentially up to 10 s', () => {
    expect([0, 1, 2, 3, 4, 5, 10].map((count) => connectorsRetryDelay(count))).toEqual([
      1000, 2000, 4000, 8000, 10_000, 10_000, 10_000,
    ]);
  });

  it('waits as long as the server asks with Retry-After', () => {
    expect(connectorsRetryDelay(0, new ConnectorsApiError(429, null, 'GET /connectors', 7000))).toBe(7000);
    expect(connectorsRetryDelay(3, new ConnectorsApiError(429, null, 'GET /connectors', 2000))).toBe(8000);
  });
});
