import type { Connector } from '@connector-kit/core';
import { describe, expect, it } from 'vitest';
import { TEST_CONNECTOR_UUID } from './data/index.ts';
import { DEFAULT_CLIENT_ID } from './emulator.ts';
import {
  APP_CALLBACK,
  callbackQuery,
  codeOf,
  formsOf,
  headingOf,
  ORIGIN,
  type Result,
  type SignedUpUser,
  send,
  setupSignedUpUser,
  startWebauth,
  withoutQuery,
} from './test-client.ts';
import { FIXTURE_GERMAN_UUID, FIXTURE_PAY_UUID, fixtureConnectors } from './test-fixtures.ts';

const MONABANQ = '7bf2def0-7121-5ca1-8488-4b3b4ece4705';
const NICKEL = '83393e81-6136-5aa2-9be4-f9242c34fe41';

/** Opens the Webview as an app's link does, with a fresh singleAccess code unless one is given. */
async function openWebview(
  context: SignedUpUser,
  flow: 'connect' | 'reconnect' | 'manage',
  params: Record<string, string> = {},
): Promise<Result> {
  const query = new URLSearchParams({
    domain: 'acme-sandbox',
    client_id: DEFAULT_CLIENT_ID,
    redirect_uri: APP_CALLBACK,
    code: await codeOf(context.emulator, context.token),
    ...params,
  });
  return send(context.emulator, 'GET', `/webview/${flow}?${query}`);
}

/** Opens the Webview and follows its redirect to the session page. */
async function sessionPage(
  context: SignedUpUser,
  flow: 'connect' | 'reconnect' | 'manage',
  params?: Record<string, string>,
) {
  const opened = await openWebview(context, flow, params);
  expect(opened.status).toBe(303);
  expect(withoutQuery(opened.location)).toMatch(new RegExp(`^${ORIGIN}/webview/session/[A-Za-z0-9_-]{43}$`));
  const page = await send(context.emulator, 'GET', opened.location ?? '');
  expect(page.status).toBe(200);
  return { url: opened.location ?? '', page };
}

/** Submits the page's form with one of its buttons (and field values), as a browser does. */
function submit(context: SignedUpUser, url: string, form: Record<string, string>) {
  return send(context.emulator, 'POST', url, { form });
}

describe('the Webview: connect', () => {
  it('opens the one bank the app names, with its fields prefilled, and Connect calls the app back', async () => {
    const context = await setupSignedUpUser();
    const { url, page } = await sessionPage(context, 'connect', {
      connector_uuids: TEST_CONNECTOR_UUID,
      [`${TEST_CONNECTOR_UUID}.openapiwebsite`]: 'pro',
      [`${TEST_CONNECTOR_UUID}.login`]: '12345678',
      state: 'csrf-1',
      max_connections: '1',
      account_ibans: 'FR7630004000031234567890143',
      account_types: 'checking,savings',
      account_usages: 'PRIV',
    });
    expect(headingOf(page.text)).toBe('Connect Connecteur de test');
    expect(page.text).toMatch(/<label for="field-0">Scénario<\/label><select id="field-0" name="field.openapiwebsite"/);
    expect(page.text).toContain('<option value="pro" selected>Professionnel</option>');
    expect(page.text).toMatch(
      /<label for="field-1">Identifiant<\/label><input id="field-1" name="field.login" type="text"[^>]* value="12345678"/,
    );
    expect(page.text).toMatch(
      /<label for="field-2">Mot de passe<\/label><input id="field-2" name="field.password" type="password"/,
    );
    const [form] = formsOf(page.text);
    expect(form).toEqual({
      method: 'post',
      action: new URL(url).pathname,
      buttons: ['action=connect', 'action=cancel', 'action=decline'],
    });
    expect(page.text).toMatch(/>Connect<\/button>/);
    expect(page.text).toMatch(/>Cancel<\/button>/);
    expect(page.text).toMatch(/>Decline the terms<\/button>/);

    const connected = await submit(context, url, {
      'field.openapiwebsite': 'pro',
      'field.login': '12345678',
      'field.password': 'secret',
      action: 'connect',
    });
    expect(connected.status).toBe(303);
    expect(withoutQuery(connected.location)).toBe(APP_CALLBACK);
    const callback = callbackQuery(connected.location);
    expect(Object.keys(callback)).toEqual(['connection_id', 'connection_ids', 'code', 'state']);
    expect(callback).toEqual({ connection_id: '1', connection_ids: '1', code: expect.any(String), state: 'csrf-1' });
    expect(context.emulator.connections).toEqual([
      expect.objectContaining({ id: 1, id_user: context.userId, connector_uuid: TEST_CONNECTOR_UUID, state: null }),
    ]);
    // The new code is a requestAccess code of the same user.
    const viaCode = await send(context.emulator, 'GET', '/2.0/users/me/connections/1', { token: callback.code ?? '' });
    expect(viaCode.json).toMatchObject({ id: 1, id_user: context.userId });

    const reused = await send(context.emulator, 'GET', url);
    expect(reused.status).toBe(400);
    expect(reused.text).toContain('already used');
    expect((await submit(context, url, { action: 'connect' })).status).toBe(400);
    expect(context.emulator.connections).toHaveLength(1);
  });

  it('lets the user pick among several banks, come back to the list, and cancel', async () => {
    const context = await setupSignedUpUser();
    const { url, page } = await sessionPage(context, 'connect', {
      connector_uuids: `${MONABANQ},${NICKEL}`,
      state: 'two',
    });
    expect(headingOf(page.text)).toBe('Choose your bank');
    const [form] = formsOf(page.text);
    expect(form?.buttons).toEqual([`choose=${MONABANQ}`, `choose=${NICKEL}`, 'action=cancel']);
    expect(page.text).toContain('>Monabanq</button>');

    const picked = await submit(context, url, { choose: NICKEL });
    expect(picked.status).toBe(303);
    expect(picked.location).toBe(url);
    const bank = await send(context.emulator, 'GET', url);
    expect(headingOf(bank.text)).toBe('Connect Nickel');
    expect(formsOf(bank.text)[0]?.buttons).toEqual([
      'action=connect',
      'action=cancel',
      'action=decline',
      'action=back',
    ]);
    await submit(context, url, { action: 'back' });
    expect(headingOf((await send(context.emulator, 'GET', url)).text)).toBe('Choose your bank');
    expect((await submit(context, url, { choose: TEST_CONNECTOR_UUID })).status).toBe(400);

    const cancelled = await submit(context, url, { action: 'cancel' });
    expect(cancelled.status).toBe(303);
    expect(callbackQuery(cancelled.location)).toEqual({
      error: 'access_denied',
      error_description: expect.any(String),
      state: 'two',
    });
    expect(context.emulator.connections).toEqual([]);
  });

  it('filters the list by country and capabilities, and leaves hidden connectors out', async () => {
    const context = await setupSignedUpUser({ connectors: fixtureConnectors });
    const german = await sessionPage(context, 'connect', { connector_country: 'at' });
    expect(formsOf(german.page.text)[0]?.buttons).toEqual([`choose=${FIXTURE_GERMAN_UUID}`, 'action=cancel']);
    const transfer = await sessionPage(context, 'connect', { connector_capabilities: 'bank,transfer' });
    expect(formsOf(transfer.page.text)[0]?.buttons).toEqual([
      `choose=${FIXTURE_PAY_UUID}`,
      `choose=${TEST_CONNECTOR_UUID}`,
      'action=cancel',
    ]);
    const nothing = await sessionPage(context, 'connect', { connector_country: 'JP' });
    expect(nothing.page.text).toContain('No bank matches');
  });

  it('Decline the terms calls the app back with tos_declined, without a state when the app sent none', async () => {
    const context = await setupSignedUpUser();
    const { url } = await sessionPage(context, 'connect', { connector_uuids: TEST_CONNECTOR_UUID });
    const declined = await submit(context, url, { action: 'decline' });
    expect(callbackQuery(declined.location)).toEqual({ error: 'tos_declined', error_description: expect.any(String) });
  });

  it('shows the parameters it received, except the code', async () => {
    const context = await setupSignedUpUser();
    const { page } = await sessionPage(context, 'connect', { connector_uuids: TEST_CONNECTOR_UUID, state: 's-1' });
    const details = /<details>([\s\S]*?)<\/details>/.exec(page.text)?.[1] ?? '';
    expect(details).toContain('<summary>Parameters this page received</summary>');
    for (const name of ['domain', 'client_id', 'redirect_uri', 'connector_uuids', 'state']) {
      expect(details).toContain(`<dt><code>${name}</code></dt>`);
    }
    expect(details).toContain('<dd><code>acme-sandbox</code></dd>');
    expect(details).not.toContain('code</code></dt><dd>');
    expect(page.text).not.toMatch(/<dt><code>code<\/code>/);
  });
});

describe('the Webview: checks before a session', () => {
  it('sends a used code back to the app as session_expired', async () => {
    const context = await setupSignedUpUser();
    const code = await codeOf(context.emulator, context.token);
    expect((await openWebview(context, 'connect', { code, state: 'x' })).status).toBe(303);
    const used = await openWebview(context, 'connect', { code, state: 'x' });
    expect(used.status).toBe(302);
    expect(withoutQuery(used.location)).toBe(APP_CALLBACK);
    expect(callbackQuery(used.location)).toEqual({
      error: 'session_expired',
      error_description: expect.any(String),
      state: 'x',
    });
    const missing = await send(
      context.emulator,
      'GET',
      `/webview/manage?domain=d&client_id=${DEFAULT_CLIENT_ID}&redirect_uri=${APP_CALLBACK}`,
    );
    expect(callbackQuery(missing.location)).toEqual({
      error: 'session_expired',
      error_description: expect.any(String),
    });
  });

  it('answers an HTML error page, never a redirect, for an unknown client, a bad redirect_uri or no domain', async () => {
    const context = await setupSignedUpUser({ clients: [{ id: 'acme', secret: 's', redirectUris: [APP_CALLBACK] }] });
    const cases: Record<string, string>[] = [
      { client_id: 'nobody' },
      { client_id: 'acme', redirect_uri: 'https://elsewhere.example.test/callback' },
      { client_id: 'acme', redirect_uri: `${APP_CALLBACK}?x=1` },
      { client_id: 'acme', domain: '' },
    ];
    for (const params of cases) {
      const refused = await openWebview(context, 'connect', params);
      expect(refused.status, JSON.stringify(params)).toBe(400);
      expect(refused.location).toBeNull();
      expect(refused.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(headingOf(refused.text)).toBe('This page cannot be shown');
      expect(refused.headers.get('content-security-policy')).toContain("default-src 'none'");
    }
    expect((await openWebview(context, 'connect', { client_id: 'acme' })).status).toBe(303);
    expect(
      (await openWebview(context, 'connect', { client_id: 'acme', connector_uuids: 'not-a-connector' })).status,
    ).toBe(400);
    expect((await send(context.emulator, 'GET', '/webview/session/unknown')).status).toBe(400);
  });

  it('makes a single-use session that a reload does not use the code for again', async () => {
    const context = await setupSignedUpUser();
    const { url } = await sessionPage(context, 'connect', { connector_uuids: TEST_CONNECTOR_UUID });
    expect((await send(context.emulator, 'GET', url)).status).toBe(200);
    expect((await send(context.emulator, 'GET', url)).status).toBe(200);
    context.clock.now += 30 * 60_000;
    expect((await send(context.emulator, 'GET', url)).status).toBe(400);
  });
});

describe('the Webview: reconnect', () => {
  it('asks for credentials again with reset_credentials, and Reconnect clears the state', async () => {
    const context = await setupSignedUpUser();
    const broken = context.emulator.addConnection(context.userId, {
      connectorUuid: TEST_CONNECTOR_UUID,
      state: 'wrongpass',
    });
    const { url, page } = await sessionPage(context, 'reconnect', {
      connection_id: String(broken.id),
      reset_credentials: 'true',
      state: 'r',
    });
    expect(headingOf(page.text)).toBe('Reconnect Connecteur de test');
    expect(page.text).toContain('<code>wrongpass</code>');
    expect(page.text).toContain('name="field.password" type="password"');
    expect(formsOf(page.text)[0]?.buttons).toEqual(['action=reconnect', 'action=cancel']);
    const done = await submit(context, url, { 'field.login': '1', 'field.password': '2', action: 'reconnect' });
    expect(done.status).toBe(303);
    const callback = callbackQuery(done.location);
    expect(Object.keys(callback)).toEqual(['connection_id', 'code', 'state']);
    expect(callback).toEqual({ connection_id: String(broken.id), code: expect.any(String), state: 'r' });
    expect(context.emulator.connections[0]?.state).toBeNull();
  });

  it('shows no credential field without reset_credentials; Cancel is access_denied', async () => {
    const context = await setupSignedUpUser();
    const { id } = context.emulator.addConnection(context.userId, { connectorUuid: TEST_CONNECTOR_UUID });
    const { url, page } = await sessionPage(context, 'reconnect', { connection_id: String(id) });
    expect(page.text).not.toContain('<input');
    const cancelled = await submit(context, url, { action: 'cancel' });
    expect(callbackQuery(cancelled.location)).toEqual({
      error: 'access_denied',
      error_description: expect.any(String),
    });
  });

  it('needs a connection_id of the user', async () => {
    const context = await setupSignedUpUser();
    const other = context.emulator.createUser();
    const theirs = context.emulator.addConnection(other.id, { connectorUuid: TEST_CONNECTOR_UUID });
    const code = await codeOf(context.emulator, context.token);
    expect((await openWebview(context, 'reconnect', { code })).status).toBe(400);
    const stolen = await openWebview(context, 'reconnect', { code, connection_id: String(theirs.id) });
    expect(stolen.status).toBe(400);
    expect(stolen.location).toBeNull();
    // The refused requests did not use the code.
    const mine = context.emulator.addConnection(context.userId, { connectorUuid: TEST_CONNECTOR_UUID });
    expect((await openWebview(context, 'reconnect', { code, connection_id: String(mine.id) })).status).toBe(303);
  });
});

describe('the Webview: manage', () => {
  it('lists the user’s connections, and Delete deletes one', async () => {
    const context = await setupSignedUpUser();
    const first = context.emulator.addConnection(context.userId, { connectorUuid: TEST_CONNECTOR_UUID });
    const second = context.emulator.addConnection(context.userId, { connectorUuid: MONABANQ, state: 'SCARequired' });
    const other = context.emulator.createUser();
    context.emulator.addConnection(other.id, { connectorUuid: NICKEL });
    const { url, page } = await sessionPage(context, 'manage', { state: 'm' });
    expect(headingOf(page.text)).toBe('Manage your connections');
    expect(formsOf(page.text)[0]?.buttons).toEqual([`delete=${first.id}`, `delete=${second.id}`, 'action=done']);
    expect(page.text).not.toContain('Nickel');
    const deleted = await submit(context, url, { delete: String(second.id) });
    expect(deleted.status).toBe(303);
    expect(callbackQuery(deleted.location)).toEqual({
      connection_id: String(second.id),
      connection_deleted: 'true',
      state: 'm',
    });
    expect(context.emulator.connections.map((connection) => connection.id)).toEqual([first.id, 3]);
  });

  it('Done calls the app back with the connection it named, or with the state alone', async () => {
    const context = await setupSignedUpUser();
    const { id } = context.emulator.addConnection(context.userId, { connectorUuid: TEST_CONNECTOR_UUID });
    const one = await sessionPage(context, 'manage', { connection_id: String(id), state: 'a' });
    expect(formsOf(one.page.text)[0]?.buttons).toEqual([`delete=${id}`, 'action=done']);
    const done = await submit(context, one.url, { action: 'done' });
    expect(callbackQuery(done.location)).toEqual({ connection_id: String(id), state: 'a' });
    const all = await sessionPage(context, 'manage', { state: 'b' });
    expect(callbackQuery((await submit(context, all.url, { action: 'done' })).location)).toEqual({ state: 'b' });
    const stateless = await sessionPage(context, 'manage');
    const plain = await submit(context, stateless.url, { action: 'done' });
    expect(plain.location).toBe(APP_CALLBACK);
  });
});

describe('the pages escape what they show', () => {
  const HOSTILE = `<script>alert("x")</script> & 'quotes'`;
  const hostileConnector: Connector = {
    id: 66,
    uuid: '0b6f1c44-7a43-4c1f-9f1e-6a6d0b0f6666',
    name: HOSTILE,
    hidden: false,
    capabilities: ['bank'],
    sources: [],
    fields: [
      {
        name: 'login"><script>',
        label: `<img src=x onerror=alert(1)>`,
        type: 'list',
        required: true,
        regex: null,
        values: [{ label: '</option><script>', value: `"'><b>` }],
      },
    ],
    countries: [{ id: 'FR', name: 'France' }],
  };

  it('in the Webview, the bank page and the error pages', async () => {
    const context = await setupSignedUpUser({ connectors: [...fixtureConnectors, hostileConnector] });
    const { page } = await sessionPage(context, 'connect', {
      connector_uuids: hostileConnector.uuid,
      state: `"><script>alert(2)</script>`,
      [`${hostileConnector.uuid}.login"><script>`]: `"'><b>`,
      'x<y': 'a&b',
    });
    const start = await startWebauth(context, hostileConnector.uuid, { source: '' });
    expect(start.status).toBe(400);
    const bankStart = await startWebauth(context, hostileConnector.uuid, { state: '<script>' });
    const bank = await send(context.emulator, 'GET', bankStart.location ?? '');
    const error = await send(
      context.emulator,
      'GET',
      `/webview/connect?client_id=${encodeURIComponent('<script>alert(3)</script>')}&domain=d`,
    );
    expect(error.status).toBe(400);

    for (const html of [page.text, bank.text, error.text]) {
      expect(html).not.toMatch(/<script|<img|<b>/i);
    }
    expect(page.text).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quotes&#39;');
    expect(page.text).toContain('<label for="field-0">&lt;img src=x onerror=alert(1)&gt;</label>');
    expect(page.text).toContain(
      '<option value="&quot;&#39;&gt;&lt;b&gt;" selected>&lt;/option&gt;&lt;script&gt;</option>',
    );
    expect(page.text).toContain('<dt><code>x&lt;y</code></dt><dd><code>a&amp;b</code></dd>');
    expect(bank.text).toContain(
      '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quotes&#39; — emulated bank',
    );
    expect(error.text).toContain('&lt;script&gt;alert(3)&lt;/script&gt;');
  });
});

describe('the pages', () => {
  it('are accessible documents with a strict policy and no script', async () => {
    const context = await setupSignedUpUser();
    const { page } = await sessionPage(context, 'connect', { connector_uuids: TEST_CONNECTOR_UUID });
    const appPage = await send(context.emulator, 'GET', '/bank/app');
    for (const { text, headers } of [page, appPage]) {
      expect(text.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
      expect(text).toMatch(/<title>[^<]+<\/title>/);
      expect(text.match(/<h1>/g)).toHaveLength(1);
      expect(text).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
      expect(text).toContain('Emulated by connector-kit — nothing leaves this machine');
      expect(text).toContain('prefers-color-scheme:dark');
      expect(text).toContain(':focus-visible');
      expect(text).not.toMatch(/<script|<link|\ssrc=|\son\w+=|https?:\/\/(?!app\.example\.test|emulator\.test)/i);
      expect(headers.get('content-security-policy')).toMatch(
        /^default-src 'none'; style-src 'unsafe-inline'; form-action http:\/\/emulator\.test( https:\/\/app\.example\.test)?; frame-ancestors 'none'; base-uri 'none'$/,
      );
      expect(headers.get('x-content-type-options')).toBe('nosniff');
      expect(headers.get('cache-control')).toBe('no-store');
      expect(headers.get('referrer-policy')).toBe('no-referrer');
    }
    const labels = [...page.text.matchAll(/<label for="([^"]+)">/g)].map(([, id]) => id);
    expect(labels.length).toBeGreaterThan(0);
    for (const id of labels) expect(page.text).toContain(`id="${id}"`);
    expect(page.text).toContain('formnovalidate');
    expect(headingOf(appPage.text)).toBe('Emulated bank app');
  });
});
