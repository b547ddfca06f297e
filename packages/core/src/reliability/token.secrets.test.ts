import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createEmulator, demoConnectors, TEST_CONNECTOR_UUID } from '@connector-kit/mock-api';
import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, type MockInstance, vi } from 'vitest';
import { type ConnectorsClient, createConnectorsClient } from '../client.ts';
import { buildFieldsSchema } from '../form/schema.ts';

/*
 * The config token goes on the four write endpoints of the configured API and nowhere else: not on a read, not to
 * another origin (a redirect, a connector's `urls`), not into a message, an error or the console. And a field
 * value that fails validation is not copied into the validation error.
 */

const TOKEN = 'cfg-5ecret-t0ken-0123456789abcdef';
const BASE = 'https://api.bank.test/2.0';

interface Seen {
  url: URL;
  method: string;
  authorization: string | null;
}

/** A client on the emulator (called in-process) that records what each request carried. */
function emulatorClient(options: { configToken?: string | (() => Promise<string>) } = {}) {
  const emulator = createEmulator({ connectors: demoConnectors, configToken: TOKEN });
  const seen: Seen[] = [];
  const client = createConnectorsClient({
    baseUrl: BASE,
    configToken: TOKEN,
    ...options,
    fetch: async (input, init) => {
      const request = new Request(input, init);
      seen.push({
        url: new URL(request.url),
        method: request.method,
        authorization: request.headers.get('authorization'),
      });
      return emulator.handle(request);
    },
  });
  return { client, seen, emulator };
}

/** Every call of the client, each with whether it is one of the four write endpoints. */
function everyCall(client: ConnectorsClient): [name: string, write: boolean, call: () => Promise<unknown>][] {
  return [
    ['listConnectors', false, () => client.listConnectors({ expand: ['countries', 'urls'] })],
    ['listBanks', false, () => client.listBanks()],
    ['listProviders', false, () => client.listProviders()],
    ['getConnector', false, () => client.getConnector(TEST_CONNECTOR_UUID, { expand: ['fields', 'sources', 'urls'] })],
    ['listConnectorSources', false, () => client.listConnectorSources(TEST_CONNECTOR_UUID)],
    ['getConnectorSource', false, () => client.getConnectorSource(TEST_CONNECTOR_UUID, 400)],
    ['updateConnector', true, () => client.updateConnector(TEST_CONNECTOR_UUID, { hidden: false })],
    ['batchUpdateConnectors', true, () => client.batchUpdateConnectors({ [TEST_CONNECTOR_UUID]: { hidden: false } })],
    ['batchUpdateConnectorsByIds', true, () => client.batchUpdateConnectorsByIds([40, 1], { hidden: false })],
    [
      'updateConnectorSource',
      true,
      () => client.updateConnectorSource(TEST_CONNECTOR_UUID, 400, { auth_mechanism: 'webauth' }),
    ],
  ];
}

/** The four write endpoints, as method and path under the API root. */
const WRITE_ENDPOINTS = [
  /^PUT \/connectors\/[^/]+$/,
  /^PATCH \/connectors$/,
  /^PUT \/connectors\/\d+(,\d+)*$/,
  /^PUT \/connectors\/[^/]+\/sources\/[^/]+$/,
];
const isWriteEndpoint = ({ method, url }: Seen) => {
  const path = url.pathname.slice(new URL(BASE).pathname.length);
  return url.origin === new URL(BASE).origin && WRITE_ENDPOINTS.some((re) => re.test(`${method} ${path}`));
};

let logged: unknown[][] = [];
let spies: MockInstance[] = [];
beforeEach(() => {
  logged = [];
  spies = (['log', 'info', 'warn', 'error', 'debug', 'trace'] as const).map((method) =>
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      logged.push(args);
    }),
  );
});
afterEach(() => {
  for (const spy of spies) spy.mockRestore();
  // Never logged, whatever the test did.
  expect(JSON.stringify(logged.map((args) => args.map(String)))).not.toContain(TOKEN);
});

/** The error a call ends in, or `undefined`. */
async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => undefined,
    (error: unknown) => error,
  );
}

/** Everything an error could show: its message, its JSON, its string form and those of its causes. */
function errorText(error: unknown): string {
  const parts: string[] = [];
  for (let current = error, depth = 0; current !== undefined && current !== null && depth < 5; depth += 1) {
    parts.push(String(current), JSON.stringify(current) ?? '');
    if (current instanceof Error) parts.push(current.message, current.stack ?? '');
    current = current instanceof Error ? current.cause : undefined;
  }
  return parts.join('\n');
}

describe('the config token', () => {
  it('goes on the four write endpoints only, from a string or a getter', async () => {
    for (const configToken of [TOKEN, async () => TOKEN]) {
      const { client, seen } = emulatorClient({ configToken });
      for (const [name, write, call] of everyCall(client)) {
        seen.length = 0;
        await call();
        expect(seen, name).toHaveLength(1);
        const [request] = seen as [Seen];
        expect(request.authorization, name).toBe(write ? `Bearer ${TOKEN}` : null);
        expect(isWriteEndpoint(request), name).toBe(write);
      }
    }
  });

  it('is refused by the emulator on a public GET, so that a leak fails the tests', async () => {
    const emulator = createEmulator({ configToken: TOKEN });
    for (const path of [
      '/connectors',
      `/connectors/${TEST_CONNECTOR_UUID}`,
      `/connectors/${TEST_CONNECTOR_UUID}/sources`,
    ]) {
      const answer = await emulator.handle(
        new Request(`https://emulator.test/2.0${path}`, { headers: { Authorization: `Bearer ${TOKEN}` } }),
      );
      expect(answer.status, path).toBe(400);
      expect(await answer.json()).toMatchObject({ code: 'invalidValue' });
    }
    // The client, told to send it on a read, fails.
    const leaky = createConnectorsClient({
      baseUrl: 'https://emulator.test/2.0',
      fetch: (input, init) =>
        emulator.handle(
          new Request(input, { ...init, headers: { ...init?.headers, Authorization: `Bearer ${TOKEN}` } }),
        ),
    });
    await expect(leaky.listConnectors()).rejects.toMatchObject({ status: 400 });
  });

  it('goes only to the configured API, whatever reference a write is given', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.constantFrom('.', '..', '', ' ', '%2e%2e', '.%2E', '../..', '../../x', '?a=1', '#x', '//evil.test', 'a/b'),
          fc.string({ maxLength: 12 }),
          fc.integer(),
        ),
        fc.oneof(fc.integer(), fc.constantFrom(0, -1, 400)),
        async (ref, sourceId) => {
          const { client, seen } = emulatorClient();
          await failure(client.updateConnector(ref, { hidden: false }));
          await failure(client.updateConnectorSource(ref, sourceId, { disabled: null }));
          await failure(client.getConnector(ref));
          for (const request of seen) {
            if (request.authorization !== null) expect(isWriteEndpoint(request), request.url.href).toBe(true);
          }
        },
      ),
      { numRuns: 300 },
    );
    // 300 emulators, each with its own copy of the dataset: seconds on a busy machine.
  }, 30_000);

  it('never follows the URLs of a connector', async () => {
    const elsewhere = 'https://evil.test/collect';
    const emulator = createEmulator({
      connectors: demoConnectors.map((c) => (c.uuid === TEST_CONNECTOR_UUID ? { ...c, urls: [elsewhere] } : c)),
      configToken: TOKEN,
    });
    const seen: URL[] = [];
    const client = createConnectorsClient({
      baseUrl: BASE,
      configToken: TOKEN,
      fetch: async (input, init) => {
        seen.push(new URL(String(input)));
        return emulator.handle(new Request(input, init));
      },
    });
    const connector = await client.getConnector(TEST_CONNECTOR_UUID, { expand: ['urls'] });
    expect(connector.urls).toEqual([elsewhere]);
    await client.updateConnector(TEST_CONNECTOR_UUID, { hidden: true });
    await client.updateConnectorSource(TEST_CONNECTOR_UUID, 400, { disabled: null });
    expect(seen.every((url) => url.origin === new URL(BASE).origin)).toBe(true);
  });

  describe('over real HTTP, with redirects to another origin', () => {
    let api: Server;
    let other: Server;
    const reached: { url: string; authorization: string | undefined }[] = [];
    const listen = (server: Server) =>
      new Promise<string>((resolve) => {
        server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`));
      });
    let apiUrl = '';
    let otherUrl = '';

    beforeAll(async () => {
      // Another origin (another port), answering like the API would.
      other = createServer((request: IncomingMessage, response) => {
        reached.push({ url: request.url ?? '', authorization: request.headers.authorization });
        request.resume();
        response.writeHead(200, { 'Content-Type': 'application/json' });
        response.end(JSON.stringify({ uuid: 'u', name: 'Somewhere else', id: 1 }));
      });
      otherUrl = await listen(other);
      // The API: every write answers with a redirect to the other origin, with the status of its path.
      api = createServer((request, response) => {
        request.resume();
        const status = Number(/\/(30\d)$/.exec(request.url ?? '')?.[1] ?? 307);
        response.writeHead(status, { Location: `${otherUrl}/steal` });
        response.end();
      });
      apiUrl = await listen(api);
    });
    afterAll(async () => {
      await Promise.all([api, other].map((server) => new Promise((resolve) => server.close(resolve))));
    });

    for (const status of [301, 302, 303, 307, 308]) {
      it(`is not sent on after a ${status}`, async () => {
        reached.length = 0;
        const client = createConnectorsClient({ baseUrl: `${apiUrl}/2.0`, configToken: TOKEN, timeoutMs: 5000 });
        const error = await failure(client.updateConnector(String(status), { hidden: true }));
        expect(reached.map((request) => request.authorization ?? null)).not.toContain(`Bearer ${TOKEN}`);
        expect(errorText(error)).not.toContain(TOKEN);
      });
    }
  });

  describe('stays out of errors', () => {
    const answering = (response: () => Response | Promise<Response>) =>
      createConnectorsClient({ baseUrl: BASE, configToken: TOKEN, fetch: async () => response(), timeoutMs: 200 });

    it.each([
      [
        'a refused token',
        () => Response.json({ code: 'unauthorized', description: 'Invalid config token' }, { status: 401 }),
      ],
      [
        'a server that echoes the token back',
        () =>
          Response.json(
            {
              code: 'unauthorized',
              description: `Invalid token "Bearer ${TOKEN}"`,
              message: `Le jeton ${TOKEN} est refusé`,
              request_id: TOKEN,
            },
            { status: 401 },
          ),
      ],
      ['an HTML page that echoes it', () => new Response(`<h1>Bad token ${TOKEN}</h1>`, { status: 502 })],
      ['a 200 whose body is not JSON and echoes it', () => new Response(`token=${TOKEN}`, { status: 200 })],
      ['a network failure', () => Promise.reject(new TypeError('fetch failed'))],
      ['a timeout', () => new Promise<Response>(() => {})],
    ])('%s', async (_, response) => {
      const client = answering(response);
      for (const call of [
        () => client.updateConnector(TEST_CONNECTOR_UUID, { hidden: true }),
        () => client.batchUpdateConnectors({ [TEST_CONNECTOR_UUID]: { hidden: true } }),
        () => client.updateConnectorSource(TEST_CONNECTOR_UUID, 400, { disabled: null }),
      ]) {
        const error = await failure(call());
        expect(error).toBeInstanceOf(Error);
        expect(errorText(error)).not.toContain(TOKEN);
      }
    });
  });
});

describe('field values that fail validation', () => {
  it('are not copied into the validation error', () => {
    const secret = 'not-6-digits:Pa55w0rd!';
    const schema = buildFieldsSchema([
      { name: 'password', type: 'password', label: 'Code secret', required: true, regex: '^\\d{6}$' },
      { name: 'pin', type: 'password', label: 'PIN', required: true, regex: '(a+)+$' },
      { name: 'birthday', type: 'date', label: 'Date', required: true },
    ]);
    const result = schema.safeParse({ password: secret, pin: `${secret}!`, birthday: `${secret}-date` });
    expect(result.success).toBe(false);
    expect(errorText(result.error)).not.toContain(secret);
    expect(JSON.stringify(result.error?.issues)).not.toContain(secret);
  });
});
