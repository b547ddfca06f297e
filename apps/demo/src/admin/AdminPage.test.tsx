import { createConnectorsClient } from '@connector-kit/core';
import { demoConnectors } from '@connector-kit/mock-api';
import { ConnectorsProvider } from '@connector-kit/react';
import { LocaleProvider, SUPPORTED_LOCALES, type SupportedLocale } from '@connector-kit/ui';
import type { QueryClient } from '@tanstack/react-query';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { StrictMode, useMemo, useState } from 'react';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  BASE_URL,
  CONFIG_TOKEN,
  createRecordingQueryClient,
  requestsTo,
  setFaults,
  setupEmulatorServer,
} from '../../../../packages/ui/src/test/emulator.ts';
import { failOnConsoleErrorsAndRejections } from '../../../../packages/ui/src/test/guards.ts';
import { demoMessages, nativeLanguageName, uiMessages } from '../i18n.ts';
import { LanguageSwitcher } from '../LanguageSwitcher.tsx';
import { AdminPage } from './AdminPage.tsx';
import { takeUnknownSearchElementReport } from './testing.tsx';

/*
 * The admin page in the languages of the demo, and when refreshing the table fails while it is on screen. Rendered
 * as the admin reliability tests render it (StrictMode, the library's query client, the emulator), with the header's
 * language switcher above it where the page follows the chosen language, as App.tsx puts them together.
 */

setupEmulatorServer();
takeUnknownSearchElementReport();
failOnConsoleErrorsAndRejections();

beforeEach(() => {
  sessionStorage.clear();
});

function clientFor(language: string) {
  return createConnectorsClient({ baseUrl: BASE_URL, configToken: CONFIG_TOKEN, language, timeoutMs: 5000 });
}

/** The admin page under the demo's language switcher: one client per language, as in App.tsx. */
function AdminWithLanguages({ queryClient }: { queryClient: QueryClient }) {
  const [locale, setLocale] = useState<SupportedLocale>('en');
  const client = useMemo(() => clientFor(locale), [locale]);
  return (
    <LocaleProvider locale={locale} messages={uiMessages[locale]}>
      <ConnectorsProvider client={client} queryClient={queryClient}>
        <LanguageSwitcher locale={locale} onLocaleChange={setLocale} label={demoMessages[locale].language} />
        <AdminPage locale={locale} />
      </ConnectorsProvider>
    </LocaleProvider>
  );
}

function renderAdmin({ withLanguages = false } = {}) {
  const { queryClient } = createRecordingQueryClient();
  const view = render(
    <StrictMode>
      {withLanguages ? (
        <AdminWithLanguages queryClient={queryClient} />
      ) : (
        <ConnectorsProvider client={clientFor('en')} queryClient={queryClient}>
          <AdminPage />
        </ConnectorsProvider>
      )}
    </StrictMode>,
  );
  return { ...view, queryClient };
}

/** The table once loaded, by its caption in the page's language. */
async function loadedTable(caption: string) {
  const table = await screen.findByRole('table', { name: new RegExp(`^${caption}`) }, { timeout: 3000 });
  await waitFor(() => expect(table).not.toHaveAttribute('aria-busy'));
  await waitFor(() => expect(within(table).getAllByRole('rowheader').length).toBeGreaterThan(0));
  return table;
}

/** The polite announcement of the last write's outcome (without the character that tells two alike apart). */
const announcement = () =>
  document.querySelector('p.ck-visually-hidden[role="status"]')?.textContent?.replace(/\u200b/g, '');

describe('the admin page in the languages of the demo', () => {
  it('offers the seven languages of the Connect page, each in its own language', async () => {
    renderAdmin({ withLanguages: true });
    const language = screen.getByRole('combobox', { name: 'Language' });
    const options = within(language).getAllByRole('option');
    expect(options.map((option) => option.getAttribute('value'))).toEqual([...SUPPORTED_LOCALES]);
    expect(options.map((option) => option.textContent)).toEqual(SUPPORTED_LOCALES.map(nativeLanguageName));
    expect(options).toHaveLength(7);
    await loadedTable('Connectors');
  });

  it('switches the whole page, its filters kept, and writes in the chosen language', async () => {
    const user = userEvent.setup();
    renderAdmin({ withLanguages: true });
    expect(screen.getByRole('heading', { level: 1, name: 'Manage connectors' })).toBeInTheDocument();
    await loadedTable('Connectors');
    await user.type(screen.getByRole('searchbox', { name: 'Search' }), 'bnp paribas');

    await user.selectOptions(screen.getByRole('combobox', { name: 'Language' }), 'Français');
    expect(screen.getByRole('combobox', { name: 'Langue' })).toHaveValue('fr');
    expect(screen.getByRole('heading', { level: 1, name: 'Gérer les connecteurs' })).toBeInTheDocument();
    // jsdom gives `<search>` no role: its label is read from the element.
    expect(document.querySelector('search')).toHaveAttribute('aria-label', 'Filtrer les connecteurs');
    expect(screen.getByRole('searchbox', { name: 'Rechercher' })).toHaveValue('bnp paribas');
    expect(screen.getByRole('combobox', { name: 'Visibilité' })).toHaveDisplayValue('Tous');
    expect(screen.getByRole('combobox', { name: 'Restreint' })).toHaveDisplayValue('Indifférent');

    // The table, read again in French, with country names in French.
    const table = await loadedTable('Connecteurs');
    expect(within(table).getByRole('checkbox', { name: 'Sélectionner BNP Paribas' })).not.toBeChecked();
    const country = screen.getByRole('combobox', { name: 'Pays' });
    expect(within(country).getByRole('option', { name: 'Tous les pays' })).toBeInTheDocument();
    const codes = new Set(demoConnectors.flatMap((connector) => (connector.countries ?? []).map(({ id }) => id)));
    const french = new Intl.DisplayNames(['fr'], { type: 'region' });
    const english = new Intl.DisplayNames(['en'], { type: 'region' });
    const names = [...codes].map((code) => ({ french: french.of(code), english: english.of(code) }));
    const translated = names.find((name) => name.french !== name.english)?.french;
    if (translated === undefined) throw new Error('No demo country whose name differs in French');
    expect(within(country).getByRole('option', { name: translated })).toBeInTheDocument();

    // A write, told in French.
    await user.click(within(table).getByRole('button', { name: 'Masquer BNP Paribas' }));
    await waitFor(() => expect(announcement()).toBe('« BNP Paribas » masqué.'), { timeout: 3000 });
    await waitFor(() => expect(within(table).getByRole('button', { name: 'Réafficher BNP Paribas' })).toBeEnabled());

    await user.selectOptions(screen.getByRole('combobox', { name: 'Langue' }), 'Deutsch');
    expect(screen.getByRole('heading', { level: 1, name: 'Konnektoren verwalten' })).toBeInTheDocument();
    expect(screen.getByRole('searchbox', { name: 'Suchen' })).toHaveValue('bnp paribas');
    await loadedTable('Konnektoren');
  });
});

describe('a refresh that fails while the table is on screen', () => {
  const REFRESH_FAILED = 'Could not refresh the table: it shows the connectors as last loaded.';
  const listRequests = () => requestsTo('GET', /^\/connectors$/).length;
  /** The live region of the refresh, found by its text among the page's status messages. */
  const refreshStatus = () => screen.getAllByRole('status').find((status) => status.textContent === REFRESH_FAILED);

  it('keeps the rows, says so politely with a way to try again, and recovers', async () => {
    const user = userEvent.setup();
    const { queryClient } = renderAdmin();
    const table = await loadedTable('Connectors');
    const rows = within(table).getAllByRole('rowheader').length;
    expect(refreshStatus()).toBeUndefined();
    expect(screen.queryByRole('button', { name: 'Try again' })).not.toBeInTheDocument();
    const before = listRequests();

    // A background refresh meets a server error on every attempt.
    setFaults({ kind: 'status', status: 500, route: 'list', method: 'GET' });
    await act(() => queryClient.invalidateQueries());
    await waitFor(() => expect(refreshStatus()).toBeDefined(), { timeout: 3000 });
    expect(refreshStatus()).toHaveAttribute('role', 'status');
    expect(listRequests()).toBe(before + 4);
    // What was on screen stays there, not as an error.
    expect(within(table).getAllByRole('rowheader')).toHaveLength(rows);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(table).not.toHaveAttribute('aria-busy');

    setFaults();
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(refreshStatus()).toBeUndefined());
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Try again' })).not.toBeInTheDocument());
    expect(listRequests()).toBe(before + 5);
    expect(within(table).getAllByRole('rowheader')).toHaveLength(rows);
    expect(screen.queryByText(/refreshing…/)).not.toBeInTheDocument();
  });
});
