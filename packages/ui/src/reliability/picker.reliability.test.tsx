import { ConnectorsProvider } from '@connector-kit/react';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { en, fr } from '../locales.ts';
import { ConnectorPicker } from '../picker/ConnectorPicker.tsx';
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
import { failOnConsoleErrorsAndRejections, stubListboxSize } from '../test/guards.ts';

/*
 * The fault matrix of ConnectorPicker: the user has typed a query and chosen a country, then the list has to be
 * fetched again (the cache was reset) and the fetch meets a fault. The error is localized, "Try again" brings the
 * list back, and the query and the country are still there.
 */

setupEmulatorServer();
failOnConsoleErrorsAndRejections();
stubListboxSize();

beforeEach(() => {
  // A browser language without connectors: the picker starts on every country, the user chooses one.
  const languages = vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['ja-JP']);
  return () => languages.mockRestore();
});

const LABELS = {
  en: { search: 'Search for your bank', country: 'Country', list: 'Banks', loading: 'Loading…' },
  fr: { search: 'Rechercher votre banque', country: 'Pays', list: 'Banques', loading: 'Chargement…' },
} as const;
const MESSAGES = { en, fr } as const;

const listRequests = () => requestsTo('GET', /^\/connectors$/);
const optionNames = () =>
  screen.getAllByRole('option').map((option) => option.querySelector('.ck-list__name')?.textContent ?? '');

async function runCase({ fault, outcome, timeoutMs }: FaultCase) {
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
  for (const name of optionNames()) expect(name.toLowerCase()).toContain('banque');
}

describe('fault matrix of ConnectorPicker', () => {
  for (const faultCase of FAULT_CASES) {
    it(faultCase.name, () => runCase(faultCase));
  }
});
