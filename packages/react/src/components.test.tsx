/**
 * The hooks as an app uses them: components that render what the hooks return, driven by a user.
 */
import type { Connector } from '@connector-kit/core';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { ALPHA, GAMMA } from './test/fixtures.ts';
import { renderWithClient } from './test/render.tsx';
import { holdRequests, requestCount, setFaults, setupEmulatorServer } from './test/server.ts';
import { useConnector } from './use-connector.ts';
import { useConnectors } from './use-connectors.ts';
import { useUpdateConnector } from './use-update-connector.ts';

setupEmulatorServer();

function ConnectorList({ connectors, caption }: { connectors: readonly Connector[]; caption: string }) {
  return (
    <ul aria-label={caption}>
      {connectors.map((connector) => (
        <li key={connector.uuid}>{connector.name}</li>
      ))}
    </ul>
  );
}

function Connectors({ countryCodes }: { countryCodes?: string[] | undefined }) {
  const query = useConnectors({ countryCodes, expand: ['countries'] });
  if (query.isPending) return <p role="status">Loading…</p>;
  if (query.isError) {
    return (
      <div role="alert">
        {query.error.message}
        <button type="button" onClick={() => void query.refetch()}>
          Retry
        </button>
      </div>
    );
  }
  return <ConnectorList caption="Connectors" connectors={query.data.connectors} />;
}

function CountryPicker() {
  const [country, setCountry] = useState<string | undefined>(undefined);
  return (
    <>
      {[undefined, 'FR', 'DE', 'BE'].map((code) => (
        <button key={code ?? 'all'} type="button" onClick={() => setCountry(code)}>
          {code ?? 'All'}
        </button>
      ))}
      <Connectors countryCodes={country ? [country] : undefined} />
    </>
  );
}

function HideButton({ uuid }: { uuid: string }) {
  const connector = useConnector(uuid);
  const update = useUpdateConnector();
  if (!connector.data) return null;
  const { name, hidden } = connector.data;
  return (
    <>
      <button
        type="button"
        disabled={update.isPending}
        onClick={() => update.mutate({ connector: uuid, body: { hidden: !hidden } })}
      >
        {hidden ? `Show ${name}` : `Hide ${name}`}
      </button>
      {update.isError ? <p role="alert">Not saved</p> : null}
    </>
  );
}

describe('the data hooks in components', () => {
  it('show a status, then the list', async () => {
    renderWithClient(<Connectors />);
    expect(screen.getByRole('status')).toHaveTextContent('Loading…');
    const list = await screen.findByRole('list', { name: 'Connectors' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(4);
  });

  it('show an alert whose Retry button recovers', async () => {
    setFaults({ kind: 'status', status: 500, route: 'list', times: 1 });
    const user = userEvent.setup();
    renderWithClient(<Connectors />);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('500');
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('list', { name: 'Connectors' })).toBeInTheDocument();
  });

  it('switch countries without a request once the full list is cached', async () => {
    const user = userEvent.setup();
    renderWithClient(<CountryPicker />);
    await screen.findByRole('list', { name: 'Connectors' });
    for (const [code, expected] of [
      ['FR', 2],
      ['DE', 1],
      ['BE', 1],
      ['FR', 2],
      ['All', 4],
    ] as const) {
      await user.click(screen.getByRole('button', { name: code }));
      expect(screen.queryByRole('status')).toBeNull();
      expect(within(screen.getByRole('list', { name: 'Connectors' })).getAllByRole('listitem')).toHaveLength(expected);
    }
    expect(requestCount()).toBe(1);
  });

  it('hide a connector from the list at once, and keep it hidden once saved', async () => {
    const user = userEvent.setup();
    renderWithClient(
      <>
        <HideButton uuid={ALPHA.uuid} />
        <Connectors />
      </>,
    );
    const list = await screen.findByRole('list', { name: 'Connectors' });
    const held = holdRequests('PUT', '/connectors/:ref');
    await user.click(await screen.findByRole('button', { name: `Hide ${ALPHA.name}` }));
    expect(within(list).queryByText(ALPHA.name)).toBeNull();
    expect(screen.getByRole('button', { name: `Show ${ALPHA.name}` })).toBeDisabled();

    held.release();
    await waitFor(() => expect(screen.getByRole('button', { name: `Show ${ALPHA.name}` })).toBeEnabled());
    expect(within(list).queryByText(ALPHA.name)).toBeNull();
    expect(within(list).getByText(GAMMA.name)).toBeInTheDocument();
  });

  it('put a connector back in the list when the server refuses to hide it', async () => {
    setFaults({ kind: 'status', status: 500, route: 'update' });
    const user = userEvent.setup();
    renderWithClient(
      <>
        <HideButton uuid={ALPHA.uuid} />
        <Connectors />
      </>,
    );
    await screen.findByRole('list', { name: 'Connectors' });
    await user.click(await screen.findByRole('button', { name: `Hide ${ALPHA.name}` }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Not saved');
    expect(within(screen.getByRole('list', { name: 'Connectors' })).getByText(ALPHA.name)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: `Hide ${ALPHA.name}` })).toBeEnabled();
  });
});
