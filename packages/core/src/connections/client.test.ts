import { describe, expect, it } from 'vitest';
import { createConnectorsClient, resolveBaseUrl } from '../client.ts';
import { ConnectorsApiError } from '../errors.ts';

const CONFIG_TOKEN = 'cfg-t0ken-0123456789';
const USER_TOKEN = 'usr-t0ken-9876543210';
const BASE = 'https://api.bank.test/2.0';

interface Seen {
  method: string;
  url: URL;
  authorization: string | null;
  body: unknown;
  signal: AbortSignal | null;
}

/** A client over a fetch that records every request and answers with `answer`. */
function recordingClient(answer: (seen: Seen) => Response | Promise<Response>, options = {}) {
  const seen: Seen[] = [];
  const client = createConnectorsClient({
    baseUrl: BASE,
    configToken: CONFIG_TOKEN,
    userToken: async () => USER_TOKEN,
    fetch: async (input, init) => {
      const request = new Request(input, init);
      const text = await request.text();
      const entry = {
        method: request.method,
        url: new URL(request.url),
        authorization: request.headers.get('authorization'),
        body: text ? JSON.parse(text) : undefined,
        signal: init?.signal ?? null,
      };
      seen.push(entry);
      return answer(entry);
    },
    ...options,
  });
  return { client, seen };
}

const connection = { id: 12, id_user: 1, connector_uuid: 'u-1', state: null };

describe('the connections methods', () => {
  it('create a connection with the values beside the connector uuid, the source and the expands', async () => {
    const { client, seen } = recordingClient(() => Response.json(connection));
    const created = await client.createConnection({
      connectorUuid: 'u-1',
      values: { login: 'me', password: 's3cret', connector_uuid: 'forged' },
      source: 'directaccess',
      expand: ['connector', 'sources'],
    });
    expect(created).toMatchObject({ id: 12, state: null });
    expect(seen[0]).toMatchObject({ method: 'POST', authorization: `Bearer ${USER_TOKEN}` });
    expect(seen[0]?.url.pathname).toBe('/2.0/users/me/connections');
    expect(seen[0]?.url.searchParams.get('source')).toBe('directaccess');
    expect(seen[0]?.url.searchParams.get('expand')).toBe('connector,sources');
    // A field cannot be named over the connector.
    expect(seen[0]?.body).toEqual({ login: 'me', password: 's3cret', connector_uuid: 'u-1' });
  });

  it('list, get, update, resume, sync and delete on their routes', async () => {
    const { client, seen } = recordingClient(({ method, url }) =>
      method === 'DELETE'
        ? new Response(null, { status: 204 })
        : url.pathname.endsWith('/connections')
          ? Response.json({ connections: [connection] })
          : Response.json(connection),
    );
    expect(await client.listConnections({ expand: ['accounts'] })).toEqual([connection]);
    await client.getConnection(12);
    await client.updateConnection(12, { values: { otp: '123456' } }, { background: true, source: 'openapi' });
    await client.updateConnection(12, { resume: true });
    await client.syncConnection(12, { psuRequested: false });
    await expect(client.deleteConnection(12)).resolves.toBeUndefined();
    expect(seen.map(({ method, url }) => `${method} ${url.pathname}${url.search}`)).toEqual([
      'GET /2.0/users/me/connections?expand=accounts',
      'GET /2.0/users/me/connections/12',
      'POST /2.0/users/me/connections/12?source=openapi&background=true',
      'POST /2.0/users/me/connections/12',
      'PUT /2.0/users/me/connections/12?psu_requested=false',
      'DELETE /2.0/users/me/connections/12',
    ]);
    expect(seen[2]?.body).toEqual({ otp: '123456' });
    expect(seen[3]?.body).toEqual({ resume: 'true' });
    expect(seen[4]?.body).toBeUndefined();
  });

  it('send the user token on /users/me only and the config token on connector writes only', async () => {
    const { client, seen } = recordingClient(({ url, method }) => {
      if (url.pathname.includes('/users/me/')) {
        return Response.json(method === 'GET' ? { connections: [] } : connection);
      }
      return Response.json(url.pathname.endsWith('/connectors') ? { connectors: [] } : { uuid: 'u-1', name: 'Bank' });
    });
    await client.listConnectors();
    await client.getConnector('u-1');
    await client.updateConnector('u-1', { hidden: true });
    await client.listConnections();
    await client.createConnection({ connectorUuid: 'u-1', values: {} });
    for (const request of seen) {
      const expected = request.url.pathname.startsWith('/2.0/users/me/')
        ? `Bearer ${USER_TOKEN}`
        : request.method === 'GET'
          ? null
          : `Bearer ${CONFIG_TOKEN}`;
      expect({ path: request.url.pathname, authorization: request.authorization }).toEqual({
        path: request.url.pathname,
        authorization: expected,
      });
    }
  });

  it('reads a creation refused by the bank as an API error with its code and the bank’s text', async () => {
    const { client } = recordingClient(() =>
      Response.json(
        { code: 'wrongpass', description: 'Wrong password', message: 'Identifiant ou mot de passe incorrect.' },
        { status: 400 },
      ),
    );
    const error = await client.createConnection({ connectorUuid: 'u-1', values: {} }).catch((caught) => caught);
    expect(error).toBeInstanceOf(ConnectorsApiError);
    expect(error).toMatchObject({
      status: 400,
      code: 'wrongpass',
      institutionMessage: 'Identifiant ou mot de passe incorrect.',
    });
  });

  it('masks the user token a server echoes back in an error', async () => {
    const { client } = recordingClient(() =>
      Response.json({ code: 'unauthorized', description: `bad token ${USER_TOKEN}` }, { status: 401 }),
    );
    const error: unknown = await client.listConnections().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ConnectorsApiError);
    expect((error as ConnectorsApiError).message).not.toContain(USER_TOKEN);
    expect((error as ConnectorsApiError).description).toBe('bad token [user token]');
  });

  it('give the calls that wait for the bank minutes, not the 30 s of a read', async () => {
    const { client, seen } = recordingClient(
      (request) =>
        new Promise<Response>((_resolve, reject) =>
          request.signal?.addEventListener('abort', () => reject(request.signal?.reason)),
        ),
      { timeoutMs: 20, connectionTimeoutMs: 200 },
    );
    const started = Date.now();
    await expect(client.createConnection({ connectorUuid: 'u-1', values: {} })).rejects.toMatchObject({
      kind: 'timeout',
    });
    expect(Date.now() - started).toBeGreaterThanOrEqual(180);
    await expect(client.listConnections()).rejects.toMatchObject({ kind: 'timeout' });
    expect(seen).toHaveLength(2);
  });

  it('refuse an id that is not a positive integer before sending anything', async () => {
    const { client, seen } = recordingClient(() => Response.json(connection));
    for (const id of [0, -1, 1.5, Number.NaN, '12/../../connectors' as unknown as number]) {
      await expect(client.getConnection(id)).rejects.toThrow(TypeError);
      await expect(client.deleteConnection(id)).rejects.toThrow(TypeError);
    }
    expect(seen).toEqual([]);
  });
});

describe('bad references and roots', () => {
  it('rejects a connector reference with a lone surrogate like any bad reference, without throwing', async () => {
    const { client, seen } = recordingClient(() => Response.json({}));
    let pending: Promise<unknown> | undefined;
    expect(() => {
      pending = client.getConnector('\ud800');
    }).not.toThrow();
    await expect(pending).rejects.toThrow(/not a valid connector or source reference/);
    expect(seen).toEqual([]);
  });

  it.each(['https://api.test/2.0?x=1', 'https://api.test/2.0#frag', 'https://api.test/2.0?', 'ftp://api.test/2.0'])(
    'refuses the base URL %s',
    (baseUrl) => {
      expect(() => resolveBaseUrl({ baseUrl })).toThrow(TypeError);
      expect(() => createConnectorsClient({ baseUrl })).toThrow(TypeError);
    },
  );
});
