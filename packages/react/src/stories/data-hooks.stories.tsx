import {
  type Connector,
  type ConnectorSource,
  ConnectorsApiError,
  ConnectorsError,
  createConnectorsClient,
} from '@connector-kit/core';
import { DEFAULT_CONFIG_TOKEN, demoConnectors, type Fault, TEST_CONNECTOR_UUID } from '@connector-kit/mock-api';
import type { Decorator, Meta, StoryObj } from '@storybook/react-vite';
import { type UseQueryResult, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useId, useState } from 'react';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { ConnectorsProvider, useConnectorsClient } from '../provider.tsx';
import { useBatchUpdateConnectors } from '../use-batch-update-connectors.ts';
import { useConnector } from '../use-connector.ts';
import { useConnectorSource } from '../use-connector-source.ts';
import { useConnectorSources } from '../use-connector-sources.ts';
import { useConnectors } from '../use-connectors.ts';
import { useUpdateConnector } from '../use-update-connector.ts';
import { useUpdateConnectorSource } from '../use-update-connector-source.ts';

/*
 * Each story renders what one hook returns with a tiny presentational component: a status while loading, an alert
 * with a Retry button on error, a table or a list once the data is there. The emulator behind the stories is set
 * per story through `parameters.emulator`.
 */

const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });
const countryName = (code: string) => regionNames.of(code) ?? code;

/** The connectors of the demo dataset available in Luxembourg: a short list, good for a table. */
const LUXEMBOURG = demoConnectors.filter(
  (connector) => connector.hidden !== true && connector.countries?.some((country) => country.id === 'LU'),
);
const [FEATURED = { uuid: TEST_CONNECTOR_UUID, name: 'Connecteur de test' }] = LUXEMBOURG;
const UNKNOWN_UUID = '00000000-0000-4000-8000-000000000000';
const TEST_SOURCE_ID =
  demoConnectors.find((connector) => connector.uuid === TEST_CONNECTOR_UUID)?.sources?.[0]?.id ?? 0;

// Presentational pieces ----------------------------------------------------------------------------------------

function describeError(error: Error): string {
  if (error instanceof ConnectorsApiError) {
    return `The server answered ${error.status}${error.code ? ` (${error.code})` : ''}.`;
  }
  if (error instanceof ConnectorsError) {
    switch (error.kind) {
      case 'timeout':
        return 'The server took too long to answer.';
      case 'network':
        return 'The server could not be reached.';
      default:
        return 'The server sent an answer that cannot be read.';
    }
  }
  return 'Something went wrong.';
}

interface QueryViewProps<T> {
  query: UseQueryResult<T, Error>;
  /** What is loaded, for the messages: "connectors", "the sources"... */
  what: string;
  children: (data: T) => ReactNode;
}

/** Loading, error or data: the three states of a query, each with its accessible role. */
function QueryView<T>({ query, what, children }: QueryViewProps<T>) {
  if (query.isPending) {
    return <p role="status">{query.fetchStatus === 'idle' ? `No ${what} to load.` : `Loading ${what}…`}</p>;
  }
  if (query.isError) {
    return (
      <div role="alert">
        <p>
          Could not load {what}. {describeError(query.error)}
        </p>
        <button type="button" onClick={() => void query.refetch()} disabled={query.isFetching}>
          Retry
        </button>
      </div>
    );
  }
  return <>{children(query.data)}</>;
}

function countriesOf(connector: Connector): string {
  return (connector.countries ?? []).map((country) => countryName(country.id)).join(', ') || '—';
}

interface ConnectorsTableProps {
  caption: string;
  connectors: readonly Connector[];
  /** An extra cell per row, e.g. a button. */
  action?: (connector: Connector) => ReactNode;
  actionLabel?: string;
}

function ConnectorsTable({ caption, connectors, action, actionLabel = 'Action' }: ConnectorsTableProps) {
  return (
    <table>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Countries</th>
          <th scope="col">Products</th>
          {action ? <th scope="col">{actionLabel}</th> : null}
        </tr>
      </thead>
      <tbody>
        {connectors.map((connector) => (
          <tr key={connector.uuid}>
            <th scope="row">{connector.name}</th>
            <td>{countriesOf(connector)}</td>
            <td>{(connector.products ?? []).join(', ') || '—'}</td>
            {action ? <td>{action(connector)}</td> : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function SourcesTable({
  caption,
  sources,
  action,
}: {
  caption: string;
  sources: readonly ConnectorSource[];
  action?: (source: ConnectorSource) => ReactNode;
}) {
  return (
    <table>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Source</th>
          <th scope="col">Priority</th>
          <th scope="col">Authentication</th>
          <th scope="col">Disabled since</th>
          {action ? <th scope="col">Action</th> : null}
        </tr>
      </thead>
      <tbody>
        {sources.map((source) => (
          <tr key={source.id}>
            <th scope="row">{source.name}</th>
            <td>{source.priority ?? '—'}</td>
            <td>{source.auth_mechanism ?? '—'}</td>
            <td>{source.disabled ?? 'Enabled'}</td>
            {action ? <td>{action(source)}</td> : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ConnectorDetails({ connector }: { connector: Connector }) {
  const headingId = useId();
  return (
    <article aria-labelledby={headingId}>
      <h2 id={headingId}>{connector.name}</h2>
      <dl>
        <dt>UUID</dt>
        <dd>{connector.uuid}</dd>
        <dt>Hidden</dt>
        <dd>{connector.hidden ? 'Yes' : 'No'}</dd>
        <dt>Authentication</dt>
        <dd>{connector.auth_mechanism ?? '—'}</dd>
        <dt>Countries</dt>
        <dd>{countriesOf(connector)}</dd>
        <dt>Form fields</dt>
        <dd>{(connector.fields ?? []).map((field) => field.label || field.name).join(', ') || '—'}</dd>
      </dl>
    </article>
  );
}

/** The state of a write, announced politely; a failure is an alert. */
function WriteStatus({ isPending, error }: { isPending: boolean; error: Error | null }) {
  if (error) return <p role="alert">Could not save the change. {describeError(error)}</p>;
  return <p role="status">{isPending ? 'Saving…' : ''}</p>;
}

// Demos, one per hook --------------------------------------------------------------------------------------------

function ConnectorsDemo({ countryCodes }: { countryCodes?: string[] }) {
  const query = useConnectors({ countryCodes, expand: ['countries'] });
  const where = countryCodes ? ` in ${countryCodes.map(countryName).join(', ')}` : '';
  return (
    <QueryView query={query} what="connectors">
      {(page) => (
        <ConnectorsTable caption={`${page.connectors.length} connectors${where}`} connectors={page.connectors} />
      )}
    </QueryView>
  );
}

const SWITCH_COUNTRIES = ['LU', 'PL', 'IE', 'AT', 'PT'];

/** The full list is loaded once; each country filter is then answered from the cache, with no request. */
function CountrySwitchDemo() {
  const [country, setCountry] = useState(SWITCH_COUNTRIES[0] ?? 'LU');
  const all = useConnectors({ expand: ['countries'] });
  const filtered = useConnectors({ countryCodes: [country] }, { enabled: all.isSuccess });
  const name = useId();
  return (
    <div>
      <fieldset>
        <legend>Country</legend>
        {SWITCH_COUNTRIES.map((code) => (
          <label key={code} style={{ marginInlineEnd: '1em' }}>
            <input type="radio" name={name} value={code} checked={country === code} onChange={() => setCountry(code)} />{' '}
            {countryName(code)}
          </label>
        ))}
      </fieldset>
      <QueryView query={all} what="connectors">
        {(page) => <p>{page.connectors.length} connectors in every country, loaded once.</p>}
      </QueryView>
      {all.isSuccess ? (
        <QueryView query={filtered} what="connectors">
          {(page) => (
            <ConnectorsTable
              caption={`${page.connectors.length} connectors in ${countryName(country)}`}
              connectors={page.connectors}
            />
          )}
        </QueryView>
      ) : null}
    </div>
  );
}

function ConnectorDemo({ uuid }: { uuid: string }) {
  const query = useConnector(uuid, { expand: ['countries', 'fields'] });
  return (
    <QueryView query={query} what="the connector">
      {(connector) => <ConnectorDetails connector={connector} />}
    </QueryView>
  );
}

function ConnectorSourcesDemo({ uuid }: { uuid: string }) {
  const query = useConnectorSources(uuid);
  return (
    <QueryView query={query} what="the sources">
      {(sources) => <SourcesTable caption={`${sources.length} sources`} sources={sources} />}
    </QueryView>
  );
}

function ConnectorSourceDemo({ uuid, sourceId }: { uuid: string; sourceId: number }) {
  const query = useConnectorSource(uuid, sourceId);
  return (
    <QueryView query={query} what="the source">
      {(source) => <SourcesTable caption={`Source ${source.name}`} sources={[source]} />}
    </QueryView>
  );
}

/** One connector with a button that hides or shows it, and the list it belongs to. */
function HideConnectorDemo({ uuid }: { uuid: string }) {
  const connector = useConnector(uuid);
  const update = useUpdateConnector();
  const headingId = useId();
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>Hide a connector</h2>
      <QueryView query={connector} what="the connector">
        {(data) => (
          <p>
            {data.name} is {data.hidden ? 'hidden from' : 'shown to'} users.{' '}
            <button
              type="button"
              disabled={update.isPending}
              onClick={() => update.mutate({ connector: data.uuid, body: { hidden: !data.hidden } })}
            >
              {data.hidden ? `Show ${data.name}` : `Hide ${data.name}`}
            </button>
          </p>
        )}
      </QueryView>
      <WriteStatus isPending={update.isPending} error={update.error} />
      <ConnectorsDemo countryCodes={['LU']} />
    </section>
  );
}

/** Pick connectors, hide them in one request; show them again in one request. */
function BatchHideDemo() {
  const list = useConnectors({ countryCodes: ['LU'] });
  const batch = useBatchUpdateConnectors();
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [hidden, setHidden] = useState<readonly Connector[]>([]);
  const toggle = (uuid: string) =>
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(uuid)) next.delete(uuid);
      else next.add(uuid);
      return next;
    });
  const hideSelected = (connectors: readonly Connector[]) => {
    const picked = connectors.filter((connector) => selected.has(connector.uuid));
    batch.mutate(Object.fromEntries(picked.map((connector) => [connector.uuid, { hidden: true }])), {
      onSuccess: () => setHidden((current) => [...current, ...picked]),
    });
    setSelected(new Set());
  };
  const showAgain = () =>
    batch.mutate(Object.fromEntries(hidden.map((connector) => [connector.uuid, { hidden: false }])), {
      onSuccess: () => setHidden([]),
    });
  return (
    <div>
      <QueryView query={list} what="connectors">
        {(page) => (
          <>
            <ConnectorsTable
              caption={`${page.connectors.length} connectors in Luxembourg`}
              connectors={page.connectors}
              actionLabel="Select"
              action={(connector) => (
                <input
                  type="checkbox"
                  aria-label={`Select ${connector.name}`}
                  checked={selected.has(connector.uuid)}
                  onChange={() => toggle(connector.uuid)}
                />
              )}
            />
            <button
              type="button"
              disabled={selected.size === 0 || batch.isPending}
              onClick={() => hideSelected(page.connectors)}
            >
              Hide selected ({selected.size})
            </button>{' '}
          </>
        )}
      </QueryView>
      <button type="button" disabled={hidden.length === 0 || batch.isPending} onClick={showAgain}>
        Show hidden connectors again ({hidden.length})
      </button>
      <WriteStatus isPending={batch.isPending} error={batch.error} />
    </div>
  );
}

/** The sources of a connector, each with a button that disables or enables it. */
function DisableSourceDemo({ uuid }: { uuid: string }) {
  const sources = useConnectorSources(uuid);
  const update = useUpdateConnectorSource();
  return (
    <div>
      <QueryView query={sources} what="the sources">
        {(data) => (
          <SourcesTable
            caption="Sources of the test connector"
            sources={data}
            action={(source) => (
              <button
                type="button"
                disabled={update.isPending}
                onClick={() =>
                  update.mutate({
                    connector: uuid,
                    sourceId: source.id,
                    body: { disabled: source.disabled ? null : new Date().toISOString().slice(0, 19) },
                  })
                }
              >
                {source.disabled ? `Enable ${source.name}` : `Disable ${source.name}`}
              </button>
            )}
          />
        )}
      </QueryView>
      <WriteStatus isPending={update.isPending} error={update.error} />
    </div>
  );
}

// Stories ------------------------------------------------------------------------------------------------------

/**
 * Writes need the config token. The emulator's token is a public test value; a real app keeps its token on a
 * server (a proxy adds the header).
 */
const withConfigToken: Decorator = (Story) => {
  const { baseUrl } = useConnectorsClient();
  const queryClient = useQueryClient();
  const [client] = useState(() =>
    createConnectorsClient({ baseUrl, configToken: DEFAULT_CONFIG_TOKEN, timeoutMs: 5_000 }),
  );
  return (
    <ConnectorsProvider client={client} queryClient={queryClient}>
      <Story />
    </ConnectorsProvider>
  );
};

const faults = (...list: Fault[]) => ({ emulator: { faults: list } });
/** Requests that never get an answer: the loading state stays on screen (until the client's timeout). */
const pending = (route: NonNullable<Fault['route']>) => faults({ kind: 'timeout', route });

const meta = {
  title: 'react/Data hooks',
  parameters: { emulator: { connectors: demoConnectors } },
} satisfies Meta;

export default meta;
type Story = StoryObj<typeof meta>;

export const Connectors: Story = {
  name: 'useConnectors',
  render: () => <ConnectorsDemo countryCodes={['LU']} />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('table', { name: /connectors in Luxembourg/ })).toBeVisible();
  },
};

export const ConnectorsLoading: Story = {
  name: 'useConnectors: loading',
  render: () => <ConnectorsDemo countryCodes={['LU']} />,
  parameters: pending('list'),
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('status')).toHaveTextContent('Loading connectors…');
  },
};

export const ConnectorsServerError: Story = {
  name: 'useConnectors: error 500, then Retry',
  render: () => <ConnectorsDemo countryCodes={['LU']} />,
  parameters: faults({ kind: 'status', status: 500, route: 'list', times: 1 }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const alert = await canvas.findByRole('alert');
    await expect(alert).toHaveTextContent('The server answered 500');
    await userEvent.click(within(alert).getByRole('button', { name: 'Retry' }));
    await expect(await canvas.findByRole('table', { name: /connectors in Luxembourg/ })).toBeVisible();
  },
};

export const ConnectorsBadGateway: Story = {
  name: 'useConnectors: HTML 502 from a gateway',
  render: () => <ConnectorsDemo countryCodes={['LU']} />,
  parameters: faults({ kind: 'html', status: 502, route: 'list' }),
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByRole('alert')).toHaveTextContent('The server answered 502.');
  },
};

export const CountrySwitch: Story = {
  name: 'useConnectors: country switch from the cache',
  render: () => <CountrySwitchDemo />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByRole('table', { name: /in Luxembourg/ });
    await userEvent.click(canvas.getByRole('radio', { name: 'Poland' }));
    // Answered from the cached full list: the table is there at once, without a loading state.
    await expect(canvas.getByRole('table', { name: /in Poland/ })).toBeVisible();
    await expect(canvas.queryByText('Loading connectors…')).toBeNull();
  },
};

export const SingleConnector: Story = {
  name: 'useConnector',
  render: () => <ConnectorDemo uuid={TEST_CONNECTOR_UUID} />,
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByRole('heading', { name: 'Connecteur de test' })).toBeVisible();
  },
};

export const SingleConnectorLoading: Story = {
  name: 'useConnector: loading',
  render: () => <ConnectorDemo uuid={TEST_CONNECTOR_UUID} />,
  parameters: pending('connector'),
};

export const SingleConnectorNotFound: Story = {
  name: 'useConnector: 404',
  render: () => <ConnectorDemo uuid={UNKNOWN_UUID} />,
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByRole('alert')).toHaveTextContent('404 (notFound)');
  },
};

export const SingleConnectorServerError: Story = {
  name: 'useConnector: error 500',
  render: () => <ConnectorDemo uuid={TEST_CONNECTOR_UUID} />,
  parameters: faults({ kind: 'status', status: 500, route: 'connector' }),
};

export const SingleConnectorBadGateway: Story = {
  name: 'useConnector: HTML 502',
  render: () => <ConnectorDemo uuid={TEST_CONNECTOR_UUID} />,
  parameters: faults({ kind: 'html', status: 502, route: 'connector' }),
};

export const Sources: Story = {
  name: 'useConnectorSources',
  render: () => <ConnectorSourcesDemo uuid={TEST_CONNECTOR_UUID} />,
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByRole('table', { name: /sources/ })).toBeVisible();
  },
};

export const SourcesLoading: Story = {
  name: 'useConnectorSources: loading',
  render: () => <ConnectorSourcesDemo uuid={TEST_CONNECTOR_UUID} />,
  parameters: pending('sources'),
};

export const SourcesServerError: Story = {
  name: 'useConnectorSources: error 500',
  render: () => <ConnectorSourcesDemo uuid={TEST_CONNECTOR_UUID} />,
  parameters: faults({ kind: 'status', status: 500, route: 'sources' }),
};

export const SourcesBadGateway: Story = {
  name: 'useConnectorSources: HTML 502',
  render: () => <ConnectorSourcesDemo uuid={TEST_CONNECTOR_UUID} />,
  parameters: faults({ kind: 'html', status: 502, route: 'sources' }),
};

export const Source: Story = {
  name: 'useConnectorSource',
  render: () => <ConnectorSourceDemo uuid={TEST_CONNECTOR_UUID} sourceId={TEST_SOURCE_ID} />,
};

export const SourceLoading: Story = {
  name: 'useConnectorSource: loading',
  render: () => <ConnectorSourceDemo uuid={TEST_CONNECTOR_UUID} sourceId={TEST_SOURCE_ID} />,
  parameters: pending('source'),
};

export const SourceServerError: Story = {
  name: 'useConnectorSource: error 500',
  render: () => <ConnectorSourceDemo uuid={TEST_CONNECTOR_UUID} sourceId={TEST_SOURCE_ID} />,
  parameters: faults({ kind: 'status', status: 500, route: 'source' }),
};

export const SourceBadGateway: Story = {
  name: 'useConnectorSource: HTML 502',
  render: () => <ConnectorSourceDemo uuid={TEST_CONNECTOR_UUID} sourceId={TEST_SOURCE_ID} />,
  parameters: faults({ kind: 'html', status: 502, route: 'source' }),
};

export const HideAndShow: Story = {
  name: 'useUpdateConnector: hide and show',
  render: () => <HideConnectorDemo uuid={FEATURED.uuid} />,
  decorators: [withConfigToken],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const table = await canvas.findByRole('table', { name: /connectors in Luxembourg/ });
    await expect(within(table).getByRole('rowheader', { name: FEATURED.name })).toBeVisible();

    await userEvent.click(await canvas.findByRole('button', { name: `Hide ${FEATURED.name}` }));
    // Gone from the list at once, before the server has answered.
    await expect(within(table).queryByRole('rowheader', { name: FEATURED.name })).toBeNull();

    const show = await canvas.findByRole('button', { name: `Show ${FEATURED.name}` });
    await waitFor(() => expect(show).toBeEnabled());
    await userEvent.click(show);
    // Back once the server has answered and the list is fetched again.
    await expect(await within(table).findByRole('rowheader', { name: FEATURED.name })).toBeVisible();
  },
};

export const HideRolledBack: Story = {
  name: 'useUpdateConnector: error 500 rolls back',
  render: () => <HideConnectorDemo uuid={FEATURED.uuid} />,
  decorators: [withConfigToken],
  parameters: faults({ kind: 'status', status: 500, route: 'update' }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: `Hide ${FEATURED.name}` }));
    await expect(await canvas.findByRole('alert')).toHaveTextContent('Could not save the change.');
    const table = await canvas.findByRole('table', { name: /connectors in Luxembourg/ });
    await expect(within(table).getByRole('rowheader', { name: FEATURED.name })).toBeVisible();
  },
};

export const BatchHide: Story = {
  name: 'useBatchUpdateConnectors',
  render: () => <BatchHideDemo />,
  decorators: [withConfigToken],
};

export const DisableSource: Story = {
  name: 'useUpdateConnectorSource',
  render: () => <DisableSourceDemo uuid={TEST_CONNECTOR_UUID} />,
  decorators: [withConfigToken],
};
