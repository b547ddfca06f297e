import { ConnectorsApiError } from '@connector-kit/core';
import { act, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ALPHA, BETA, DELTA, GAMMA, HIDDEN, names } from './test/fixtures.ts';
import { createTestClient, renderHookWithClient } from './test/render.tsx';
import { emulator, holdRequests, requestCount, setFaults, setupEmulatorServer } from './test/server.ts';
import { useConnector } from './use-connector.ts';
import { useConnectors } from './use-connectors.ts';
import { useUpdateConnector } from './use-update-connector.ts';

setupEmulatorServer();

function useScreen() {
  return {
    all: useConnectors(),
    france: useConnectors({ countryCodes: ['FR'], expand: ['countries'] }),
    alpha: useConnector(ALPHA.uuid),
    update: useUpdateConnector(),
  };
}

async function renderScreen(options: Parameters<typeof renderHookWithClient>[1] = {}) {
  const rendered = renderHookWithClient(useScreen, options);
  await waitFor(() => {
    expect(rendered.result.current.all.status).toBe('success');
    expect(rendered.result.current.france.status).toBe('success');
    expect(rendered.result.current.alpha.status).toBe('success');
  });
  return rendered;
}

describe('useUpdateConnector', () => {
  it('hides a connector at once in every cached list and in the connector itself', async () => {
    const { result } = await renderScreen();
    const held = holdRequests('PUT', '/connectors/:ref');

    act(() => result.current.update.mutate({ connector: ALPHA.uuid, body: { hidden: true } }));
    await waitFor(() =>
      expect(names(result.current.all.data?.connectors)).toEqual([BETA.name, GAMMA.name, DELTA.name]),
    );
    expect(names(result.current.france.data?.connectors)).toEqual([GAMMA.name]);
    expect(result.current.all.data?.total).toBe(3);
    expect(result.current.alpha.data?.hidden).toBe(true);
    expect(result.current.update.isPending).toBe(true);
    held.release();
    await waitFor(() => expect(result.current.update.isSuccess).toBe(true));
  });

  it('refetches the affected queries once the server has answered, and shows its state', async () => {
    const { result } = await renderScreen();
    const readsBefore = requestCount('GET');

    act(() => result.current.update.mutate({ connector: ALPHA.uuid, body: { hidden: true } }));
    await waitFor(() => expect(result.current.update.isSuccess).toBe(true));
    expect(result.current.update.data).toMatchObject({ uuid: ALPHA.uuid, hidden: true });
    // Two lists and the connector, fetched again from the server.
    expect(requestCount('GET')).toBe(readsBefore + 3);
    expect(requestCount('PUT')).toBe(1);
    expect(names(result.current.all.data?.connectors)).toEqual([BETA.name, GAMMA.name, DELTA.name]);
    expect(names(result.current.france.data?.connectors)).toEqual([GAMMA.name]);
    expect(result.current.alpha.data?.hidden).toBe(true);
    expect(emulator.connectors.find((connector) => connector.uuid === ALPHA.uuid)?.hidden).toBe(true);
  });

  it('shows an unhidden connector in the lists once the server has answered', async () => {
    const { result } = renderHookWithClient(() => ({
      all: useConnectors(),
      hidden: useConnector(HIDDEN.uuid),
      update: useUpdateConnector(),
    }));
    await waitFor(() => expect(result.current.hidden.data?.hidden).toBe(true));
    await waitFor(() => expect(result.current.all.status).toBe('success'));
    expect(names(result.current.all.data?.connectors)).not.toContain(HIDDEN.name);

    const held = holdRequests('PUT', '/connectors/:ref');
    act(() => result.current.update.mutate({ connector: HIDDEN.uuid, body: { hidden: false } }));
    await waitFor(() => expect(result.current.hidden.data?.hidden).toBe(false));
    held.release();
    await waitFor(() => expect(result.current.update.isSuccess).toBe(true));
    expect(names(result.current.all.data?.connectors)).toContain(HIDDEN.name);
  });

  it('rolls back when the server answers 500', async () => {
    setFaults({ kind: 'status', status: 500, route: 'update' });
    const { result } = await renderScreen();
    const held = holdRequests('PUT', '/connectors/:ref');

    act(() => result.current.update.mutate({ connector: ALPHA.uuid, body: { hidden: true } }));
    await waitFor(() => expect(names(result.current.all.data?.connectors)).not.toContain(ALPHA.name));
    held.release();
    await waitFor(() => expect(result.current.update.isError).toBe(true));

    expect(result.current.update.error).toBeInstanceOf(ConnectorsApiError);
    expect(result.current.update.error).toMatchObject({ status: 500 });
    expect(names(result.current.all.data?.connectors)).toEqual([ALPHA.name, BETA.name, GAMMA.name, DELTA.name]);
    expect(names(result.current.france.data?.connectors)).toEqual([ALPHA.name, GAMMA.name]);
    expect(result.current.all.data?.total).toBe(4);
    expect(result.current.alpha.data?.hidden).toBe(false);
    expect(emulator.connectors.find((connector) => connector.uuid === ALPHA.uuid)?.hidden).toBe(false);
  });

  it('rolls back when the client has no config token', async () => {
    const { result } = await renderScreen({ client: createTestClient({ configToken: null }) });
    act(() => result.current.update.mutate({ connector: ALPHA.uuid, body: { hidden: true } }));
    await waitFor(() => expect(result.current.update.isError).toBe(true));
    expect(result.current.update.error).toMatchObject({ status: 401, code: 'unauthorized' });
    expect(names(result.current.all.data?.connectors)).toContain(ALPHA.name);
    expect(result.current.alpha.data?.hidden).toBe(false);
  });

  it('patches a connector cached under its numeric id when written by UUID', async () => {
    const { result } = renderHookWithClient(() => ({
      byId: useConnector(BETA.id),
      update: useUpdateConnector(),
    }));
    await waitFor(() => expect(result.current.byId.status).toBe('success'));
    const held = holdRequests('PUT', '/connectors/:ref');
    act(() => result.current.update.mutate({ connector: BETA.uuid, body: { hidden: true } }));
    await waitFor(() => expect(result.current.byId.data?.hidden).toBe(true));
    held.release();
    await waitFor(() => expect(result.current.update.isSuccess).toBe(true));
    expect(result.current.byId.data?.hidden).toBe(true);
  });

  it('keeps both changes of two overlapping writes on screen', async () => {
    const { result } = await renderScreen();
    const first = holdRequests('PUT', `/connectors/${ALPHA.uuid}`);
    const second = holdRequests('PUT', `/connectors/${GAMMA.uuid}`);
    const seen: string[][] = [];

    act(() => result.current.update.mutate({ connector: ALPHA.uuid, body: { hidden: true } }));
    act(() => result.current.update.mutate({ connector: GAMMA.uuid, body: { hidden: true } }));
    await waitFor(() => expect(names(result.current.all.data?.connectors)).toEqual([BETA.name, DELTA.name]));

    first.release();
    // The first write settles while the second is still held: nothing brings GAMMA back meanwhile.
    for (let i = 0; i < 10; i += 1) {
      await act(() => new Promise((resolve) => setTimeout(resolve, 5)));
      seen.push(names(result.current.all.data?.connectors) ?? []);
    }
    second.release();
    await waitFor(() => expect(result.current.update.isSuccess).toBe(true));
    await waitFor(() => expect(result.current.all.isFetching).toBe(false));

    expect(seen.every((list) => !list.includes(GAMMA.name) && !list.includes(ALPHA.name))).toBe(true);
    expect(names(result.current.all.data?.connectors)).toEqual([BETA.name, DELTA.name]);
    expect(names(result.current.france.data?.connectors)).toEqual([]);
  });

  it('brings a list that was off screen up to date when it shows again', async () => {
    const { result, rerender } = renderHookWithClient(
      (showFrance: boolean) => ({
        france: useConnectors(showFrance ? { countryCodes: ['FR'] } : { countryCodes: ['DE'] }),
        update: useUpdateConnector(),
      }),
      { initialProps: true },
    );
    await waitFor(() => expect(result.current.france.status).toBe('success'));
    rerender(false);
    await waitFor(() => expect(names(result.current.france.data?.connectors)).toEqual([BETA.name]));

    act(() => result.current.update.mutate({ connector: ALPHA.uuid, body: { hidden: true } }));
    await waitFor(() => expect(result.current.update.isSuccess).toBe(true));
    const reads = requestCount('GET');
    rerender(true);
    expect(names(result.current.france.data?.connectors)).toEqual([GAMMA.name]);
    await waitFor(() => expect(requestCount('GET')).toBe(reads + 1));
    await waitFor(() => expect(result.current.france.isFetching).toBe(false));
    expect(names(result.current.france.data?.connectors)).toEqual([GAMMA.name]);
  });
});
