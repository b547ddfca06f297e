import { ConnectorsProvider } from '@connector-kit/react';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpResponse, http } from 'msw';
import { StrictMode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestQueryClient } from '../../../../packages/react/src/test/render.tsx';
import { createTestClient, server, setupEmulatorServer } from '../../../../packages/ui/src/test/emulator.ts';
import { demoMessages } from '../i18n.ts';
import { ConnectPage } from './ConnectPage.tsx';

/*
 * The Connect page's choice of path, as the demo server's configuration allows it. The connectors come from the
 * emulator; `/api/connect/config` is answered here.
 */

setupEmulatorServer();
// The chosen path is remembered: each test starts from none.
afterEach(() => localStorage.clear());

const config = {
  clientId: 'connector-kit-demo',
  domain: 'connector-kit-emulator',
  webviewUrl: 'http://127.0.0.1:4010/webview',
  apiUrl: 'http://127.0.0.1:4010/2.0',
  webview: true,
};

function answerConfig(answer: () => Response) {
  server.use(http.get('*/api/connect/config', answer));
}

function renderPage() {
  return render(
    <StrictMode>
      <ConnectorsProvider client={createTestClient()} queryClient={createTestQueryClient()}>
        <ConnectPage messages={demoMessages.en} locale="en" />
      </ConnectorsProvider>
    </StrictMode>,
  );
}

describe('ConnectPage', () => {
  it('starts on the Webview path, and lets the person choose the direct one', async () => {
    answerConfig(() => HttpResponse.json(config));
    renderPage();
    const webview = screen.getByRole('radio', { name: /^Powens Webview \(any client\)/ });
    expect(webview).toBeChecked();
    expect(await screen.findByRole('combobox', { name: 'Search for your bank' })).toBeVisible();
    expect(screen.getByText('No bank connected yet.')).toBeVisible();
    await userEvent.setup().click(screen.getByRole('radio', { name: /^Direct \(Agent status\)/ }));
    expect(await screen.findByRole('heading', { name: 'What your app receives' })).toBeVisible();
  });

  it('offers only the direct path when the server cannot hand off, and says why', async () => {
    answerConfig(() => HttpResponse.json({ ...config, clientId: null, webview: false }));
    renderPage();
    const webview = screen.getByRole('radio', { name: /^Powens Webview \(any client\)/ });
    await waitFor(() => expect(webview).toBeDisabled());
    expect(webview).toHaveAccessibleDescription(
      'Unavailable: the demo server needs POWENS_CLIENT_ID and POWENS_CLIENT_SECRET.',
    );
    expect(screen.getByRole('radio', { name: /^Direct \(Agent status\)/ })).toBeChecked();
    expect(await screen.findByRole('combobox', { name: 'Search for your bank' })).toBeVisible();
  });

  it('shows a configuration that cannot be read as an error, and recovers on "Try again"', async () => {
    let failing = true;
    answerConfig(() =>
      failing
        ? HttpResponse.json({ code: 'bug', description: 'down', request_id: null }, { status: 500 })
        : HttpResponse.json(config),
    );
    renderPage();
    const alert = await screen.findByRole('alert', {}, { timeout: 3000 });
    expect(alert).toHaveTextContent('The service is having trouble right now.');
    // Nothing is said about the Webview path until the server has said how it is set up.
    expect(screen.getByRole('radio', { name: /^Powens Webview \(any client\)/ })).toBeEnabled();
    expect(screen.getByText('No bank connected yet.')).toBeVisible();
    failing = false;
    await userEvent.setup().click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('combobox', { name: 'Search for your bank' })).toBeVisible();
  });
});
