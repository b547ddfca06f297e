import '../styles.css';
import { createConnectorsClient, HANDOFF_STORAGE_KEY } from '@connector-kit/core';
import { createEmulator, demoConnectors, TEST_CONNECTOR_UUID } from '@connector-kit/mock-api';
import { ConnectorsProvider, type UseWebviewHandoffOptions } from '@connector-kit/react';
import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { render } from 'vitest-browser-react';
import { fr } from '../locales.ts';
import { ConnectFlow, type ConnectFlowProps } from './ConnectFlow.tsx';

/* The hand-off path in Chromium: pick a bank, leave for the Webview (or the bank's page), and the ways it can fail. */

const CODE = 'single-use-c0de';
const emulator = createEmulator({ connectors: demoConnectors });
afterEach(() => {
  emulator.reset();
  sessionStorage.clear();
});

function handoffOptions(overrides: Partial<UseWebviewHandoffOptions> = {}) {
  const navigate = vi.fn<(url: string) => void>();
  const getCode = vi.fn<UseWebviewHandoffOptions['getCode']>(async () => CODE);
  const options: UseWebviewHandoffOptions = {
    clientId: 'demo-client',
    domain: 'acme-sandbox',
    redirectUri: 'https://app.example/callback',
    webviewUrl: 'https://webview.example',
    baseUrl: 'https://api.example/2.0',
    returnPath: '/connect',
    getCode,
    navigate,
    ...overrides,
  };
  return { options, navigate, getCode: (overrides.getCode ?? getCode) as typeof getCode };
}

async function renderFlow(props: Partial<ConnectFlowProps>) {
  const client = createConnectorsClient({
    baseUrl: 'https://emulator.test/2.0',
    fetch: emulator.fetch,
  });
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  await render(
    <div style={{ width: 520, padding: 16 }}>
      <ConnectorsProvider client={client} queryClient={queryClient}>
        <ConnectFlow defaultCountryCode="FR" {...props} />
      </ConnectorsProvider>
    </div>,
  );
}

async function pick(query: string, name: RegExp) {
  await userEvent.click(page.getByRole('combobox', { name: 'Search for your bank' }));
  await userEvent.keyboard(query);
  await userEvent.click(page.getByRole('option', { name }));
}

describe('ConnectFlow with webview', () => {
  it('hands the picked bank off to the Webview: its page opens for that bank, in the chosen country', async () => {
    let release = () => {};
    const { options, navigate, getCode } = handoffOptions({
      getCode: vi.fn(() => new Promise<string>((resolve) => (release = () => resolve(CODE)))),
      connectorFieldValues: { [TEST_CONNECTOR_UUID]: { openapiwebsite: 'par' } },
    });
    await renderFlow({ webview: options });
    await pick('connecteur', /Connecteur de test/);

    await expect.element(page.getByRole('heading', { name: 'Connect Connecteur de test' })).toBeVisible();
    await expect.element(page.getByRole('status')).toMatchTextContent('Opening Connecteur de test’s secure page…');
    expect(getCode).toHaveBeenCalledTimes(1);
    release();
    await expect.poll(() => navigate.mock.calls.length).toBe(1);

    const url = new URL(navigate.mock.calls[0]?.[0] ?? '');
    expect(`${url.origin}${url.pathname}`).toBe('https://webview.example/connect');
    expect(url.searchParams.get('connector_uuids')).toBe(TEST_CONNECTOR_UUID);
    expect(url.searchParams.get('connector_country')).toBe('FR');
    expect(url.searchParams.get(`${TEST_CONNECTOR_UUID}.openapiwebsite`)).toBe('par');
    expect(url.searchParams.get('code')).toBe(CODE);
    const stored: { state: string }[] = JSON.parse(sessionStorage.getItem(HANDOFF_STORAGE_KEY) ?? '[]');
    const pending = stored.find((entry) => entry.state === url.searchParams.get('state'));
    expect(pending).toMatchObject({ connectorUuid: TEST_CONNECTOR_UUID, connectorName: 'Connecteur de test' });
    // The code went into the address only.
    expect(document.body.innerHTML).not.toContain(CODE);
    expect(sessionStorage.getItem(HANDOFF_STORAGE_KEY)).not.toContain(CODE);
  });

  it('shows a failing code request as an error, retries it, or goes back to the picker', async () => {
    const getCode = vi
      .fn<UseWebviewHandoffOptions['getCode']>()
      .mockRejectedValueOnce(new Error('no session'))
      .mockRejectedValueOnce(new Error('no session'))
      .mockResolvedValue(CODE);
    const { options, navigate } = handoffOptions({ getCode });
    await renderFlow({ webview: options, locale: 'fr', messages: fr });
    await userEvent.click(page.getByRole('combobox', { name: 'Rechercher votre banque' }));
    await userEvent.keyboard('connecteur');
    await userEvent.click(page.getByRole('option', { name: /Connecteur de test/ }));

    const alert = page.getByRole('alert');
    await expect.element(alert).toMatchTextContent('Une erreur est survenue.');
    // The retry has the focus, for a keyboard or a screen reader.
    await expect.element(page.getByRole('button', { name: 'Réessayer' })).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    await expect.element(alert).toBeVisible();
    expect(navigate).not.toHaveBeenCalled();

    await userEvent.click(page.getByRole('button', { name: 'Choisir une autre banque' }));
    await expect.element(page.getByRole('combobox', { name: 'Rechercher votre banque' })).toHaveValue('connecteur');
    await userEvent.click(page.getByRole('option', { name: /Connecteur de test/ }));
    await expect.poll(() => navigate.mock.calls.length).toBe(1);
    expect(getCode).toHaveBeenCalledTimes(3);
  });

  it('never leaves on its own for a bank chosen by a link: it waits for the person to continue', async () => {
    const { options, navigate, getCode } = handoffOptions();
    await renderFlow({ webview: options, defaultConnectorUuid: TEST_CONNECTOR_UUID });
    await expect.element(page.getByRole('heading', { name: 'Connect Connecteur de test' })).toBeVisible();
    await expect
      .element(page.getByText('You will finish on a secure page for Connecteur de test, then come back here.'))
      .toBeVisible();
    expect(getCode).not.toHaveBeenCalled();
    await userEvent.click(page.getByRole('button', { name: 'Continue to the secure page' }));
    await expect.poll(() => navigate.mock.calls.length).toBe(1);
  });

  it('offers to continue again when the page comes back from the back-forward cache', async () => {
    const { options, navigate } = handoffOptions();
    await renderFlow({ webview: options });
    await pick('connecteur', /Connecteur de test/);
    await expect.poll(() => navigate.mock.calls.length).toBe(1);
    window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }));
    await expect.element(page.getByRole('button', { name: 'Continue to the secure page' })).toBeVisible();
    await userEvent.click(page.getByRole('button', { name: 'Continue to the secure page' }));
    await expect.poll(() => navigate.mock.calls.length).toBe(2);
  });
});

describe('ConnectFlow on the direct path with webauth', () => {
  it('sends a form that ends at the bank to its page through /webauth, for that source', async () => {
    const { options, navigate } = handoffOptions();
    const onSubmit = vi.fn();
    await renderFlow({
      webauth: options,
      onSubmit,
      defaultConnectorUuid: TEST_CONNECTOR_UUID,
      connectorFieldValues: { [TEST_CONNECTOR_UUID]: { openapiwebsite: 'par' } },
    });
    // The test connector's default mechanism is webauth: one step, the scenario list, then the bank.
    await userEvent.click(page.getByRole('button', { name: 'Continue to your bank' }));
    await expect.poll(() => navigate.mock.calls.length).toBe(1);
    const url = new URL(navigate.mock.calls[0]?.[0] ?? '');
    expect(`${url.origin}${url.pathname}`).toBe('https://api.example/2.0/webauth');
    expect(url.searchParams.get('connector_uuid')).toBe(TEST_CONNECTOR_UUID);
    expect(url.searchParams.get('source')).toBe('openapi');
    expect(url.searchParams.get('token')).toBe(CODE);
    expect(onSubmit).not.toHaveBeenCalled();
    await expect.element(page.getByRole('status')).toMatchTextContent('Opening Connecteur de test’s secure page…');
  });

  it('still submits a credentials form through onSubmit', async () => {
    const { options, navigate } = handoffOptions();
    const onSubmit = vi.fn();
    await renderFlow({
      webauth: options,
      onSubmit,
      defaultConnectorUuid: TEST_CONNECTOR_UUID,
      defaultAuthMechanism: 'credentials',
      connectorFieldValues: { [TEST_CONNECTOR_UUID]: { openapiwebsite: 'par' } },
    });
    await userEvent.click(page.getByRole('button', { name: 'Continue to your bank' }));
    await userEvent.fill(page.getByRole('textbox', { name: /Identifiant/ }), 'jdupont');
    await userEvent.fill(page.getByLabelText(/Mot de passe/), 's3cret');
    await userEvent.click(page.getByRole('button', { name: 'Connect', exact: true }));
    await expect.poll(() => onSubmit.mock.calls.length).toBe(1);
    expect(onSubmit.mock.calls[0]?.[0]).toMatchObject({ authMechanism: 'credentials', webauth: false });
    expect(navigate).not.toHaveBeenCalled();
  });
});
