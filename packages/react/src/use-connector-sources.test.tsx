import { type ConnectorRef, ConnectorsApiError } from '@connector-kit/core';
import { waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ALPHA, BETA } from './test/fixtures.ts';
import { renderHookWithClient } from './test/render.tsx';
import { requestCount, seenRequests, setFaults, setupEmulatorServer } from './test/server.ts';
import { useConnectorSource } from './use-connector-source.ts';
import { useConnectorSources } from './use-connector-sources.ts';

setupEmulatorServer();

describe('useConnectorSources', () => {
  it('goes from loading to the sources of the connector', async () => {
    const { result } = renderHookWithClient(() => useConnectorSources(ALPHA.uuid));
    expect(result.current.isLoading).toBe(true);
    await waitFor(() => expect(result.current.status).toBe('success'));
    expect(result.current.data?.map((source) => [source.id, source.name])).toEqual([
      [11, 'openapi'],
      [12, 'directaccess'],
    ]);
  });

  it('gives an empty list for a connector without sources', async () => {
    const { result } = renderHookWithClient(() => useConnectorSources(BETA.uuid));
    await waitFor(() => expect(result.current.status).toBe('success'));
    expect(result.current.data).toEqual([]);
  });

  it('sends normalized country codes and shares equivalent ones', async () => {
    const { result } = renderHookWithClient(() => ({
      a: useConnectorSources(ALPHA.uuid, { countryCodes: ['fr', 'be'] }),
      b: useConnectorSources(ALPHA.uuid, { countryCodes: ['BE', 'FR', 'fr'] }),
    }));
    await waitFor(() => expect(result.current.a.status).toBe('success'));
    expect(result.current.b.data).toBe(result.current.a.data);
    expect(requestCount()).toBe(1);
    expect(seenRequests[0]?.url.searchParams.get('country_codes')).toBe('BE,FR');
  });

  it('waits, without a request, while there is no reference', async () => {
    const { result } = renderHookWithClient(() => useConnectorSources(null as ConnectorRef | null));
    expect(result.current).toMatchObject({ status: 'pending', fetchStatus: 'idle' });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(requestCount()).toBe(0);
  });

  it('ends in an error state on a 500 and on an unknown connector', async () => {
    setFaults({ kind: 'status', status: 500, route: 'sources', times: 1 });
    const failing = renderHookWithClient(() => useConnectorSources(ALPHA.uuid));
    await waitFor(() => expect(failing.result.current.status).toBe('error'));
    expect(failing.result.current.error).toMatchObject({ name: 'ConnectorsApiError', status: 500 });

    const unknown = renderHookWithClient(() => useConnectorSources('00000000-0000-4000-8000-000000000000'));
    await waitFor(() => expect(unknown.result.current.status).toBe('error'));
    expect(unknown.result.current.error).toBeInstanceOf(ConnectorsApiError);
    expect(unknown.result.current.error).toMatchObject({ status: 404, code: 'notFound' });
  });
});

describe('useConnectorSource', () => {
  it('goes from loading to the source', async () => {
    const { result } = renderHookWithClient(() => useConnectorSource(ALPHA.uuid, 12));
    expect(result.current.isLoading).toBe(true);
    await waitFor(() => expect(result.current.status).toBe('success'));
    expect(result.current.data).toMatchObject({ id: 12, name: 'directaccess', auth_mechanism: 'credentials' });
  });

  it('waits while the source id or the reference is missing', async () => {
    const { result } = renderHookWithClient(() => ({
      noId: useConnectorSource(ALPHA.uuid, undefined),
      noRef: useConnectorSource('', 12),
    }));
    expect(result.current.noId.fetchStatus).toBe('idle');
    expect(result.current.noRef.fetchStatus).toBe('idle');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(requestCount()).toBe(0);
  });

  it('ends in an error state carrying the Powens error for an unknown source', async () => {
    const { result } = renderHookWithClient(() => useConnectorSource(ALPHA.uuid, 999));
    await waitFor(() => expect(result.current.status).toBe('error'));
    expect(result.current.error).toBeInstanceOf(ConnectorsApiError);
    expect(result.current.error).toMatchObject({ status: 404, code: 'notFound' });
  });

  it('ends in an error state on a gateway HTML page', async () => {
    setFaults({ kind: 'html', route: 'source' });
    const { result } = renderHookWithClient(() => useConnectorSource(ALPHA.uuid, 11));
    await waitFor(() => expect(result.current.status).toBe('error'));
    expect(result.current.error).toMatchObject({ name: 'ConnectorsApiError', status: 502, code: null });
  });
});
