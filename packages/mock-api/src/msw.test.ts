/** The connection flows through MSW: the API under its base URL, the pages at the root of the same origin. */
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createEmulator, DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET } from './emulator.ts';
import { createConnectorsHandlersFor } from './msw.ts';
import { APP_CALLBACK, callbackQuery } from './test-client.ts';
import { FIXTURE_TEST_UUID, fixtureConnectors } from './test-fixtures.ts';

const ORIGIN = 'https://acme-sandbox.biapi.pro';
const API = `${ORIGIN}/2.0`;

const emulator = createEmulator({ connectors: fixtureConnectors, basePath: '/2.0' });
const server = setupServer(...createConnectorsHandlersFor(emulator, API));

beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
afterAll(() => server.close());
beforeEach(() => {
  emulator.reset();
  emulator.setFaults([]);
});

async function userAndCode(): Promise<{ token: string; code: string }> {
  const init = await fetch(`${API}/auth/init`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ client_id: DEFAULT_CLIENT_ID, client_secret: DEFAULT_CLIENT_SECRET }),
  });
  const { auth_token: token } = await init.json();
  const answer = await fetch(`${API}/auth/token/code?type=singleAccess`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  const { code } = await answer.json();
  return { token, code };
}

describe('over MSW', () => {
  it('answers the connections API', async () => {
    const { token } = await userAndCode();
    const created = await fetch(`${API}/users/me/connections`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ connector_uuid: FIXTURE_TEST_UUID, login: '12345678', password: 'pw' }),
    });
    expect(await created.json()).toMatchObject({ id: 1, state: null });
    const list = await fetch(`${API}/users/me/connections`, { headers: { Authorization: `Bearer ${token}` } });
    expect((await list.json()).connections).toHaveLength(1);
  });

  it('serves the Webview pages at the root of the API’s origin', async () => {
    const { code } = await userAndCode();
    const query = new URLSearchParams({
      domain: 'acme-sandbox',
      client_id: DEFAULT_CLIENT_ID,
      redirect_uri: APP_CALLBACK,
      code,
      state: 'msw',
      connector_uuids: FIXTURE_TEST_UUID,
    });
    const opened = await emulatorFetch(`${ORIGIN}/webview/connect?${query}`);
    expect(opened.status).toBe(303);
    const sessionUrl = opened.headers.get('location') ?? '';
    expect(sessionUrl.startsWith(`${ORIGIN}/webview/session/`)).toBe(true);
    const page = await fetch(sessionUrl);
    expect(await page.text()).toContain('<h1>Connect Connecteur de test</h1>');
    const connected = await emulatorFetch(sessionUrl, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'action=connect',
    });
    expect(callbackQuery(connected.headers.get('location'))).toMatchObject({ connection_id: '1', state: 'msw' });
  });

  it('serves /webauth, the bank page and the bank app', async () => {
    const { code } = await userAndCode();
    const query = new URLSearchParams({
      client_id: DEFAULT_CLIENT_ID,
      token: code,
      redirect_uri: APP_CALLBACK,
      connector_uuid: FIXTURE_TEST_UUID,
    });
    const start = await emulatorFetch(`${API}/webauth?${query}`);
    expect(start.status).toBe(302);
    const bankUrl = start.headers.get('location') ?? '';
    expect(bankUrl.startsWith(`${ORIGIN}/bank/authorize?session=`)).toBe(true);
    expect(await (await fetch(bankUrl)).text()).toContain('Connecteur de test — emulated bank');
    const app = await fetch(`${ORIGIN}/bank/app`);
    expect(await app.text()).toContain('<h1>Emulated bank app</h1>');
  });
});

/** A request the emulator answers without following its redirect. */
function emulatorFetch(url: string, init: RequestInit = {}): Promise<Response> {
  return fetch(url, { ...init, redirect: 'manual' });
}
