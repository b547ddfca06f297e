import { type Connector, createConnectorsClient } from '@connector-kit/core';
import { createEmulator, demoConnectors, type EmulatorOptions, TEST_CONNECTOR_UUID } from '@connector-kit/mock-api';
import { act, renderHook, waitFor } from '@testing-library/react';
import { type ReactNode, StrictMode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { ConnectorsProvider } from './provider.tsx';
import { connectionsQueryOptions } from './query-options.ts';
import { createTestQueryClient } from './test/render.tsx';
import { type ConnectionFlowTarget, type UseConnectionFlowOptions, useConnectionFlow } from './use-connection-flow.ts';

/*
 * The direct path's state machine against the emulator, called in-process: every scenario of the test connector,
 * reconnects, cancels, lost answers. Waits are real but short (the emulator's delays and the flow's poll interval).
 */

const testConnector = demoConnectors.find((connector) => connector.uuid === TEST_CONNECTOR_UUID) as Connector;
const PASSWORD = 'Tr0ub4dor&3-never-kept';

function setup(
  target: ConnectionFlowTarget = { connectorUuid: TEST_CONNECTOR_UUID },
  {
    emulatorOptions = {},
    serverIgnoresAborts = false,
    gatewayLosesCreation = false,
    ...options
  }: UseConnectionFlowOptions & {
    emulatorOptions?: EmulatorOptions;
    /** A server far away: a request the browser stops waiting for still runs to its end there. */
    serverIgnoresAborts?: boolean;
    /** The app's server in front of the API: the API makes the first connection, its answer never reaches the app's. */
    gatewayLosesCreation?: boolean;
  } = {},
) {
  const emulator = createEmulator({ connectors: demoConnectors, decoupledApprovalMs: 60_000, ...emulatorOptions });
  const user = emulator.createUser();
  const client = createConnectorsClient({
    baseUrl: 'https://emulator.test/2.0',
    userToken: user.token,
    fetch: async (input, init) => {
      const request = new Request(input, serverIgnoresAborts ? { ...init, signal: null } : init);
      const creation = request.method === 'POST' && new URL(request.url).pathname.endsWith('/users/me/connections');
      const response = await emulator.handle(request);
      if (!gatewayLosesCreation || !creation || emulator.connections.length > 1) return response;
      return Response.json({ code: 'badGateway', description: 'The API did not answer' }, { status: 502 });
    },
  });
  const queryClient = createTestQueryClient();
  const onConnected = vi.fn();
  const wrapper = ({ children }: { children: ReactNode }) => (
    <StrictMode>
      <ConnectorsProvider client={client} queryClient={queryClient}>
        {children}
      </ConnectorsProvider>
    </StrictMode>
  );
  const rendered = renderHook(
    () => useConnectionFlow(target, { connector: testConnector, pollIntervalMs: 20, onConnected, ...options }),
    { wrapper },
  );
  return { ...rendered, emulator, user, client, queryClient, onConnected };
}

const credentials = (scenario: string) => ({ openapiwebsite: scenario, login: 'jdupont', password: PASSWORD });

describe('useConnectionFlow: a new connection', () => {
  it('connects: connecting, then done, the app told once, the cached list updated', async () => {
    const { result, emulator, client, queryClient, onConnected } = setup();
    await queryClient.fetchQuery(connectionsQueryOptions(client));
    expect(result.current.step).toEqual({ kind: 'credentials', reason: null, message: null, connection: null });
    act(() => result.current.submitCredentials(credentials('par')));
    expect(result.current.step).toMatchObject({ kind: 'connecting', action: 'create' });
    await waitFor(() => expect(result.current.step.kind).toBe('done'));
    expect(emulator.connections).toHaveLength(1);
    expect(onConnected).toHaveBeenCalledTimes(1);
    expect(onConnected.mock.calls[0]?.[0]).toMatchObject({ connector_uuid: TEST_CONNECTOR_UUID, state: null });
    expect(queryClient.getQueryData(connectionsQueryOptions(client).queryKey)?.map((entry) => entry.id)).toEqual([
      emulator.connections[0]?.id,
    ]);
  });

  it('goes back to the credentials after wrongpass, with the bank’s text, the login kept and the password not', async () => {
    const { result, emulator } = setup();
    act(() => result.current.submitCredentials(credentials('wrongpass')));
    await waitFor(() => expect(result.current.step.kind).toBe('credentials'));
    expect(result.current.step).toEqual({
      kind: 'credentials',
      reason: 'wrongpass',
      message: 'Identifiant ou mot de passe incorrect.',
      connection: null,
    });
    expect(result.current.keptValues).toEqual({ openapiwebsite: 'wrongpass', login: 'jdupont' });
    expect(emulator.connections).toHaveLength(0);
    act(() => result.current.submitCredentials(credentials('par')));
    await waitFor(() => expect(result.current.step.kind).toBe('done'));
    expect(emulator.connections).toHaveLength(1);
  });

  it('asks the bank’s one-time code, says when it is wrong, and connects with the right one', async () => {
    const { result } = setup();
    act(() => result.current.submitCredentials(credentials('otp')));
    await waitFor(() => expect(result.current.step.kind).toBe('fields'));
    expect(result.current.step).toMatchObject({
      fields: [{ name: 'otp', type: 'text', required: true }],
      message: 'Saisissez le code à 6 chiffres reçu par SMS.',
    });
    act(() => result.current.submitFields({ otp: '000000' }));
    await waitFor(() =>
      expect(result.current.step).toMatchObject({ kind: 'fields', message: expect.stringMatching(/incorrect/) }),
    );
    act(() => result.current.submitFields({ otp: '123456' }));
    await waitFor(() => expect(result.current.step.kind).toBe('done'));
  });

  it('waits for the approval in the bank’s app and moves on by itself once it comes', async () => {
    const { result, emulator } = setup(undefined, { emulatorOptions: { decoupledApprovalMs: 300 } });
    act(() => result.current.submitCredentials(credentials('decoupled')));
    await waitFor(() => expect(result.current.step.kind).toBe('decoupled'));
    expect(result.current.step).toMatchObject({ message: expect.stringMatching(/application/), timedOut: false });
    await waitFor(() => expect(result.current.step.kind).toBe('done'), { timeout: 3000 });
    expect(emulator.connections[0]?.state).toBeNull();
  });

  it('resumes when the person says they approved; too early, it keeps waiting', async () => {
    const { result, emulator } = setup();
    act(() => result.current.submitCredentials(credentials('decoupled')));
    await waitFor(() => expect(result.current.step.kind).toBe('decoupled'));
    act(() => result.current.resume());
    await waitFor(() => expect(result.current.step.kind).toBe('decoupled'));
    emulator.approveDecoupled(emulator.connections[0]?.id as number);
    act(() => result.current.resume());
    await waitFor(() => expect(result.current.step.kind).toBe('done'));
  });

  it('gives up waiting after the time limit, and waits again on retry', async () => {
    const { result, emulator } = setup(undefined, { decoupledTimeoutMs: 150 });
    act(() => result.current.submitCredentials(credentials('decoupled')));
    await waitFor(() => expect(result.current.step).toMatchObject({ kind: 'decoupled', timedOut: true }));
    act(() => result.current.retry());
    expect(result.current.step).toMatchObject({ kind: 'decoupled', timedOut: false });
    emulator.approveDecoupled(emulator.connections[0]?.id as number);
    await waitFor(() => expect(result.current.step.kind).toBe('done'));
  });

  it('polls a validating connection until it is synced', async () => {
    const { result } = setup();
    act(() => result.current.submitCredentials(credentials('validating')));
    await waitFor(() => expect(result.current.step.kind).toBe('validating'));
    await waitFor(() => expect(result.current.step.kind).toBe('done'), { timeout: 3000 });
  });

  it.each([
    ['scarequired', 'webauth', true],
    ['actionneeded', 'bank-action', false],
    ['passwordexpired', 'bank-action', true],
    ['ratelimiting', 'retry-later', true],
    ['websiteunavailable', 'retry-later', false],
  ])('reads %s as %s (with a connection: %s)', async (scenario, kind, withConnection) => {
    const { result } = setup();
    act(() => result.current.submitCredentials(credentials(scenario)));
    await waitFor(() => expect(result.current.step.kind).toBe(kind));
    expect(result.current.step.connection !== null).toBe(withConnection);
    expect((result.current.step as { message: string | null }).message).toBeTruthy();
  });

  it('syncs a connection again on retry after the bank asked to wait', async () => {
    const { result, emulator } = setup();
    act(() => result.current.submitCredentials(credentials('ratelimiting')));
    await waitFor(() => expect(result.current.step.kind).toBe('retry-later'));
    emulator.setConnectionState(emulator.connections[0]?.id as number, null);
    act(() => result.current.retry());
    expect(result.current.step).toMatchObject({ kind: 'connecting', action: 'sync' });
    await waitFor(() => expect(result.current.step.kind).toBe('done'));
  });

  it('cancels a slow creation, and does not make a second connection when the person sends again', async () => {
    const { result, emulator } = setup(undefined, {
      emulatorOptions: { slowScenarioMs: 200 },
      serverIgnoresAborts: true,
    });
    act(() => result.current.submitCredentials(credentials('slow')));
    await waitFor(() => expect(result.current.step).toMatchObject({ kind: 'connecting', action: 'create' }));
    await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
    act(() => result.current.cancel());
    expect(result.current.step.kind).toBe('credentials');
    // The bank still finishes the creation the browser stopped waiting for.
    await waitFor(() => expect(emulator.connections).toHaveLength(1), { timeout: 2000 });
    act(() => result.current.submitCredentials(credentials('par')));
    await waitFor(() => expect(result.current.step.kind).toBe('done'));
    expect(emulator.connections).toHaveLength(1);
  });

  it('after an answer lost on the way back, finds the connection made instead of making another', async () => {
    const { result, emulator } = setup();
    emulator.setFaults([{ kind: 'lost-response', route: 'connections', method: 'POST', times: 1 }]);
    act(() => result.current.submitCredentials(credentials('par')));
    await waitFor(() => expect(result.current.step).toMatchObject({ kind: 'error', code: null }));
    expect(emulator.connections).toHaveLength(1);
    act(() => result.current.retry());
    await waitFor(() => expect(result.current.step.kind).toBe('done'));
    expect(emulator.connections).toHaveLength(1);
  });

  it('after a gateway’s 502 to the creation, finds the connection the API made instead of making another', async () => {
    const { result, emulator } = setup(undefined, { gatewayLosesCreation: true });
    act(() => result.current.submitCredentials(credentials('par')));
    await waitFor(() => expect(result.current.step).toMatchObject({ kind: 'error' }));
    expect(emulator.connections).toHaveLength(1);
    act(() => result.current.retry());
    await waitFor(() => expect(result.current.step.kind).toBe('done'));
    expect(emulator.connections).toHaveLength(1);
  });

  it('reads a 500 "bug" answer as an internal error to wait for, and sends again on retry', async () => {
    const { result, emulator } = setup();
    emulator.setFaults([{ kind: 'status', status: 500, route: 'connections', method: 'POST', times: 1 }]);
    act(() => result.current.submitCredentials(credentials('par')));
    await waitFor(() => expect(result.current.step).toMatchObject({ kind: 'retry-later', reason: 'bug' }));
    act(() => result.current.retry());
    await waitFor(() => expect(result.current.step.kind).toBe('done'));
    expect(emulator.connections).toHaveLength(1);
  });

  it.each([
    ['a 503', { kind: 'status' as const, status: 503 }],
    ['a network failure', { kind: 'network' as const }],
    ['an unreadable answer', { kind: 'malformed-json' as const }],
  ])('shows %s as an error and connects on retry', async (_name, fault) => {
    const { result, emulator } = setup();
    emulator.setFaults([{ ...fault, route: 'connections', method: 'POST', times: 1 }]);
    act(() => result.current.submitCredentials(credentials('par')));
    await waitFor(() => expect(result.current.step.kind).toBe('error'));
    act(() => result.current.retry());
    await waitFor(() => expect(result.current.step.kind).toBe('done'));
    expect(emulator.connections).toHaveLength(1);
  });

  it('shows a failing poll as an error, and waits again on retry', async () => {
    const { result, emulator } = setup();
    act(() => result.current.submitCredentials(credentials('decoupled')));
    await waitFor(() => expect(result.current.step.kind).toBe('decoupled'));
    emulator.setFaults([{ kind: 'status', status: 404, route: 'connection', method: 'GET', times: 1 }]);
    await waitFor(() => expect(result.current.step.kind).toBe('error'));
    emulator.approveDecoupled(emulator.connections[0]?.id as number);
    act(() => result.current.retry());
    await waitFor(() => expect(result.current.step.kind).not.toBe('error'));
  });

  it('keeps no field value in the query cache or the mutation cache', async () => {
    const { result, queryClient } = setup();
    act(() => result.current.submitCredentials(credentials('otp')));
    await waitFor(() => expect(result.current.step.kind).toBe('fields'));
    act(() => result.current.submitFields({ otp: '654321' }));
    await waitFor(() => expect(result.current.step.kind).toBe('fields'));
    const caches = JSON.stringify([
      queryClient
        .getQueryCache()
        .getAll()
        .map((query) => query.state),
      queryClient
        .getMutationCache()
        .getAll()
        .map((mutation) => mutation.state),
    ]);
    expect(caches).not.toContain(PASSWORD);
    expect(caches).not.toContain('654321');
    expect(JSON.stringify(result.current)).not.toContain(PASSWORD);
  });
});

describe('useConnectionFlow: a reconnect', () => {
  function reconnect(state: string | null, options: UseConnectionFlowOptions = {}) {
    const emulator = createEmulator({ connectors: demoConnectors });
    const user = emulator.createUser();
    const { id } = emulator.addConnection(user.id, { connectorUuid: TEST_CONNECTOR_UUID, state });
    const client = createConnectorsClient({
      baseUrl: 'https://emulator.test/2.0',
      userToken: user.token,
      fetch: emulator.fetch,
    });
    const wrapper = ({ children }: { children: ReactNode }) => (
      <ConnectorsProvider client={client} queryClient={createTestQueryClient()}>
        {children}
      </ConnectorsProvider>
    );
    const rendered = renderHook(
      () => useConnectionFlow({ connectionId: id }, { connector: testConnector, pollIntervalMs: 20, ...options }),
      { wrapper },
    );
    return { ...rendered, emulator, id };
  }

  it('opens a wrongpass connection on its credentials, and updates it (no new connection)', async () => {
    const { result, emulator, id } = reconnect('wrongpass');
    expect(result.current.step).toMatchObject({ kind: 'connecting', action: 'load' });
    await waitFor(() => expect(result.current.step).toMatchObject({ kind: 'credentials', reason: 'wrongpass' }));
    act(() => result.current.submitCredentials(credentials('par')));
    expect(result.current.step).toMatchObject({ kind: 'connecting', action: 'update' });
    await waitFor(() => expect(result.current.step.kind).toBe('done'));
    expect(emulator.connections.map((connection) => connection.id)).toEqual([id]);
  });

  it('opens an SCARequired connection on the bank’s page, and additionalInformationNeeded on its fields', async () => {
    const sca = reconnect('SCARequired');
    await waitFor(() => expect(sca.result.current.step).toMatchObject({ kind: 'webauth', reason: 'SCARequired' }));
    expect(sca.result.current.connection?.id).toBe(sca.id);
    const questions = reconnect('additionalInformationNeeded');
    await waitFor(() =>
      expect(questions.result.current.step).toMatchObject({ kind: 'fields', fields: [{ name: 'otp' }] }),
    );
  });

  it('calls a state it does not know an error, with that state', async () => {
    const { result } = reconnect('quantumEntangled');
    await waitFor(() => expect(result.current.step).toMatchObject({ kind: 'error', code: 'quantumEntangled' }));
  });

  it('is done at once for a connection that is fine', async () => {
    const onConnected = vi.fn();
    const { result } = reconnect(null, { onConnected });
    await waitFor(() => expect(result.current.step.kind).toBe('done'));
    expect(onConnected).toHaveBeenCalledTimes(1);
  });
});
