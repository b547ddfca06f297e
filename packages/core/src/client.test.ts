import { describe, expect, it, vi } from 'vitest';
import { createConnectorsClient, resolveBaseUrl } from './client.ts';
import { ConnectorsApiError, ConnectorsError, isRetryableError } from './errors.ts';

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
