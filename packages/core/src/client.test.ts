import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createEmulator, demoConnectors, TEST_CONNECTOR_UUID } from '@connector-kit/mock-api';
import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { assertProperty } from '../../../test/reliability.ts';
import { captureConsole, errorText } from '../../../test/secrets.ts';
import { type ConnectorsClient, createConnectorsClient, resolveBaseUrl } from './client.ts';
import { ConnectorsApiError, ConnectorsError, ConnectorsNetworkError, isRetryableError } from './errors.ts';

const QUERY_OR_FRAGMENT = '`baseUrl` must not have a query or a fragment: give the API root only';

interface Seen {
  url: URL;
  method: string;
  headers: Headers;
  body: string | undefined;
}

/** A fetch that records each request and answers with the given body. */
function recordingFetch(answer: (seen: Seen) => Response = () => Response.json({ connectors: [] })) {
  const seen: Seen[] = [];
  const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = { url: new URL(String(input)), method: init?.method ?? 'GET', headers: new Headers(init?.headers) };
    const entry = { ...request, body: typeof init?.body === 'string' ? init.body : undefined };
    seen.push(entry);
    return answer(entry);
  });
  return { fetch: fetch as unknown as typeof globalThis.fetch, seen };
}

describe('resolveBaseUrl', () => {
  it.each([
    ['acme-sandbox', 'https://acme-sandbox.biapi.pro/2.0'],
    ['acme-sandbox.biapi.pro', 'https://acme-sandbox.biapi.pro/2.0'],
    ['ACME.biapi.pro', 'https://acme.biapi.pro/2.0'],
  ])('turns the domain %s into %s', (domain, expected) => {
    expect(resolveBaseUrl({ domain })).toBe(expected);
  });

  it('lets baseUrl win over domain and drops trailing slashes', () => {
    expect(resolveBaseUrl({ domain: 'acme', baseUrl: 'http://127.0.0.1:4010/2.0/' })).toBe('http://127.0.0.1:4010/2.0');
  });

  it.each(['', 'acme/../evil', 'evil.com/x', 'a b', 'acme.example.com', '-acme'])('refuses the domain %j', (domain) => {
    expect(() => resolveBaseUrl({ domain })).toThrow(TypeError);
  });

  it.each(['https://x/2.0?a=1', 'https://x/2.0#x', 'https://x/2.0?', 'https://x/2.0#', 'https://x/2.0/?a=1#x'])(
    'refuses the base URL %j, which has a query or a fragment',
    (baseUrl) => {
      expect(() => resolveBaseUrl({ baseUrl })).toThrow(new TypeError(QUERY_OR_FRAGMENT));
      expect(() => createConnectorsClient({ baseUrl, domain: 'acme' })).toThrow(new TypeError(QUERY_OR_FRAGMENT));
    },
  );
});

describe('createConnectorsClient', () => {
  it('sends expand and country codes comma-separated, and the language', async () => {
    const { fetch, seen } = recordingFetch();
    const client = createConnectorsClient({ baseUrl: 'https://api.test/2.0', fetch, language: 'fr' });
    await client.listConnectors({ countryCodes: ['FR', 'BE'], expand: ['fields', 'countries'], idPayment: 12 });
    const request = seen[0];
    expect(request?.url.pathname).toBe('/2.0/connectors');
    expect(request?.url.searchParams.get('country_codes')).toBe('FR,BE');
    expect(request?.url.searchParams.get('expand')).toBe('fields,countries');
    expect(request?.url.searchParams.get('id_payment')).toBe('12');
    expect(request?.headers.get('accept-language')).toBe('fr');
  });

  it('sends the config token on writes only, from a string or an async getter', async () => {
    const connector = { uuid: 'u-1', id: 1, name: 'Bank' };
    const { fetch, seen } = recordingFetch((request) =>
      request.url.pathname.endsWith('/sources/3')
        ? Response.json({ id: 3, name: 'openapi' })
        : Response.json(request.method === 'GET' ? { connectors: [connector] } : connector),
    );
    const getter = vi.fn(async () => 'secret-token');
    const client = createConnectorsClient({ baseUrl: 'https://api.test/2.0', fetch, configToken: getter });

    await client.listConnectors();
    await client.updateConnector('u-1', { hidden: true });
    await client.batchUpdateConnectors({ 'u-1': { hidden: false } });
    await client.batchUpdateConnectorsByIds([1, 2], { hidden: true });
    await client.updateConnectorSource('u-1', 3, { disabled: null });

    const withToken = seen.filter((request) => request.headers.get('authorization') === 'Bearer secret-token');
    expect(withToken.map((request) => request.method)).toEqual(['PUT', 'PATCH', 'PUT', 'PUT']);
    expect(seen[0]?.headers.has('authorization')).toBe(false);
    expect(getter).toHaveBeenCalledTimes(4);
  });

  it('never puts the token in a URL or an error message', async () => {
    const { fetch, seen } = recordingFetch(() =>
      Response.json({ code: 'unauthorized', description: 'bad token' }, { status: 401 }),
    );
    const client = createConnectorsClient({ baseUrl: 'https://api.test/2.0', fetch, configToken: 'secret-token' });
    const error = await client.updateConnector('u-1', { hidden: true }).catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(ConnectorsApiError);
    expect(String((error as Error).message)).not.toContain('secret-token');
    expect(JSON.stringify(error)).not.toContain('secret-token');
    expect(seen[0]?.url.href).not.toContain('secret-token');
  });

  it('encodes path segments so a reference cannot change the route', async () => {
    const { fetch, seen } = recordingFetch(() => Response.json({ uuid: 'x', name: 'x' }));
    const client = createConnectorsClient({ baseUrl: 'https://api.test/2.0', fetch });
    await client.getConnector('../banks?x=1');
    expect(seen[0]?.url.pathname).toBe('/2.0/connectors/..%2Fbanks%3Fx%3D1');
  });

  it.each(['\uD800', '\uDC00', 'u-\uD83D-1', '\uDE00\uD83D'])(
    'rejects the reference %j, which has a lone surrogate, like any bad reference: no throw, no request',
    async (connector) => {
      const { fetch, seen } = recordingFetch();
      const configToken = vi.fn(async () => 'secret-token');
      const client = createConnectorsClient({ baseUrl: 'https://api.test/2.0', fetch, configToken });
      const calls: [string, () => Promise<unknown>][] = [
        ['GET', () => client.getConnector(connector)],
        ['PUT', () => client.updateConnector(connector, { hidden: true })],
        ['GET', () => client.listConnectorSources(connector)],
        ['GET', () => client.getConnectorSource(connector, 3)],
        ['PUT', () => client.updateConnectorSource(connector, 3, { disabled: null })],
      ];
      for (const [method, call] of calls) {
        let pending: Promise<unknown> | undefined;
        expect(() => {
          pending = call();
        }).not.toThrow();
        const error = await pending?.then(
          () => undefined,
          (reason: unknown) => reason,
        );
        expect(error).toBeInstanceOf(TypeError);
        expect((error as Error).message).toMatch(
          new RegExp(`^${method} /connectors/.*: not a valid connector or source reference$`),
        );
      }
      // The same error as for an empty reference.
      const empty = await client.getConnector('').catch((reason: unknown) => reason);
      const lone = await client.getConnector(connector).catch((reason: unknown) => reason);
      expect(lone).toEqual(empty);
      expect(seen).toHaveLength(0);
      expect(configToken).not.toHaveBeenCalled();
    },
  );

  it('reads the deprecated `banks` key and the total', async () => {
    const { fetch } = recordingFetch(() => Response.json({ banks: [{ uuid: 'b', name: 'B' }], total: 1 }));
    const client = createConnectorsClient({ baseUrl: 'https://api.test/2.0', fetch });
    await expect(client.listBanks()).resolves.toMatchObject({ connectors: [{ uuid: 'b' }], total: 1 });
  });

  it('refuses a batch by ids without integer ids, before any request', async () => {
    const { fetch, seen } = recordingFetch();
    const client = createConnectorsClient({ baseUrl: 'https://api.test/2.0', fetch });
    await expect(client.batchUpdateConnectorsByIds([], { hidden: true })).rejects.toThrow(TypeError);
    await expect(client.batchUpdateConnectorsByIds([1.5], { hidden: true })).rejects.toThrow(TypeError);
    await expect(client.batchUpdateConnectorsByIds([0, -3], { hidden: true })).rejects.toThrow(TypeError);
    expect(seen).toHaveLength(0);
  });

  it('turns a fetch failure into a retryable network error', async () => {
    const fetch = (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof globalThis.fetch;
    const client = createConnectorsClient({ baseUrl: 'https://api.test/2.0', fetch });
    const error = await client.listConnectors().catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(ConnectorsError);
    expect((error as ConnectorsError).kind).toBe('network');
    expect(isRetryableError(error)).toBe(true);
  });
});

describe('isRetryableError', () => {
  it.each([
    [500, true],
    [502, true],
    [429, true],
    [408, true],
    [400, false],
    [401, false],
    [404, false],
  ])('an API error with status %i is retryable: %s', (status, expected) => {
    expect(isRetryableError(new ConnectorsApiError(status, null, 'GET /connectors'))).toBe(expected);
  });

  it('never retries an abort or an unknown error', () => {
    expect(isRetryableError(new DOMException('aborted', 'AbortError'))).toBe(false);
    expect(isRetryableError(new Error('boom'))).toBe(false);
  });
});

describe('the config token getter', () => {
  it('runs under the request timeout', async () => {
    const { fetch, seen } = recordingFetch();
    const client = createConnectorsClient({
      baseUrl: 'https://api.test/2.0',
      fetch,
      timeoutMs: 20,
      configToken: () => new Promise<string>(() => {}),
    });
    const error = await client.updateConnector('u-1', { hidden: true }).catch((reason: unknown) => reason);
    expect((error as ConnectorsError).kind).toBe('timeout');
    expect(seen).toHaveLength(0);
  });

  it('lets its own errors through untouched', async () => {
    const failure = new Error('session expired');
    const { fetch } = recordingFetch();
    const client = createConnectorsClient({
      baseUrl: 'https://api.test/2.0',
      fetch,
      configToken: async () => {
        throw failure;
      },
    });
    await expect(client.updateConnector('u-1', { hidden: true })).rejects.toBe(failure);
  });
});

describe('Retry-After', () => {
  it('is read from an error answer, in seconds or as a date', async () => {
    let header = '7';
    const { fetch } = recordingFetch(
      () => new Response('{"code":"tooManyRequests"}', { status: 429, headers: { 'Retry-After': header } }),
    );
    const client = createConnectorsClient({ baseUrl: 'https://api.test/2.0', fetch });
    const first = await client.listConnectors().catch((reason: unknown) => reason);
    expect((first as ConnectorsApiError).retryAfterMs).toBe(7000);
    header = 'not a date';
    const second = await client.listConnectors().catch((reason: unknown) => reason);
    expect((second as ConnectorsApiError).retryAfterMs).toBeNull();
  });
});

/*
 * The client's timeout and the caller's abort end a call whatever the `fetch` it was given does: one that ignores
 * the signal, or an answer whose body never finishes, must not leave a request (and a spinner) pending forever.
 */

/** A fetch that never answers and never looks at the signal. */
const deafFetch = () => new Promise<Response>(() => {});

/** A fetch that answers at once with headers, then a body that never ends, and never looks at the signal. */
const endlessBodyFetch = async () =>
  new Response(
    new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"connectors": ['));
      },
    }),
    { status: 200, headers: { 'Content-Type': 'application/json' } },
  );

describe.each([
  ['a fetch that ignores the signal', deafFetch],
  ['a body that never ends', endlessBodyFetch],
])('the client under faults: %s', (_, fetch) => {
  it('ends in a timeout error once timeoutMs has passed', async () => {
    const client = createConnectorsClient({ baseUrl: 'https://api.bank.test/2.0', fetch, timeoutMs: 50 });
    const started = Date.now();
    const error = await client.listConnectors().then(
      () => undefined,
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(ConnectorsNetworkError);
    expect(error).toMatchObject({ kind: 'timeout' });
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it("ends with the caller's own abort", async () => {
    const client = createConnectorsClient({ baseUrl: 'https://api.bank.test/2.0', fetch, timeoutMs: 10_000 });
    const controller = new AbortController();
    const call = client.getConnector('u-1', { signal: controller.signal });
    controller.abort();
    await expect(call).rejects.toMatchObject({ name: 'AbortError' });
  });
});

/*
 * The config token goes on the four write endpoints of the configured API and nowhere else: not on a read, not to
 * another origin (a redirect, a connector's `urls`), not into a message, an error or the console. (That a field
 * value failing validation stays out of the validation error is checked beside `buildFieldsSchema`.)
 */
describe('the config token', () => {
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
      [
        'getConnector',
        false,
        () => client.getConnector(TEST_CONNECTOR_UUID, { expand: ['fields', 'sources', 'urls'] }),
      ],
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

  const logged = captureConsole();
  afterEach(() => {
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

  describe('through the emulator', () => {
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
      await assertProperty(
        fc.asyncProperty(
          fc.oneof(
            fc.constantFrom(
              '.',
              '..',
              '',
              ' ',
              '%2e%2e',
              '.%2E',
              '../..',
              '../../x',
              '?a=1',
              '#x',
              '//evil.test',
              'a/b',
            ),
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
});
