import { connectorSchema, connectorSourceSchema } from '@connector-kit/core';
import { describe, expect, it } from 'vitest';
import { TEST_CONNECTOR_UUID } from './data/index.ts';
import {
  createEmulator,
  DEFAULT_CLIENT_ID,
  DEFAULT_CONFIG_TOKEN,
  type Emulator,
  type EmulatorRoute,
} from './emulator.ts';
import { APP_CALLBACK, buildRequest, codeOf, send } from './test-client.ts';
import { fixtureConnectors } from './test-fixtures.ts';

/* Faults on the user, connection and webauth routes behave exactly as on the connectors routes. */

interface Case {
  route: EmulatorRoute;
  method: string;
  path: (connectionId: number) => string;
  body?: unknown;
}

const CASES: readonly Case[] = [
  { route: 'auth', method: 'POST', path: () => '/2.0/auth/init' },
  { route: 'auth', method: 'GET', path: () => '/2.0/auth/token/code' },
  { route: 'connections', method: 'GET', path: () => '/2.0/users/me/connections' },
  {
    route: 'connections',
    method: 'POST',
    path: () => '/2.0/users/me/connections',
    body: { connector_uuid: TEST_CONNECTOR_UUID, login: '1', password: '2' },
  },
  { route: 'connection', method: 'GET', path: (id) => `/2.0/users/me/connections/${id}` },
  { route: 'connection', method: 'POST', path: (id) => `/2.0/users/me/connections/${id}`, body: {} },
  { route: 'connection', method: 'PUT', path: (id) => `/2.0/users/me/connections/${id}` },
  { route: 'list', method: 'GET', path: () => '/2.0/connectors' },
];

function seeded(): { emulator: Emulator; token: string; connectionId: number } {
  const emulator = createEmulator({ connectors: fixtureConnectors });
  const { id, token } = emulator.createUser();
  const connection = emulator.addConnection(id, { connectorUuid: TEST_CONNECTOR_UUID });
  return { emulator, token, connectionId: connection.id };
}

describe('faults on the new routes', () => {
  it('target auth, connections, connection and webauth, and nothing else', async () => {
    const { emulator, token, connectionId } = seeded();
    for (const target of CASES) {
      emulator.setFaults([{ kind: 'status', status: 503, route: target.route, method: target.method }]);
      for (const other of CASES) {
        const { status } = await send(emulator, other.method, other.path(connectionId), {
          ...(other.route === 'list' ? {} : { token }),
          ...(other.body === undefined ? {} : { body: other.body }),
        });
        const hit = other.route === target.route && other.method === target.method;
        expect(status, `${target.route} ${target.method} fault, ${other.method} ${other.path(connectionId)}`).toBe(
          hit ? 503 : 200,
        );
      }
    }
  });

  it('break /webauth like any route', async () => {
    const { emulator, token } = seeded();
    emulator.setFaults([{ kind: 'html', route: 'webauth', times: 1 }]);
    const url = `/2.0/webauth?${new URLSearchParams({
      client_id: DEFAULT_CLIENT_ID,
      token: await codeOf(emulator, token),
      redirect_uri: APP_CALLBACK,
      connector_uuid: TEST_CONNECTOR_UUID,
    })}`;
    const broken = await send(emulator, 'GET', url);
    expect(broken.status).toBe(502);
    expect(broken.text).toContain('502 Bad Gateway');
    expect((await send(emulator, 'GET', url)).status).toBe(302);
  });

  it('apply latency, timeouts and network failures to a connection route', async () => {
    const { emulator, token, connectionId } = seeded();
    emulator.setFaults([{ kind: 'latency', ms: 30, route: 'connection' }]);
    const started = performance.now();
    expect((await send(emulator, 'GET', `/2.0/users/me/connections/${connectionId}`, { token })).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(25);

    emulator.setFaults([{ kind: 'network', route: 'connections', times: 1 }]);
    await expect(emulator.handle(buildRequest('GET', '/2.0/users/me/connections', { token }))).rejects.toThrow(
      TypeError,
    );
    emulator.setFaults([{ kind: 'timeout', route: 'connections' }]);
    const controller = new AbortController();
    const pending = emulator.handle(
      buildRequest('GET', '/2.0/users/me/connections', { token, signal: controller.signal }),
    );
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('wrong-shape and truncated-json break a connection list', async () => {
    const { emulator, token } = seeded();
    emulator.setFaults([{ kind: 'wrong-shape', route: 'connections', times: 1 }]);
    const broken = await send(emulator, 'GET', '/2.0/users/me/connections', { token });
    expect(Array.isArray(broken.json.connections)).toBe(false);
    emulator.setFaults([{ kind: 'truncated-json', route: 'connection', times: 1 }]);
    const cut = await send(emulator, 'GET', '/2.0/users/me/connections/1', { token });
    expect(() => JSON.parse(cut.text)).toThrow(SyntaxError);
  });
});

describe('the lost-response fault', () => {
  it('creates the connection, then loses the answer like a network failure', async () => {
    const { emulator, token } = seeded();
    emulator.setFaults([{ kind: 'lost-response', route: 'connections', method: 'POST', times: 1 }]);
    const create = () =>
      emulator.handle(
        buildRequest('POST', '/2.0/users/me/connections', {
          token,
          body: { connector_uuid: TEST_CONNECTOR_UUID, login: '1', password: '2' },
        }),
      );
    await expect(create()).rejects.toThrow(TypeError);
    // The answer was lost, not the work: a client that lists before retrying finds the connection.
    const listed = await send(emulator, 'GET', '/2.0/users/me/connections', { token });
    expect(listed.json.connections.map((connection: { id: number }) => connection.id)).toEqual([1, 2]);
    const retried = await create();
    expect(retried.status).toBe(200);
    expect(emulator.connections).toHaveLength(3);
  });

  it('loses the answer of a delete after deleting', async () => {
    const { emulator, token, connectionId } = seeded();
    emulator.setFaults([{ kind: 'lost-response', route: 'connection', method: 'DELETE' }]);
    await expect(
      emulator.handle(buildRequest('DELETE', `/2.0/users/me/connections/${connectionId}`, { token })),
    ).rejects.toThrow(TypeError);
    expect(emulator.connections).toEqual([]);
  });
});

/* The `wrong-shape` fault breaks every answer it touches, whatever the objects carry besides their identifier. */

async function wrongShapeAnswer(method: string, path: string, body?: unknown) {
  const emulator = createEmulator({ faults: [{ kind: 'wrong-shape' }] });
  const response = await emulator.handle(
    new Request(`https://emulator.test/2.0${path}`, {
      method,
      ...(method === 'GET' ? {} : { headers: { Authorization: `Bearer ${DEFAULT_CONFIG_TOKEN}` } }),
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    }),
  );
  expect(response.status).toBe(200);
  return response.json();
}

describe('the wrong-shape fault', () => {
  it('takes its id from a source that also has a uuid of its own', async () => {
    const source = await wrongShapeAnswer('GET', `/connectors/${TEST_CONNECTOR_UUID}/sources/400`);
    expect(source).toHaveProperty('uuid');
    expect(source).not.toHaveProperty('id');
    expect(connectorSourceSchema.safeParse(source).success).toBe(false);

    const updated = await wrongShapeAnswer('PUT', `/connectors/${TEST_CONNECTOR_UUID}/sources/400`, { disabled: null });
    expect(connectorSourceSchema.safeParse(updated).success).toBe(false);
  });

  it('takes its uuid from a connector', async () => {
    const connector = await wrongShapeAnswer('GET', `/connectors/${TEST_CONNECTOR_UUID}?expand=sources`);
    expect(connectorSchema.safeParse(connector).success).toBe(false);
  });
});
