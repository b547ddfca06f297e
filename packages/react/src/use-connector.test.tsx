import type { ConnectorRef } from '@connector-kit/core';
import { ConnectorsApiError } from '@connector-kit/core';
import { waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ALPHA, BETA, HIDDEN } from './test/fixtures.ts';
import { renderHookWithClient } from './test/render.tsx';
import { requestCount, seenRequests, setFaults, setupEmulatorServer } from './test/server.ts';
import { useConnector } from './use-connector.ts';
import { useConnectors } from './use-connectors.ts';

setupEmulatorServer();

describe('useConnector', () => {
  it('goes from loading to the connector, with the expands asked for', async () => {
    const { result } = renderHookWithClient(() => useConnector(ALPHA.uuid, { expand: ['sources'] }));
    expect(result.current.isLoading).toBe(true);
    await waitFor(() => expect(result.current.status).toBe('success'));
    expect(result.current.data).toMatchObject({ uuid: ALPHA.uuid, name: ALPHA.name });
    expect(result.current.data?.sources?.map((source) => source.name)).toEqual(['openapi', 'directaccess']);
    expect(result.current.data).not.toHaveProperty('countries');
  });

  it('accepts a numeric id', async () => {
    const { result } = renderHookWithClient(() => useConnector(BETA.id));
    await waitFor(() => expect(result.current.status).toBe('success'));
    expect(result.current.data?.uuid).toBe(BETA.uuid);
  });

  it('shows a hidden connector, which lists leave out', async () => {
    const { result } = renderHookWithClient(() => useConnector(HIDDEN.uuid));
    await waitFor(() => expect(result.current.status).toBe('success'));
    expect(result.current.data).toMatchObject({ name: HIDDEN.name, hidden: true });
  });

  it('waits, without a request, while there is no reference', async () => {
    const { result, rerender } = renderHookWithClient((ref: ConnectorRef | null | undefined) => useConnector(ref), {
      initialProps: null as ConnectorRef | null | undefined,
    });
    expect(result.current).toMatchObject({ status: 'pending', fetchStatus: 'idle', isLoading: false });
    rerender(undefined);
    rerender('');
    expect(result.current).toMatchObject({ status: 'pending', fetchStatus: 'idle' });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(requestCount()).toBe(0);

    rerender(ALPHA.uuid);
    await waitFor(() => expect(result.current.status).toBe('success'));
    expect(requestCount()).toBe(1);
  });

  it('ends in an error state carrying the Powens error on a 404', async () => {
    const { result } = renderHookWithClient(() => useConnector('00000000-0000-4000-8000-000000000000'));
    await waitFor(() => expect(result.current.status).toBe('error'));
    expect(result.current.error).toBeInstanceOf(ConnectorsApiError);
    expect(result.current.error).toMatchObject({ status: 404, code: 'notFound' });
    expect((result.current.error as ConnectorsApiError).description).toContain('00000000-0000-4000-8000-000000000000');
  });

  it('ends in an error state on a 500', async () => {
    setFaults({ kind: 'status', status: 500, route: 'connector' });
    const { result } = renderHookWithClient(() => useConnector(ALPHA.uuid));
    await waitFor(() => expect(result.current.status).toBe('error'));
    expect(result.current.error).toMatchObject({ name: 'ConnectorsApiError', status: 500 });
  });

  it('shares one request between equivalent expands', async () => {
    const { result } = renderHookWithClient(() => ({
      a: useConnector(ALPHA.uuid, { expand: ['fields', 'sources'] }),
      b: useConnector(ALPHA.uuid, { expand: ['sources', 'fields', 'sources'] }),
    }));
    await waitFor(() => expect(result.current.a.status).toBe('success'));
    expect(result.current.b.data).toBe(result.current.a.data);
    expect(requestCount()).toBe(1);
  });

  it('shows a connector of a cached list with the expands asked for, with no request', async () => {
    const { result, rerender } = renderHookWithClient(
      (show: boolean) => ({
        list: useConnectors({ expand: ['countries', 'sources'] }),
        detail: useConnector(show ? ALPHA.uuid : null, { expand: ['sources'] }),
      }),
      { initialProps: false },
    );
    await waitFor(() => expect(result.current.list.status).toBe('success'));
    rerender(true);
    expect(result.current.detail.status).toBe('success');
    expect(result.current.detail.data?.sources).toHaveLength(2);
    expect(result.current.detail.data).not.toHaveProperty('countries');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(requestCount()).toBe(1);
    expect(seenRequests.every((request) => request.url.pathname.endsWith('/connectors'))).toBe(true);
  });

  it('requests a connector whose cached list lacks an expand asked for', async () => {
    const { result, rerender } = renderHookWithClient(
      (show: boolean) => ({
        list: useConnectors(),
        detail: useConnector(show ? ALPHA.uuid : null, { expand: ['sources'] }),
      }),
      { initialProps: false },
    );
    await waitFor(() => expect(result.current.list.status).toBe('success'));
    rerender(true);
    expect(result.current.detail.status).toBe('pending');
    await waitFor(() => expect(result.current.detail.status).toBe('success'));
    expect(requestCount()).toBe(2);
  });
});
