import type { Connector } from '@connector-kit/core';
import { describe, expect, it } from 'vitest';
import { demoConnectors, TEST_CONNECTOR_UUID } from './data/index.ts';
import { createEmulator, type Emulator, type EmulatorOptions } from './emulator.ts';
import {
  FIXTURE_GERMAN_UUID,
  FIXTURE_HIDDEN_UUID,
  FIXTURE_PAY_UUID,
  FIXTURE_PROVIDER_UUID,
  FIXTURE_TEST_UUID,
  fixtureConnectors,
} from './test-fixtures.ts';

const ORIGIN = 'http://emulator.test';
const TOKEN = 'emulator-config-token';

interface CallInit {
  body?: unknown;
  rawBody?: string;
  token?: string;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

function request(method: string, path: string, init: CallInit = {}): Request {
  const headers = new Headers(init.headers);
  if (init.token !== undefined) headers.set('Authorization', `Bearer ${init.token}`);
  const body = init.rawBody ?? (init.body === undefined ? undefined : JSON.stringify(init.body));
  if (body !== undefined) headers.set('Content-Type', 'application/json');
  return new Request(`${ORIGIN}${path}`, {
    method,
    headers,
    ...(body === undefined ? {} : { body }),
    ...(init.signal ? { signal: init.signal } : {}),
  });
}

interface Result {
  status: number;
  headers: Headers;
  text: string;
  // biome-ignore lint/suspicious/noExplicitAny: test assertions walk arbitrary JSON
  json: any;
}

async function call(emulator: Emulator, method: string, path: string, init?: CallInit): Promise<Result> {
  const response = await emulator.handle(request(method, path, init));
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}

function emulatorWith(options: EmulatorOptions = {}): Emulator {
  return createEmulator({ connectors: fixtureConnectors, ...options });
}

const uuids = (list: { uuid: string }[]) => list.map((connector) => connector.uuid).sort();

describe('GET /connectors', () => {
  it('lists the connectors that are not hidden, with a total, without expandable keys', async () => {
    const { status, json, headers } = await call(emulatorWith(), 'GET', '/2.0/connectors');
    expect(status).toBe(200);
    expect(headers.get('content-type')).toMatch(/^application\/json/);
    expect(uuids(json.connectors)).toEqual(
      [FIXTURE_TEST_UUID, FIXTURE_GERMAN_UUID, FIXTURE_PROVIDER_UUID, FIXTURE_PAY_UUID].sort(),
    );
    expect(json.total).toBe(4);
    for (const connector of json.connectors) {
      for (const key of ['sources', 'fields', 'payment_fields', 'countries', 'urls'])
        expect(connector).not.toHaveProperty(key);
    }
    const test = json.connectors.find((connector: Connector) => connector.uuid === FIXTURE_TEST_UUID);
    expect(test).toMatchObject({
      id: 40,
      color: '0077be',
      account_usages: ['PRIV', 'ORGA'],
      stability: { status: 'stable' },
    });
  });

  it('filters on country codes, comma-separated and case-insensitive', async () => {
    const emulator = emulatorWith();
    const fr = await call(emulator, 'GET', '/2.0/connectors?country_codes=FR');
    expect(uuids(fr.json.connectors)).toEqual([FIXTURE_TEST_UUID, FIXTURE_PROVIDER_UUID].sort());
    const several = await call(emulator, 'GET', '/2.0/connectors?country_codes=at,es');
    expect(uuids(several.json.connectors)).toEqual([FIXTURE_GERMAN_UUID, FIXTURE_PAY_UUID].sort());
    expect(several.json.total).toBe(2);
    const none = await call(emulator, 'GET', '/2.0/connectors?country_codes=JP');
    expect(none.json).toEqual({ connectors: [], total: 0 });
  });

  it('rejects a country code that is not two letters', async () => {
    const { status, json } = await call(emulatorWith(), 'GET', '/2.0/connectors?country_codes=FR,FRA');
    expect(status).toBe(400);
    expect(json.code).toBe('invalidValue');
  });

  it('keeps only the connectors with the pay product for an id_payment', async () => {
    const emulator = emulatorWith();
    const { json } = await call(emulator, 'GET', '/2.0/connectors?id_payment=12');
    expect(uuids(json.connectors)).toEqual([FIXTURE_TEST_UUID, FIXTURE_PAY_UUID].sort());
    for (const bad of ['abc', '0', '-3', '1.5', '']) {
      const answer = await call(emulator, 'GET', `/2.0/connectors?id_payment=${bad}`);
      expect(answer.status, bad).toBe(400);
      expect(answer.json.code).toBe('invalidValue');
    }
  });

  it('adds the expandable keys asked for, as the data has them', async () => {
    const { json } = await call(emulatorWith(), 'GET', '/2.0/connectors?expand=countries,fields');
    const byUuid = new Map<string, Record<string, unknown>>(json.connectors.map((c: Connector) => [c.uuid, c]));
    expect(byUuid.get(FIXTURE_TEST_UUID)?.fields).toHaveLength(4);
    expect(byUuid.get(FIXTURE_TEST_UUID)?.countries).toEqual([{ id: 'FR', name: 'France' }]);
    expect(byUuid.get(FIXTURE_TEST_UUID)).not.toHaveProperty('sources');
    expect(byUuid.get(FIXTURE_PROVIDER_UUID)?.fields).toBeNull();
    expect(byUuid.get(FIXTURE_PAY_UUID)?.fields).toEqual([]);
  });

  it('rejects an unknown expand', async () => {
    const { status, json } = await call(emulatorWith(), 'GET', '/2.0/connectors?expand=sources,logos');
    expect(status).toBe(400);
    expect(json).toMatchObject({ code: 'invalidValue', description: expect.stringContaining('logos') });
  });
});

describe('emulator.fetch', () => {
  it('answers as `handle` does, with the signature of `fetch`, detached from the emulator', async () => {
    const { fetch } = emulatorWith();
    const response = await fetch(`${ORIGIN}/2.0/connectors?country_codes=at,es`, {
      headers: { accept: 'application/json' },
    });
    expect(response.status).toBe(200);
    expect(uuids((await response.json()).connectors)).toEqual([FIXTURE_GERMAN_UUID, FIXTURE_PAY_UUID].sort());
    const refused = await fetch(new URL(`${ORIGIN}/2.0/connectors?expand=nothing`));
    expect(refused.status).toBe(400);
  });
});

describe('deprecated aliases', () => {
  it('GET /banks lists the connectors with the bank capability under `banks`', async () => {
    const { status, json } = await call(emulatorWith(), 'GET', '/2.0/banks');
    expect(status).toBe(200);
    expect(json).not.toHaveProperty('connectors');
    expect(uuids(json.banks)).toEqual([FIXTURE_TEST_UUID, FIXTURE_GERMAN_UUID, FIXTURE_PAY_UUID].sort());
    expect(json.total).toBe(3);
  });

  it('GET /providers lists the connectors with the document capability under `banks`', async () => {
    const { json } = await call(emulatorWith(), 'GET', '/2.0/providers?country_codes=BE&expand=countries');
    expect(uuids(json.banks)).toEqual([FIXTURE_PROVIDER_UUID]);
    expect(json.banks[0].countries).toHaveLength(2);
  });
});

describe('GET /connectors/{ref}', () => {
  it('finds a connector by UUID or by numeric id, hidden ones included', async () => {
    const emulator = emulatorWith();
    const byUuid = await call(emulator, 'GET', `/2.0/connectors/${FIXTURE_TEST_UUID}`);
    const byId = await call(emulator, 'GET', '/2.0/connectors/40');
    expect(byUuid.status).toBe(200);
    expect(byUuid.json).toEqual(byId.json);
    expect(byUuid.json).not.toHaveProperty('sources');
    const hidden = await call(emulator, 'GET', `/2.0/connectors/${FIXTURE_HIDDEN_UUID}`);
    expect(hidden.json).toMatchObject({ id: 42, hidden: true });
  });

  it('expands on request', async () => {
    const { json } = await call(emulatorWith(), 'GET', '/2.0/connectors/40?expand=sources,payment_fields,urls');
    expect(json.sources.map((source: { name: string }) => source.name)).toEqual(['openapi', 'directaccess']);
    expect(json.payment_fields[0].values.map((value: { value: string }) => value.value)).toEqual([
      'legacy',
      'redirect',
      'decoupled',
    ]);
    expect(json.urls).toEqual(['https://example.org/test']);
    expect(json).not.toHaveProperty('fields');
  });

  it('answers 404 notFound for an unknown connector, with an incrementing request id', async () => {
    const emulator = emulatorWith();
    const first = await call(emulator, 'GET', '/2.0/connectors/00000000-0000-4000-8000-000000000000');
    const second = await call(emulator, 'GET', '/2.0/connectors/999');
    expect(first.status).toBe(404);
    expect(first.json).toEqual({ code: 'notFound', description: expect.any(String), request_id: expect.any(Number) });
    expect(second.json.request_id).toBeGreaterThan(first.json.request_id);
  });
});

describe('routing and authentication rules', () => {
  it('answers 404 for a path outside the API', async () => {
    const emulator = emulatorWith();
    expect((await call(emulator, 'GET', '/2.0/users')).json.code).toBe('notFound');
    expect((await call(emulator, 'GET', '/2.0/connectors/40/sources/101/extra')).status).toBe(404);
    expect((await call(emulator, 'GET', '/3.0/connectors')).status).toBe(404);
  });

  it('answers 405 methodNotAllowed with an Allow header on a known path', async () => {
    const emulator = emulatorWith();
    const cases: [string, string, string][] = [
      ['POST', '/2.0/connectors', 'GET, PATCH'],
      ['DELETE', '/2.0/connectors/40', 'GET, PUT'],
      ['PUT', '/2.0/banks', 'GET'],
      ['PATCH', '/2.0/connectors/40/sources', 'GET'],
      ['DELETE', '/2.0/connectors/40/sources/101', 'GET, PUT'],
    ];
    for (const [method, path, allow] of cases) {
      const { status, json, headers } = await call(emulator, method, path, { token: TOKEN });
      expect(status, `${method} ${path}`).toBe(405);
      expect(json.code).toBe('methodNotAllowed');
      expect(headers.get('allow')).toBe(allow);
    }
  });

  it('refuses a config token on a public GET', async () => {
    const emulator = emulatorWith();
    for (const path of ['/2.0/connectors', '/2.0/banks', '/2.0/connectors/40', '/2.0/connectors/40/sources']) {
      const { status, json } = await call(emulator, 'GET', path, { token: TOKEN });
      expect(status, path).toBe(400);
      expect(json).toMatchObject({ code: 'invalidValue', description: 'config token sent on a public endpoint' });
    }
  });

  it('requires the config token on every write', async () => {
    const emulator = emulatorWith();
    const writes: [string, string, unknown][] = [
      ['PUT', '/2.0/connectors/40', { hidden: true }],
      ['PUT', '/2.0/connectors/40,41', { hidden: true }],
      ['PATCH', '/2.0/connectors', { [FIXTURE_TEST_UUID]: { hidden: true } }],
      ['PUT', '/2.0/connectors/40/sources/101', { disabled: null }],
    ];
    for (const [method, path, body] of writes) {
      const missing = await call(emulator, method, path, { body });
      expect(missing.status, `${method} ${path}`).toBe(401);
      expect(missing.json.code).toBe('unauthorized');
      const wrong = await call(emulator, method, path, { body, token: 'nope' });
      expect(wrong.status).toBe(401);
      expect(wrong.json.code).toBe('unauthorized');
    }
    expect(emulator.connectors.find((connector) => connector.id === 40)?.hidden).toBe(false);
  });

  it('accepts a configured token and base path', async () => {
    const emulator = emulatorWith({ configToken: 'secret', basePath: '/api/2.0/' });
    expect((await call(emulator, 'GET', '/api/2.0/connectors')).status).toBe(200);
    expect((await call(emulator, 'GET', '/2.0/connectors')).status).toBe(404);
    expect((await call(emulator, 'PUT', '/api/2.0/connectors/40', { body: {}, token: TOKEN })).status).toBe(401);
    expect((await call(emulator, 'PUT', '/api/2.0/connectors/40', { body: {}, token: 'secret' })).status).toBe(200);
  });

  it('reports every request it receives', async () => {
    const seen: string[] = [];
    const emulator = emulatorWith({
      onRequest: (received) => seen.push(`${received.method} ${received.headers.get('accept-language')}`),
    });
    await call(emulator, 'GET', '/2.0/connectors', { headers: { 'Accept-Language': 'de' } });
    expect(seen).toEqual(['GET de']);
  });
});

describe('PUT /connectors/{ref}', () => {
  it('changes the connector for the next reads and answers it', async () => {
    const emulator = emulatorWith();
    const put = await call(emulator, 'PUT', `/2.0/connectors/${FIXTURE_GERMAN_UUID}`, {
      token: TOKEN,
      body: { hidden: true, sync_periodicity: 2.5 },
    });
    expect(put.status).toBe(200);
    expect(put.json).toMatchObject({ uuid: FIXTURE_GERMAN_UUID, hidden: true, sync_periodicity: 2.5 });
    expect((await call(emulator, 'GET', '/2.0/connectors/41')).json.hidden).toBe(true);
    expect(uuids((await call(emulator, 'GET', '/2.0/connectors')).json.connectors)).not.toContain(FIXTURE_GERMAN_UUID);
    await call(emulator, 'PUT', '/2.0/connectors/41', { token: TOKEN, body: { hidden: false } });
    expect(uuids((await call(emulator, 'GET', '/2.0/connectors')).json.connectors)).toContain(FIXTURE_GERMAN_UUID);
  });

  it('validates the body', async () => {
    const emulator = emulatorWith();
    const bodies: [CallInit, string][] = [
      [{ body: { hidden: 'yes' } }, 'invalidValue'],
      [{ body: { sync_periodicity: '3' } }, 'invalidValue'],
      [{ body: [] }, 'invalidValue'],
      [{ rawBody: '{hidden: true' }, 'invalidValue'],
      [{ rawBody: '' }, 'missingParameter'],
    ];
    for (const [init, code] of bodies) {
      const { status, json } = await call(emulator, 'PUT', '/2.0/connectors/40', { ...init, token: TOKEN });
      expect(status, JSON.stringify(init)).toBe(400);
      expect(json.code).toBe(code);
    }
    expect(emulator.connectors.find((connector) => connector.id === 40)?.hidden).toBe(false);
  });

  it('answers 404 for an unknown connector', async () => {
    const { status, json } = await call(emulatorWith(), 'PUT', '/2.0/connectors/77', { token: TOKEN, body: {} });
    expect(status).toBe(404);
    expect(json.code).toBe('notFound');
  });
});

describe('PUT /connectors/{id1,id2,...} (deprecated batch)', () => {
  it('updates every connector and answers the first', async () => {
    const emulator = emulatorWith();
    const { status, json } = await call(emulator, 'PUT', '/2.0/connectors/41,43', {
      token: TOKEN,
      body: { hidden: true },
    });
    expect(status).toBe(200);
    expect(json).toMatchObject({ id: 41, hidden: true });
    expect(emulator.connectors.filter((connector) => connector.hidden).map((connector) => connector.id)).toEqual([
      41, 42, 43,
    ]);
  });

  it('changes nothing when an id is unknown or not numeric', async () => {
    const emulator = emulatorWith();
    const unknown = await call(emulator, 'PUT', '/2.0/connectors/41,999', { token: TOKEN, body: { hidden: true } });
    expect(unknown.status).toBe(404);
    const notNumeric = await call(emulator, 'PUT', `/2.0/connectors/41,${FIXTURE_PAY_UUID}`, {
      token: TOKEN,
      body: { hidden: true },
    });
    expect(notNumeric.status).toBe(400);
    expect(emulator.connectors.find((connector) => connector.id === 41)?.hidden).toBe(false);
  });
});

describe('PATCH /connectors', () => {
  it('applies every change and answers an empty object', async () => {
    const emulator = emulatorWith();
    const { status, json } = await call(emulator, 'PATCH', '/2.0/connectors', {
      token: TOKEN,
      body: { [FIXTURE_TEST_UUID]: { hidden: true }, [FIXTURE_HIDDEN_UUID]: { hidden: false } },
    });
    expect(status).toBe(200);
    expect(json).toEqual({});
    const listed = uuids((await call(emulator, 'GET', '/2.0/connectors')).json.connectors);
    expect(listed).toContain(FIXTURE_HIDDEN_UUID);
    expect(listed).not.toContain(FIXTURE_TEST_UUID);
  });

  it('is all-or-nothing: an unknown UUID or an invalid value changes nothing', async () => {
    const emulator = emulatorWith();
    const unknown = await call(emulator, 'PATCH', '/2.0/connectors', {
      token: TOKEN,
      body: { [FIXTURE_TEST_UUID]: { hidden: true }, '00000000-0000-4000-8000-000000000000': { hidden: true } },
    });
    expect(unknown.status).toBe(404);
    expect(unknown.json.code).toBe('notFound');
    const invalid = await call(emulator, 'PATCH', '/2.0/connectors', {
      token: TOKEN,
      body: { [FIXTURE_TEST_UUID]: { hidden: true }, [FIXTURE_PAY_UUID]: { hidden: 1 } },
    });
    expect(invalid.status).toBe(400);
    const notAnObject = await call(emulator, 'PATCH', '/2.0/connectors', { token: TOKEN, body: [FIXTURE_TEST_UUID] });
    expect(notAnObject.status).toBe(400);
    expect(emulator.connectors.find((connector) => connector.id === 40)?.hidden).toBe(false);
  });
});

describe('connector sources', () => {
  it('lists, filters and gets sources', async () => {
    const emulator = emulatorWith();
    const list = await call(emulator, 'GET', `/2.0/connectors/${FIXTURE_TEST_UUID}/sources?country_codes=FR`);
    expect(list.status).toBe(200);
    expect(list.json.sources.map((source: { id: number }) => source.id)).toEqual([101, 102]);
    expect((await call(emulator, 'GET', '/2.0/connectors/43/sources')).json).toEqual({ sources: [] });
    expect((await call(emulator, 'GET', '/2.0/connectors/40/sources?country_codes=F')).status).toBe(400);
    const one = await call(emulator, 'GET', '/2.0/connectors/40/sources/102');
    expect(one.json).toMatchObject({ id: 102, name: 'directaccess', auth_mechanism: 'credentials', priority: 2 });
    expect((await call(emulator, 'GET', '/2.0/connectors/40/sources/201')).status).toBe(404);
    expect((await call(emulator, 'GET', '/2.0/connectors/40/sources/abc')).json.code).toBe('invalidValue');
    expect((await call(emulator, 'GET', '/2.0/connectors/999/sources')).status).toBe(404);
  });

  it('updates a source, and the sources expand of its connector', async () => {
    const emulator = emulatorWith();
    const put = await call(emulator, 'PUT', '/2.0/connectors/40/sources/102', {
      token: TOKEN,
      body: { auth_mechanism: 'webauth', disabled: '2026-07-29 19:26:59' },
    });
    expect(put.status).toBe(200);
    expect(put.json).toMatchObject({ id: 102, auth_mechanism: 'webauth', disabled: '2026-07-29 19:26:59' });
    const connector = await call(emulator, 'GET', `/2.0/connectors/${FIXTURE_TEST_UUID}?expand=sources`);
    expect(connector.json.sources[1]).toMatchObject({ auth_mechanism: 'webauth', disabled: '2026-07-29 19:26:59' });
    await call(emulator, 'PUT', '/2.0/connectors/40/sources/102', { token: TOKEN, body: { disabled: null } });
    expect((await call(emulator, 'GET', '/2.0/connectors/40/sources/102')).json.disabled).toBeNull();
    const iso = await call(emulator, 'PUT', '/2.0/connectors/40/sources/102', {
      token: TOKEN,
      body: { disabled: '2026-01-31T08:00:00Z' },
    });
    expect(iso.status).toBe(200);
  });

  it('validates a source update', async () => {
    const emulator = emulatorWith();
    const bodies = [
      { auth_mechanism: 'credentials' },
      { auth_mechanism: null },
      { disabled: true },
      { disabled: 'yesterday' },
      { disabled: '2026-02-30 10:00:00' },
    ];
    for (const body of bodies) {
      const { status, json } = await call(emulator, 'PUT', '/2.0/connectors/40/sources/101', { token: TOKEN, body });
      expect(status, JSON.stringify(body)).toBe(400);
      expect(json.code).toBe('invalidValue');
    }
    expect((await call(emulator, 'GET', '/2.0/connectors/40/sources/101')).json).toMatchObject({
      auth_mechanism: 'webauth',
      disabled: null,
    });
  });
});

describe('state', () => {
  it('works on a copy of the dataset and restores it on reset', async () => {
    const emulator = emulatorWith();
    await call(emulator, 'PUT', '/2.0/connectors/40', { token: TOKEN, body: { hidden: true } });
    await call(emulator, 'PUT', '/2.0/connectors/40/sources/101', { token: TOKEN, body: { disabled: '2026-01-01' } });
    expect(emulator.connectors.find((connector) => connector.id === 40)?.hidden).toBe(true);
    expect(fixtureConnectors[0]?.hidden).toBe(false);
    expect(fixtureConnectors[0]?.sources?.[0]?.disabled).toBeNull();
    emulator.reset();
    expect(emulator.connectors.find((connector) => connector.id === 40)?.hidden).toBe(false);
    expect((await call(emulator, 'GET', '/2.0/connectors/40/sources/101')).json.disabled).toBeNull();
  });

  it('serves the demo dataset by default', async () => {
    const emulator = createEmulator();
    expect(emulator.connectors).toEqual(demoConnectors);
    expect(emulator.connectors).not.toBe(demoConnectors);
    const { json } = await call(emulator, 'GET', `/2.0/connectors/${TEST_CONNECTOR_UUID}?expand=fields,sources`);
    expect(json).toMatchObject({ id: 40, name: 'Connecteur de test' });
    expect(json.fields).toHaveLength(4);
    expect(json.sources).toHaveLength(2);
    const list = await call(emulator, 'GET', '/2.0/connectors');
    expect(list.json.total).toBe(demoConnectors.filter((connector) => connector.hidden !== true).length);
  });

  it('starts from an empty dataset when given one', async () => {
    const { json } = await call(createEmulator({ connectors: [] }), 'GET', '/2.0/connectors');
    expect(json).toEqual({ connectors: [], total: 0 });
  });
});

describe('faults', () => {
  it('latency delays the answer; the timer stops when the request aborts', async () => {
    const emulator = emulatorWith({ faults: [{ kind: 'latency', ms: 40 }] });
    const started = performance.now();
    expect((await call(emulator, 'GET', '/2.0/connectors')).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(35);

    const controller = new AbortController();
    const pending = emulator.handle(request('GET', '/2.0/connectors', { signal: controller.signal }));
    const reason = new Error('caller gave up');
    controller.abort(reason);
    await expect(pending).rejects.toBe(reason);
  });

  it('latencyMs delays every answer', async () => {
    const emulator = emulatorWith({ latencyMs: 30 });
    const started = performance.now();
    await call(emulator, 'GET', '/2.0/connectors/40');
    expect(performance.now() - started).toBeGreaterThanOrEqual(25);
  });

  it('status answers a Powens error, 500 by default, with Retry-After on 429', async () => {
    const emulator = emulatorWith({ faults: [{ kind: 'status', times: 1 }] });
    const error = await call(emulator, 'GET', '/2.0/connectors');
    expect(error.status).toBe(500);
    expect(error.json).toEqual({ code: 'bug', description: expect.any(String), request_id: expect.any(Number) });
    emulator.setFaults([{ kind: 'status', status: 429 }]);
    const limited = await call(emulator, 'GET', '/2.0/connectors');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('1');
    emulator.setFaults([{ kind: 'status', status: 401 }]);
    expect((await call(emulator, 'GET', '/2.0/connectors')).json.code).toBe('unauthorized');
    emulator.setFaults([{ kind: 'status', status: 404, code: 'connectorNotFound' }]);
    expect((await call(emulator, 'GET', '/2.0/connectors')).json.code).toBe('connectorNotFound');
  });

  it('html answers a 502 page', async () => {
    const emulator = emulatorWith({ faults: [{ kind: 'html' }] });
    const { status, headers, text } = await call(emulator, 'GET', '/2.0/connectors');
    expect(status).toBe(502);
    expect(headers.get('content-type')).toMatch(/^text\/html/);
    expect(text).toContain('<h1>502 Bad Gateway</h1>');
    emulator.setFaults([{ kind: 'html', status: 503 }]);
    const maintenance = await call(emulator, 'GET', '/2.0/connectors');
    expect(maintenance.status).toBe(503);
    expect(maintenance.text).toContain('503 Service Temporarily Unavailable');
  });

  it('malformed-json answers a JSON content type with a body that does not parse', async () => {
    const emulator = emulatorWith({ faults: [{ kind: 'malformed-json' }] });
    const { status, headers, text } = await call(emulator, 'GET', '/2.0/connectors');
    expect(status).toBe(200);
    expect(headers.get('content-type')).toMatch(/^application\/json/);
    expect(() => JSON.parse(text)).toThrow(SyntaxError);
  });

  it('truncated-json cuts the real body', async () => {
    const emulator = emulatorWith({ faults: [{ kind: 'truncated-json', times: 1 }] });
    const truncated = await call(emulator, 'GET', '/2.0/connectors/40');
    const whole = await call(emulator, 'GET', '/2.0/connectors/40');
    expect(truncated.status).toBe(200);
    expect(() => JSON.parse(truncated.text)).toThrow(SyntaxError);
    expect(whole.text.startsWith(truncated.text)).toBe(true);
    expect(truncated.text.length).toBeLessThan(whole.text.length);
  });

  it('wrong-shape breaks lists and identifiers', async () => {
    const emulator = emulatorWith({ faults: [{ kind: 'wrong-shape' }] });
    const list = await call(emulator, 'GET', '/2.0/connectors');
    expect(list.status).toBe(200);
    expect(Array.isArray(list.json.connectors)).toBe(false);
    expect(Array.isArray((await call(emulator, 'GET', '/2.0/banks')).json.banks)).toBe(false);
    expect((await call(emulator, 'GET', '/2.0/connectors/40')).json).not.toHaveProperty('uuid');
    expect(Array.isArray((await call(emulator, 'GET', '/2.0/connectors/40/sources')).json.sources)).toBe(false);
    expect((await call(emulator, 'GET', '/2.0/connectors/40/sources/101')).json).not.toHaveProperty('id');
  });

  it('timeout never answers until the request aborts', async () => {
    const emulator = emulatorWith({ faults: [{ kind: 'timeout' }] });
    const controller = new AbortController();
    let settled = false;
    const pending = emulator.handle(request('GET', '/2.0/connectors', { signal: controller.signal }));
    pending.then(
      () => {
        settled = true;
      },
      () => {
        settled = true;
      },
    );
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(settled).toBe(false);
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('network rejects with a TypeError', async () => {
    const emulator = emulatorWith({ faults: [{ kind: 'network' }] });
    await expect(emulator.handle(request('GET', '/2.0/connectors'))).rejects.toThrow(TypeError);
  });

  it('targets a route and a method, for a number of times', async () => {
    const emulator = emulatorWith({
      faults: [{ kind: 'status', status: 503, route: 'source', method: 'put', times: 2 }],
    });
    const put = () => call(emulator, 'PUT', '/2.0/connectors/40/sources/101', { token: TOKEN, body: {} });
    expect((await call(emulator, 'GET', '/2.0/connectors/40/sources/101')).status).toBe(200);
    expect((await call(emulator, 'PUT', '/2.0/connectors/40', { token: TOKEN, body: {} })).status).toBe(200);
    expect((await put()).status).toBe(503);
    expect((await put()).status).toBe(503);
    expect((await put()).status).toBe(200);
  });

  it('routes tell lists, aliases, connectors, updates and batches apart', async () => {
    const emulator = emulatorWith();
    const routes = [
      ['list', 'GET', '/2.0/connectors'],
      ['aliases', 'GET', '/2.0/providers'],
      ['connector', 'GET', '/2.0/connectors/40'],
      ['update', 'PUT', '/2.0/connectors/40'],
      ['batch', 'PUT', '/2.0/connectors/40,41'],
      ['batch', 'PATCH', '/2.0/connectors'],
      ['sources', 'GET', '/2.0/connectors/40/sources'],
      ['source', 'GET', '/2.0/connectors/40/sources/101'],
    ] as const;
    for (const [route] of routes) {
      emulator.setFaults([{ kind: 'status', status: 500, route }]);
      for (const [otherRoute, method, path] of routes) {
        const { status } = await call(emulator, method, path, method === 'GET' ? {} : { token: TOKEN, body: {} });
        expect(status, `${route} fault, ${method} ${path}`).toBe(otherRoute === route ? 500 : 200);
      }
    }
  });

  it('latency combines with another fault; reset restores the initial faults', async () => {
    const emulator = emulatorWith({ faults: [{ kind: 'status', status: 502, times: 1 }] });
    emulator.setFaults([
      { kind: 'latency', ms: 20 },
      { kind: 'html', times: 1 },
    ]);
    const started = performance.now();
    expect((await call(emulator, 'GET', '/2.0/connectors')).status).toBe(502);
    expect(performance.now() - started).toBeGreaterThanOrEqual(15);
    expect((await call(emulator, 'GET', '/2.0/connectors')).status).toBe(200);
    emulator.reset();
    expect((await call(emulator, 'GET', '/2.0/connectors')).json.code).toBe('badGateway');
    expect((await call(emulator, 'GET', '/2.0/connectors')).status).toBe(200);
  });
});
