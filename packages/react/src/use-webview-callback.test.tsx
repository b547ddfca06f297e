import { createHandoffStore } from '@connector-kit/core';
import { renderHook, waitFor } from '@testing-library/react';
import { type ReactNode, StrictMode } from 'react';
import { renderToString } from 'react-dom/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TEST_CONNECTOR_UUID } from './test/fixtures.ts';
import { type UseWebviewCallbackOptions, useWebviewCallback } from './use-webview-callback.ts';

const bank = { uuid: TEST_CONNECTOR_UUID, name: 'Connecteur de test' };

afterEach(() => {
  sessionStorage.clear();
  window.history.replaceState(null, '', '/');
});

function begin() {
  return createHandoffStore().begin({
    flow: 'connect',
    connectorUuid: bank.uuid,
    connectorName: bank.name,
    returnPath: '/connect',
  });
}

function read(options: UseWebviewCallbackOptions = {}) {
  const wrapper = ({ children }: { children: ReactNode }) => <StrictMode>{children}</StrictMode>;
  return renderHook(() => useWebviewCallback(options), { wrapper });
}

describe('useWebviewCallback', () => {
  it('reads the page’s callback, calls onConnected once, and takes the code out of the address bar', async () => {
    const { state } = begin();
    window.history.replaceState(null, '', `/callback?connection_id=12&code=n3w&state=${state}#top`);
    const onConnected = vi.fn();
    const { result } = read({ onConnected });
    await waitFor(() => expect(result.current.status).toBe('read'));
    expect(result.current.result).toEqual({
      status: 'connected',
      connectionId: 12,
      connectionIds: [12],
      code: 'n3w',
      state,
    });
    expect(result.current.handoff).toMatchObject({ connectorUuid: bank.uuid, returnPath: '/connect' });
    expect(onConnected).toHaveBeenCalledTimes(1);
    expect(window.location.search).toBe('');
    expect(window.location.pathname + window.location.hash).toBe('/callback#top');
  });

  it('refuses the same callback read again (a replay)', async () => {
    const { state } = begin();
    const url = `https://app.example/callback?connection_id=12&state=${state}`;
    const first = read({ url });
    await waitFor(() => expect(first.result.current.result?.status).toBe('connected'));
    const onConnected = vi.fn();
    const second = read({ url, onConnected });
    await waitFor(() => expect(second.result.current.status).toBe('read'));
    expect(second.result.current).toMatchObject({ result: { error: 'state_mismatch' }, handoff: null });
    expect(onConnected).not.toHaveBeenCalled();
  });

  it('gives a cancelled hand-off with the bank it was for, so that the person can try again', async () => {
    const { state } = begin();
    const { result } = read({ url: `/callback?error=access_denied&error_description=User+left&state=${state}` });
    await waitFor(() => expect(result.current.status).toBe('read'));
    expect(result.current.result).toMatchObject({ status: 'error', error: 'access_denied' });
    expect(result.current.handoff?.connectorUuid).toBe(bank.uuid);
  });

  it('refuses a forged state, and calls onDeleted for a deletion', async () => {
    begin();
    const forged = read({ url: '/callback?connection_id=1&state=guess' });
    await waitFor(() => expect(forged.result.current.result).toMatchObject({ error: 'state_mismatch' }));

    const { state } = begin();
    const onDeleted = vi.fn();
    const deleted = read({ url: `/callback?connection_id=3&connection_deleted=true&state=${state}`, onDeleted });
    await waitFor(() => expect(deleted.result.current.result?.status).toBe('deleted'));
    expect(onDeleted).toHaveBeenCalledWith(expect.objectContaining({ connectionId: 3 }), expect.anything());
  });

  it('leaves the address bar alone when reading a given URL or when told to', async () => {
    const { state } = begin();
    window.history.replaceState(null, '', `/callback?connection_id=12&state=${state}`);
    const { result } = read({ cleanUrl: false });
    await waitFor(() => expect(result.current.status).toBe('read'));
    expect(window.location.search).toBe(`?connection_id=12&state=${state}`);
  });

  it('renders "reading" on a server, where no hand-off can be checked', () => {
    expect(renderToString(<Probe url="/callback?connection_id=1&state=x" />)).toBe('reading');
  });
});

/** Renders the hook's status, for server rendering. */
function Probe({ url }: { url: string }) {
  return useWebviewCallback({ url }).status;
}
