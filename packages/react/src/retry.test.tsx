import { ConnectorsApiError, ConnectorsError } from '@connector-kit/core';
import type { UseMutationResult, UseQueryResult } from '@tanstack/react-query';
import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ComponentType } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BACKOFF_MS, type ErrorTextKey, FAULT_CASES, type FaultCase, LATENCY_MS } from '../../../test/faults.ts';
import { failOnConsoleErrorsAndRejections } from '../../../test/guards.ts';
import { countAsFaultCase } from '../../../test/reliability.ts';
import { ConnectorsProvider } from './provider.tsx';
import { connectorsRetryDelay, createConnectorsQueryClient, shouldRetryConnectorsQuery } from './query-client.ts';
import { ALPHA } from './test/fixtures.ts';
import { createRecordingQueryClient, createTestClient, renderHookWithClient } from './test/render.tsx';
import { requestCount, requestsTo, setFaults, setupEmulatorServer, sleep } from './test/server.ts';
import { useBatchUpdateConnectors } from './use-batch-update-connectors.ts';
import { useConnector } from './use-connector.ts';
import { useConnectorSource } from './use-connector-source.ts';
import { useConnectorSources } from './use-connector-sources.ts';
import { useConnectors } from './use-connectors.ts';
import { useUpdateConnector } from './use-update-connector.ts';
import { useUpdateConnectorSource } from './use-update-connector-source.ts';

setupEmulatorServer();

/** The library's default query client, with retries 1 ms apart so the tests run fast. */
const quickRetries = () =>
  createConnectorsQueryClient({ defaultOptions: { queries: { retryDelay: 1, notifyOnChangeProps: 'all' } } });

describe('retry policy of the default query client', () => {
  it('retries a 5xx answer and succeeds when the server recovers', async () => {
    setFaults({ kind: 'status', status: 503, route: 'list', times: 2 });
    const { result } = renderHookWithClient(() => useConnectors(), { queryClient: quickRetries() });
    await waitFor(() => expect(result.current.status).toBe('success'));
    expect(result.current.data?.connectors).toHaveLength(4);
    expect(requestCount('GET', '/connectors')).toBe(3);
  });

  it('retries three times at most, then reports the error', async () => {
    setFaults({ kind: 'status', status: 500, route: 'list' });
    const { result } = renderHookWithClient(() => useConnectors(), { queryClient: quickRetries() });
    await waitFor(() => expect(result.current.status).toBe('error'));
    expect(result.current.failureCount).toBe(4);
    expect(result.current.error).toMatchObject({ name: 'ConnectorsApiError', status: 500 });
    expect(requestCount()).toBe(4);
  });

  it('retries network failures and gateway pages', async () => {
    setFaults({ kind: 'network', route: 'list', times: 1 }, { kind: 'html', route: 'list', times: 1 });
    const { result } = renderHookWithClient(() => useConnectors(), { queryClient: quickRetries() });
    await waitFor(() => expect(result.current.status).toBe('success'));
    expect(requestCount()).toBe(3);
  });

  it('does not retry a 404', async () => {
    const { result } = renderHookWithClient(() => useConnector('00000000-0000-4000-8000-000000000000'), {
      queryClient: quickRetries(),
    });
    await waitFor(() => expect(result.current.status).toBe('error'));
    expect(result.current.error).toBeInstanceOf(ConnectorsApiError);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(requestCount()).toBe(1);
  });

  it('does not retry a 400 or a 401', async () => {
    setFaults(
      { kind: 'status', status: 400, route: 'connector', times: 1 },
      { kind: 'status', status: 401, route: 'list', times: 1 },
    );
    const { result } = renderHookWithClient(() => ({ one: useConnector(ALPHA.uuid), all: useConnectors() }), {
      queryClient: quickRetries(),
    });
    await waitFor(() => expect(result.current.one.status).toBe('error'));
    await waitFor(() => expect(result.current.all.status).toBe('error'));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(requestCount()).toBe(2);
  });

  describe('backoff', () => {
    afterEach(() => {
      vi.useRealTimers();
    });

    /** Lets pending promises, I/O, timers due now and React work run, without moving the fake clock. */
    async function settle() {
      for (let i = 0; i < 20; i += 1) {
        await act(async () => {
          await new Promise<void>((resolve) => setImmediate(resolve));
          await vi.advanceTimersByTimeAsync(0);
        });
      }
    }

    it('waits about 1 s, 2 s, then 4 s between attempts, then gives up', async () => {
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
      setFaults({ kind: 'status', status: 502, route: 'list' });
      const { result } = renderHookWithClient(() => useConnectors(), {
        queryClient: createConnectorsQueryClient({ defaultOptions: { queries: { notifyOnChangeProps: 'all' } } }),
      });
      await settle();
      expect(requestCount()).toBe(1);

      // Attempts are due 1 s, 3 s and 7 s after the first. Each answer takes a few fake milliseconds to go through
      // the mocked network: allow 10 ms either way.
      let elapsed = 0;
      const advanceTo = async (time: number) => {
        await act(() => vi.advanceTimersByTimeAsync(time - elapsed));
        elapsed = time;
        await settle();
      };
      for (const [due, attempts] of [
        [1000, 2],
        [3000, 3],
        [7000, 4],
      ] as const) {
        await advanceTo(due - 10);
        expect(requestCount()).toBe(attempts - 1);
        await advanceTo(due + 10);
        expect(requestCount()).toBe(attempts);
      }

      await act(() => vi.advanceTimersByTimeAsync(10));
      await settle();
      expect(result.current.status).toBe('error');
      expect(result.current.error).toMatchObject({ status: 502 });
      await act(() => vi.advanceTimersByTimeAsync(60_000));
      await settle();
      expect(requestCount()).toBe(4);
    });
  });
});

/*
 * The fault matrix of the data hooks: every hook, every fault of FAULT_CASES, through the emulator. Each hook is
 * shown the way an app would: its data, a loading status, or its error with "Try again". (The ui package checks the
 * localized sentence each error becomes, in the picker's and ConnectFlow's own matrices.)
 */

it('the default query client retries and waits as the matrix records', () => {
  const queries = createConnectorsQueryClient().getDefaultOptions().queries;
  expect(queries?.retry).toBe(shouldRetryConnectorsQuery);
  expect(queries?.retryDelay).toBe(connectorsRetryDelay);
});

/** What an error says to the test: its kind, the status of an API error, and the request id when there is one. */
function errorSummary(error: Error): string {
  if (error instanceof ConnectorsApiError) {
    return `api ${error.status}${error.requestId === null ? '' : ` reference ${error.requestId}`}`;
  }
  return error instanceof ConnectorsError ? error.kind : `unknown ${error.name}`;
}

/** The error each kind of outcome must be. */
const EXPECTED_ERROR: Record<ErrorTextKey, RegExp> = {
  timeout: /^timeout$/,
  server: /^api 5\d\d\b/,
  rateLimited: /^api 429\b/,
  unauthorized: /^api 40[13]\b/,
  notFound: /^api 404\b/,
  response: /^response$/,
  network: /^network$/,
};

function ErrorView({ error, onRetry }: { error: Error; onRetry: () => void }) {
  return (
    <div role="alert">
      <p>{errorSummary(error)}</p>
      <button type="button" onClick={onRetry}>
        Try again
      </button>
    </div>
  );
}

function QueryView<T>({ query, show }: { query: UseQueryResult<T, Error>; show: (data: T) => string }) {
  if (query.data !== undefined) return <p>{show(query.data)}</p>;
  if (query.isError) return <ErrorView error={query.error} onRetry={() => void query.refetch()} />;
  return <p role="status">Loading</p>;
}

function MutationView<V>({
  mutation,
  variables,
}: {
  mutation: UseMutationResult<unknown, Error, V, unknown>;
  variables: V;
}) {
  const run = () => mutation.mutate(variables);
  if (mutation.isSuccess) return <p>Saved</p>;
  if (mutation.isError) return <ErrorView error={mutation.error} onRetry={run} />;
  if (mutation.isPending) return <p role="status">Saving</p>;
  return (
    <button type="button" onClick={run}>
      Save
    </button>
  );
}

interface Target {
  name: string;
  method: 'GET' | 'PUT' | 'PATCH';
  /** The request path under the API root. */
  path: RegExp;
  /** The emulator route to break. */
  route: 'list' | 'connector' | 'sources' | 'source' | 'update' | 'batch';
  /** What the probe shows once it has its data. */
  loaded: string;
  /** A write: started by pressing "Save", never retried automatically (a person retries). */
  write: boolean;
  /** The write's answer has no body to read: a 200 whatever its body is the write done. */
  ignoresBody?: boolean;
  Probe: ComponentType;
}

const SOURCE_ID = 11;
const connectorPath = new RegExp(`^/connectors/${ALPHA.uuid}$`);
const sourcePath = new RegExp(`^/connectors/${ALPHA.uuid}/sources/${SOURCE_ID}$`);

const TARGETS: readonly Target[] = [
  {
    name: 'useConnectors',
    method: 'GET',
    path: /^\/connectors$/,
    route: 'list',
    loaded: 'Loaded the connectors',
    write: false,
    Probe: () => <QueryView query={useConnectors({ expand: ['countries'] })} show={() => 'Loaded the connectors'} />,
  },
  {
    name: 'useConnector',
    method: 'GET',
    path: connectorPath,
    route: 'connector',
    loaded: `Loaded ${ALPHA.name}`,
    write: false,
    Probe: () => (
      <QueryView
        query={useConnector(ALPHA.uuid, { expand: ['fields', 'sources'] })}
        show={(connector) => `Loaded ${connector.name}`}
      />
    ),
  },
  {
    name: 'useConnectorSources',
    method: 'GET',
    path: new RegExp(`^/connectors/${ALPHA.uuid}/sources$`),
    route: 'sources',
    loaded: 'Loaded openapi, directaccess',
    write: false,
    Probe: () => (
      <QueryView
        query={useConnectorSources(ALPHA.uuid)}
        show={(sources) => `Loaded ${sources.map((source) => source.name).join(', ')}`}
      />
    ),
  },
  {
    name: 'useConnectorSource',
    method: 'GET',
    path: sourcePath,
    route: 'source',
    loaded: 'Loaded openapi',
    write: false,
    Probe: () => (
      <QueryView query={useConnectorSource(ALPHA.uuid, SOURCE_ID)} show={(source) => `Loaded ${source.name}`} />
    ),
  },
  {
    name: 'useUpdateConnector',
    method: 'PUT',
    path: connectorPath,
    route: 'update',
    loaded: 'Saved',
    write: true,
    Probe: () => (
      <MutationView mutation={useUpdateConnector()} variables={{ connector: ALPHA.uuid, body: { hidden: false } }} />
    ),
  },
  {
    name: 'useBatchUpdateConnectors',
    method: 'PATCH',
    path: /^\/connectors$/,
    route: 'batch',
    loaded: 'Saved',
    write: true,
    ignoresBody: true,
    Probe: () => <MutationView mutation={useBatchUpdateConnectors()} variables={{ [ALPHA.uuid]: { hidden: false } }} />,
  },
  {
    name: 'useUpdateConnectorSource',
    method: 'PUT',
    path: sourcePath,
    route: 'source',
    loaded: 'Saved',
    write: true,
    Probe: () => (
      <MutationView
        mutation={useUpdateConnectorSource()}
        variables={{ connector: ALPHA.uuid, sourceId: SOURCE_ID, body: { disabled: null } }}
      />
    ),
  },
];

async function runFaultCase(target: Target, { fault, outcome, timeoutMs }: FaultCase) {
  const user = userEvent.setup();
  const client = createTestClient({ timeoutMs: timeoutMs ?? 5000 });
  const { queryClient, delays } = createRecordingQueryClient();
  const { Probe } = target;
  const ui = () => (
    <ConnectorsProvider client={client} queryClient={queryClient}>
      <Probe />
    </ConnectorsProvider>
  );
  const requests = () => requestsTo(target.method, target.path);
  setFaults({ ...fault, route: target.route, method: target.method });

  const view = render(ui());
  if (target.write) await user.click(screen.getByRole('button', { name: 'Save' }));

  if (outcome.kind === 'slow') {
    expect(screen.getByRole('status')).toBeInTheDocument();
    expect(await screen.findByText(target.loaded, {}, { timeout: 3000 })).toBeInTheDocument();
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(requests()).toHaveLength(1);
    return;
  }

  if (outcome.kind === 'unmount') {
    await waitFor(() => expect(requests()).toHaveLength(1));
    view.unmount();
    await sleep(LATENCY_MS + 80);
    // A read nobody waits for anymore is aborted; a write in flight cannot be recalled, and lands quietly.
    expect(requests()[0]?.signal.aborted).toBe(!target.write);
    expect(requests()).toHaveLength(1);
    return;
  }

  if (target.ignoresBody && fault.kind === 'wrong-shape') {
    // PATCH /connectors answers 200 without a documented body: JSON of any shape is the write done (an answer that
    // is not JSON at all is still an unreadable answer, below).
    expect(await screen.findByText('Saved', {}, { timeout: 3000 })).toBeInTheDocument();
    expect(requests()).toHaveLength(1);
    return;
  }

  /** The error the alert shows, without its button. */
  const shown = (alert: HTMLElement) => alert.querySelector('p')?.textContent ?? '';
  const alert = await screen.findByRole('alert', {}, { timeout: 4000 });
  expect(shown(alert)).toMatch(EXPECTED_ERROR[outcome.text]);
  if (outcome.reference) expect(shown(alert)).toMatch(/ reference \d+$/);
  expect(screen.queryByRole('status')).not.toBeInTheDocument();

  // Reads: retried with backoff where another attempt can help, never on a 4xx or an unreadable body.
  // Writes: never retried automatically.
  const retried = outcome.retried && !target.write;
  await sleep(30);
  const attempts = retried ? 4 : 1;
  expect(requests()).toHaveLength(attempts);
  expect(delays.slice(0, attempts - 1)).toEqual(retried ? (outcome.backoff ?? BACKOFF_MS) : []);

  // Rendered again, the error is still what is shown.
  view.rerender(ui());
  expect(shown(screen.getByRole('alert'))).toMatch(EXPECTED_ERROR[outcome.text]);

  setFaults();
  await user.click(screen.getByRole('button', { name: 'Try again' }));
  expect(await screen.findByText(target.loaded, {}, { timeout: 3000 })).toBeInTheDocument();
  expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  expect(screen.queryByRole('status')).not.toBeInTheDocument();
  expect(requests()).toHaveLength(attempts + 1);
}

describe('the data hooks under faults', () => {
  failOnConsoleErrorsAndRejections();
  countAsFaultCase();
  for (const target of TARGETS) {
    describe(target.name, () => {
      for (const faultCase of FAULT_CASES) {
        it(faultCase.name, () => runFaultCase(target, faultCase));
      }
    });
  }
});
