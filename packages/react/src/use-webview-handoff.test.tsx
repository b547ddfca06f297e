import { createHandoffStore, HANDOFF_STORAGE_KEY } from '@connector-kit/core';
import { act, renderHook, waitFor } from '@testing-library/react';
import { type ReactNode, StrictMode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TEST_CONNECTOR_UUID } from './test/fixtures.ts';
import { type UseWebviewHandoffOptions, useWebviewHandoff } from './use-webview-handoff.ts';

const bank = { uuid: TEST_CONNECTOR_UUID, name: 'Connecteur de test' };
const CODE = 'single-use-c0de-8f2a';

afterEach(() => {
  sessionStorage.clear();
});

function setup(overrides: Partial<UseWebviewHandoffOptions> = {}) {
  const navigate = vi.fn<(url: string) => void>();
  const getCode = vi.fn<UseWebviewHandoffOptions['getCode']>(async () => CODE);
  const options: UseWebviewHandoffOptions = {
    clientId: '12345678',
    domain: 'acme-sandbox',
    redirectUri: 'https://app.example/callback',
    getCode,
    navigate,
    ...overrides,
  };
  const wrapper = ({ children }: { children: ReactNode }) => <StrictMode>{children}</StrictMode>;
  const rendered = renderHook((props: UseWebviewHandoffOptions) => useWebviewHandoff(props), {
    initialProps: options,
    wrapper,
  });
  return { ...rendered, navigate, getCode: overrides.getCode ?? getCode };
}

function pendingStates(): { state: string; connectorUuid: string; returnPath: string }[] {
  return JSON.parse(sessionStorage.getItem(HANDOFF_STORAGE_KEY) ?? '[]');
}

describe('useWebviewHandoff', () => {
  it('asks the app’s server for a code, keeps a state, and leaves for the Webview of that one bank', async () => {
    const { result, navigate, getCode } = setup({
      connectorCapabilities: ['bank'],
      connectorFieldValues: { [bank.uuid]: { openapiwebsite: 'par' }, other: { login: 'x' } },
      returnPath: '/connect',
    });
    expect(result.current.status).toBe('idle');
    act(() => result.current.start(bank, { countryCode: 'fr' }));
    expect(result.current).toMatchObject({ status: 'pending', connector: bank });
    await waitFor(() => expect(navigate).toHaveBeenCalledTimes(1));
    expect(result.current.status).toBe('leaving');
    expect(getCode).toHaveBeenCalledWith({ connector: bank, signal: expect.any(AbortSignal) });

    const url = new URL(navigate.mock.calls[0]?.[0] ?? '');
    const [pending] = pendingStates();
    expect(`${url.origin}${url.pathname}`).toBe('https://webview.powens.com/connect');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      domain: 'acme-sandbox.biapi.pro',
      client_id: '12345678',
      code: CODE,
      redirect_uri: 'https://app.example/callback',
      state: pending?.state,
      connector_uuids: bank.uuid,
      connector_capabilities: 'bank',
      connector_country: 'FR',
      [`${bank.uuid}.openapiwebsite`]: 'par',
    });
    expect(pending).toMatchObject({ connectorUuid: bank.uuid, connectorName: bank.name, returnPath: '/connect' });
    // The code goes into the address and nowhere else.
    expect(sessionStorage.getItem(HANDOFF_STORAGE_KEY)).not.toContain(CODE);
    expect(JSON.stringify(result.current)).not.toContain(CODE);
  });

  it('sends a webauth connector to the bank’s page through /webauth, with its source', async () => {
    const { result, navigate } = setup({ baseUrl: 'http://127.0.0.1:4010/2.0' });
    act(() => result.current.start(bank, { target: 'webauth', source: 'openapi' }));
    await waitFor(() => expect(navigate).toHaveBeenCalled());
    const url = new URL(navigate.mock.calls[0]?.[0] ?? '');
    expect(`${url.origin}${url.pathname}`).toBe('http://127.0.0.1:4010/2.0/webauth');
    expect(url.searchParams.get('token')).toBe(CODE);
    expect(url.searchParams.get('connector_uuid')).toBe(bank.uuid);
    expect(url.searchParams.get('source')).toBe('openapi');
    expect(pendingStates()[0]).toMatchObject({ flow: 'webauth' });
  });

  it('reconnects a connection through the Webview', async () => {
    const { result, navigate } = setup();
    act(() => result.current.start(bank, { flow: 'reconnect', connectionId: 42, resetCredentials: true }));
    await waitFor(() => expect(navigate).toHaveBeenCalled());
    const url = new URL(navigate.mock.calls[0]?.[0] ?? '');
    expect(url.pathname).toBe('/reconnect');
    expect(url.searchParams.get('connection_id')).toBe('42');
    expect(url.searchParams.get('reset_credentials')).toBe('true');
    expect(pendingStates()[0]).toMatchObject({ flow: 'reconnect', connectionId: 42 });
  });

  it('shows a failing getCode as an error, and leaves when the person tries again', async () => {
    const getCode = vi
      .fn<UseWebviewHandoffOptions['getCode']>()
      .mockRejectedValueOnce(new Error('server down'))
      .mockResolvedValue(CODE);
    const { result, navigate } = setup({ getCode });
    act(() => result.current.start(bank));
    await waitFor(() => expect(result.current.status).toBe('error'));
    expect(result.current.error).toEqual(new Error('server down'));
    expect(navigate).not.toHaveBeenCalled();
    expect(pendingStates()).toEqual([]);

    act(() => result.current.retry());
    await waitFor(() => expect(navigate).toHaveBeenCalledTimes(1));
    expect(getCode).toHaveBeenCalledTimes(2);
    expect(getCode.mock.calls[1]?.[0].connector).toEqual(bank);
  });

  it('names a bad option as an error instead of leaving (a redirect with a query)', async () => {
    const { result, navigate } = setup({ redirectUri: 'https://app.example/callback?from=app' });
    act(() => result.current.start(bank));
    await waitFor(() => expect(result.current.status).toBe('error'));
    expect(String(result.current.error)).toMatch(/must not have a query string/);
    expect(navigate).not.toHaveBeenCalled();
  });

  it('cancels a hand-off still waiting for its code when another one starts, or on reset', async () => {
    const resolvers: ((code: string) => void)[] = [];
    const signals: AbortSignal[] = [];
    const getCode = vi.fn<UseWebviewHandoffOptions['getCode']>(
      ({ signal }) =>
        new Promise((resolve) => {
          signals.push(signal);
          resolvers.push(resolve);
        }),
    );
    const other = { uuid: 'other-uuid', name: 'Other bank' };
    const { result, navigate } = setup({ getCode });
    act(() => result.current.start(bank));
    act(() => result.current.start(other));
    expect(signals[0]?.aborted).toBe(true);
    await act(async () => {
      resolvers[0]?.('first');
      resolvers[1]?.('second');
    });
    await waitFor(() => expect(navigate).toHaveBeenCalledTimes(1));
    expect(new URL(navigate.mock.calls[0]?.[0] ?? '').searchParams.get('connector_uuids')).toBe('other-uuid');

    act(() => result.current.start(bank));
    act(() => result.current.reset());
    expect(result.current.status).toBe('idle');
    await act(async () => resolvers[2]?.('third'));
    expect(navigate).toHaveBeenCalledTimes(1);
  });

  it('is idle again when the page comes back from the back-forward cache', async () => {
    const { result, navigate } = setup();
    act(() => result.current.start(bank));
    await waitFor(() => expect(navigate).toHaveBeenCalled());
    expect(result.current.status).toBe('leaving');
    act(() => {
      const event = new Event('pageshow') as PageTransitionEvent;
      Object.defineProperty(event, 'persisted', { value: true });
      window.dispatchEvent(event);
    });
    expect(result.current).toMatchObject({ status: 'idle', connector: bank });
  });

  it('uses the store it is given', async () => {
    const store = createHandoffStore({ storage: sessionStorage, key: 'my-app:handoff' });
    const { result, navigate } = setup({ store });
    act(() => result.current.start(bank));
    await waitFor(() => expect(navigate).toHaveBeenCalled());
    expect(sessionStorage.getItem('my-app:handoff')).toContain(bank.uuid);
    expect(sessionStorage.getItem(HANDOFF_STORAGE_KEY)).toBeNull();
  });
});
