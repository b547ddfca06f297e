import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { connectorKeys, connectorMutationKeys, normalizeConnectorsListParams, parseConnectorKey } from './keys.ts';

const client = { baseUrl: 'https://acme.biapi.pro/2.0' };
const other = { baseUrl: 'https://other.biapi.pro/2.0' };

describe('connectorKeys', () => {
  it('gives equivalent list parameters one key', () => {
    expect(
      connectorKeys.list(client, { countryCodes: ['fr', 'BE', ' Fr'], expand: ['urls', 'countries', 'urls'] }),
    ).toEqual(connectorKeys.list(client, { expand: ['countries', 'urls'], countryCodes: ['BE', 'FR'] }));
    expect(connectorKeys.list(client, { idPayment: 12 })).toEqual(connectorKeys.list(client, { idPayment: '12' }));
    expect(connectorKeys.list(client, { countryCodes: [], expand: [] })).toEqual(connectorKeys.list(client));
    expect(connectorKeys.detail(client, 'u', ['sources', 'fields'])).toEqual(
      connectorKeys.detail(client, 'u', ['fields', 'sources', 'fields']),
    );
    expect(connectorKeys.detail(client, 40)).toEqual(connectorKeys.detail(client, '40'));
    expect(connectorKeys.sources(client, 'u', { countryCodes: ['de', 'at'] })).toEqual(
      connectorKeys.sources(client, 'u', { countryCodes: ['AT', 'DE'] }),
    );
  });

  it('keeps the answers of clients in different languages apart', () => {
    const french = { ...client, language: 'fr' };
    expect(connectorKeys.list(french)).not.toEqual(connectorKeys.list(client));
    expect(connectorKeys.list(french)).toEqual(connectorKeys.list({ ...client, language: 'fr' }));
  });

  it('keeps different parameters apart', () => {
    expect(connectorKeys.list(client, { countryCodes: ['FR'] })).not.toEqual(connectorKeys.list(client));
    expect(connectorKeys.list(client, { idPayment: 1 })).not.toEqual(connectorKeys.list(client, { idPayment: 2 }));
    expect(connectorKeys.detail(client, 'u', ['fields'])).not.toEqual(connectorKeys.detail(client, 'u'));
  });

  it('normalizes list parameters to one canonical form', () => {
    expect(
      normalizeConnectorsListParams({
        countryCodes: ['fr', 'de', 'FR', ''],
        idPayment: 7,
        expand: ['urls', 'countries'],
      }),
    ).toEqual({
      countryCodes: ['DE', 'FR'],
      idPayment: '7',
      expand: ['countries', 'urls'],
    });
    expect(normalizeConnectorsListParams({ countryCodes: undefined, expand: [] })).toEqual({});
  });

  it('puts the API root in every key, so two clients never share an entry', () => {
    const makers = [
      (c: typeof client) => connectorKeys.client(c),
      (c: typeof client) => connectorKeys.lists(c),
      (c: typeof client) => connectorKeys.list(c, { countryCodes: ['FR'] }),
      (c: typeof client) => connectorKeys.details(c),
      (c: typeof client) => connectorKeys.detail(c, 'u'),
      (c: typeof client) => connectorKeys.sources(c, 'u'),
      (c: typeof client) => connectorKeys.source(c, 'u', 1),
    ];
    for (const make of makers) {
      expect(make(client)).toContain('https://acme.biapi.pro/2.0');
      expect(make(client)).not.toEqual(make(other));
    }
  });

  it('keeps credentials a base URL may carry out of the keys', () => {
    const key = connectorKeys.list({ baseUrl: 'https://user:s3cret@proxy.example/2.0?token=s3cret' });
    expect(JSON.stringify(key)).not.toContain('s3cret');
    expect(key[1]).toBe('https://proxy.example/2.0');
  });

  it('nests keys so that filters reach what they should', () => {
    const queryClient = new QueryClient();
    const page = { connectors: [], total: 0 };
    queryClient.setQueryData(connectorKeys.list(client), page);
    queryClient.setQueryData(connectorKeys.list(client, { countryCodes: ['FR'] }), page);
    queryClient.setQueryData(connectorKeys.list(other), page);
    queryClient.setQueryData(connectorKeys.detail(client, 'u'), { uuid: 'u' });
    queryClient.setQueryData(connectorKeys.detail(client, 'u', ['fields']), { uuid: 'u' });
    queryClient.setQueryData(connectorKeys.detail(client, 'v'), { uuid: 'v' });
    queryClient.setQueryData(connectorKeys.sources(client, 'u'), []);
    queryClient.setQueryData(connectorKeys.source(client, 'u', 3), { id: 3 });

    const count = (queryKey: readonly unknown[], exact = false) =>
      queryClient.getQueriesData({ queryKey, exact }).length;
    expect(count(connectorKeys.all)).toBe(8);
    expect(count(connectorKeys.client(client))).toBe(7);
    expect(count(connectorKeys.lists(client))).toBe(2);
    expect(count(connectorKeys.details(client))).toBe(3);
    // A detail key without expand reaches the connector under every expand, or only itself when exact.
    expect(count(connectorKeys.detail(client, 'u'))).toBe(2);
    expect(count(connectorKeys.detail(client, 'u'), true)).toBe(1);
    expect(count(connectorKeys.sources(client, 'u'))).toBe(1);
    expect(count(connectorKeys.source(client, 'u', 3))).toBe(1);
  });
});

describe('parseConnectorKey', () => {
  const french = { ...client, language: 'fr' };
  const scope = 'https://acme.biapi.pro/2.0';

  it('names the fields of every kind of entry key', () => {
    expect(parseConnectorKey(connectorKeys.list(client, { countryCodes: ['fr'], expand: ['countries'] }))).toEqual({
      kind: 'list',
      scope,
      params: { countryCodes: ['FR'], expand: ['countries'] },
    });
    expect(parseConnectorKey(connectorKeys.detail(french, 40, ['fields']))).toEqual({
      kind: 'detail',
      scope: `${scope} (fr)`,
      ref: '40',
      params: { expand: ['fields'] },
    });
    expect(parseConnectorKey(connectorKeys.sources(client, 'u', { countryCodes: ['de'] }))).toEqual({
      kind: 'sources',
      scope,
      ref: 'u',
      params: { countryCodes: ['DE'] },
    });
    expect(parseConnectorKey(connectorKeys.source(client, 'u', 3))).toEqual({
      kind: 'source',
      scope,
      ref: 'u',
      sourceId: 3,
    });
    expect(parseConnectorKey(connectorKeys.source(client, 'u', undefined))).toMatchObject({ sourceId: null });
    expect(parseConnectorKey(connectorKeys.connectionList(client, ['connector']))).toEqual({
      kind: 'connectionList',
      scope,
      params: { expand: ['connector'] },
    });
    expect(parseConnectorKey(connectorKeys.connection(client, 7))).toEqual({
      kind: 'connection',
      scope,
      id: 7,
      params: {},
    });
  });

  it('reads the parameters back as the key holds them, normalized', () => {
    const parsed = parseConnectorKey(connectorKeys.list(client, { idPayment: 12, expand: ['urls', 'countries'] }));
    expect(parsed?.kind === 'list' && parsed.params).toEqual({ idPayment: '12', expand: ['countries', 'urls'] });
  });

  it('gives null for prefixes, which name a group of entries', () => {
    expect(parseConnectorKey(connectorKeys.all)).toBeNull();
    expect(parseConnectorKey(connectorKeys.client(client))).toBeNull();
    expect(parseConnectorKey(connectorKeys.lists(client))).toBeNull();
    expect(parseConnectorKey(connectorKeys.details(client))).toBeNull();
    expect(parseConnectorKey(connectorKeys.connections(client))).toBeNull();
    expect(parseConnectorKey(connectorKeys.detail(client, 'u').slice(0, 4))).toBeNull();
  });

  it('gives null for keys this library did not make', () => {
    expect(parseConnectorKey([])).toBeNull();
    expect(parseConnectorKey(['todos', 1])).toBeNull();
    expect(parseConnectorKey(['other-library', scope, 'list', {}])).toBeNull();
    expect(parseConnectorKey(['connector-kit', 42, 'list', {}])).toBeNull();
    expect(parseConnectorKey(['connector-kit', scope, 'unknown', {}])).toBeNull();
    // The right words in the wrong layout.
    expect(parseConnectorKey(['connector-kit', scope, 'list', 'FR'])).toBeNull();
    expect(parseConnectorKey(['connector-kit', scope, 'list', {}, 'extra'])).toBeNull();
    expect(parseConnectorKey(['connector-kit', scope, 'detail', 40, {}])).toBeNull();
    expect(parseConnectorKey(['connector-kit', scope, 'detail', 'u', ['fields']])).toBeNull();
    expect(parseConnectorKey(['connector-kit', scope, 'source', 'u', '3'])).toBeNull();
    expect(parseConnectorKey(['connector-kit', scope, 'connections', 'detail', 'x', {}])).toBeNull();
  });

  it('gives null for mutation keys, which name no cache entry', () => {
    expect(parseConnectorKey(connectorMutationKeys.all(client))).toBeNull();
    expect(parseConnectorKey(connectorMutationKeys.updateConnector(client))).toBeNull();
  });
});
