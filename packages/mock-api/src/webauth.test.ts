import { describe, expect, it } from 'vitest';
import { TEST_CONNECTOR_UUID } from './data/index.ts';
import { DEFAULT_CLIENT_ID, type Emulator } from './emulator.ts';
import {
  APP_CALLBACK,
  callbackQuery,
  codeOf,
  formsOf,
  headingOf,
  ORIGIN,
  type Result,
  send,
  setupSignedUpUser,
  startWebauth,
  withoutQuery,
} from './test-client.ts';

function webauth(emulator: Emulator, params: Record<string, string>): Promise<Result> {
  return send(emulator, 'GET', `/2.0/webauth?${new URLSearchParams(params)}`);
}

describe('GET /webauth', () => {
  it('sends the user to the emulated bank, whose Approve creates the connection and calls the app back', async () => {
    const context = await setupSignedUpUser();
    const start = await startWebauth(context, TEST_CONNECTOR_UUID, { source: 'openapi', state: 'opaque-42' });
    expect(start.status).toBe(302);
    expect(withoutQuery(start.location)).toBe(`${ORIGIN}/bank/authorize`);
    expect(callbackQuery(start.location).session).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const bank = await send(context.emulator, 'GET', start.location ?? '');
    expect(bank.status).toBe(200);
    expect(bank.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(headingOf(bank.text)).toBe('Connecteur de test — emulated bank');
    expect(bank.text).toContain('<strong>connector-kit demo</strong> wants to connect to your accounts.');
    expect(bank.text).toContain('Source: <code>openapi</code>');
    const [form] = formsOf(bank.text);
    expect(form?.method).toBe('post');
    expect(form?.buttons).toEqual(['decision=approve', 'decision=deny']);
    expect(bank.text).toMatch(/<button type="submit" name="decision" value="approve">Approve<\/button>/);
    expect(bank.text).toMatch(/>Deny<\/button>/);

    const approved = await send(context.emulator, 'POST', `${ORIGIN}${form?.action}`, {
      form: { decision: 'approve' },
    });
    expect(approved.status).toBe(303);
    expect(withoutQuery(approved.location)).toBe(APP_CALLBACK);
    expect(callbackQuery(approved.location)).toEqual({ id_connection: '1', state: 'opaque-42' });
    expect(context.emulator.connections).toEqual([
      expect.objectContaining({ id: 1, id_user: context.userId, connector_uuid: TEST_CONNECTOR_UUID, state: null }),
    ]);

    const reused = await send(context.emulator, 'POST', `${ORIGIN}${form?.action}`, { form: { decision: 'approve' } });
    expect(reused.status).toBe(400);
    expect(reused.headers.get('content-type')).toMatch(/^text\/html/);
    expect(reused.location).toBeNull();
    expect(reused.text).toContain('already used');
    expect((await send(context.emulator, 'GET', start.location ?? '')).status).toBe(400);
    expect(context.emulator.connections).toHaveLength(1);
  });

  it('clears an SCARequired connection through id_connection', async () => {
    const context = await setupSignedUpUser();
    const seeded = context.emulator.addConnection(context.userId, {
      connectorUuid: TEST_CONNECTOR_UUID,
      state: 'SCARequired',
    });
    const start = await webauth(context.emulator, {
      client_id: DEFAULT_CLIENT_ID,
      token: await codeOf(context.emulator, context.token),
      redirect_uri: APP_CALLBACK,
      id_connection: String(seeded.id),
      state: 's',
    });
    expect(start.status).toBe(302);
    const bank = await send(context.emulator, 'GET', start.location ?? '');
    expect(bank.text).toContain('wants to renew its access to your accounts');
    const approved = await send(context.emulator, 'POST', start.location ?? '', { form: { decision: 'approve' } });
    expect(callbackQuery(approved.location)).toEqual({ id_connection: String(seeded.id), state: 's' });
    expect(context.emulator.connections).toEqual([expect.objectContaining({ id: seeded.id, state: null })]);
  });

  it('Deny calls the app back with access_denied, and a callback leaves out the state the app did not send', async () => {
    const context = await setupSignedUpUser();
    const withState = await startWebauth(context, TEST_CONNECTOR_UUID, { state: 'xyz' });
    const denied = await send(context.emulator, 'POST', withState.location ?? '', { form: { decision: 'deny' } });
    expect(denied.status).toBe(303);
    expect(callbackQuery(denied.location)).toEqual({
      error: 'access_denied',
      error_description: expect.any(String),
      state: 'xyz',
    });
    const stateless = await startWebauth(context, TEST_CONNECTOR_UUID);
    const approved = await send(context.emulator, 'POST', stateless.location ?? '', { form: { decision: 'approve' } });
    expect(callbackQuery(approved.location)).toEqual({ id_connection: '1' });
    expect(context.emulator.connections).toHaveLength(1);
  });

  it('sends a used, unknown or expired code back to the app as session_expired', async () => {
    const context = await setupSignedUpUser();
    const code = await codeOf(context.emulator, context.token);
    const params = {
      client_id: DEFAULT_CLIENT_ID,
      token: code,
      redirect_uri: APP_CALLBACK,
      connector_uuid: TEST_CONNECTOR_UUID,
      state: 'st',
    };
    expect((await webauth(context.emulator, params)).status).toBe(302);
    const used = await webauth(context.emulator, params);
    expect(used.status).toBe(302);
    expect(withoutQuery(used.location)).toBe(APP_CALLBACK);
    expect(callbackQuery(used.location)).toEqual({
      error: 'session_expired',
      error_description: expect.any(String),
      state: 'st',
    });
    const unknown = await webauth(context.emulator, { ...params, token: 'made-up' });
    expect(callbackQuery(unknown.location).error).toBe('session_expired');
    const late = await codeOf(context.emulator, context.token);
    context.clock.now += 30 * 60_000;
    expect(callbackQuery((await webauth(context.emulator, { ...params, token: late })).location).error).toBe(
      'session_expired',
    );
  });

  it('answers 400 without redirecting for an unknown client or a redirect_uri it must not send a user to', async () => {
    const context = await setupSignedUpUser({
      clients: [{ id: 'acme', secret: 's', redirectUris: ['https://acme.example.test/back'] }],
    });
    const code = await codeOf(context.emulator, context.token);
    const base = { client_id: 'acme', token: code, connector_uuid: TEST_CONNECTOR_UUID };
    const refused = [
      { ...base, client_id: 'nobody', redirect_uri: 'https://acme.example.test/back' },
      { ...base, redirect_uri: 'https://evil.example.test/back' },
      { ...base, redirect_uri: 'https://acme.example.test/back?next=1' },
      { ...base, redirect_uri: 'https://acme.example.test/back#top' },
      { ...base, redirect_uri: '/back' },
      { ...base, redirect_uri: 'javascript:alert(1)' },
      { ...base },
    ];
    for (const params of refused) {
      const { status, location, json } = await webauth(context.emulator, params);
      expect(status, JSON.stringify(params)).toBe(400);
      expect(location).toBeNull();
      expect(json).toEqual({
        code: expect.any(String),
        description: expect.any(String),
        request_id: expect.any(Number),
      });
    }
    const accepted = await webauth(context.emulator, { ...base, redirect_uri: 'https://acme.example.test/back' });
    expect(accepted.status).toBe(302);
    expect(withoutQuery(accepted.location)).toBe(`${ORIGIN}/bank/authorize`);
  });

  it('asks for exactly one of connector_uuid and id_connection, and only the user’s connection', async () => {
    const context = await setupSignedUpUser();
    const other = context.emulator.createUser();
    const theirs = context.emulator.addConnection(other.id, { connectorUuid: TEST_CONNECTOR_UUID });
    const code = await codeOf(context.emulator, context.token);
    const base = { client_id: DEFAULT_CLIENT_ID, token: code, redirect_uri: APP_CALLBACK };
    const both = await webauth(context.emulator, {
      ...base,
      connector_uuid: TEST_CONNECTOR_UUID,
      id_connection: String(theirs.id),
    });
    expect(both.status).toBe(400);
    expect((await webauth(context.emulator, base)).status).toBe(400);
    const stolen = await webauth(context.emulator, { ...base, id_connection: String(theirs.id) });
    expect(stolen.status).toBe(404);
    expect(stolen.location).toBeNull();
    const unknownConnector = await webauth(context.emulator, {
      ...base,
      connector_uuid: '00000000-0000-4000-8000-000000000000',
    });
    expect(unknownConnector.status).toBe(404);
    // The code was not used by the refused requests.
    expect((await webauth(context.emulator, { ...base, connector_uuid: TEST_CONNECTOR_UUID })).status).toBe(302);
  });

  it('lets a bank session live 10 minutes', async () => {
    const context = await setupSignedUpUser();
    const start = await startWebauth(context, TEST_CONNECTOR_UUID);
    context.clock.now += 10 * 60_000;
    const late = await send(context.emulator, 'POST', start.location ?? '', { form: { decision: 'approve' } });
    expect(late.status).toBe(400);
    expect(late.text).toContain('expired');
    expect((await send(context.emulator, 'GET', '/bank/authorize?session=nope')).status).toBe(400);
    expect(context.emulator.connections).toEqual([]);
  });

  it('serves the bank page with a strict Content-Security-Policy and no script', async () => {
    const context = await setupSignedUpUser();
    const start = await startWebauth(context, TEST_CONNECTOR_UUID);
    const bank = await send(context.emulator, 'GET', start.location ?? '');
    expect(bank.headers.get('content-security-policy')).toBe(
      `default-src 'none'; style-src 'unsafe-inline'; form-action ${ORIGIN} https://app.example.test; frame-ancestors 'none'; base-uri 'none'`,
    );
    expect(bank.headers.get('x-content-type-options')).toBe('nosniff');
    expect(bank.headers.get('cache-control')).toBe('no-store');
    expect(bank.headers.get('referrer-policy')).toBe('no-referrer');
    expect(start.headers.get('referrer-policy')).toBe('no-referrer');
    expect(bank.text).not.toMatch(/<script|<link|<img|\ssrc=|\son\w+=/i);
  });
});
