import { type Connector, createConnectorsClient } from '@connector-kit/core';
import { createEmulator, demoConnectors } from '@connector-kit/mock-api';
import { createConnectorsHandlersFor } from '@connector-kit/mock-api/msw';
import { ConnectorsProvider } from '@connector-kit/react';
import { QueryClient } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { setupServer } from 'msw/node';
import type { ReactElement } from 'react';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fr } from '../locales.ts';
import { ConnectorPicker, ConnectorPickerView } from './ConnectorPicker.tsx';

const BASE_URL = 'https://emulator.test/2.0';
const requests: URL[] = [];
const emulator = createEmulator({
  connectors: demoConnectors,
  onRequest: (request) => {
    requests.push(new URL(request.url));
  },
});
const server = setupServer(...createConnectorsHandlersFor(emulator, BASE_URL));

// jsdom has no layout: give the listbox a size so that the virtualizer renders rows.
const descriptors = {
  clientHeight: Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientHeight'),
  clientWidth: Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientWidth'),
};
beforeAll(() => {
  server.listen({ onUnhandledFrame: 'error' });
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', {
    configurable: true,
    get(this: HTMLElement) {
      return this.getAttribute('role') === 'listbox' ? 400 : 0;
    },
  });
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', {
    configurable: true,
    get(this: HTMLElement) {
      return this.getAttribute('role') === 'listbox' ? 360 : 0;
    },
  });
});
beforeEach(() => {
  // A browser whose language has no country in the data: the picker starts on every country.
  vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['ja-JP']);
});
afterEach(() => {
  server.resetHandlers();
  emulator.reset();
  requests.length = 0;
  vi.restoreAllMocks();
});
afterAll(() => {
  server.close();
  for (const [name, descriptor] of Object.entries(descriptors)) {
    if (descriptor) Object.defineProperty(HTMLElement.prototype, name, descriptor);
  }
});

function renderPicker(ui: ReactElement) {
  const client = createConnectorsClient({ baseUrl: BASE_URL });
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <ConnectorsProvider client={client} queryClient={queryClient}>
      {ui}
    </ConnectorsProvider>,
  );
}

async function expectNoAxeViolations(container: HTMLElement) {
  const results = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
  expect(results.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
}

const search = () => screen.getByRole('combobox', { name: 'Search for your bank' });
const countrySelect = () => screen.getByRole('combobox', { name: 'Country' });
const listbox = () => screen.findByRole('listbox', { name: 'Banks' });
/** The connector names of the rendered options (their accessible names). */
const nameOf = (option: HTMLElement) => option.querySelector('.ck-list__name')?.textContent;
const optionNames = () => screen.getAllByRole('option').map(nameOf);
const byName = (name: string) => demoConnectors.find((connector) => connector.name === name) as Connector;

describe('ConnectorPicker', () => {
  it('shows a skeleton while loading, then the banks, fetched once for every country', async () => {
    const user = userEvent.setup();
    renderPicker(<ConnectorPicker />);
    expect(screen.getByRole('status')).toHaveTextContent('Loading…');
    await listbox();
    expect(requests).toHaveLength(1);
    expect(requests[0]?.pathname).toBe('/2.0/connectors');
    expect(requests[0]?.searchParams.get('expand')).toBe('countries');
    expect(requests[0]?.searchParams.has('country_codes')).toBe(false);

    await user.click(countrySelect());
    await user.click(screen.getByRole('option', { name: 'Germany, 39 banks' }));
    await user.click(countrySelect());
    await user.click(screen.getByRole('option', { name: 'Spain, 23 banks' }));
    expect(requests).toHaveLength(1);
  });

  it('finds a bank typed without accents and picks it with the keyboard', async () => {
    const user = userEvent.setup();
    const onValueChange = vi.fn();
    const onSelect = vi.fn();
    renderPicker(<ConnectorPicker defaultCountry="FR" onValueChange={onValueChange} onSelect={onSelect} />);
    await listbox();
    expect(countrySelect()).toHaveTextContent('France');
    await user.type(search(), 'societe generale');
    await waitFor(() => expect(optionNames()[0]).toBe('Société Générale'));
    await user.keyboard('{ArrowDown}');
    expect(search()).toHaveAttribute('aria-activedescendant', screen.getAllByRole('option')[0]?.id);
    await user.keyboard('{Enter}');
    const socgen = byName('Société Générale');
    expect(onValueChange).toHaveBeenCalledWith(socgen.uuid);
    expect(onSelect).toHaveBeenCalledWith(expect.objectContaining({ uuid: socgen.uuid }));
    expect(screen.getByRole('option', { name: 'Société Générale' })).toHaveAttribute('aria-selected', 'true');
  });

  it('filters by country on the client: "sparkasse koln" in Germany', async () => {
    const user = userEvent.setup();
    renderPicker(<ConnectorPicker defaultCountry="DE" />);
    await listbox();
    await user.type(search(), 'sparkasse koln');
    // The name that starts with the query ranks first; a mid-word match ("Kreissparkasse") follows.
    await waitFor(() => expect(optionNames()).toEqual(['Sparkasse KölnBonn', 'Kreissparkasse Köln']));
  });

  it('starts on the browser language’s country when it has banks', async () => {
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['nl-BE', 'nl']);
    renderPicker(<ConnectorPicker />);
    await listbox();
    expect(countrySelect()).toHaveTextContent('Belgium');
    expect(screen.getAllByRole('option').length).toBeGreaterThan(3);
  });

  it('echoes a query that matches nothing, with "My bank is not listed" when asked for', async () => {
    const user = userEvent.setup();
    const onNotFound = vi.fn();
    const { rerender } = renderPicker(<ConnectorPicker defaultCountry="FR" />);
    await listbox();
    await user.type(search(), 'zzyzx bank');
    expect(await screen.findByText('No bank matches “zzyzx bank”.')).toBeInTheDocument();
    expect(screen.getByText(/Check the spelling/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'My bank is not listed' })).not.toBeInTheDocument();
    expect(search()).toHaveAttribute('aria-expanded', 'false');

    rerender(
      <ConnectorsProvider client={createConnectorsClient({ baseUrl: BASE_URL })}>
        <ConnectorPickerView
          connectors={demoConnectors}
          defaultCountry="FR"
          defaultQuery="zzyzx bank"
          onNotFound={onNotFound}
        />
      </ConnectorsProvider>,
    );
    await user.click(await screen.findByRole('button', { name: 'My bank is not listed' }));
    expect(onNotFound).toHaveBeenCalledWith({ query: 'zzyzx bank', countryCode: 'FR' });
  });

  it('offers to search every country when the chosen one has no match', async () => {
    const user = userEvent.setup();
    renderPicker(<ConnectorPicker defaultCountry="DE" />);
    await listbox();
    await user.type(search(), 'societe generale');
    await user.click(await screen.findByRole('button', { name: 'Search all countries (1 bank)' }));
    expect(countrySelect()).toHaveTextContent('All countries');
    await waitFor(() => expect(optionNames()).toContain('Société Générale'));
    expect(search()).toHaveFocus();
    expect(search()).toHaveValue('societe generale');
  });

  it('shows an error with a retry that keeps the query and the country', async () => {
    const user = userEvent.setup();
    emulator.setFaults([{ kind: 'status', status: 500, route: 'list', times: 1 }]);
    renderPicker(<ConnectorPicker defaultCountry="FR" />);
    await user.type(search(), 'bnp');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The service is having trouble');
    expect(search()).toHaveValue('bnp');
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    await listbox();
    expect(search()).toHaveValue('bnp');
    expect(countrySelect()).toHaveTextContent('France');
    await waitFor(() => expect(optionNames()[0]).toBe('BNP Paribas'));
  });

  it('says so when there is no bank at all', async () => {
    server.use(...createConnectorsHandlersFor(createEmulator({ connectors: [] }), BASE_URL));
    renderPicker(<ConnectorPicker onNotFound={() => {}} />);
    expect(await screen.findByText('No bank is available here yet.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'My bank is not listed' })).toBeInTheDocument();
  });

  it('lists restricted banks with their reason but does not let them be picked', async () => {
    const user = userEvent.setup();
    const onValueChange = vi.fn();
    renderPicker(<ConnectorPicker defaultCountry="FR" onValueChange={onValueChange} />);
    await listbox();
    await user.type(search(), 'banque kolb');
    const option = await screen.findByRole('option', { name: 'Banque Kolb' });
    expect(option).toHaveAttribute('aria-disabled', 'true');
    expect(option).toHaveAccessibleDescription(/not possible at the moment/);
    await user.keyboard('{ArrowDown}{Enter}');
    await user.click(option);
    expect(onValueChange).not.toHaveBeenCalled();
  });

  it('shows a popular group while the query is empty', async () => {
    const user = userEvent.setup();
    const popular = [byName('LCL').uuid, byName('BNP Paribas').uuid];
    renderPicker(<ConnectorPicker defaultCountry="FR" popular={popular} />);
    await listbox();
    const group = screen.getByRole('group', { name: 'Popular' });
    expect(within(group).getAllByRole('option').map(nameOf)).toEqual(['LCL', 'BNP Paribas']);
    expect(screen.getByRole('group', { name: 'All banks' })).toBeInTheDocument();
    await user.type(search(), 'l');
    await waitFor(() => expect(screen.queryByRole('group')).not.toBeInTheDocument());
  });

  it('clears the query with the clear button and with Escape', async () => {
    const user = userEvent.setup();
    renderPicker(<ConnectorPicker />);
    await listbox();
    await user.type(search(), 'ing');
    await user.click(screen.getByRole('button', { name: 'Clear search' }));
    expect(search()).toHaveValue('');
    expect(search()).toHaveFocus();
    await user.type(search(), 'ing');
    await user.keyboard('{Escape}');
    expect(search()).toHaveValue('');
  });

  it('announces the number of results once typing settles', async () => {
    const user = userEvent.setup();
    renderPicker(<ConnectorPicker defaultCountry="FR" />);
    await listbox();
    await user.type(search(), 'credit');
    const status = screen.getAllByRole('status').find((element) => element.getAttribute('aria-live') === 'polite');
    await waitFor(() => expect(status?.textContent).toMatch(/^\d+ banks found$/), { timeout: 2000 });
  });

  it('speaks the UI locale: strings, country names', async () => {
    renderPicker(<ConnectorPicker locale="fr" messages={fr} defaultCountry="DE" />);
    await screen.findByRole('listbox', { name: 'Banques' });
    expect(screen.getByRole('combobox', { name: 'Rechercher votre banque' })).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Pays' })).toHaveTextContent('Allemagne');
  });

  it('lays out right to left', async () => {
    const { container } = renderPicker(<ConnectorPicker dir="rtl" />);
    await listbox();
    expect(container.querySelector('.ck-picker')).toHaveAttribute('dir', 'rtl');
  });

  it('takes a class for the root and each part', async () => {
    const { container } = renderPicker(
      <ConnectorPicker
        className="mine"
        classNames={{ input: 'in', field: 'fld', list: { option: 'opt' }, countrySelect: { trigger: 'trg' } }}
      />,
    );
    await listbox();
    expect(container.querySelector('.ck-picker')).toHaveClass('mine');
    expect(search()).toHaveClass('ck-picker__input', 'in');
    expect(container.querySelector('.ck-picker__field')).toHaveClass('fld');
    expect(screen.getAllByRole('option')[0]).toHaveClass('opt');
    expect(countrySelect()).toHaveClass('trg');
  });

  it('has no axe violations while loading, loaded, with no match and on error', async () => {
    const user = userEvent.setup();
    const { container } = renderPicker(<ConnectorPicker defaultCountry="FR" onNotFound={() => {}} />);
    await expectNoAxeViolations(container);
    await listbox();
    await user.type(search(), 'ban');
    await user.keyboard('{ArrowDown}');
    await expectNoAxeViolations(container);
    await user.type(search(), 'zzz');
    await screen.findByText(/No bank matches/);
    await expectNoAxeViolations(container);

    emulator.setFaults([{ kind: 'html', route: 'list' }]);
    const failing = renderPicker(<ConnectorPicker />);
    await within(failing.container).findByRole('alert');
    await expectNoAxeViolations(failing.container);
  });
});
