import { describe, expect, it } from 'vitest';
import { TEST_CONNECTOR_UUID } from './data/index.ts';
import type { EmulatorOptions } from './emulator.ts';
import { type Result, type SignedUpUser, send, setupSignedUpUser, signUp } from './test-client.ts';

const START = Date.UTC(2026, 0, 15, 9, 30, 5);
const MONABANQ = '7bf2def0-7121-5ca1-8488-4b3b4ece4705';
const NICKEL = '83393e81-6136-5aa2-9be4-f9242c34fe41';
const RESTRICTED_ING = '66bc0135-a5c8-5a8a-98a5-4683eed705de';
const WEBAUTH_ONLY = '96ff1eec-37a8-5da0-b9cb-a607467a8120';

/** The demo dataset, a clock the test moves from START, and a signed-up user. */
const setup = (options: EmulatorOptions = {}) => setupSignedUpUser(options, START);

/** Adds a connection to the test connector with the scenario `openapiwebsite` picks. */
function connectTest(
  { emulator, token }: SignedUpUser,
  scenario: string | null,
  init: { query?: string; extra?: Record<string, string>; signal?: AbortSignal } = {},
): Promise<Result> {
  return send(emulator, 'POST', `/2.0/users/me/connections${init.query ?? ''}`, {
    token,
    body: {
      connector_uuid: TEST_CONNECTOR_UUID,
      login: '12345678',
      password: 'secret',
      ...(scenario === null ? {} : { openapiwebsite: scenario }),
      ...init.extra,
    },
    ...(init.signal ? { signal: init.signal } : {}),
  });
}

const getConnection = ({ emulator, token }: SignedUpUser, id: number, query = '') =>
  send(emulator, 'GET', `/2.0/users/me/connections/${id}${query}`, { token });

const updateConnection = ({ emulator, token }: SignedUpUser, id: number, body?: unknown, query = '') =>
  send(emulator, 'POST', `/2.0/users/me/connections/${id}${query}`, { token, ...(body === undefined ? {} : { body }) });

describe('POST /users/me/connections', () => {
  it('creates a connection that syncs, in the Powens shape, with increasing ids', async () => {
    const context = await setup();
    const { status, json } = await connectTest(context, 'par');
    expect(status).toBe(200);
    expect(json).toEqual({
      id: 1,
      id_user: context.userId,
      id_connector: 40,
      connector_uuid: TEST_CONNECTOR_UUID,
      state: null,
      error: null,
      error_message: null,
      last_update: '2026-01-15 09:30:05',
      created: '2026-01-15 09:30:05',
      active: true,
      last_push: null,
      expire: null,
      next_try: null,
    });
    expect((await connectTest(context, 'pro')).json).toMatchObject({ id: 2, state: null });
    expect((await connectTest(context, null)).json).toMatchObject({ id: 3, state: null });
  });

  it('accepts a form-encoded body and the deprecated id_connector', async () => {
    const context = await setup();
    const form = await send(context.emulator, 'POST', '/2.0/users/me/connections', {
      token: context.token,
      form: { connector_uuid: MONABANQ, login: 'jean', password: 'pw' },
    });
    expect(form.status).toBe(200);
    expect(form.json.connector_uuid).toBe(MONABANQ);
    const byId = await send(context.emulator, 'POST', '/2.0/users/me/connections', {
      token: context.token,
      body: { id_connector: '40', login: '1', password: '2' },
    });
    expect(byId.json).toMatchObject({ id_connector: 40, connector_uuid: TEST_CONNECTOR_UUID });
  });

  it('refuses an unknown connector, a restricted one, a missing field and a value a list does not offer', async () => {
    const context = await setup();
    const post = (body: unknown, query = '') =>
      send(context.emulator, 'POST', `/2.0/users/me/connections${query}`, { token: context.token, body });
    const unknown = await post({ connector_uuid: '00000000-0000-4000-8000-000000000000' });
    expect(unknown.status).toBe(404);
    expect(unknown.json.code).toBe('notFound');
    const restricted = await post({ connector_uuid: RESTRICTED_ING, login: 'a', password: 'b', birthday: 'c' });
    expect(restricted.status).toBe(400);
    expect(restricted.json.code).toBe('invalidValue');
    const missing = await post({ connector_uuid: NICKEL, login: 'jean', password: '' });
    expect(missing.status).toBe(400);
    expect(missing.json).toMatchObject({ code: 'missingParameter', description: expect.stringContaining('password') });
    expect(missing.json.description).toContain('birthdate');
    const noConnector = await post({ login: 'jean' });
    expect(noConnector.json.code).toBe('missingParameter');
    const typo = await post({
      connector_uuid: TEST_CONNECTOR_UUID,
      openapiwebsite: 'wrongpas',
      login: '1',
      password: '2',
    });
    expect(typo.status).toBe(400);
    expect(typo.json.code).toBe('invalidValue');
    const badSource = await post({ connector_uuid: TEST_CONNECTOR_UUID, openapiwebsite: 'par' }, '?source=nope');
    expect(badSource.status).toBe(400);
    expect(context.emulator.connections).toEqual([]);
  });

  it('asks only for the fields of the source named in ?source=', async () => {
    const context = await setup();
    const { status, json } = await send(context.emulator, 'POST', '/2.0/users/me/connections?source=openapi', {
      token: context.token,
      body: { connector_uuid: TEST_CONNECTOR_UUID, openapiwebsite: 'par' },
    });
    expect(status).toBe(200);
    expect(json.state).toBeNull();
    const webauthOnly = await send(context.emulator, 'POST', '/2.0/users/me/connections', {
      token: context.token,
      body: { connector_uuid: WEBAUTH_ONLY },
    });
    expect(webauthOnly.json.state).toBeNull();
  });
});

describe('GET and DELETE /users/me/connections', () => {
  it('lists, gets and deletes the user’s connections; another user’s answer 404', async () => {
    const context = await setup();
    const other = await signUp(context.emulator);
    const mine = (await connectTest(context, 'par')).json;
    const theirs = context.emulator.addConnection(other.id, { connectorUuid: MONABANQ });
    const list = await send(context.emulator, 'GET', '/2.0/users/me/connections', { token: context.token });
    expect(list.status).toBe(200);
    expect(list.json).toEqual({ connections: [mine] });
    expect((await getConnection(context, mine.id)).json).toEqual(mine);
    for (const id of [theirs.id, 99, 'abc']) {
      const { status, json } = await send(context.emulator, 'GET', `/2.0/users/me/connections/${id}`, {
        token: context.token,
      });
      expect(status, String(id)).toBe(404);
      expect(json.code).toBe('notFound');
    }
    const stolen = await send(context.emulator, 'DELETE', `/2.0/users/me/connections/${theirs.id}`, {
      token: context.token,
    });
    expect(stolen.status).toBe(404);
    const deleted = await send(context.emulator, 'DELETE', `/2.0/users/me/connections/${mine.id}`, {
      token: context.token,
    });
    expect(deleted.status).toBe(204);
    expect(deleted.text).toBe('');
    expect((await getConnection(context, mine.id)).status).toBe(404);
    expect(context.emulator.connections.map((connection) => connection.id_user)).toEqual([other.id]);
  });

  it('answers 405 with Allow on a known path', async () => {
    const context = await setup();
    const patch = await send(context.emulator, 'PATCH', '/2.0/users/me/connections/1', { token: context.token });
    expect(patch.status).toBe(405);
    expect(patch.headers.get('allow')).toBe('GET, POST, PUT, DELETE');
    const put = await send(context.emulator, 'PUT', '/2.0/users/me/connections', { token: context.token });
    expect(put.headers.get('allow')).toBe('GET, POST');
    expect((await send(context.emulator, 'GET', '/2.0/users/me', { token: context.token })).status).toBe(404);
  });
});

describe('expand', () => {
  it('adds the connector, its sources and two accounts to a connection that syncs', async () => {
    const context = await setup();
    const { json } = await connectTest(context, 'par', { query: '?expand=connector,sources,accounts,all_accounts' });
    expect(json.connector).toMatchObject({ uuid: TEST_CONNECTOR_UUID, name: 'Connecteur de test' });
    expect(json.connector).not.toHaveProperty('fields');
    expect(json.sources).toEqual([
      {
        id: expect.any(Number),
        id_connection: json.id,
        id_connector_source: 400,
        name: 'openapi',
        state: null,
        last_update: '2026-01-15 09:30:05',
        disabled: null,
        created: '2026-01-15 09:30:05',
        next_try: null,
        access_expire: null,
      },
      expect.objectContaining({ id_connector_source: 401, name: 'directaccess' }),
    ]);
    expect(json.accounts).toEqual([
      {
        id: expect.any(Number),
        id_connection: json.id,
        name: expect.any(String),
        iban: expect.stringMatching(/^FR\d{12}[0-9A-Z]{11}\d{2}$/),
        balance: expect.any(Number),
        currency: { id: 'EUR' },
        type: 'checking',
      },
      expect.objectContaining({ type: 'savings', currency: { id: 'EUR' } }),
    ]);
    expect(json.all_accounts).toEqual(json.accounts);
    for (const { iban } of json.accounts) expect(ibanIsValid(iban), iban).toBe(true);
    const listed = await send(context.emulator, 'GET', '/2.0/users/me/connections?expand=accounts', {
      token: context.token,
    });
    expect(listed.json.connections[0].accounts).toEqual(json.accounts);
  });

  it('gives no account to a connection in error, and refuses an unknown expand', async () => {
    const context = await setup();
    const { json } = await connectTest(context, 'passwordexpired', { query: '?expand=accounts' });
    expect(json.accounts).toEqual([]);
    const unknown = await getConnection(context, json.id, '?expand=accounts,transactions');
    expect(unknown.status).toBe(400);
    expect(unknown.json).toMatchObject({ code: 'invalidValue', description: expect.stringContaining('transactions') });
  });
});

/** An IBAN's check: the rearranged number modulo 97 is 1. */
function ibanIsValid(iban: string): boolean {
  const rearranged = `${iban.slice(4)}${iban.slice(0, 4)}`.replace(/[A-Z]/g, (letter) =>
    String(letter.charCodeAt(0) - 55),
  );
  let remainder = 0;
  for (const digit of rearranged) remainder = (remainder * 10 + Number(digit)) % 97;
  return remainder === 1;
}

describe('the test connector’s scenarios', () => {
  it('wrongpass: 400 with the bank’s message, and no connection', async () => {
    const context = await setup();
    const { status, json } = await connectTest(context, 'wrongpass');
    expect(status).toBe(400);
    expect(json).toEqual({
      code: 'wrongpass',
      description: expect.any(String),
      message: 'Identifiant ou mot de passe incorrect.',
      request_id: expect.any(Number),
    });
    expect(context.emulator.connections).toEqual([]);
  });

  it('actionneeded and websiteunavailable: 400 without a connection', async () => {
    const context = await setup();
    const action = await connectTest(context, 'actionneeded');
    expect(action.status).toBe(400);
    expect(action.json).toMatchObject({
      code: 'actionNeeded',
      message: 'Veuillez accepter les nouvelles conditions générales sur le site de votre banque.',
    });
    const down = await connectTest(context, 'websiteunavailable');
    expect(down.status).toBe(400);
    expect(down.json.code).toBe('websiteUnavailable');
    expect(context.emulator.connections).toEqual([]);
  });

  it('otp: asks for a code; the right one syncs, a wrong one says so', async () => {
    const context = await setup();
    const created = await connectTest(context, 'otp');
    expect(created.status).toBe(200);
    expect(created.json).toMatchObject({
      state: 'additionalInformationNeeded',
      error: 'additionalInformationNeeded',
      error_message: expect.stringContaining('SMS'),
      last_update: null,
      fields: [{ name: 'otp', label: 'Code reçu par SMS', type: 'text', regex: '^\\d{6}$', required: true }],
    });
    const wrong = await updateConnection(context, created.json.id, { otp: '000000' });
    expect(wrong.status).toBe(200);
    expect(wrong.json.state).toBe('additionalInformationNeeded');
    expect(wrong.json.error_message).toMatch(/incorrect/);
    expect(wrong.json.fields).toHaveLength(1);
    const right = await updateConnection(context, created.json.id, { otp: '123456' });
    expect(right.json).toMatchObject({ state: null, error: null, error_message: null });
    expect(right.json).not.toHaveProperty('fields');
  });

  it('decoupled: approved by the bank app after decoupledApprovalMs, then resumed', async () => {
    const context = await setup({ decoupledApprovalMs: 60_000 });
    const { json } = await connectTest(context, 'decoupled');
    expect(json).toMatchObject({
      state: 'decoupled',
      error_message: 'Validez la connexion dans votre application bancaire.',
    });
    context.clock.now += 30_000;
    const early = await updateConnection(context, json.id, { resume: 'true' });
    expect(early.status).toBe(200);
    expect(early.json.state).toBe('decoupled');
    expect((await getConnection(context, json.id)).json.state).toBe('decoupled');
    context.clock.now += 30_000;
    expect((await getConnection(context, json.id)).json.state).toBeNull();
    const resumed = await updateConnection(context, json.id, { resume: true });
    expect(resumed.json).toMatchObject({ state: null, error_message: null });
  });

  it('decoupled: approved at once through the control route, as a script or the bank app page', async () => {
    const context = await setup();
    const first = (await connectTest(context, 'decoupled')).json;
    const second = (await connectTest(context, 'decoupled')).json;
    const page = await send(context.emulator, 'GET', '/bank/app');
    expect(page.status).toBe(200);
    expect(page.text).toContain(`action="/bank/app/approve/${first.id}"`);
    expect(page.text).toContain(`action="/bank/app/approve/${second.id}"`);

    const script = await send(context.emulator, 'POST', `/bank/app/approve/${first.id}`);
    expect(script.status).toBe(204);
    expect((await getConnection(context, first.id)).json.state).toBeNull();
    const browser = await send(context.emulator, 'POST', `/bank/app/approve/${second.id}`, {
      headers: { Accept: 'text/html,application/xhtml+xml' },
    });
    expect(browser.status).toBe(303);
    expect(browser.location).toBe('http://emulator.test/bank/app');
    expect((await updateConnection(context, second.id, { resume: 'true' })).json.state).toBeNull();

    const again = await send(context.emulator, 'POST', `/bank/app/approve/${first.id}`);
    expect(again.status).toBe(409);
    expect((await send(context.emulator, 'POST', '/bank/app/approve/999')).status).toBe(404);
    expect((await send(context.emulator, 'GET', '/bank/app')).text).toContain('Nothing to approve');
  });

  it('scarequired, passwordexpired and ratelimiting: the connection is kept in that state', async () => {
    const context = await setup();
    const sca = await connectTest(context, 'scarequired');
    expect(sca.json).toMatchObject({ state: 'SCARequired', error: 'SCARequired' });
    expect(sca.json).not.toHaveProperty('fields');
    const expired = await connectTest(context, 'passwordexpired');
    expect(expired.json).toMatchObject({ state: 'passwordExpired', error_message: expect.stringMatching(/expiré/) });
    const limited = await connectTest(context, 'ratelimiting');
    expect(limited.json.state).toBe('rateLimiting');
    expect((await updateConnection(context, sca.json.id)).json.state).toBe('SCARequired');
    expect((await updateConnection(context, limited.json.id)).json.state).toBe('rateLimiting');
  });

  it('validating: shows validating for validatingPolls GETs, then the outcome', async () => {
    const context = await setup({ validatingPolls: 3 });
    const { json } = await connectTest(context, 'validating');
    expect(json.state).toBe('validating');
    for (let poll = 0; poll < 3; poll++) {
      expect((await getConnection(context, json.id)).json.state, `poll ${poll}`).toBe('validating');
    }
    expect((await getConnection(context, json.id)).json.state).toBeNull();

    const listed = (await connectTest(context, 'validating')).json;
    const list = () => send(context.emulator, 'GET', '/2.0/users/me/connections', { token: context.token });
    await list();
    await list();
    await list();
    const polled = (await list()).json.connections.find((connection: { id: number }) => connection.id === listed.id);
    expect(polled.state).toBeNull();
  });

  it('slow: answers after slowScenarioMs, and gives up when the request aborts', async () => {
    const context = await setup({ slowScenarioMs: 40 });
    const started = performance.now();
    const slow = await connectTest(context, 'slow');
    expect(slow.json.state).toBeNull();
    expect(performance.now() - started).toBeGreaterThanOrEqual(35);

    const controller = new AbortController();
    const pending = connectTest(context, 'slow', { signal: controller.signal });
    const reason = new Error('the user left');
    setTimeout(() => controller.abort(reason), 5);
    await expect(pending).rejects.toBe(reason);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(context.emulator.connections).toHaveLength(1);
  });

  it('any other connector just succeeds', async () => {
    const context = await setup();
    const { json } = await send(context.emulator, 'POST', '/2.0/users/me/connections', {
      token: context.token,
      body: { connector_uuid: MONABANQ, login: 'wrongpass', password: 'otp' },
    });
    expect(json.state).toBeNull();
  });
});

describe('POST /users/me/connections/{id}', () => {
  it('asks again for the credentials of a wrongpass connection, and new ones sync', async () => {
    const context = await setup();
    const seeded = context.emulator.addConnection(context.userId, {
      connectorUuid: TEST_CONNECTOR_UUID,
      state: 'wrongpass',
    });
    expect(seeded.fields?.map((field) => field.name)).toEqual(['login', 'password']);
    expect(seeded.error_message).toBe('Identifiant ou mot de passe incorrect.');
    const sync = await updateConnection(context, seeded.id);
    expect(sync.json.state).toBe('wrongpass');
    const loginOnly = await updateConnection(context, seeded.id, { login: '87654321' });
    expect(loginOnly.json.state).toBe('wrongpass');
    const renewed = await updateConnection(context, seeded.id, { login: '87654321', password: 'new' });
    expect(renewed.json).toMatchObject({ state: null, last_update: '2026-01-15 09:30:05' });
    expect(renewed.json).not.toHaveProperty('fields');
  });

  it('replays the scenario the test connector’s openapiwebsite picks', async () => {
    const context = await setup();
    const { json } = await connectTest(context, 'par');
    const refused = await updateConnection(context, json.id, { openapiwebsite: 'wrongpass' });
    expect(refused.status).toBe(400);
    expect(refused.json.code).toBe('wrongpass');
    expect((await getConnection(context, json.id)).json).toMatchObject({
      state: 'wrongpass',
      fields: expect.any(Array),
    });
    const otp = await updateConnection(context, json.id, { openapiwebsite: 'otp', login: '1', password: '2' });
    expect(otp.json.state).toBe('additionalInformationNeeded');
  });

  it('with ?background answers validating at once, and the outcome shows after the polls', async () => {
    const context = await setup({ validatingPolls: 1 });
    const { json } = await connectTest(context, 'otp');
    const background = await updateConnection(context, json.id, { otp: '123456' }, '?background=true');
    expect(background.status).toBe(200);
    expect(background.json.state).toBe('validating');
    expect((await getConnection(context, json.id)).json.state).toBe('validating');
    expect((await getConnection(context, json.id)).json.state).toBeNull();

    const refused = await updateConnection(context, json.id, { openapiwebsite: 'wrongpass' }, '?background');
    expect(refused.status).toBe(200);
    expect(refused.json.state).toBe('validating');
    await getConnection(context, json.id);
    expect((await getConnection(context, json.id)).json.state).toBe('wrongpass');

    const foreground = await updateConnection(context, json.id, { login: '1', password: '2' }, '?background=false');
    expect(foreground.json.state).toBeNull();
  });
});

describe('PUT /users/me/connections/{id}', () => {
  it('syncs: a connection that syncs gets a new last_update, the others keep their state', async () => {
    const context = await setup();
    const fine = (await connectTest(context, 'par')).json;
    const limited = (await connectTest(context, 'ratelimiting')).json;
    context.clock.now += 3_600_000;
    const synced = await send(context.emulator, 'PUT', `/2.0/users/me/connections/${fine.id}`, {
      token: context.token,
    });
    expect(synced.json).toMatchObject({ state: null, last_update: '2026-01-15 10:30:05', created: fine.created });
    const kept = await send(context.emulator, 'PUT', `/2.0/users/me/connections/${limited.id}?psu_requested=false`, {
      token: context.token,
    });
    expect(kept.json).toMatchObject({ state: 'rateLimiting', last_update: null });
    const bad = await send(context.emulator, 'PUT', `/2.0/users/me/connections/${fine.id}?psu_requested=maybe`, {
      token: context.token,
    });
    expect(bad.status).toBe(400);
  });
});

describe('the emulator’s connection methods', () => {
  it('seed users and connections, change states, approve, and reset forgets them', async () => {
    const context = await setup();
    const user = context.emulator.createUser({ permanent: false });
    const seeded = context.emulator.addConnection(user.id, {
      connectorUuid: TEST_CONNECTOR_UUID,
      state: 'SCARequired',
    });
    expect(seeded).toMatchObject({ id_user: user.id, state: 'SCARequired' });
    expect(
      (await send(context.emulator, 'GET', `/2.0/users/me/connections/${seeded.id}`, { token: user.token })).json,
    ).toEqual(seeded);
    expect(context.emulator.setConnectionState(seeded.id, 'bug', 'Boom')).toMatchObject({
      state: 'bug',
      error_message: 'Boom',
    });
    expect(context.emulator.setConnectionState(seeded.id, 'somethingNew')).toMatchObject({
      state: 'somethingNew',
      error_message: null,
    });
    context.emulator.setConnectionState(seeded.id, 'decoupled');
    expect(() => context.emulator.addConnection(999, { connectorUuid: TEST_CONNECTOR_UUID })).toThrow();
    expect(() => context.emulator.approveDecoupled(999)).toThrow();
    context.emulator.approveDecoupled(seeded.id);
    expect(() => context.emulator.approveDecoupled(seeded.id)).toThrow();
    expect(context.emulator.connections).toEqual([expect.objectContaining({ id: seeded.id, state: null })]);
    context.emulator.reset();
    expect(context.emulator.connections).toEqual([]);
    expect((await send(context.emulator, 'GET', '/2.0/users/me/connections', { token: context.token })).status).toBe(
      401,
    );
  });
});
