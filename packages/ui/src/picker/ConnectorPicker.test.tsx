import { type Connector, createConnectorsClient } from '@connector-kit/core';
import { createEmulator, demoConnectors } from '@connector-kit/mock-api';
import { createConnectorsHandlersFor } from '@connector-kit/mock-api/msw';
import { ConnectorsProvider } from '@connector-kit/react';
import { QueryClient } from '@tanstack/react-query';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import fc from 'fast-check';
import { HttpResponse, http } from 'msw';
import type { ReactElement } from 'react';
import { afterEach, beforeEach, describe, expect, it, type MockInstance, vi } from 'vitest';
import { assertProperty, countAsFaultCase, countAsHostileCase } from '../../../../test/reliability.ts';
import { anyText, connectorEntries, parseEach } from '../../../core/src/test/arbitraries.ts';
import { en, fr } from '../locales.ts';
import {
  BASE_URL,
  createRecordingQueryClient,
  createTestClient,
  emulator,
  requestsTo,
  seenRequests,
  server,
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
import { failOnConsoleErrorsAndRejections, stubListboxSize } from '../test/guards.ts';
import { expectInert, HOSTILE_TEXT, hostileConnector } from '../test/hostile.ts';
import { ConnectorPicker, ConnectorPickerView } from './ConnectorPicker.tsx';

setupEmulatorServer();
// jsdom has no layout: the listbox gets a size so that the virtualizer renders rows.
stubListboxSize();

/** The URLs the emulator was asked for, in order. */
const requests = () => seenRequests.map((request) => request.url);

beforeEach(() => {
  // A browser whose language has no country in the data: the picker starts on every country.
  vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['ja-JP']);
});
afterEach(() => {
  vi.restoreAllMocks();
});

function renderPicker(ui: ReactElement) {
  const client = createConnectorsClient({ baseUrl: BASE_URL });
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const rendered = render(
    <ConnectorsProvider client={client} queryClient={queryClient}>
      {ui}
    </ConnectorsProvider>,
  );
  return { ...rendered, queryClient };
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
    expect(requests()).toHaveLength(1);
    expect(requests()[0]?.pathname).toBe('/2.0/connectors');
    expect(requests()[0]?.searchParams.get('expand')).toBe('countries');
    expect(requests()[0]?.searchParams.has('country_codes')).toBe(false);

    await user.click(countrySelect());
    await user.click(screen.getByRole('option', { name: 'Germany, 39 banks' }));
    await user.click(countrySelect());
    await user.click(screen.getByRole('option', { name: 'Spain, 23 banks' }));
    expect(requests()).toHaveLength(1);
  });

  it('finds a bank typed without accents and picks it with the keyboard', async () => {
    const user = userEvent.setup();
    const onValueChange = vi.fn();
    const onSelect = vi.fn();
    renderPicker(<ConnectorPicker defaultCountryCode="FR" onValueChange={onValueChange} onSelect={onSelect} />);
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
    renderPicker(<ConnectorPicker defaultCountryCode="DE" />);
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
    const { rerender } = renderPicker(<ConnectorPicker defaultCountryCode="FR" />);
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
          defaultCountryCode="FR"
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
    renderPicker(<ConnectorPicker defaultCountryCode="DE" />);
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
    renderPicker(<ConnectorPicker defaultCountryCode="FR" />);
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

  it('keeps the list and the query when a refresh fails, says so politely, and tries again', async () => {
    const user = userEvent.setup();
    const refreshFailed = 'Could not refresh the list: it shows the banks as last loaded.';
    const statusTexts = () => screen.getAllByRole('status').map((element) => element.textContent);
    const { container, queryClient } = renderPicker(<ConnectorPicker defaultCountryCode="FR" />);
    await listbox();
    await user.type(search(), 'bnp');
    await waitFor(() => expect(optionNames()[0]).toBe('BNP Paribas'));
    expect(statusTexts()).not.toContain(refreshFailed);
    expect(screen.queryByRole('button', { name: 'Try again' })).not.toBeInTheDocument();

    // A background refresh (the app invalidates the list) answered with a server error.
    emulator.setFaults([{ kind: 'status', status: 500, route: 'list', times: 1 }]);
    await act(() => queryClient.invalidateQueries());
    const retry = await screen.findByRole('button', { name: 'Try again' });
    expect(statusTexts()).toContain(refreshFailed);
    expect(requests()).toHaveLength(2);
    // The list, the query and the country stay; no error state replaces them.
    expect(screen.getByRole('listbox', { name: 'Banks' })).toBeInTheDocument();
    expect(optionNames()[0]).toBe('BNP Paribas');
    expect(search()).toHaveValue('bnp');
    expect(countrySelect()).toHaveTextContent('France');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    await expectNoAxeViolations(container);

    await user.click(retry);
    expect(search()).toHaveFocus();
    await waitFor(() => expect(requests()).toHaveLength(3));
    await waitFor(() => expect(queryClient.isFetching()).toBe(0));
    expect(screen.queryByRole('button', { name: 'Try again' })).not.toBeInTheDocument();
    expect(statusTexts()).not.toContain(refreshFailed);
    expect(optionNames()[0]).toBe('BNP Paribas');
    expect(search()).toHaveValue('bnp');
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
    renderPicker(<ConnectorPicker defaultCountryCode="FR" onValueChange={onValueChange} />);
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
    renderPicker(<ConnectorPicker defaultCountryCode="FR" popular={popular} />);
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
    renderPicker(<ConnectorPicker defaultCountryCode="FR" />);
    await listbox();
    await user.type(search(), 'credit');
    const status = screen.getAllByRole('status').find((element) => element.getAttribute('aria-live') === 'polite');
    await waitFor(() => expect(status?.textContent).toMatch(/^\d+ banks found$/), { timeout: 2000 });
  });

  it('speaks the UI locale: strings, country names', async () => {
    renderPicker(<ConnectorPicker locale="fr" messages={fr} defaultCountryCode="DE" />);
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
    const { container } = renderPicker(<ConnectorPicker defaultCountryCode="FR" onNotFound={() => {}} />);
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

/*
 * ConnectorPicker under faults: the user has typed a query and chosen a country, then the list has to be fetched
 * again (the cache was reset) and the fetch meets a fault. The error is localized, "Try again" brings the list
 * back, and the query and the country are still there.
 */

const LABELS = {
  en: { search: 'Search for your bank', country: 'Country', list: 'Banks', loading: 'Loading…' },
  fr: { search: 'Rechercher votre banque', country: 'Pays', list: 'Banques', loading: 'Chargement…' },
} as const;
const MESSAGES = { en, fr } as const;

const listRequests = () => requestsTo('GET', /^\/connectors$/);

async function runFaultCase({ fault, outcome, timeoutMs }: FaultCase) {
  const user = userEvent.setup();
  const client = createTestClient({ timeoutMs });
  const { queryClient, delays } = createRecordingQueryClient();
  const ui = (locale: 'en' | 'fr') => (
    <ConnectorsProvider client={client} queryClient={queryClient}>
      <ConnectorPicker locale={locale} messages={MESSAGES[locale]} />
    </ConnectorsProvider>
  );
  const view = render(ui('en'));
  const search = (locale: 'en' | 'fr' = 'en') => screen.getByRole('combobox', { name: LABELS[locale].search });
  const country = (locale: 'en' | 'fr' = 'en') => screen.getByRole('combobox', { name: LABELS[locale].country });

  // The user types a query and chooses a country.
  await screen.findByRole('listbox', { name: LABELS.en.list });
  await user.type(search(), 'banque');
  await user.click(country());
  await user.click(screen.getByRole('option', { name: /^France, \d+ banks$/ }));
  expect(country()).toHaveTextContent('France');
  await waitFor(() => expect(optionNames().length).toBeGreaterThan(0));

  // The list is fetched again and meets the fault.
  setFaults({ ...fault, route: 'list', method: 'GET' });
  const before = listRequests().length;
  act(() => {
    void queryClient.resetQueries();
  });
  const requests = () => listRequests().length - before;

  if (outcome.kind === 'slow') {
    expect(await screen.findByText(LABELS.en.loading)).toBeInTheDocument();
    await screen.findByRole('listbox', { name: LABELS.en.list }, { timeout: 3000 });
  } else if (outcome.kind === 'unmount') {
    await waitFor(() => expect(requests()).toBe(1));
    const request = listRequests().at(-1);
    view.unmount();
    await sleep(LATENCY_MS + 80);
    expect(request?.signal.aborted).toBe(true);
    expect(requests()).toBe(1);
    return;
  } else {
    const alert = await screen.findByRole('alert', {}, { timeout: 4000 });
    expect(alert).toHaveTextContent(ERROR_TEXT[outcome.text].en);
    if (outcome.reference) expect(alert.textContent).toMatch(REFERENCE_TEXT.en);
    expect(screen.queryByText(LABELS.en.loading)).not.toBeInTheDocument();
    // What the user typed and chose is still on screen.
    expect(search()).toHaveValue('banque');
    expect(country()).toHaveTextContent('France');

    await sleep(30);
    const attempts = outcome.retried ? 4 : 1;
    expect(requests()).toBe(attempts);
    expect(delays.slice(0, attempts - 1)).toEqual(outcome.retried ? (outcome.backoff ?? BACKOFF_MS) : []);

    view.rerender(ui('fr'));
    const french = screen.getByRole('alert');
    expect(french).toHaveTextContent(ERROR_TEXT[outcome.text].fr);
    if (outcome.reference) expect(french.textContent).toMatch(REFERENCE_TEXT.fr);

    setFaults();
    await user.click(within(french).getByRole('button', { name: RETRY_LABEL.fr }));
    await screen.findByRole('listbox', { name: LABELS.fr.list }, { timeout: 3000 });
    expect(requests()).toBe(attempts + 1);
  }

  const locale = outcome.kind === 'slow' ? 'en' : 'fr';
  expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  expect(screen.queryByText(LABELS[locale].loading)).not.toBeInTheDocument();
  expect(search(locale)).toHaveValue('banque');
  expect(country(locale)).toHaveTextContent('France');
  await waitFor(() => expect(optionNames().length).toBeGreaterThan(0));
  for (const name of optionNames()) expect(name?.toLowerCase()).toContain('banque');
}

describe('ConnectorPicker under faults', () => {
  failOnConsoleErrorsAndRejections();
  countAsFaultCase();
  for (const faultCase of FAULT_CASES) {
    it(faultCase.name, () => runFaultCase(faultCase));
  }
});

/*
 * What a third party sends is data: names, country codes, a query echoed back and institution messages show as the
 * exact text they are, and create no element and no attribute that could run or load anything.
 */

function renderHostileView(connectors: readonly Connector[], props: { defaultQuery?: string } = {}) {
  const client = createTestClient();
  const { queryClient } = createRecordingQueryClient();
  return render(
    <ConnectorsProvider client={client} queryClient={queryClient}>
      <ConnectorPickerView connectors={connectors} defaultCountryCode={null} {...props} />
    </ConnectorsProvider>,
  );
}

const plain = hostileConnector('Banque Ordinaire', 'plain-connector');

describe('ConnectorPicker with hostile data', () => {
  failOnConsoleErrorsAndRejections();

  for (const { name, text } of HOSTILE_TEXT) {
    describe(name, () => {
      countAsHostileCase(name);

      it('in a connector name in the picker list', async () => {
        const { container } = renderHostileView([hostileConnector(text), plain]);
        await screen.findByRole('listbox');
        const names = [...container.querySelectorAll('.ck-list__name')].map((element) => element.textContent);
        expect(names).toContain(text);
        expectInert(container);
      });

      it('in a country code of the data', async () => {
        const connector = {
          ...hostileConnector('Banque Ordinaire', 'odd-country'),
          countries: [{ id: text, name: '' }],
        };
        const user = userEvent.setup();
        const { container } = renderHostileView([connector, plain]);
        await user.click(screen.getByRole('combobox', { name: 'Country' }));
        expect((await screen.findAllByRole('option')).length).toBeGreaterThan(2);
        expectInert(container);
        expectInert(document.body);
        await user.keyboard('{Escape}');
      });

      it('in a search that finds nothing (echoed back)', async () => {
        const { container } = renderHostileView([plain], { defaultQuery: `zz ${text}` });
        const message = await screen.findByText((_, element) => element?.className === 'ck-picker__message-title');
        expect(message.textContent).toBe(`No bank matches “zz ${text.trim()}”.`);
        expectInert(container);
      });

      it('in an institution message of an error answer', async () => {
        server.use(
          http.get(`${BASE_URL}/connectors`, () =>
            HttpResponse.json(
              { code: 'websiteUnavailable', description: text, message: text, request_id: 7 },
              { status: 400 },
            ),
          ),
        );
        const client = createTestClient();
        const { queryClient } = createRecordingQueryClient();
        const { container } = render(
          <ConnectorsProvider client={client} queryClient={queryClient}>
            <ConnectorPicker />
          </ConnectorsProvider>,
        );
        const alert = await screen.findByRole('alert');
        expect(alert.querySelector('.ck-error__institution')?.textContent).toBe(text);
        expect(alert).toHaveTextContent('The request was refused by the server.');
        expectInert(container);
      });
    });
  }

  it('a country code of the data that reads like "every country" does not shadow that option', async () => {
    countAsHostileCase('the country code *');
    const user = userEvent.setup();
    const star = { ...hostileConnector('Banque Étoile', 'star'), countries: [{ id: '*', name: 'Everywhere' }] };
    renderHostileView([star, plain]);
    const country = screen.getByRole('combobox', { name: 'Country' });
    await user.click(country);
    const options = await screen.findAllByRole('option');
    expect(options.map((option) => option.getAttribute('aria-label'))).toEqual([
      'All countries, 2 banks',
      'France, 1 bank',
    ]);
    await user.click(options[1] as HTMLElement);
    expect(country.textContent).toBe('France');
    await user.click(country);
    await user.click(await screen.findByRole('option', { name: 'All countries, 2 banks' }));
    expect(country.textContent).toBe('All countries');
  });
});

/** Runs of each rendering property: each renders in jsdom. */
const RENDER_RUNS = 100;

/** Random connector payloads, parsed as the client parses them. */
const randomConnectors = connectorEntries(10).map(parseEach);

describe('ConnectorPickerView, rendered with random connectors', () => {
  const { errors } = failOnConsoleErrorsAndRejections();
  // Unusable field patterns are reported once each with `console.warn`: random ones would fill the output.
  let warn: MockInstance<typeof console.warn> | undefined;
  beforeEach(() => {
    warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
  });
  afterEach(() => {
    warn?.mockRestore();
  });

  it('never throws nor makes React report anything, whatever it is given', async () => {
    await assertProperty(
      fc.asyncProperty(
        randomConnectors,
        fc.oneof(fc.constant(''), anyText),
        fc.oneof(fc.constant(undefined), fc.constant(null), fc.constantFrom('FR', 'de', 'XX', '*', ' ', '')),
        fc.oneof(fc.constant(undefined), fc.integer({ min: -1, max: 5 })),
        fc.constantFrom('en', 'fr', 'ar', 'xx-invalid-'),
        async (list, query, country, popular, locale) => {
          const view = render(
            <ConnectorPickerView
              connectors={list}
              defaultQuery={query}
              defaultCountryCode={country}
              popular={popular}
              locale={locale}
              messages={locale === 'fr' ? fr : undefined}
              onNotFound={() => {}}
            />,
          );
          await act(async () => {});
          expect(screen.getAllByRole('combobox').length).toBe(2);
          // The keyboard, over whatever came out.
          const input = view.container.querySelector('input[role="combobox"]') as HTMLInputElement;
          fireEvent.keyDown(input, { key: 'ArrowDown' });
          fireEvent.keyDown(input, { key: 'End' });
          fireEvent.keyDown(input, { key: 'Enter' });
          await act(async () => {});
          view.unmount();
          expect(errors).toEqual([]);
        },
      ),
      { numRuns: RENDER_RUNS },
    );
    // 100 renders: seconds on a busy machine.
  }, 30_000);
});
