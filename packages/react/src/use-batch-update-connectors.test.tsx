import { ConnectorsApiError } from '@connector-kit/core';
import { act, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ALPHA, BETA, DELTA, GAMMA, HIDDEN, names } from './test/fixtures.ts';
import { renderHookWithClient } from './test/render.tsx';
import { emulator, holdRequests, requestCount, setFaults, setupEmulatorServer } from './test/server.ts';
import { useBatchUpdateConnectors } from './use-batch-update-connectors.ts';
import { useConnector } from './use-connector.ts';
import { useConnectors } from './use-connectors.ts';

setupEmulatorServer();

function useScreen() {
  return {
    all: useConnectors({ expand: ['countries'] }),
    gamma: useConnector(GAMMA.uuid),
    hidden: useConnector(HIDDEN.uuid),
    batch: useBatchUpdateConnectors(),
  };
}

async function renderScreen() {
  const rendered = renderHookWithClient(useScreen);
  await waitFor(() => {
    expect(rendered.result.current.all.status).toBe('success');
    expect(rendered.result.current.gamma.status).toBe('success');
    expect(rendered.result.current.hidden.status).toBe('success');
  });
  return rendered;
}

describe('useBatchUpdateConnectors', () => {
  it('applies every change of the batch at once', async () => {
    const { result } = await renderScreen();
    const held = holdRequests('PATCH', '/connectors');

    act(() =>
      result.current.batch.mutate({
        [ALPHA.uuid]: { hidden: true },
        [GAMMA.uuid]: { hidden: true },
        [HIDDEN.uuid]: { hidden: false },
      }),
    );
    await waitFor(() => expect(names(result.current.all.data?.connectors)).toEqual([BETA.name, DELTA.name]));
    expect(result.current.gamma.data?.hidden).toBe(true);
    expect(result.current.hidden.data?.hidden).toBe(false);
    expect(result.current.batch.isPending).toBe(true);
    held.release();
    await waitFor(() => expect(result.current.batch.isSuccess).toBe(true));
  });

  it('shows the server state once the batch is done', async () => {
    const { result } = await renderScreen();
    const readsBefore = requestCount('GET');
    act(() => result.current.batch.mutate({ [ALPHA.uuid]: { hidden: true }, [HIDDEN.uuid]: { hidden: false } }));
    await waitFor(() => expect(result.current.batch.isSuccess).toBe(true));
    expect(requestCount('PATCH')).toBe(1);
    // The list and the connector that was unhidden; the connector the batch did not touch is not refetched.
    expect(requestCount('GET')).toBe(readsBefore + 2);
    expect(names(result.current.all.data?.connectors)).toEqual([BETA.name, GAMMA.name, DELTA.name, HIDDEN.name]);
    expect(result.current.hidden.data?.hidden).toBe(false);
    expect(emulator.connectors.filter((connector) => connector.hidden).map((connector) => connector.uuid)).toEqual([
      ALPHA.uuid,
    ]);
  });

  it('rolls every change back when the server answers 500', async () => {
    setFaults({ kind: 'status', status: 500, route: 'batch' });
    const { result } = await renderScreen();
    const held = holdRequests('PATCH', '/connectors');

    act(() => result.current.batch.mutate({ [ALPHA.uuid]: { hidden: true }, [GAMMA.uuid]: { hidden: true } }));
    await waitFor(() => expect(names(result.current.all.data?.connectors)).toEqual([BETA.name, DELTA.name]));
    held.release();
    await waitFor(() => expect(result.current.batch.isError).toBe(true));

    expect(result.current.batch.error).toBeInstanceOf(ConnectorsApiError);
    expect(names(result.current.all.data?.connectors)).toEqual([ALPHA.name, BETA.name, GAMMA.name, DELTA.name]);
    expect(result.current.gamma.data?.hidden).toBe(false);
  });
});
