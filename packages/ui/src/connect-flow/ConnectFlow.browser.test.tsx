import '../styles.css';
import { createConnectorsClient } from '@connector-kit/core';
import { createEmulator, demoConnectors, TEST_CONNECTOR_UUID } from '@connector-kit/mock-api';
import { ConnectorsProvider } from '@connector-kit/react';
import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { render } from 'vitest-browser-react';
import { fr } from '../locales.ts';
import { ConnectFlow, type ConnectFlowProps } from './ConnectFlow.tsx';

/* The flow in Chromium, on the emulator called in-process (no network): pick, fill, go back, errors, retry. */

const emulator = createEmulator({ connectors: demoConnectors });
afterEach(() => emulator.reset());

async function renderFlow(props: Partial<ConnectFlowProps> = {}) {
  const client = createConnectorsClient({
    baseUrl: 'https://emulator.test/2.0',
    fetch: emulator.fetch,
  });
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const onSubmit = vi.fn();
  await render(
    <div style={{ width: 520, padding: 16 }}>
      <ConnectorsProvider client={client} queryClient={queryClient}>
        <ConnectFlow defaultCountryCode="FR" onSubmit={onSubmit} {...props} />
      </ConnectorsProvider>
    </div>,
  );
  return { onSubmit };
}

const search = () => page.getByRole('combobox', { name: 'Search for your bank' });
const country = () => page.getByRole('combobox', { name: 'Country' });

describe('ConnectFlow in Chromium', () => {
  it('picks a bank, shows its form, and comes back to the picker with the query and country kept', async () => {
    const { onSubmit } = await renderFlow();
    await expect.element(country()).toMatchTextContent('France');
    await userEvent.click(search());
    await userEvent.keyboard('amundi');
    await expect.element(page.getByRole('option', { name: /Amundi Épargne Salariale/ })).toBeVisible();
    await userEvent.keyboard('{ArrowDown}{Enter}');

    const title = page.getByRole('heading', { name: 'Connect Amundi Épargne Salariale' });
    await expect.element(title).toBeVisible();
    await expect.element(search()).not.toBeInTheDocument();

    // Fill and submit.
    await userEvent.click(page.getByRole('textbox', { name: /Identifiant/ }));
    await userEvent.keyboard('ABCdef123{Tab}secret{Enter}');
    await expect.poll(() => onSubmit.mock.calls.length).toBe(1);
    expect(onSubmit.mock.calls[0]?.[0]).toMatchObject({
      connector: { name: 'Amundi Épargne Salariale' },
      authMechanism: 'credentials',
      values: { login: 'ABCdef123', password: 'secret' },
    });

    // Back to the list: the query and the country are still there, the search field has the focus.
    await userEvent.click(page.getByRole('button', { name: 'Choose another bank' }));
    await expect.element(search()).toHaveValue('amundi');
    await expect.element(search()).toHaveFocus();
    await expect.element(country()).toMatchTextContent('France');
    await expect.element(page.getByRole('option', { name: /Amundi Épargne Salariale/ })).toBeVisible();
  });

  it('shows the error of a connector that fails to load, retries, and goes back from there', async () => {
    emulator.setFaults([{ kind: 'status', status: 500, route: 'connector', times: 1 }]);
    await renderFlow({ defaultConnectorUuid: TEST_CONNECTOR_UUID });
    const alert = page.getByRole('alert');
    await expect.element(alert).toMatchTextContent('The service is having trouble right now');
    await userEvent.click(page.getByRole('button', { name: 'Try again' }));
    await expect.element(page.getByRole('heading', { name: 'Connect Connecteur de test' })).toBeVisible();
    await userEvent.click(page.getByRole('button', { name: 'Choose another bank' }));
    await expect.element(search()).toBeVisible();
  });

  it('shows a loading state while the connector loads, with a way back', async () => {
    emulator.setFaults([{ kind: 'latency', route: 'connector', ms: 800 }]);
    const onConnectorUuidChange = vi.fn();
    await renderFlow({ defaultConnectorUuid: TEST_CONNECTOR_UUID, onConnectorUuidChange });
    await expect.element(page.getByRole('status')).toMatchTextContent('Loading…');
    await userEvent.click(page.getByRole('button', { name: 'Choose another bank' }));
    expect(onConnectorUuidChange).toHaveBeenCalledWith(null);
    await expect.element(search()).toBeVisible();
  });

  it('prefills the chosen connector’s fields', async () => {
    await renderFlow({
      defaultConnectorUuid: TEST_CONNECTOR_UUID,
      connectorFieldValues: { [TEST_CONNECTOR_UUID]: { openapiwebsite: 'pro' } },
      readOnly: ['openapiwebsite'],
      locale: 'fr',
      messages: fr,
    });
    await expect.element(page.getByRole('textbox', { name: /Scénario/ })).toHaveValue('Professionnel');
    await expect.element(page.getByRole('button', { name: 'Choisir une autre banque' })).toBeVisible();
  });
});
