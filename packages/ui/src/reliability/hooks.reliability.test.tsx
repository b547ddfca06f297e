import { TEST_CONNECTOR_UUID } from '@connector-kit/mock-api';
import {
  ConnectorsProvider,
  connectorsRetryDelay,
  createConnectorsQueryClient,
  shouldRetryConnectorsQuery,
  useBatchUpdateConnectors,
  useConnector,
  useConnectorSource,
  useConnectorSources,
  useConnectors,
  useUpdateConnector,
  useUpdateConnectorSource,
} from '@connector-kit/react';
import type { UseMutationResult, UseQueryResult } from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ComponentType } from 'react';
import { describe, expect, it } from 'vitest';
import { ErrorState } from '../error-state/ErrorState.tsx';
import { LocaleProvider } from '../i18n/context.tsx';
import { en, fr } from '../locales.ts';
import {
  createRecordingQueryClient,
  createTestClient,
  requestsTo,
  setFaults,
  setupEmulatorServer,
  sleep,
} from '../test/emulator.ts';
import {
  BACKOFF_MS,
  ERROR_TEXT,
  FAULT_CASES,
  type FaultCase,
  LATENCY_MS,
  REFERENCE_TEXT,
  RETRY_LABEL,
} from '../test/faults.ts';
import { failOnConsoleErrorsAndRejections } from '../test/guards.ts';

/*
 * The fault matrix of the data hooks: every hook, every fault of FAULT_CASES, through the emulator. Each hook is
 * shown the way an app would: its data, a loading status, or `ErrorState` (a localized sentence and "Try again").
 */

setupEmulatorServer();
failOnConsoleErrorsAndRejections();

const SOURCE_ID = 400;

interface ProbeProps {
  locale: string;
}

function QueryView<T>({
  query,
  locale,
  show,
}: {
  query: UseQueryResult<T, Error>;
  locale: string;
  show: (data: T) => string;
}) {
  if (query.data !== undefined) return <p>{show(query.data)}</p>;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} locale={locale} />;
  return <p role="status">Loading</p>;
}

function MutationView<V>({
  mutation,
  variables,
  locale,
}: {
  mutation: UseMutationResult<unknown, Error, V, unknown>;
  variables: V;
  locale: string;
}) {
  const run = () => mutation.mutate(variables);
  if (mutation.isSuccess) return <p>Saved</p>;
  if (mutation.isError) return <ErrorState error={mutation.error} onRetry={run} locale={locale} />;
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
  Probe: ComponentType<ProbeProps>;
}

const connectorPath = new RegExp(`^/connectors/${TEST_CONNECTOR_UUID}$`);
const sourcePath = new RegExp(`^/connectors/${TEST_CONNECTOR_UUID}/sources/${SOURCE_ID}$`);

const TARGETS: readonly Target[] = [
  {
    name: 'useConnectors',
    method: 'GET',
    path: /^\/connectors$/,
    route: 'list',
    loaded: 'Loaded the connectors',
    write: false,
    Probe: ({ locale }) => {
      const query = useConnectors({ expand: ['countries'] });
      return <QueryView query={query} locale={locale} show={() => 'Loaded the connectors'} />;
    },
  },
  {
    name: 'useConnector',
    method: 'GET',
    path: connectorPath,
    route: 'connector',
    loaded: 'Loaded Connecteur de test',
    write: false,
    Probe: ({ locale }) => {
      const query = useConnector(TEST_CONNECTOR_UUID, { expand: ['fields', 'sources'] });
      return <QueryView query={query} locale={locale} show={(connector) => `Loaded ${connector.name}`} />;
    },
  },
  {
    name: 'useConnectorSources',
    method: 'GET',
    path: new RegExp(`^/connectors/${TEST_CONNECTOR_UUID}/sources$`),
    route: 'sources',
    loaded: 'Loaded openapi, directaccess',
    write: false,
    Probe: ({ locale }) => {
      const query = useConnectorSources(TEST_CONNECTOR_UUID);
      return (
        <QueryView
          query={query}
          locale={locale}
          show={(sources) => `Loaded ${sources.map((source) => source.name).join(', ')}`}
        />
      );
    },
  },
  {
    name: 'useConnectorSource',
    method: 'GET',
    path: sourcePath,
    route: 'source',
    loaded: 'Loaded openapi',
    write: false,
    Probe: ({ locale }) => {
      const query = useConnectorSource(TEST_CONNECTOR_UUID, SOURCE_ID);
      return <QueryView query={query} locale={locale} show={(source) => `Loaded ${source.name}`} />;
    },
  },
  {
    name: 'useUpdateConnector',
    method: 'PUT',
    path: connectorPath,
    route: 'update',
    loaded: 'Saved',
    write: true,
    Probe: ({ locale }) => {
      const mutation = useUpdateConnector();
      return (
        <MutationView
          mutation={mutation}
          variables={{ connector: TEST_CONNECTOR_UUID, body: { hidden: false } }}
          locale={locale}
        />
      );
    },
  },
  {
    name: 'useBatchUpdateConnectors',
    method: 'PATCH',
    path: /^\/connectors$/,
    route: 'batch',
    loaded: 'Saved',
    write: true,
    ignoresBody: true,
    Probe: ({ locale }) => {
      const mutation = useBatchUpdateConnectors();
      return (
        <MutationView mutation={mutation} variables={{ [TEST_CONNECTOR_UUID]: { hidden: false } }} locale={locale} />
      );
    },
  },
  {
    name: 'useUpdateConnectorSource',
    method: 'PUT',
    path: sourcePath,
    route: 'source',
    loaded: 'Saved',
    write: true,
    Probe: ({ locale }) => {
      const mutation = useUpdateConnectorSource();
      return (
        <MutationView
          mutation={mutation}
          variables={{ connector: TEST_CONNECTOR_UUID, sourceId: SOURCE_ID, body: { disabled: null } }}
          locale={locale}
        />
      );
    },
  },
];

async function runCase(target: Target, { fault, outcome, timeoutMs }: FaultCase) {
  const user = userEvent.setup();
  const client = createTestClient({ timeoutMs });
  const { queryClient, delays } = createRecordingQueryClient();
  const { Probe } = target;
  // The app's provider gives the table; the component names its locale, of the same language.
  const ui = (locale: 'en' | 'fr') => (
    <ConnectorsProvider client={client} queryClient={queryClient}>
      <LocaleProvider locale={locale} messages={{ en, fr }[locale]}>
        <Probe locale={locale} />
      </LocaleProvider>
    </ConnectorsProvider>
  );
  const requests = () => requestsTo(target.method, target.path);
  setFaults({ ...fault, route: target.route, method: target.method });

  const view = render(ui('en'));
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

  const alert = await screen.findByRole('alert', {}, { timeout: 4000 });
  expect(alert).toHaveTextContent(ERROR_TEXT[outcome.text].en);
  if (outcome.reference) expect(alert.textContent).toMatch(REFERENCE_TEXT.en);
  expect(screen.queryByRole('status')).not.toBeInTheDocument();

  // Reads: retried with backoff where another attempt can help, never on a 4xx or an unreadable body.
  // Writes: never retried automatically.
  const retried = outcome.retried && !target.write;
  await sleep(30);
  const attempts = retried ? 4 : 1;
  expect(requests()).toHaveLength(attempts);
  expect(delays.slice(0, attempts - 1)).toEqual(retried ? (outcome.backoff ?? BACKOFF_MS) : []);

  view.rerender(ui('fr'));
  const french = screen.getByRole('alert');
  expect(french).toHaveTextContent(ERROR_TEXT[outcome.text].fr);
  if (outcome.reference) expect(french.textContent).toMatch(REFERENCE_TEXT.fr);

  setFaults();
  await user.click(screen.getByRole('button', { name: RETRY_LABEL.fr }));
  expect(await screen.findByText(target.loaded, {}, { timeout: 3000 })).toBeInTheDocument();
  expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  expect(screen.queryByRole('status')).not.toBeInTheDocument();
  expect(requests()).toHaveLength(attempts + 1);
}

it('the default query client retries and waits as the matrix records', () => {
  const queries = createConnectorsQueryClient().getDefaultOptions().queries;
  expect(queries?.retry).toBe(shouldRetryConnectorsQuery);
  expect(queries?.retryDelay).toBe(connectorsRetryDelay);
});

describe('fault matrix of the data hooks', () => {
  for (const target of TARGETS) {
    describe(target.name, () => {
      for (const faultCase of FAULT_CASES) {
        it(faultCase.name, () => runCase(target, faultCase));
      }
    });
  }
});
