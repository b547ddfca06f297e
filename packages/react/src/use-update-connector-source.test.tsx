import { ConnectorsApiError } from '@connector-kit/core';
import { act, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ALPHA } from './test/fixtures.ts';
import { renderHookWithClient } from './test/render.tsx';
import { emulator, holdRequests, requestCount, setFaults, setupEmulatorServer } from './test/server.ts';
import { useConnector } from './use-connector.ts';
import { useConnectorSource } from './use-connector-source.ts';
import { useConnectorSources } from './use-connector-sources.ts';
import { useConnectors } from './use-connectors.ts';
import { useUpdateConnectorSource } from './use-update-connector-source.ts';

setupEmulatorServer();

const DISABLED_AT = '2026-07-29 19:26:59';

function useScreen() {
  const sources = useConnectorSources(ALPHA.uuid);
  const source = useConnectorSource(ALPHA.uuid, 12);
  const alpha = useConnector(ALPHA.uuid, { expand: ['sources'] });
  const all = useConnectors({ expand: ['sources'] });
  const byId = useConnectorSources(ALPHA.id);
  return {
    sources,
    source,
    alpha,
    all,
    byId,
    update: useUpdateConnectorSource(),
    /** The `disabled` value of source 12 in each cached view. */
    disabled: () => [
      sources.data?.find((entry) => entry.id === 12)?.disabled,
      source.data?.disabled,
      alpha.data?.sources?.find((entry) => entry.id === 12)?.disabled,
      all.data?.connectors.find((entry) => entry.uuid === ALPHA.uuid)?.sources?.find((entry) => entry.id === 12)
        ?.disabled,
      byId.data?.find((entry) => entry.id === 12)?.disabled,
    ],
  };
}

async function renderScreen() {
  const rendered = renderHookWithClient(useScreen);
  await waitFor(() => {
    for (const query of ['sources', 'source', 'alpha', 'all', 'byId'] as const) {
      expect(rendered.result.current[query].status).toBe('success');
    }
  });
  return rendered;
}

describe('useUpdateConnectorSource', () => {
  it('changes the source at once in its lists, itself, and the sources of cached connectors', async () => {
    const { result } = await renderScreen();
    expect(result.current.disabled()).toEqual([null, null, null, null, null]);
    const held = holdRequests('PUT', '/connectors/:ref/sources/:id');

    act(() => result.current.update.mutate({ connector: ALPHA.uuid, sourceId: 12, body: { disabled: DISABLED_AT } }));
    await waitFor(() => expect(result.current.disabled()).toEqual(Array(5).fill(DISABLED_AT)));
    // The other source is untouched.
    expect(result.current.sources.data?.find((entry) => entry.id === 11)?.disabled).toBeNull();
    held.release();
    await waitFor(() => expect(result.current.update.isSuccess).toBe(true));
  });

  it('shows the server state once the write is done', async () => {
    const { result } = await renderScreen();
    const readsBefore = requestCount('GET');
    act(() =>
      result.current.update.mutate({ connector: ALPHA.uuid, sourceId: 12, body: { auth_mechanism: 'webauth' } }),
    );
    await waitFor(() => expect(result.current.update.isSuccess).toBe(true));
    expect(result.current.update.data).toMatchObject({ id: 12, auth_mechanism: 'webauth' });
    expect(requestCount('GET')).toBe(readsBefore + 5);
    expect(result.current.source.data?.auth_mechanism).toBe('webauth');
    expect(result.current.alpha.data?.sources?.find((entry) => entry.id === 12)?.auth_mechanism).toBe('webauth');
    const stored = emulator.connectors.find((connector) => connector.uuid === ALPHA.uuid)?.sources;
    expect(stored?.find((entry) => entry.id === 12)?.auth_mechanism).toBe('webauth');
  });

  it('rolls back when the server answers 500', async () => {
    setFaults({ kind: 'status', status: 500, route: 'source', method: 'PUT' });
    const { result } = await renderScreen();
    const held = holdRequests('PUT', '/connectors/:ref/sources/:id');

    act(() => result.current.update.mutate({ connector: ALPHA.uuid, sourceId: 12, body: { disabled: DISABLED_AT } }));
    await waitFor(() => expect(result.current.disabled()).toEqual(Array(5).fill(DISABLED_AT)));
    held.release();
    await waitFor(() => expect(result.current.update.isError).toBe(true));

    expect(result.current.update.error).toBeInstanceOf(ConnectorsApiError);
    expect(result.current.disabled()).toEqual([null, null, null, null, null]);
  });

  it('rolls back a change the server refuses as invalid', async () => {
    const { result } = await renderScreen();
    act(() =>
      result.current.update.mutate({ connector: ALPHA.uuid, sourceId: 11, body: { auth_mechanism: 'credentials' } }),
    );
    await waitFor(() => expect(result.current.update.isError).toBe(true));
    expect(result.current.update.error).toMatchObject({ status: 400, code: 'invalidValue' });
    expect(result.current.sources.data?.find((entry) => entry.id === 11)?.auth_mechanism).toBe('webauth');
  });
});
