import { TEST_CONNECTOR_UUID } from '@connector-kit/mock-api';
import { describe, expect, it } from 'vitest';
import { type BuildWebviewUrlOptions, buildWebauthUrl, buildWebviewUrl } from './webview-url.ts';

const UUID = TEST_CONNECTOR_UUID;
const OTHER_UUID = '9c1e7a4e-2f55-4c1b-8f0e-0d3b6f1a2b3c';
const base = {
  domain: 'acme-sandbox',
  clientId: '12345678',
  code: 'tmp code/+=&',
  redirectUri: 'https://app.example/callback',
  state: 'st4te',
} as const;

/** The query of a built URL as ordered pairs, decoded. */
function pairs(url: string): [string, string][] {
  return [...new URL(url).searchParams.entries()];
}

describe('buildWebviewUrl', () => {
  it('builds the connect address with Powens’ own parameter names, in order', () => {
    const url = buildWebviewUrl({ flow: 'connect', ...base, connectorUuids: [UUID] });
    expect(url.startsWith('https://webview.powens.com/connect?')).toBe(true);
    expect(pairs(url)).toEqual([
      ['domain', 'acme-sandbox.biapi.pro'],
      ['client_id', '12345678'],
      ['code', 'tmp code/+=&'],
      ['redirect_uri', 'https://app.example/callback'],
      ['state', 'st4te'],
      ['connector_uuids', UUID],
    ]);
  });

  it('encodes every value, spaces included, and keeps the commas between list items literal', () => {
    const url = buildWebviewUrl({
      flow: 'connect',
      ...base,
      connectorUuids: [UUID, OTHER_UUID],
      connectorCapabilities: ['bank', 'transfer'],
      accountTypes: ['checking', 'card'],
      accountUsages: ['PRIV', 'ORGA'],
      accountIbans: ['FR76 3000 6000 0112 3456 7890 189'],
    });
    const query = url.slice(url.indexOf('?') + 1);
    expect(query).toContain('code=tmp%20code%2F%2B%3D%26');
    expect(query).toContain('redirect_uri=https%3A%2F%2Fapp.example%2Fcallback');
    expect(query).toContain(`connector_uuids=${UUID},${OTHER_UUID}`);
    expect(query).toContain('connector_capabilities=bank,transfer');
    expect(query).toContain('account_types=checking,card');
    expect(query).toContain('account_usages=PRIV,ORGA');
    expect(query).toContain('account_ibans=FR76%203000%206000%200112%203456%207890%20189');
    expect(query).not.toMatch(/[ +]/);
  });

  it('sends one `<uuid>.<field>` parameter per prefilled field, its value encoded whole (commas too)', () => {
    const url = buildWebviewUrl({
      flow: 'connect',
      ...base,
      connectorCountry: 'fr',
      connectorFieldValues: { [UUID]: { openapiwebsite: 'par', 'login name': 'a,b&c' } },
      maxConnections: 1,
    });
    expect(pairs(url)).toEqual(
      expect.arrayContaining([
        ['connector_country', 'FR'],
        [`${UUID}.openapiwebsite`, 'par'],
        [`${UUID}.login name`, 'a,b&c'],
        ['max_connections', '1'],
      ]),
    );
    expect(url).toContain(`${UUID}.login%20name=a%2Cb%26c`);
  });

  it('builds reconnect with the connection and reset_credentials, and manage with an optional connection', () => {
    const reconnect = buildWebviewUrl({ flow: 'reconnect', ...base, connectionId: 42, resetCredentials: true });
    expect(new URL(reconnect).pathname).toBe('/reconnect');
    expect(pairs(reconnect).slice(5)).toEqual([
      ['connection_id', '42'],
      ['reset_credentials', 'true'],
    ]);
    const manage = buildWebviewUrl({ flow: 'manage', ...base, connectionId: '7', connectorUuids: [UUID] });
    expect(new URL(manage).pathname).toBe('/manage');
    expect(pairs(manage).slice(5)).toEqual([
      ['connector_uuids', UUID],
      ['connection_id', '7'],
    ]);
    expect(pairs(buildWebviewUrl({ flow: 'manage', ...base })).map(([name]) => name)).not.toContain('connection_id');
  });

  it('goes to another Webview host when told (the emulator), without doubling slashes', () => {
    const url = buildWebviewUrl({ flow: 'connect', ...base, webviewUrl: 'http://127.0.0.1:4010/webview/' });
    expect(url.startsWith('http://127.0.0.1:4010/webview/connect?domain=')).toBe(true);
  });

  it('leaves state out when none is given', () => {
    const { state: _state, ...withoutState } = base;
    expect(pairs(buildWebviewUrl({ flow: 'connect', ...withoutState })).map(([name]) => name)).not.toContain('state');
  });

  it.each<[string, Record<string, unknown>, RegExp]>([
    ['a missing client id', { clientId: '' }, /`clientId` is required/],
    ['a missing code', { code: undefined }, /`code` is required/],
    ['a missing domain', { domain: ' ' }, /`domain` is required/],
    ['a domain that is not a Powens one', { domain: 'evil.example.com' }, /`domain` must look like/],
    ['a relative redirect', { redirectUri: '/callback' }, /absolute http\(s\) URL/],
    ['a redirect with a query', { redirectUri: 'https://app.example/cb?x=1' }, /must not have a query string/],
    ['a redirect with an empty query', { redirectUri: 'https://app.example/cb?' }, /must not have a query string/],
    ['a redirect with a fragment', { redirectUri: 'https://app.example/cb#done' }, /must not have a fragment/],
    ['a javascript: redirect', { redirectUri: 'javascript:alert(1)' }, /must be an http\(s\) URL/],
    ['a redirect with credentials', { redirectUri: 'https://u:p@app.example/cb' }, /must not carry credentials/],
    ['a list item with a comma', { connectorUuids: ['a,b'] }, /cannot contain a comma/],
    ['a list that is not one', { connectorUuids: UUID }, /must be an array of strings/],
    ['a country that is not a code', { connectorCountry: 'France' }, /ISO 3166-1 alpha-2/],
    ['a connection id on connect', { connectionId: 3 }, /`connectionId` is not an option of the connect flow/],
    ['a bad maximum', { maxConnections: 0 }, /`maxConnections` must be a positive integer/],
    ['a Webview host with a query', { webviewUrl: 'https://webview.example/?x' }, /query or a fragment/],
    ['a prefilled value that is not a string', { connectorFieldValues: { [UUID]: { a: 1 } } }, /must be a string/],
    ['a state with a lone surrogate', { state: 'ok\uD800' }, /`state` contains text that cannot be encoded/],
    ['a uuid with a lone surrogate', { connectorUuids: ['\uDC00'] }, /`connector_uuids` contains text that cannot/],
  ])('refuses %s with a TypeError that names it', (_name, change, message) => {
    const options = { flow: 'connect', ...base, ...change } as unknown as BuildWebviewUrlOptions;
    expect(() => buildWebviewUrl(options)).toThrow(TypeError);
    expect(() => buildWebviewUrl(options)).toThrow(message);
  });

  it('refuses reconnect without a connection, and options another flow takes', () => {
    expect(() => buildWebviewUrl({ flow: 'reconnect', ...base } as unknown as BuildWebviewUrlOptions)).toThrow(
      /`connectionId` must be a positive integer/,
    );
    expect(() =>
      buildWebviewUrl({
        flow: 'reconnect',
        ...base,
        connectionId: 1,
        connectorUuids: [UUID],
      } as BuildWebviewUrlOptions),
    ).toThrow(/`connectorUuids` is not an option of the reconnect flow/);
    expect(() =>
      buildWebviewUrl({ flow: 'manage', ...base, maxConnections: 2 } as unknown as BuildWebviewUrlOptions),
    ).toThrow(/`maxConnections` is not an option of the manage flow/);
    expect(() => buildWebviewUrl({ flow: 'delete', ...base } as unknown as BuildWebviewUrlOptions)).toThrow(
      /`flow` must be/,
    );
  });
});

describe('buildWebauthUrl', () => {
  const webauth = { clientId: '12345678', code: 'c0de', redirectUri: 'https://app.example/callback' };

  it('sends a new connection to /webauth on the domain, the code as `token`', () => {
    const url = buildWebauthUrl({
      domain: 'acme-sandbox',
      ...webauth,
      connectorUuid: UUID,
      source: 'openapi',
      state: 's',
    });
    expect(url.startsWith('https://acme-sandbox.biapi.pro/2.0/webauth?')).toBe(true);
    expect(pairs(url)).toEqual([
      ['client_id', '12345678'],
      ['token', 'c0de'],
      ['redirect_uri', 'https://app.example/callback'],
      ['connector_uuid', UUID],
      ['source', 'openapi'],
      ['state', 's'],
    ]);
  });

  it('recovers an existing connection with `id_connection`, on a base URL of its own', () => {
    const url = buildWebauthUrl({ baseUrl: 'http://127.0.0.1:4010/2.0/', ...webauth, connectionId: 12 });
    expect(url.startsWith('http://127.0.0.1:4010/2.0/webauth?')).toBe(true);
    expect(pairs(url)).toContainEqual(['id_connection', '12']);
    expect(pairs(url).map(([name]) => name)).not.toContain('connector_uuid');
  });

  it.each<[string, Record<string, unknown>, RegExp]>([
    ['both a connector and a connection', { connectorUuid: UUID, connectionId: 1 }, /exactly one of/],
    ['neither a connector nor a connection', {}, /exactly one of/],
    ['no domain and no base URL', { domain: undefined, connectorUuid: UUID }, /domain/],
    ['a base URL with a query', { domain: undefined, baseUrl: 'https://x.test/2.0?a=1', connectorUuid: UUID }, /query/],
    ['a redirect with a query', { connectorUuid: UUID, redirectUri: 'https://app.example/cb?a' }, /query string/],
    ['a missing client id', { connectorUuid: UUID, clientId: undefined }, /`clientId` is required/],
    ['a connection id that is not one', { connectionId: '12; DROP' }, /positive integer/],
  ])('refuses %s', (_name, change, message) => {
    const options = { domain: 'acme-sandbox', ...webauth, ...change } as Parameters<typeof buildWebauthUrl>[0];
    expect(() => buildWebauthUrl(options)).toThrow(TypeError);
    expect(() => buildWebauthUrl(options)).toThrow(message);
  });
});
