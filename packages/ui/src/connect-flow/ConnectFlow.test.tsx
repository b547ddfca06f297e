import type { Connector } from '@connector-kit/core';
import { demoConnectors } from '@connector-kit/mock-api';
import { ConnectorsProvider } from '@connector-kit/react';
import type { QueryClient } from '@tanstack/react-query';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { countAsFaultCase } from '../../../../test/reliability.ts';
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
import { failOnConsoleErrorsAndRejections, stubListboxSize } from '../test/guards.ts';
import { ConnectFlow } from './ConnectFlow.tsx';

/*
 * The fault matrix of ConnectFlow, twice:
 * - picking a connector loads it (`useConnector`): the load meets each fault; "Try again" brings the form, and the
 *   query and country typed in the picker are still there when the user goes back;
 * - the connector's form is filled, then the connector is fetched again and meets each fault: the form stays, with
 *   every typed value, through the failure and the recovery.
 */

setupEmulatorServer();
failOnConsoleErrorsAndRejections();
stubListboxSize();

beforeEach(() => {
  const languages = vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['ja-JP']);
  return () => languages.mockRestore();
});

const AMUNDI = demoConnectors.find((connector) => connector.name === 'Amundi Épargne Salariale') as Connector;
const connectorRequests = () => requestsTo('GET', new RegExp(`^/connectors/${AMUNDI.uuid}$`));

const TEXT = {
  en: {
    search: 'Search for your bank',
    country: 'Country',
    list: 'Banks',
    loading: 'Loading…',
    title: 'Connect Amundi Épargne Salariale',
    back: 'Choose another bank',
  },
  fr: {
    search: 'Rechercher votre banque',
    country: 'Pays',
    list: 'Banques',
    loading: 'Chargement…',
    title: 'Connecter Amundi Épargne Salariale',
    back: 'Choisir une autre banque',
  },
} as const;
type Locale = keyof typeof TEXT;
const MESSAGES = { en, fr } as const;

function setup(props: { defaultConnectorUuid?: string } = {}, timeoutMs?: number) {
  const client = createTestClient({ timeoutMs });
  const { queryClient, delays } = createRecordingQueryClient();
  const onSubmit = vi.fn();
  const ui = (locale: Locale, withClient: { queryClient: QueryClient } = { queryClient }) => (
    <ConnectorsProvider client={client} queryClient={withClient.queryClient}>
      <ConnectFlow locale={locale} messages={MESSAGES[locale]} onSubmit={onSubmit} {...props} />
    </ConnectorsProvider>
  );
  const view = render(ui('en'));
  return { ...view, ui, queryClient, delays, client };
}

const search = (locale: Locale = 'en') => screen.getByRole('combobox', { name: TEXT[locale].search });
const country = (locale: Locale = 'en') => screen.getByRole('combobox', { name: TEXT[locale].country });
const login = () => screen.getByRole('textbox', { name: /^Identifiant/ });
const password = () => screen.getByLabelText(/^Mot de passe/, { selector: 'input' });

async function expectPickerKept(user: ReturnType<typeof userEvent.setup>, locale: Locale) {
  await user.click(screen.getByRole('button', { name: TEXT[locale].back }));
  await screen.findByRole('listbox', { name: TEXT[locale].list });
  expect(search(locale)).toHaveValue('amundi');
  expect(country(locale)).toHaveTextContent('France');
  expect(screen.getByRole('option', { name: AMUNDI.name })).toBeInTheDocument();
}

async function runLoadCase({ fault, outcome, timeoutMs }: FaultCase) {
  const user = userEvent.setup();
  const { ui, rerender, unmount, delays } = setup({}, timeoutMs);

  await screen.findByRole('listbox', { name: TEXT.en.list });
  await user.type(search(), 'amundi');
  await user.click(country());
  await user.click(screen.getByRole('option', { name: /^France, \d+ banks$/ }));
  await screen.findByRole('option', { name: AMUNDI.name });

  setFaults({ ...fault, route: 'connector', method: 'GET' });
  await user.click(search());
  await user.keyboard('{ArrowDown}{Enter}');
  const requests = () => connectorRequests().length;

  if (outcome.kind === 'unmount') {
    await waitFor(() => expect(requests()).toBe(1));
    const request = connectorRequests()[0];
    unmount();
    await sleep(LATENCY_MS + 80);
    expect(request?.signal.aborted).toBe(true);
    expect(requests()).toBe(1);
    return;
  }

  let locale: Locale = 'en';
  if (outcome.kind === 'slow') {
    expect(await screen.findByText(TEXT.en.loading)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: TEXT.en.back })).toBeInTheDocument();
  } else {
    const alert = await screen.findByRole('alert', {}, { timeout: 4000 });
    expect(alert).toHaveTextContent(ERROR_TEXT[outcome.text].en);
    if (outcome.reference) expect(alert.textContent).toMatch(REFERENCE_TEXT.en);
    expect(screen.queryByText(TEXT.en.loading)).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: TEXT.en.back })).toBeInTheDocument();

    await sleep(30);
    const attempts = outcome.retried ? 4 : 1;
    expect(requests()).toBe(attempts);
    expect(delays.slice(0, attempts - 1)).toEqual(outcome.retried ? (outcome.backoff ?? BACKOFF_MS) : []);

    rerender(ui('fr'));
    locale = 'fr';
    const french = screen.getByRole('alert');
    expect(french).toHaveTextContent(ERROR_TEXT[outcome.text].fr);
    if (outcome.reference) expect(french.textContent).toMatch(REFERENCE_TEXT.fr);
    setFaults();
    await user.click(within(french).getByRole('button', { name: RETRY_LABEL.fr }));
  }

  expect(await screen.findByRole('heading', { name: TEXT[locale].title }, { timeout: 3000 })).toBeInTheDocument();
  expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  expect(screen.queryByText(TEXT[locale].loading)).not.toBeInTheDocument();
  await expectPickerKept(user, locale);
}

async function runRefetchCase({ fault, outcome, timeoutMs }: FaultCase) {
  const user = userEvent.setup();
  const { queryClient, unmount, ui, delays } = setup({ defaultConnectorUuid: AMUNDI.uuid }, timeoutMs);
  await screen.findByRole('heading', { name: TEXT.en.title });
  await user.type(login(), 'AbCdef123');
  await user.type(password(), 's3cret Pa55!');
  const before = connectorRequests().length;
  const requests = () => connectorRequests().length - before;
  const expectValuesKept = () => {
    expect(screen.getByRole('heading', { name: TEXT.en.title })).toBeInTheDocument();
    expect(login()).toHaveValue('AbCdef123');
    expect(password()).toHaveValue('s3cret Pa55!');
  };

  setFaults({ ...fault, route: 'connector', method: 'GET' });
  if (outcome.kind === 'unmount') {
    act(() => {
      void queryClient.refetchQueries();
    });
    await waitFor(() => expect(requests()).toBe(1));
    const request = connectorRequests().at(-1);
    unmount();
    await sleep(LATENCY_MS + 80);
    expect(request?.signal.aborted).toBe(true);
    // Shown again, the form starts empty: nothing typed outlived it.
    setFaults();
    render(ui('en'));
    await screen.findByRole('heading', { name: TEXT.en.title });
    expect(login()).toHaveValue('');
    expect(password()).toHaveValue('');
    return;
  }

  await act(() => queryClient.refetchQueries());
  const attempts = outcome.kind === 'error' && outcome.retried ? 4 : 1;
  expect(requests()).toBe(attempts);
  if (outcome.kind === 'error') {
    expect(delays.slice(0, attempts - 1)).toEqual(outcome.retried ? (outcome.backoff ?? BACKOFF_MS) : []);
  }
  // The connector on screen is still good: the form stays, without an error over it, values and all.
  expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  expectValuesKept();

  setFaults();
  await act(() => queryClient.refetchQueries());
  expect(requests()).toBe(attempts + 1);
  expectValuesKept();
  expect(screen.queryByText(TEXT.en.loading)).not.toBeInTheDocument();
}

describe('ConnectFlow under faults', () => {
  countAsFaultCase();

  describe('loading the picked connector', () => {
    for (const faultCase of FAULT_CASES) {
      it(faultCase.name, () => runLoadCase(faultCase));
    }
  });

  describe('refetching the connector of a filled form', () => {
    for (const faultCase of FAULT_CASES) {
      it(faultCase.name, () => runRefetchCase(faultCase));
    }
  });
});
