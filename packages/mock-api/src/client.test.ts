/**
 * Conformance suite: every method of the core client against the emulator, through MSW and over real loopback
 * HTTP. The emulator refuses a config token on public reads, so any token leak fails these tests.
 */
import {
  type ConnectorExpand,
  ConnectorsApiError,
  type ConnectorsClientOptions,
  ConnectorsError,
  ConnectorsNetworkError,
  ConnectorsResponseError,
  createConnectorsClient,
} from '@connector-kit/core';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createEmulator, type Emulator } from './emulator.ts';
import { createConnectorsHandlers, createConnectorsHandlersFor } from './msw.ts';
import { type MockServer, startMockServer } from './server.ts';
import {
  FIXTURE_GERMAN_UUID,
  FIXTURE_HIDDEN_UUID,
  FIXTURE_PAY_UUID,
  FIXTURE_PROVIDER_UUID,
  FIXTURE_REAL_WORLD_UUID,
  FIXTURE_TEST_UUID,
  fixtureConnectors,
  realWorldConnector,
} from './test-fixtures.ts';

const TOKEN = 'emulator-config-token';
const dataset = [...fixtureConnectors, realWorldConnector];

interface Seen {
  method: string;
  path: string;
  authorization: string | null;
  language: string | null;
}

interface Target {
  baseUrl: string;
  emulator: Emulator;
  /** What the emulator received since the last reset. */
  seen: Seen[];
}

function recorder(seen: Seen[]) {
  return (request: Request) => {
    seen.push({
      method: request.method,
      path: new URL(request.url).pathname,
      authorization: request.headers.get('authorization'),
      language: request.headers.get('accept-language'),
    });
  };
}

const sorted = (values: string[]) => [...values].sort();

/** Awaits a promise that must reject, and returns its error. */
async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

function defineConformance(target: () => Target) {
  const client = (options: Partial<ConnectorsClientOptions> = {}) =>
    createConnectorsClient({ baseUrl: target().baseUrl, configToken: TOKEN, timeoutMs: 2_000, ...options });

  beforeEach(() => {
    target().emulator.reset();
    target().emulator.setFaults([]);
    target().seen.length = 0;
  });

  describe('reads', () => {
    it('listConnectors lists the visible connectors with their total', async () => {
      const page = await client().listConnectors();
      expect(sorted(page.connectors.map((connector) => connector.uuid))).toEqual(
        sorted([
          FIXTURE_TEST_UUID,
          FIXTURE_GERMAN_UUID,
          FIXTURE_PROVIDER_UUID,
          FIXTURE_PAY_UUID,
          FIXTURE_REAL_WORLD_UUID,
        ]),
      );
      expect(page.total).toBe(5);
      expect(page.connectors[0]).not.toHaveProperty('fields');
    });

    it('listConnectors sends countryCodes, idPayment and expand', async () => {
      const fr = await client().listConnectors({ countryCodes: ['FR'], expand: ['countries', 'fields'] });
      expect(sorted(fr.connectors.map((connector) => connector.uuid))).toEqual(
        sorted([FIXTURE_TEST_UUID, FIXTURE_PROVIDER_UUID, FIXTURE_REAL_WORLD_UUID]),
      );
      const test = fr.connectors.find((connector) => connector.uuid === FIXTURE_TEST_UUID);
      expect(test?.fields?.map((field) => field.name)).toEqual([
        'openapiwebsite',
        'directaccesswebsite',
        'login',
        'password',
      ]);
      expect(test?.countries).toEqual([{ id: 'FR', name: 'France' }]);
      const pay = await client().listConnectors({ idPayment: 7, countryCodes: ['FR', 'ES'] });
      expect(sorted(pay.connectors.map((connector) => connector.uuid))).toEqual(
        sorted([FIXTURE_TEST_UUID, FIXTURE_PAY_UUID]),
      );
    });

    it('listBanks and listProviders read the deprecated `banks` key', async () => {
      const banks = await client().listBanks({ countryCodes: ['DE'] });
      expect(banks.connectors.map((connector) => connector.uuid)).toEqual([FIXTURE_GERMAN_UUID]);
      expect(banks.total).toBe(1);
      const providers = await client().listProviders();
      expect(sorted(providers.connectors.map((connector) => connector.uuid))).toEqual(
        sorted([FIXTURE_TEST_UUID, FIXTURE_PROVIDER_UUID]),
      );
    });

    it('getConnector finds a connector by UUID and by id, with expand', async () => {
      const byUuid = await client().getConnector(FIXTURE_TEST_UUID, { expand: ['sources', 'payment_fields'] });
      expect(byUuid).toMatchObject({ id: 40, name: 'Connecteur de test' });
      expect(byUuid.sources?.map((source) => source.name)).toEqual(['openapi', 'directaccess']);
      expect(byUuid.payment_fields?.[0]?.values?.map((value) => value.value)).toEqual([
        'legacy',
        'redirect',
        'decoupled',
      ]);
      const byId = await client().getConnector(40);
      expect(byId.uuid).toBe(FIXTURE_TEST_UUID);
      expect(byId.sources).toBeUndefined();
      const hidden = await client().getConnector(FIXTURE_HIDDEN_UUID);
      expect(hidden.hidden).toBe(true);
    });

    it('listConnectorSources and getConnectorSource', async () => {
      const sources = await client().listConnectorSources(FIXTURE_TEST_UUID, { countryCodes: ['FR'] });
      expect(sources.map((source) => [source.id, source.name, source.priority])).toEqual([
        [101, 'openapi', 0],
        [102, 'directaccess', 2],
      ]);
      const source = await client().getConnectorSource(40, 102);
      expect(source).toMatchObject({ id_connector: 40, auth_mechanism: 'credentials', disabled: null });
    });
  });

  describe('writes', () => {
    it('updateConnector changes what the next reads return', async () => {
      const updated = await client().updateConnector(FIXTURE_GERMAN_UUID, { hidden: true });
      expect(updated).toMatchObject({ uuid: FIXTURE_GERMAN_UUID, hidden: true });
      expect((await client().getConnector(41)).hidden).toBe(true);
      const page = await client().listConnectors();
      expect(page.connectors.map((connector) => connector.uuid)).not.toContain(FIXTURE_GERMAN_UUID);
      const byId = await client().updateConnector(41, { hidden: false, sync_periodicity: 1.5 });
      expect(byId).toMatchObject({ hidden: false, sync_frequency: 1.5 });
    });

    it('batchUpdateConnectors applies every change, or none', async () => {
      await expect(
        client().batchUpdateConnectors({
          [FIXTURE_TEST_UUID]: { hidden: true },
          [FIXTURE_HIDDEN_UUID]: { hidden: false },
        }),
      ).resolves.toBeUndefined();
      expect((await client().getConnector(40)).hidden).toBe(true);
      expect((await client().getConnector(42)).hidden).toBe(false);

      const error = await failure(
        client().batchUpdateConnectors({
          [FIXTURE_PAY_UUID]: { hidden: true },
          '00000000-0000-4000-8000-000000000000': { hidden: true },
        }),
      );
      expect(error).toBeInstanceOf(ConnectorsApiError);
      expect(error).toMatchObject({ status: 404, code: 'notFound' });
      expect((await client().getConnector(FIXTURE_PAY_UUID)).hidden).toBe(false);
    });

    it('batchUpdateConnectorsByIds updates every id and answers the first connector', async () => {
      const first = await client().batchUpdateConnectorsByIds([41, 43], { hidden: true });
      expect(first).toMatchObject({ id: 41, hidden: true });
      expect((await client().getConnector(43)).hidden).toBe(true);
      const error = await failure(client().batchUpdateConnectorsByIds([44, 999], { hidden: true }));
      expect(error).toMatchObject({ status: 404, code: 'notFound' });
      expect((await client().getConnector(44)).hidden).toBe(false);
    });

    it('updateConnectorSource changes the source and the sources expand', async () => {
      const source = await client().updateConnectorSource(FIXTURE_TEST_UUID, 102, {
        auth_mechanism: 'webauth',
        disabled: '2026-07-29 19:26:59',
      });
      expect(source).toMatchObject({ id: 102, auth_mechanism: 'webauth', disabled: '2026-07-29 19:26:59' });
      const connector = await client().getConnector(40, { expand: ['sources'] });
      expect(connector.sources?.[1]).toMatchObject({ auth_mechanism: 'webauth', disabled: '2026-07-29 19:26:59' });
      await client().updateConnectorSource(40, 102, { disabled: null });
      expect((await client().getConnectorSource(40, 102)).disabled).toBeNull();
    });
  });

  describe('the config token', () => {
    it('goes on the four writes only', async () => {
      const api = client();
      await api.listConnectors();
      await api.listBanks();
      await api.listProviders();
      await api.getConnector(FIXTURE_TEST_UUID);
      await api.getConnector(40);
      await api.listConnectorSources(40);
      await api.getConnectorSource(40, 101);
      await api.updateConnector(40, { hidden: false });
      await api.batchUpdateConnectors({ [FIXTURE_TEST_UUID]: { hidden: false } });
      await api.batchUpdateConnectorsByIds([40], { hidden: false });
      await api.updateConnectorSource(40, 101, { disabled: null });
      const seen = target().seen.map((request) => [request.method, request.authorization]);
      expect(seen).toEqual([
        ...Array.from({ length: 7 }, () => ['GET', null]),
        ['PUT', `Bearer ${TOKEN}`],
        ['PATCH', `Bearer ${TOKEN}`],
        ['PUT', `Bearer ${TOKEN}`],
        ['PUT', `Bearer ${TOKEN}`],
      ]);
    });

    it('is read from an async getter', async () => {
      const api = client({ configToken: async () => TOKEN });
      await expect(api.updateConnector(40, { hidden: true })).resolves.toMatchObject({ hidden: true });
    });

    it('a wrong or missing token is a 401 unauthorized', async () => {
      const wrong = await failure(client({ configToken: 'wrong' }).updateConnector(40, { hidden: true }));
      expect(wrong).toBeInstanceOf(ConnectorsApiError);
      expect(wrong).toMatchObject({ status: 401, code: 'unauthorized', retryable: false });
      const { configToken: _omitted, ...withoutToken } = { configToken: TOKEN, baseUrl: target().baseUrl };
      const missing = await failure(
        createConnectorsClient(withoutToken).updateConnectorSource(40, 101, { disabled: null }),
      );
      expect(missing).toMatchObject({ status: 401, code: 'unauthorized' });
      expect((await client().getConnector(40)).hidden).toBe(false);
    });
  });

  describe('API errors', () => {
    it('a 404 carries the Powens error fields', async () => {
      const error = await failure(client().getConnector(999));
      expect(error).toBeInstanceOf(ConnectorsApiError);
      if (!(error instanceof ConnectorsApiError)) return;
      expect(error.kind).toBe('api');
      expect(error.status).toBe(404);
      expect(error.code).toBe('notFound');
      expect(error.description).toEqual(expect.stringContaining('999'));
      expect(error.requestId).toEqual(expect.any(Number));
      expect(error.request).toBe('GET /connectors/999');
      expect(error.retryable).toBe(false);
    });

    it('a 400 carries the Powens error fields', async () => {
      const invalidExpand = await failure(client().listConnectors({ expand: ['logos' as ConnectorExpand] }));
      expect(invalidExpand).toMatchObject({
        status: 400,
        code: 'invalidValue',
        description: expect.stringContaining('logos'),
      });
      const invalidMechanism = await failure(
        client().updateConnectorSource(40, 101, { auth_mechanism: 'credentials' }),
      );
      expect(invalidMechanism).toBeInstanceOf(ConnectorsApiError);
      expect(invalidMechanism).toMatchObject({ status: 400, code: 'invalidValue', requestId: expect.any(Number) });
      const invalidPayment = await failure(client().listConnectors({ idPayment: 'abc' }));
      expect(invalidPayment).toMatchObject({ status: 400, code: 'invalidValue' });
    });

    it('a 405 carries the Powens error fields', async () => {
      const api = client({
        fetch: (input, init) => globalThis.fetch(input, { ...init, method: 'POST' }),
      });
      const error = await failure(api.listConnectors());
      expect(error).toBeInstanceOf(ConnectorsApiError);
      expect(error).toMatchObject({ status: 405, code: 'methodNotAllowed', requestId: expect.any(Number) });
    });

    it('a 5xx or 429 is retryable', async () => {
      target().emulator.setFaults([{ kind: 'status', status: 429, times: 1 }]);
      const limited = await failure(client().listConnectors());
      expect(limited).toMatchObject({ status: 429, code: 'tooManyRequests', retryable: true });
      target().emulator.setFaults([{ kind: 'status', status: 500, route: 'update', times: 1 }]);
      const broken = await failure(client().updateConnector(40, { hidden: true }));
      expect(broken).toMatchObject({ status: 500, code: 'bug', retryable: true });
    });

    it('a 502 HTML page is an API error without a code', async () => {
      target().emulator.setFaults([{ kind: 'html' }]);
      const error = await failure(client().listConnectors());
      expect(error).toBeInstanceOf(ConnectorsApiError);
      expect(error).toMatchObject({ status: 502, code: null, description: null, requestId: null, retryable: true });
    });
  });

  describe('unusable bodies', () => {
    it('malformed JSON is a response error', async () => {
      target().emulator.setFaults([{ kind: 'malformed-json' }]);
      const error = await failure(client().listConnectors());
      expect(error).toBeInstanceOf(ConnectorsResponseError);
      expect(error).toMatchObject({ kind: 'response', status: 200 });
    });

    it('truncated JSON is a response error', async () => {
      target().emulator.setFaults([{ kind: 'truncated-json', route: 'connector' }]);
      const error = await failure(client().getConnector(40));
      expect(error).toBeInstanceOf(ConnectorsResponseError);
      await expect(client().listConnectors()).resolves.toBeDefined();
    });

    it('a list that is not an array is a response error', async () => {
      target().emulator.setFaults([{ kind: 'wrong-shape', route: 'list' }]);
      expect(await failure(client().listConnectors())).toBeInstanceOf(ConnectorsResponseError);
      target().emulator.setFaults([{ kind: 'wrong-shape', route: 'sources' }]);
      expect(await failure(client().listConnectorSources(40))).toBeInstanceOf(ConnectorsResponseError);
    });

    it('a connector without uuid or a source without id is a response error', async () => {
      target().emulator.setFaults([{ kind: 'wrong-shape', route: 'connector' }]);
      const error = await failure(client().getConnector(40));
      expect(error).toBeInstanceOf(ConnectorsResponseError);
      expect((error as Error).message).toContain('uuid');
      target().emulator.setFaults([{ kind: 'wrong-shape', route: 'source' }]);
      expect(await failure(client().getConnectorSource(40, 101))).toBeInstanceOf(ConnectorsResponseError);
    });
  });

  describe('no answer', () => {
    it('a server that never answers is a timeout', async () => {
      target().emulator.setFaults([{ kind: 'timeout' }]);
      const error = await failure(client({ timeoutMs: 50 }).listConnectors());
      expect(error).toBeInstanceOf(ConnectorsNetworkError);
      expect(error).toMatchObject({ kind: 'timeout' });
    });

    it('a network failure is a network error', async () => {
      target().emulator.setFaults([{ kind: 'network' }]);
      const error = await failure(client().getConnector(40));
      expect(error).toBeInstanceOf(ConnectorsNetworkError);
      expect(error).toMatchObject({ kind: 'network' });
    });

    it("the caller's abort passes through as an AbortError", async () => {
      target().emulator.setFaults([{ kind: 'latency', ms: 1_000 }]);
      const controller = new AbortController();
      const pending = client().listConnectors({ signal: controller.signal });
      setTimeout(() => controller.abort(), 10);
      const error = await failure(pending);
      expect(error).toMatchObject({ name: 'AbortError' });
      expect(error).not.toBeInstanceOf(ConnectorsError);
    });
  });

  it('language reaches the server as Accept-Language', async () => {
    await client({ language: 'fr' }).listConnectors();
    await client().getConnector(40);
    const [withLanguage, without] = target().seen.map((request) => request.language);
    expect(withLanguage).toBe('fr');
    // Without a language, only fetch's own default (`*` in Node) goes out.
    expect(without).not.toBe('fr');
  });

  it('a payload shaped like the real ones parses, extra keys kept', async () => {
    const page = await client().listConnectors({ countryCodes: ['FR'], expand: ['sources', 'fields', 'urls'] });
    expect(page.total).toBe(3);
    const connector = page.connectors.find((candidate) => candidate.uuid === FIXTURE_REAL_WORLD_UUID);
    expect(connector).toMatchObject({
      color: '12b2ff',
      code: '16820',
      account_usages: ['PRIV', 'ORGA', 'ASSO'],
      stability: { status: 'unstable', last_update: '2026-07-29 19:26:59' },
      categories: null,
      account_types: ['checking', 'card', 'savings', 'lifeinsurance'],
      transfer_execution_date_types: ['first_open_day', 'deferred'],
      fields: null,
      urls: null,
    });
    const [source] = await client().listConnectorSources(FIXTURE_REAL_WORLD_UUID);
    expect(source).toMatchObject({
      uuid: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d',
      fallback: false,
      capabilities: ['bank', 'transfer'],
      payment_settings: {
        maximum_amount: null,
        partial_status_tracking: null,
        bulk_execution_date_types: ['first_open_day'],
        is_app_to_app_used: { android: false, ios: null },
      },
    });
  });
}

describe('through MSW', () => {
  const seen: Seen[] = [];
  const baseUrl = 'http://emulator.test/2.0';
  const emulator = createEmulator({ connectors: dataset, onRequest: recorder(seen) });
  const server = setupServer(...createConnectorsHandlersFor(emulator, baseUrl));
  beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
  afterAll(() => server.close());

  defineConformance(() => ({ baseUrl, emulator, seen }));

  it('createConnectorsHandlers answers on any origin, under the path of its base URL', async () => {
    server.use(...createConnectorsHandlers({ connectors: dataset, baseUrl: '*/api/2.0' }));
    try {
      const api = createConnectorsClient({ baseUrl: 'https://proxy.example/api/2.0' });
      const page = await api.listConnectors({ countryCodes: ['ES'] });
      expect(page.connectors.map((connector) => connector.uuid)).toEqual([FIXTURE_PAY_UUID]);
    } finally {
      server.resetHandlers();
    }
  });
});

describe('over loopback HTTP', () => {
  const seen: Seen[] = [];
  let mock: MockServer | undefined;
  beforeAll(async () => {
    mock = await startMockServer({ port: 0, connectors: dataset, onRequest: recorder(seen) });
  });
  afterAll(async () => {
    await mock?.close();
  });

  const current = (): MockServer => {
    if (!mock) throw new Error('the mock server did not start');
    return mock;
  };

  it('listens on a free loopback port', () => {
    expect(current().url).toBe(`http://127.0.0.1:${current().port}/2.0`);
    expect(current().port).toBeGreaterThan(0);
  });

  defineConformance(() => ({ baseUrl: current().url, emulator: current().emulator, seen }));
});
