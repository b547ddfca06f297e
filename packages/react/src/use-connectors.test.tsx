import { ConnectorsApiError, ConnectorsResponseError } from '@connector-kit/core';
import { act, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ConnectorsListParams } from './keys.ts';
import { connectorKeys } from './keys.ts';
import { connectorsQueryOptions } from './query-options.ts';
import { ALPHA, BETA, DELTA, GAMMA, names } from './test/fixtures.ts';
import { createTestClient, createTestQueryClient, renderHookWithClient } from './test/render.tsx';
import { requestCount, seenRequests, setFaults, setupEmulatorServer } from './test/server.ts';
import { useConnectors } from './use-connectors.ts';

setupEmulatorServer();

describe('useConnectors', () => {
  it('goes from loading to the visible connectors', async () => {
    const { result } = renderHookWithClient(() => useConnectors());
    expect(result.current.status).toBe('pending');
    expect(result.current.isLoading).toBe(true);

    await waitFor(() => expect(result.current.status).toBe('success'));
    expect(names(result.current.data?.connectors)).toEqual([ALPHA.name, BETA.name, GAMMA.name, DELTA.name]);
    expect(result.current.data?.total).toBe(4);
  });

  it('sends the filters and expands it is given', async () => {
    const { result } = renderHookWithClient(() =>
      useConnectors({ countryCodes: ['fr'], idPayment: 7, expand: ['countries'] }),
    );
    await waitFor(() => expect(result.current.status).toBe('success'));
    expect(names(result.current.data?.connectors)).toEqual([GAMMA.name]);
    expect(result.current.data?.connectors[0]?.countries?.map((country) => country.id)).toEqual(['FR', 'BE']);
    const url = seenRequests[0]?.url;
    expect(url?.searchParams.get('country_codes')).toBe('FR');
    expect(url?.searchParams.get('id_payment')).toBe('7');
    expect(url?.searchParams.get('expand')).toBe('countries');
  });

  it('ends in an error state carrying the API error on a 500', async () => {
    setFaults({ kind: 'status', status: 500, route: 'list' });
    const { result } = renderHookWithClient(() => useConnectors());
    await waitFor(() => expect(result.current.status).toBe('error'));
    const error = result.current.error;
    expect(error).toBeInstanceOf(ConnectorsApiError);
    expect(error).toMatchObject({ status: 500, code: 'bug', kind: 'api' });
    expect(result.current.data).toBeUndefined();
  });

  it('reports an HTML gateway page as an API error without a Powens code', async () => {
    setFaults({ kind: 'html', status: 502, route: 'list' });
    const { result } = renderHookWithClient(() => useConnectors());
    await waitFor(() => expect(result.current.status).toBe('error'));
    expect(result.current.error).toBeInstanceOf(ConnectorsApiError);
    expect(result.current.error).toMatchObject({ status: 502, code: null });
  });

  it('reports a 200 with a body of the wrong shape as a response error', async () => {
    setFaults({ kind: 'wrong-shape', route: 'list' });
    const { result } = renderHookWithClient(() => useConnectors());
    await waitFor(() => expect(result.current.status).toBe('error'));
    expect(result.current.error).toBeInstanceOf(ConnectorsResponseError);
  });

  it('recovers on refetch after an error', async () => {
    setFaults({ kind: 'status', status: 500, route: 'list', times: 1 });
    const { result } = renderHookWithClient(() => useConnectors());
    await waitFor(() => expect(result.current.status).toBe('error'));
    await act(() => result.current.refetch());
    await waitFor(() => expect(result.current.status).toBe('success'));
    expect(result.current.data?.connectors).toHaveLength(4);
  });

  it('shares one entry, and one request, between equivalent parameters', async () => {
    const { result } = renderHookWithClient(() => ({
      a: useConnectors({ countryCodes: ['fr', 'BE', 'FR'], expand: ['urls', 'countries'] }),
      b: useConnectors({ countryCodes: [' be', 'fr'], expand: ['countries', 'urls', 'countries'] }),
    }));
    await waitFor(() => expect(result.current.a.status).toBe('success'));
    expect(result.current.b.data).toBe(result.current.a.data);
    expect(requestCount('GET', '/connectors')).toBe(1);
  });

  it('serves a country filter seen before from the cache', async () => {
    const { result, rerender } = renderHookWithClient((params: ConnectorsListParams) => useConnectors(params), {
      initialProps: { countryCodes: ['FR'] },
    });
    await waitFor(() => expect(result.current.status).toBe('success'));
    rerender({ countryCodes: ['DE'] });
    await waitFor(() => expect(names(result.current.data?.connectors)).toEqual([BETA.name]));
    expect(requestCount()).toBe(2);

    rerender({ countryCodes: ['FR'] });
    expect(names(result.current.data?.connectors)).toEqual([ALPHA.name, GAMMA.name]);
    expect(result.current.isFetching).toBe(false);
    rerender({ countryCodes: ['de'] });
    expect(names(result.current.data?.connectors)).toEqual([BETA.name]);
    expect(requestCount()).toBe(2);
  });

  it('answers a country filter from a cached list with the countries expand, with no request', async () => {
    const { result, rerender } = renderHookWithClient((params: ConnectorsListParams) => useConnectors(params), {
      initialProps: { expand: ['countries'] },
    });
    await waitFor(() => expect(result.current.status).toBe('success'));
    expect(requestCount()).toBe(1);

    rerender({ countryCodes: ['FR'] });
    expect(result.current.status).toBe('success');
    expect(names(result.current.data?.connectors)).toEqual([ALPHA.name, GAMMA.name]);
    rerender({ countryCodes: ['BE', 'ES'] });
    expect(names(result.current.data?.connectors)).toEqual([GAMMA.name, DELTA.name]);
    expect(result.current.data?.total).toBe(2);
    rerender({ countryCodes: ['FR'], expand: ['countries'] });
    expect(result.current.data?.connectors[1]?.countries?.map((country) => country.id)).toEqual(['FR', 'BE']);
    rerender({ expand: ['countries'] });
    expect(result.current.data?.connectors).toHaveLength(4);

    // Give a stray request the time to show up.
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(requestCount()).toBe(1);
    expect(result.current.isFetching).toBe(false);
  });

  it('answers a country filter from the cache exactly as the server would', async () => {
    const { result, rerender, queryClient } = renderHookWithClient(
      (params: ConnectorsListParams) => useConnectors(params),
      { initialProps: { expand: ['countries', 'urls'] } },
    );
    await waitFor(() => expect(result.current.status).toBe('success'));
    rerender({ countryCodes: ['FR'] });
    const derived = result.current.data;

    // The same list straight from the server, in a fresh cache.
    const fresh = renderHookWithClient(() => useConnectors({ countryCodes: ['FR'] }));
    await waitFor(() => expect(fresh.result.current.status).toBe('success'));
    expect(derived).toEqual(fresh.result.current.data);
    expect(queryClient).not.toBe(fresh.queryClient);
  });

  it('answers a filter waiting to be enabled from a list cached meanwhile', async () => {
    const { result } = renderHookWithClient(() => {
      const all = useConnectors({ expand: ['countries'] });
      const france = useConnectors({ countryCodes: ['FR'] }, { enabled: all.isSuccess });
      return { all, france };
    });
    expect(result.current.france.fetchStatus).toBe('idle');
    await waitFor(() => expect(result.current.france.status).toBe('success'));
    expect(names(result.current.france.data?.connectors)).toEqual([ALPHA.name, GAMMA.name]);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(requestCount()).toBe(1);
  });

  it('requests a country filter the cache cannot answer', async () => {
    const { result, rerender } = renderHookWithClient((params: ConnectorsListParams) => useConnectors(params), {
      initialProps: { expand: ['countries'] } as ConnectorsListParams,
    });
    await waitFor(() => expect(result.current.status).toBe('success'));

    // Another payment id: a different list.
    rerender({ countryCodes: ['FR'], idPayment: 12 });
    await waitFor(() => expect(result.current.status).toBe('success'));
    expect(names(result.current.data?.connectors)).toEqual([GAMMA.name]);
    expect(requestCount()).toBe(2);

    // An expand the cached list does not have.
    rerender({ countryCodes: ['FR'], expand: ['fields'] });
    await waitFor(() => expect(result.current.data?.connectors[0]?.fields).toEqual([]));
    expect(requestCount()).toBe(3);
  });

  it('does not answer from a list without the countries expand', async () => {
    const { result, rerender } = renderHookWithClient((params: ConnectorsListParams) => useConnectors(params), {
      initialProps: {} as ConnectorsListParams,
    });
    await waitFor(() => expect(result.current.status).toBe('success'));
    rerender({ countryCodes: ['DE'] });
    await waitFor(() => expect(names(result.current.data?.connectors)).toEqual([BETA.name]));
    expect(requestCount()).toBe(2);
  });

  it('refreshes in the background a filter answered from a list that is out of date', async () => {
    const { result, rerender, queryClient, client } = renderHookWithClient(
      (params: ConnectorsListParams) => useConnectors(params),
      { initialProps: { expand: ['countries'] } as ConnectorsListParams },
    );
    await waitFor(() => expect(result.current.status).toBe('success'));
    await queryClient.invalidateQueries({ queryKey: connectorKeys.lists(client), refetchType: 'none' });

    rerender({ countryCodes: ['FR'] });
    expect(names(result.current.data?.connectors)).toEqual([ALPHA.name, GAMMA.name]);
    await waitFor(() => expect(requestCount()).toBe(2));
    await waitFor(() => expect(result.current.isFetching).toBe(false));
    expect(seenRequests[1]?.url.searchParams.get('country_codes')).toBe('FR');
  });

  it('uses what its query options prefetched', async () => {
    const queryClient = createTestQueryClient();
    const client = createTestClient();
    await queryClient.prefetchQuery(connectorsQueryOptions(client, { countryCodes: ['de'] }));
    const { result } = renderHookWithClient(() => useConnectors({ countryCodes: ['DE'] }), { queryClient, client });
    expect(result.current.status).toBe('success');
    expect(names(result.current.data?.connectors)).toEqual([BETA.name]);
    expect(requestCount()).toBe(1);
  });

  it('aborts its request when the component unmounts, and nothing follows', async () => {
    setFaults({ kind: 'timeout', route: 'list' });
    const errors: unknown[] = [];
    const originalError = console.error;
    const originalWarn = console.warn;
    console.error = (...args: unknown[]) => errors.push(args);
    console.warn = (...args: unknown[]) => errors.push(args);
    try {
      const { result, unmount } = renderHookWithClient(() => useConnectors());
      await waitFor(() => expect(seenRequests).toHaveLength(1));
      const request = seenRequests[0];
      expect(request?.signal.aborted).toBe(false);
      expect(result.current.fetchStatus).toBe('fetching');

      unmount();
      await waitFor(() => expect(request?.signal.aborted).toBe(true));
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(errors).toEqual([]);
    } finally {
      console.error = originalError;
      console.warn = originalWarn;
    }
  });

  it('starts over after an aborted request instead of keeping an error', async () => {
    setFaults({ kind: 'timeout', route: 'list', times: 1 });
    const first = renderHookWithClient(() => useConnectors());
    await waitFor(() => expect(seenRequests).toHaveLength(1));
    first.unmount();

    const second = renderHookWithClient(() => useConnectors(), { queryClient: first.queryClient });
    expect(second.result.current.status).toBe('pending');
    expect(second.result.current.error).toBeNull();
    await waitFor(() => expect(second.result.current.status).toBe('success'));
    expect(requestCount()).toBe(2);
  });
});
