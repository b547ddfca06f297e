import '../styles.css';
import { createConnectorsClient } from '@connector-kit/core';
import { createEmulator, demoConnectors, type EmulatorOptions, TEST_CONNECTOR_UUID } from '@connector-kit/mock-api';
import { ConnectorsProvider, type UseWebviewHandoffOptions } from '@connector-kit/react';
import { QueryClient } from '@tanstack/react-query';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { cleanup, render } from 'vitest-browser-react';
import { fr } from '../locales.ts';
import { ConnectFlow, type ConnectFlowProps } from './ConnectFlow.tsx';
import type { ConnectFlowEvent } from './events.ts';

/*
 * The direct path in Chromium, on the emulator called in-process: the form, then every step the test connector's
 * scenarios lead to, by keyboard where a person would use one, and a reconnect of an existing connection.
 */

const PASSWORD = 'S3cret-Never-In-An-Event';

// The hand-offs this file starts leave their state in the tab's storage.
afterEach(() => sessionStorage.clear());

async function renderFlow(props: Partial<ConnectFlowProps> = {}, emulatorOptions: EmulatorOptions = {}) {
  const emulator = createEmulator({ connectors: demoConnectors, decoupledApprovalMs: 60_000, ...emulatorOptions });
  const user = emulator.createUser();
  const client = createConnectorsClient({
    baseUrl: 'https://emulator.test/2.0',
    userToken: user.token,
    fetch: emulator.fetch,
  });
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const onConnected = vi.fn();
  const events: ConnectFlowEvent[] = [];
  await render(
    <div style={{ width: 520, padding: 16 }}>
      <ConnectorsProvider client={client} queryClient={queryClient}>
        <ConnectFlow
          defaultCountryCode="FR"
          pollIntervalMs={50}
          onConnected={onConnected}
          onEvent={(event) => events.push(event)}
          {...props}
        />
      </ConnectorsProvider>
    </div>,
  );
  return { emulator, user, onConnected, events };
}

/** The test connector's form with credentials, the scenario chosen, up to its last step. */
async function openCredentials(scenario: string, props: Partial<ConnectFlowProps> = {}, options?: EmulatorOptions) {
  const flow = await renderFlow(
    {
      defaultConnectorUuid: TEST_CONNECTOR_UUID,
      defaultAuthMechanism: 'credentials',
      connectorFieldValues: { [TEST_CONNECTOR_UUID]: { openapiwebsite: scenario } },
      ...props,
    },
    options,
  );
  await userEvent.click(page.getByRole('button', { name: 'Continue to your bank' }));
  await userEvent.fill(page.getByRole('textbox', { name: /Identifiant/ }), 'jdupont');
  await userEvent.fill(page.getByLabelText(/Mot de passe/), PASSWORD);
  return flow;
}

const connect = () => userEvent.click(page.getByRole('button', { name: 'Connect', exact: true }));
const heading = (name: string | RegExp) => page.getByRole('heading', { name });

describe('ConnectFlow, direct path', () => {
  it('connects: "Connecting to…", then the success, the app told once, and events without any value', async () => {
    const { onConnected, events, emulator } = await openCredentials('par');
    // A slow bank: the call is on screen with its elapsed time and a way to cancel.
    emulator.setFaults([{ kind: 'latency', route: 'connections', method: 'POST', ms: 400 }]);
    await connect();
    await expect.element(heading('Connecting to Connecteur de test…')).toHaveFocus();
    await expect.element(page.getByText(/Time elapsed: \d+ seconds?/)).toBeVisible();
    await expect.element(page.getByRole('button', { name: 'Cancel' })).toBeVisible();
    await expect.element(heading('Connecteur de test is connected')).toHaveFocus();
    expect(onConnected).toHaveBeenCalledTimes(1);
    expect(events.map((event) => event.type)).toEqual(['open', 'credentials-submitted', 'step', 'step', 'connected']);
    expect(JSON.stringify(events)).not.toContain(PASSWORD);
    expect(JSON.stringify(events)).not.toContain('jdupont');
    await userEvent.click(page.getByRole('button', { name: 'Connect another bank' }));
    await expect.element(page.getByRole('combobox', { name: 'Search for your bank' })).toHaveFocus();
  });

  it('answers the bank’s one-time code by keyboard, is told when it is wrong, then connects', async () => {
    await openCredentials('otp');
    await userEvent.keyboard('{Enter}');
    const title = heading('Connecteur de test needs more information');
    await expect.element(title).toHaveFocus();
    await expect.element(page.getByText('Saisissez le code à 6 chiffres reçu par SMS.')).toBeVisible();
    await userEvent.keyboard('{Tab}');
    const code = page.getByRole('textbox', { name: /Code reçu par SMS/ });
    await expect.element(code).toHaveFocus();
    await userEvent.keyboard('000000{Enter}');
    await expect.element(page.getByText(/Le code saisi est incorrect/)).toBeVisible();
    await expect.element(code).toHaveValue('');
    await userEvent.click(code);
    await userEvent.keyboard('123456{Enter}');
    await expect.element(heading('Connecteur de test is connected')).toHaveFocus();
  });

  it('brings the form back after wrongpass: the bank’s words, on the last step, the login kept, the password not', async () => {
    await openCredentials('wrongpass');
    await connect();
    await expect.element(page.getByText('Identifiant ou mot de passe incorrect.')).toBeVisible();
    await expect.element(page.getByRole('textbox', { name: /Identifiant/ })).toHaveValue('jdupont');
    await expect.element(page.getByLabelText(/Mot de passe/)).toHaveValue('');
    expect(document.body.innerHTML).not.toContain(PASSWORD);
  });

  it('waits for the approval in the bank’s app, and goes on when the person says they approved', async () => {
    // No poll comes during the test: only the person's "I have approved" can move the flow on.
    const { emulator, onConnected } = await openCredentials('decoupled', { pollIntervalMs: 600_000 });
    await userEvent.keyboard('{Enter}');
    await expect.element(heading('Approve in your Connecteur de test app')).toHaveFocus();
    await expect.element(page.getByRole('status')).toMatchTextContent('Waiting for your approval…');
    await userEvent.keyboard('{Tab}');
    await expect.element(page.getByRole('button', { name: 'I have approved' })).toHaveFocus();
    emulator.approveDecoupled(emulator.connections[0]?.id as number);
    await userEvent.keyboard('{Enter}');
    await expect.element(heading('Connecteur de test is connected')).toBeVisible();
    expect(onConnected).toHaveBeenCalledTimes(1);
  });

  it('moves on by itself once the approval comes', async () => {
    await openCredentials('decoupled', {}, { decoupledApprovalMs: 300 });
    await connect();
    await expect.element(heading('Approve in your Connecteur de test app')).toBeVisible();
    await expect.element(heading('Connecteur de test is connected')).toBeVisible();
  });

  it('gives up waiting after the time limit, and waits again on "Try again"', async () => {
    const { emulator } = await openCredentials('decoupled', { decoupledTimeoutMs: 300 });
    await connect();
    await expect.element(heading('Your approval did not arrive in time')).toHaveFocus();
    emulator.approveDecoupled(emulator.connections[0]?.id as number);
    await userEvent.click(page.getByRole('button', { name: 'Try again' }));
    await expect.element(heading('Connecteur de test is connected')).toBeVisible();
  });

  it('cancels the wait for an approval, back to the form', async () => {
    const { events } = await openCredentials('decoupled');
    await connect();
    await userEvent.click(page.getByRole('button', { name: 'Cancel' }));
    await expect.element(page.getByRole('form', { name: 'Connect Connecteur de test' })).toBeVisible();
    expect(events).toContainEqual({ type: 'exit', place: 'decoupled' });
  });

  it('sends an SCARequired connection to the bank’s page through /webauth', async () => {
    const navigate = vi.fn<(url: string) => void>();
    const webauth: UseWebviewHandoffOptions = {
      clientId: 'demo-client',
      domain: 'acme-sandbox',
      baseUrl: 'https://api.example/2.0',
      redirectUri: 'https://app.example/callback',
      getCode: async () => 'c0de',
      navigate,
    };
    const { emulator } = await openCredentials('scarequired', { webauth });
    await connect();
    await expect.element(heading('Confirm on Connecteur de test’s website')).toHaveFocus();
    await userEvent.click(page.getByRole('button', { name: 'Continue to your bank' }));
    await expect.poll(() => navigate.mock.calls.length).toBe(1);
    const url = new URL(navigate.mock.calls[0]?.[0] ?? '');
    expect(url.pathname).toBe('/2.0/webauth');
    expect(url.searchParams.get('id_connection')).toBe(String(emulator.connections[0]?.id));
  });

  it('says what to do at the bank, with a link to its website, and tries again', async () => {
    const { emulator } = await openCredentials('passwordexpired');
    await connect();
    await expect.element(heading('Your Connecteur de test password has expired')).toHaveFocus();
    const website = page.getByRole('link', { name: 'Open Connecteur de test’s website' });
    await expect.element(website).toHaveAttribute('href', 'https://demo.biapi.pro/');
    await expect.element(website).toHaveAttribute('rel', 'noopener noreferrer');
    emulator.setConnectionState(emulator.connections[0]?.id as number, null);
    await userEvent.click(page.getByRole('button', { name: 'Try again' }));
    await expect.element(heading('Connecteur de test is connected')).toBeVisible();
  });

  it('asks to come back later when the bank is down, in French', async () => {
    await renderFlow({
      locale: 'fr',
      messages: fr,
      defaultConnectorUuid: TEST_CONNECTOR_UUID,
      defaultAuthMechanism: 'credentials',
      connectorFieldValues: { [TEST_CONNECTOR_UUID]: { openapiwebsite: 'websiteunavailable' } },
    });
    await userEvent.click(page.getByRole('button', { name: 'Continuer vers votre banque' }));
    await userEvent.fill(page.getByRole('textbox', { name: /Identifiant/ }), 'jdupont');
    await userEvent.fill(page.getByLabelText(/Mot de passe/), PASSWORD);
    await userEvent.click(page.getByRole('button', { name: 'Connecter', exact: true }));
    await expect.element(heading('Connecteur de test est indisponible en ce moment')).toBeVisible();
    await expect.element(page.getByText('Le site de la banque est momentanément indisponible.')).toBeVisible();
  });

  it('shows a failed creation as an error with a retry, and the retry makes one connection', async () => {
    const { emulator, events } = await openCredentials('par');
    emulator.setFaults([{ kind: 'lost-response', route: 'connections', method: 'POST', times: 1 }]);
    await connect();
    await expect.element(page.getByRole('alert')).toMatchTextContent('We could not reach the server');
    await userEvent.click(page.getByRole('button', { name: 'Try again' }));
    await expect.element(heading('Connecteur de test is connected')).toBeVisible();
    expect(emulator.connections).toHaveLength(1);
    expect(events).toContainEqual({ type: 'error', code: null, place: 'error' });
  });
});

describe('ConnectFlow, reconnect', () => {
  async function reconnect(state: string) {
    const emulator = createEmulator({ connectors: demoConnectors });
    const user = emulator.createUser();
    const { id } = emulator.addConnection(user.id, { connectorUuid: TEST_CONNECTOR_UUID, state });
    const client = createConnectorsClient({
      baseUrl: 'https://emulator.test/2.0',
      userToken: user.token,
      fetch: emulator.fetch,
    });
    await render(
      <ConnectorsProvider client={client} queryClient={new QueryClient()}>
        <ConnectFlow
          connectionId={id}
          defaultAuthMechanism="credentials"
          connectorFieldValues={{ [TEST_CONNECTOR_UUID]: { openapiwebsite: 'par' } }}
        />
      </ConnectorsProvider>,
    );
    return { emulator, id };
  }

  it('opens a wrongpass connection on its credentials and updates it', async () => {
    const { emulator, id } = await reconnect('wrongpass');
    await expect.element(page.getByText('Identifiant ou mot de passe incorrect.')).toBeVisible();
    await userEvent.fill(page.getByRole('textbox', { name: /Identifiant/ }), 'jdupont');
    await userEvent.fill(page.getByLabelText(/Mot de passe/), PASSWORD);
    await connect();
    await expect.element(heading('Connecteur de test is connected')).toBeVisible();
    expect(emulator.connections.map((connection) => connection.id)).toEqual([id]);
  });

  it('opens an SCARequired connection on the bank’s page, and leaves for the picker', async () => {
    await reconnect('SCARequired');
    await expect.element(heading('Confirm on Connecteur de test’s website')).toBeVisible();
    await userEvent.click(page.getByRole('button', { name: 'Choose another bank' }));
    await expect.element(page.getByRole('combobox', { name: 'Search for your bank' })).toBeVisible();
  });
});

describe('ConnectFlow events', () => {
  it('never carry a field value, whatever the person types and whatever the bank answers', async () => {
    // Values no event field could hold by chance: a marker and random text, never shorter than 12 characters.
    const secret = fc.string({ minLength: 4, maxLength: 16 }).map((text) => `§${text}§secret`);
    const scenario = fc.constantFrom('par', 'wrongpass', 'otp', 'decoupled', 'actionneeded', 'ratelimiting');
    await fc.assert(
      fc.asyncProperty(secret, secret, scenario, async (login, password, chosen) => {
        await cleanup();
        const { events } = await renderFlow({
          defaultConnectorUuid: TEST_CONNECTOR_UUID,
          defaultAuthMechanism: 'credentials',
          connectorFieldValues: { [TEST_CONNECTOR_UUID]: { openapiwebsite: chosen, login, password } },
        });
        await userEvent.click(page.getByRole('button', { name: 'Continue to your bank' }));
        await connect();
        await expect
          .poll(() => events.some((event) => event.type === 'step' && event.step !== 'connecting'))
          .toBe(true);
        const seen = JSON.stringify(events);
        expect(seen).not.toContain(login);
        expect(seen).not.toContain(password);
      }),
      { numRuns: 12 },
    );
  });
});
