import { type Connector, createConnectorsClient } from '@connector-kit/core';
import { demoConnectors, type EmulatorRoute } from '@connector-kit/mock-api';
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
  emulator,
  requestsTo,
  setFaults,
  setupEmulatorServer,
  sleep,
} from '../../../../packages/ui/src/test/emulator.ts';
import {
  BACKOFF_MS,
  ERROR_TEXT,
  FAULT_CASES,
  type FaultCase,
  LATENCY_MS,
  REFERENCE_TEXT,
  RETRY_LABEL,
} from '../../../../packages/ui/src/test/faults.ts';
import { failOnConsoleErrorsAndRejections } from '../../../../packages/ui/src/test/guards.ts';
import { countAsFaultCase } from '../../../../test/reliability.ts';
import { demoMessages, nativeLanguageName, uiMessages } from '../i18n.ts';
import { LanguageSwitcher } from '../LanguageSwitcher.tsx';
import { AdminPage } from './AdminPage.tsx';
import { takeUnknownSearchElementReport } from './testing.tsx';

/*
 * The admin page in the languages of the demo, and when refreshing the table fails while it is on screen. Rendered
 * as the fault cases below render it (StrictMode, the library's query client, the emulator), with the header's
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

/*
 * AdminPage under faults: the fault matrix of the admin console, through the emulator:
 * - the connectors table's load meets each fault of FAULT_CASES: a clear message in an alert, "Try again" brings the
 *   table once the fault is gone, nothing keeps spinning, and the filter typed meanwhile still applies;
 * - three writes meet each fault: hiding one connector (`PUT /connectors/{uuid}`), hiding a selection
 *   (`PATCH /connectors`) and disabling a source (`PUT /connectors/{uuid}/sources/{id}`). The change shows at once,
 *   is undone when the write fails, the failure says so with a way to try again, and trying again applies it; the
 *   table ends on the server's state, and the filter and the selection are still there.
 *
 * The page is rendered as main.tsx and App.tsx build it (StrictMode, the library's query client and retry policy, a
 * client with the page's language), with two differences: the retry backoff is recorded instead of waited for, and
 * the client holds the emulator's config token itself, where in the app the demo server adds it to writes.
 */

function connectorNamed(name: string): Connector {
  const connector = demoConnectors.find((candidate) => candidate.name === name);
  if (!connector) throw new Error(`No demo connector named ${name}`);
  return connector;
}

const BNP = connectorNamed('BNP Paribas');
const BGL = connectorNamed('BGL BNP Paribas');
const CARDIF = connectorNamed('BNP Paribas Cardif');
const FORTIS = connectorNamed('BNP Paribas Fortis');
const DIRECTACCESS_ID = 21;

/** What the admin types in the search box, and the rows it leaves, in the table's order. */
const FILTER = 'bnp paribas';
const FILTERED = [BGL, BNP, CARDIF, FORTIS].map((connector) => connector.name);

/** A short delay before a failing write's answer, so that its optimistic change can be seen before it is undone. */
const WRITE_DELAY_MS = 60;

function renderAdminUnderFaults(timeoutMs?: number) {
  const client = createConnectorsClient({
    baseUrl: BASE_URL,
    configToken: CONFIG_TOKEN,
    language: 'en',
    timeoutMs: timeoutMs ?? 5000,
  });
  const { queryClient, delays } = createRecordingQueryClient();
  const view = render(
    <StrictMode>
      <ConnectorsProvider client={client} queryClient={queryClient}>
        <AdminPage />
      </ConnectorsProvider>
    </StrictMode>,
  );
  return { ...view, delays };
}

const searchBox = () => screen.getByRole('searchbox', { name: 'Search' });
const checkbox = (connector: Connector) => screen.getByRole('checkbox', { name: `Select ${connector.name}` });
const connectorsTable = () => screen.getByRole('table', { name: /^Connectors/ });

/** The names in the connectors table, in order. */
const rowNames = () =>
  Array.from(connectorsTable().querySelectorAll('.demo-connector__name'), (name) => name.textContent ?? '');

function rowOf(connector: Connector): HTMLElement {
  const row = screen.getByText(connector.uuid, { selector: 'code.demo-connector__uuid' }).closest('tr');
  if (!row) throw new Error(`No row for ${connector.name}`);
  return row;
}

/** Whether the table shows the connector hidden. */
const shownHidden = (connector: Connector) => rowOf(connector).querySelector('.ck-badge')?.textContent === 'Hidden';
const serverConnector = (connector: Connector) =>
  emulator.connectors.find((candidate) => candidate.uuid === connector.uuid);

/** The polite announcement of the last write's outcome (without the character that tells two alike apart). */
/** Nothing on the page says it is still at work. */
function expectNothingBusy() {
  expect(document.querySelector('[aria-busy="true"]')).toBeNull();
  expect(screen.queryByText(/loading…|refreshing…/)).not.toBeInTheDocument();
}

/** The admin's filter and selection are still there. */
function expectFilterAndSelectionKept(selection: readonly Connector[]) {
  expect(searchBox()).toHaveValue(FILTER);
  expect(rowNames()).toEqual(FILTERED);
  for (const connector of FILTERED.map(connectorNamed)) {
    if (selection.includes(connector)) expect(checkbox(connector)).toBeChecked();
    else expect(checkbox(connector)).not.toBeChecked();
  }
  const count = screen.getAllByRole('status').find((status) => status.classList.contains('demo-toolbar__count'));
  const selected = selection.length > 0 ? `${selection.length} selected\\. ` : '';
  expect(count?.textContent).toMatch(new RegExp(`^${selected}${FILTERED.length} of \\d+ connectors match`));
}

/* The table's load. */

const listRequests = () => requestsTo('GET', /^\/connectors$/);

async function runLoadCase({ fault, outcome, timeoutMs }: FaultCase) {
  const user = userEvent.setup();
  setFaults({ ...fault, route: 'list', method: 'GET' });
  const { unmount, delays } = renderAdminUnderFaults(timeoutMs);
  const requests = () => listRequests().length;

  // The table says it is loading.
  expect(connectorsTable()).toHaveAttribute('aria-busy', 'true');
  expect(connectorsTable()).toHaveTextContent('(loading…)');

  if (outcome.kind === 'unmount') {
    await waitFor(() => expect(requests()).toBe(1));
    const request = listRequests().at(-1);
    unmount();
    await sleep(LATENCY_MS + 80);
    // Nobody waits for the list anymore: its request is aborted, and nothing follows.
    expect(request?.signal.aborted).toBe(true);
    expect(requests()).toBe(1);
    return;
  }

  // The admin types a filter while the table loads.
  await user.type(searchBox(), FILTER);

  if (outcome.kind === 'slow') {
    await waitFor(() => expect(rowNames()).toEqual(FILTERED), { timeout: 3000 });
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expectNothingBusy();
    expect(requests()).toBe(1);
    return;
  }

  const alert = await screen.findByRole('alert', {}, { timeout: 4000 });
  expect(alert).toHaveTextContent(ERROR_TEXT[outcome.text].en);
  if (outcome.reference) expect(alert.textContent).toMatch(REFERENCE_TEXT.en);
  expect(screen.queryByRole('table', { name: /^Connectors/ })).not.toBeInTheDocument();
  expectNothingBusy();
  expect(searchBox()).toHaveValue(FILTER);

  // Retried with backoff where another attempt can help, never on a 4xx or an unreadable body.
  await sleep(30);
  const attempts = outcome.retried ? 4 : 1;
  expect(requests()).toBe(attempts);
  expect(delays.slice(0, attempts - 1)).toEqual(outcome.retried ? (outcome.backoff ?? BACKOFF_MS) : []);

  setFaults();
  await user.click(within(alert).getByRole('button', { name: RETRY_LABEL.en }));
  await waitFor(() => expect(rowNames()).toEqual(FILTERED), { timeout: 3000 });
  expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  expectNothingBusy();
  expect(searchBox()).toHaveValue(FILTER);
  expect(requests()).toBe(attempts + 1);
}

/* The writes. */

interface WriteTarget {
  name: string;
  route: EmulatorRoute;
  method: 'PUT' | 'PATCH';
  /** The request path under the API root. */
  path: RegExp;
  /** What the admin has selected when the write starts. */
  selection: readonly Connector[];
  /** What the selection is once the write has succeeded. */
  selectionAfterSuccess: readonly Connector[];
  /** Opens what the write needs on screen. */
  prepare?: (user: ReturnType<typeof userEvent.setup>) => Promise<void>;
  /** Starts the write. */
  launch: (user: ReturnType<typeof userEvent.setup>) => Promise<void>;
  /** Whether the table shows the change, for each connector or source it touches. */
  shown: () => boolean[];
  /** Whether the server holds the change, likewise. */
  stored: () => boolean[];
  /** The title of the failure. */
  failed: string;
  /** The announcement of its success. */
  done: string;
  /** The keys of the write in flight, as rows marked busy. */
  busy: () => HTMLElement[];
  /** The write's answer has no body to read: a 200 whatever its body is the write done. */
  ignoresBody?: boolean;
}

const sourcesTable = () => screen.getByRole('table', { name: 'Sources of BNP Paribas' });
const directaccessRow = () => {
  const row = within(sourcesTable()).getByText('directaccess', { selector: 'code' }).closest('tr');
  if (!row) throw new Error('No row for the source directaccess');
  return row;
};

const WRITES: readonly WriteTarget[] = [
  {
    name: 'hiding one connector (PUT)',
    route: 'update',
    method: 'PUT',
    path: new RegExp(`^/connectors/${BNP.uuid}$`),
    selection: [BGL, BNP],
    selectionAfterSuccess: [BGL, BNP],
    launch: (user) => user.click(screen.getByRole('button', { name: 'Hide BNP Paribas' })),
    shown: () => [shownHidden(BNP)],
    stored: () => [serverConnector(BNP)?.hidden === true],
    failed: 'Hiding “BNP Paribas” failed; the change was undone.',
    done: '“BNP Paribas” hidden.',
    busy: () => [rowOf(BNP)],
  },
  {
    name: 'hiding a selection (PATCH)',
    route: 'batch',
    method: 'PATCH',
    path: /^\/connectors$/,
    selection: [CARDIF, FORTIS],
    // Done, the selection is spent.
    selectionAfterSuccess: [],
    launch: (user) => user.click(screen.getByRole('button', { name: 'Hide selected (2)' })),
    shown: () => [shownHidden(CARDIF), shownHidden(FORTIS)],
    stored: () => [serverConnector(CARDIF)?.hidden === true, serverConnector(FORTIS)?.hidden === true],
    failed: 'Hiding 2 connectors failed; the change was undone.',
    done: '2 connectors hidden.',
    busy: () => [rowOf(CARDIF), rowOf(FORTIS)],
    ignoresBody: true,
  },
  {
    name: 'disabling a source (PUT)',
    route: 'source',
    method: 'PUT',
    path: new RegExp(`^/connectors/${BNP.uuid}/sources/${DIRECTACCESS_ID}$`),
    selection: [BGL],
    selectionAfterSuccess: [BGL],
    prepare: async (user) => {
      await user.click(screen.getByRole('button', { name: 'Sources (3) BNP Paribas' }));
      await waitFor(() => expect(directaccessRow()).toHaveTextContent('Enabled'));
    },
    launch: (user) => user.click(within(sourcesTable()).getByRole('button', { name: 'Disable source directaccess' })),
    shown: () => [/Disabled since/.test(directaccessRow().textContent ?? '')],
    stored: () => {
      const source = serverConnector(BNP)?.sources?.find((candidate) => candidate.id === DIRECTACCESS_ID);
      return [typeof source?.disabled === 'string' && source.disabled !== ''];
    },
    failed: 'Disabling source “directaccess” of “BNP Paribas” failed; the change was undone.',
    done: 'Source “directaccess” disabled.',
    busy: () => [directaccessRow()],
  },
];

/** The faults whose request reaches the API, which applies the write before its answer breaks. */
const reachesServer = (kind: string) => kind === 'truncated-json' || kind === 'wrong-shape';

async function runWriteCase(target: WriteTarget, { fault, outcome, timeoutMs }: FaultCase) {
  const user = userEvent.setup();
  const { unmount } = renderAdminUnderFaults(timeoutMs);
  const unchanged = target.stored().map(() => false);
  const changed = target.stored().map(() => true);
  const requests = () => requestsTo(target.method, target.path);

  // The admin filters the table, selects rows, and opens what the write needs.
  await waitFor(() => expect(connectorsTable()).not.toHaveAttribute('aria-busy'));
  await user.type(searchBox(), FILTER);
  await waitFor(() => expect(rowNames()).toEqual(FILTERED));
  for (const connector of target.selection) await user.click(checkbox(connector));
  await target.prepare?.(user);
  expect(target.shown()).toEqual(unchanged);
  expect(target.stored()).toEqual(unchanged);

  const faults = outcome.kind === 'error' ? [{ kind: 'latency' as const, ms: WRITE_DELAY_MS }, fault] : [fault];
  setFaults(...faults.map((one) => ({ ...one, route: target.route, method: target.method })));
  await target.launch(user);

  if (outcome.kind === 'unmount') {
    await waitFor(() => expect(requests()).toHaveLength(1));
    unmount();
    await sleep(LATENCY_MS + 80);
    // A write in flight cannot be recalled: it lands, quietly.
    expect(requests()[0]?.signal.aborted).toBe(false);
    expect(target.stored()).toEqual(changed);
    expect(requests()).toHaveLength(1);
    return;
  }

  // The change shows at once, on rows marked busy.
  await waitFor(() => expect(target.shown()).toEqual(changed));
  if (outcome.kind === 'slow') {
    for (const row of target.busy()) expect(row).toHaveAttribute('aria-busy', 'true');
  }

  if (outcome.kind === 'slow' || (target.ignoresBody && fault.kind === 'wrong-shape')) {
    await waitFor(() => expect(announcement()).toBe(target.done), { timeout: 3000 });
    await waitFor(() => expectNothingBusy());
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(target.stored()).toEqual(changed);
    expect(target.shown()).toEqual(changed);
    expectFilterAndSelectionKept(target.selectionAfterSuccess);
    expect(requests()).toHaveLength(1);
    return;
  }

  // The failure: what was attempted, that it was undone, why, and a way to try again.
  // An answer that broke after the server applied the write is not called an undo.
  const failed = reachesServer(fault.kind)
    ? target.failed.replace(
        ' failed; the change was undone.',
        ": the server's answer could not be read; the table shows what the server holds now.",
      )
    : target.failed;
  const title = await screen.findByText(failed, {}, { timeout: 3000 });
  const box = title.closest('.demo-failure');
  if (!(box instanceof HTMLElement)) throw new Error('The failure is not in its box');
  const alert = within(box).getByRole('alert');
  expect(alert).toHaveTextContent(ERROR_TEXT[outcome.text].en);
  if (outcome.reference) expect(alert.textContent).toMatch(REFERENCE_TEXT.en);
  expect(announcement()).toBe(failed);

  // The optimistic change is undone, and the table ends on the server's state: unchanged, unless the request
  // reached the API and only its answer broke.
  const stored = reachesServer(fault.kind) ? changed : unchanged;
  expect(target.stored()).toEqual(stored);
  await waitFor(() => expect(target.shown()).toEqual(stored), { timeout: 3000 });
  await waitFor(() => expectNothingBusy());
  expect(screen.getAllByRole('alert')).toEqual([alert]);
  expectFilterAndSelectionKept(target.selection);

  // A write is never retried automatically: a person decides.
  await sleep(30);
  expect(requests()).toHaveLength(1);

  setFaults();
  await user.click(within(alert).getByRole('button', { name: RETRY_LABEL.en }));
  await waitFor(() => expect(announcement()).toBe(target.done), { timeout: 3000 });
  expect(screen.queryByText(failed)).not.toBeInTheDocument();
  expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  expect(target.stored()).toEqual(changed);
  await waitFor(() => expect(target.shown()).toEqual(changed));
  await waitFor(() => expectNothingBusy());
  expectFilterAndSelectionKept(target.selection);
  expect(requests()).toHaveLength(2);
}

describe('AdminPage under faults', () => {
  countAsFaultCase();

  describe('loading the connectors table', () => {
    for (const faultCase of FAULT_CASES) {
      it(faultCase.name, () => runLoadCase(faultCase));
    }
  });

  for (const target of WRITES) {
    describe(target.name, () => {
      for (const faultCase of FAULT_CASES) {
        it(faultCase.name, () => runWriteCase(target, faultCase));
      }
    });
  }
});
