import { createServer, type Server } from 'node:http';
import { createConnectorsClient } from '@connector-kit/core';
import { connectorLogoKind, demoConnectors } from '@connector-kit/mock-api';
import type { MockServer } from '@connector-kit/mock-api/server';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { withLoopbackAliases } from '../server/guards.ts';
import {
  type ApiProxyConfig,
  createApiProxyMiddleware,
  DEFAULT_EMULATOR_URL,
  describeApiProxy,
  EMULATOR_CLIENT_ID,
  EMULATOR_CLIENT_SECRET,
  EMULATOR_CONFIG_TOKEN,
  isWriteRequest,
  resolveApiProxyConfig,
} from '../server/proxy.ts';
import { listenOnLoopback, recordingEmulator, type Seen } from './support/http.ts';

/**
 * The proxy alone in a Node server, as Vite mounts it; other paths answer 418 to show they were passed on. Its
 * allowed origins are its own URL (with its loopback aliases), known once it listens, as the Vite plugin does.
 */
async function startProxy(config: ApiProxyConfig): Promise<{ url: string; close: () => Promise<void> }> {
  let origins: string[] = [];
  const middleware = createApiProxyMiddleware(() => ({ ...config, allowedOrigins: origins }));
  const server: Server = createServer((request, response) =>
    middleware(request, response, () => {
      response.writeHead(418, { 'content-type': 'text/plain' });
      response.end('not the API');
    }),
  );
  const { port, close } = await listenOnLoopback(server);
  origins = withLoopbackAliases([`http://127.0.0.1:${port}`]);
  return { url: `http://127.0.0.1:${port}`, close };
}

const [first, second] = demoConnectors.filter((connector) => connector.hidden !== true && connector.id !== undefined);
if (!first || !second) throw new Error('the demo dataset needs two visible connectors');
const sourceId = first.sources?.[0]?.id;
if (sourceId === undefined) throw new Error('the first demo connector needs a source');
const withLogo = demoConnectors.find((connector) => connectorLogoKind(connector.uuid) === 'image');
const withoutLogo = demoConnectors.find((connector) => connectorLogoKind(connector.uuid) === 'missing');
if (!withLogo || !withoutLogo) throw new Error('the demo dataset needs a connector with a logo and one without');
const logoPath = (uuid: string) => `/logos/${uuid}-thumbnail.webp`;

describe('isWriteRequest', () => {
  it('is true for the four write endpoints only', () => {
    expect(isWriteRequest('PUT', `/connectors/${first.uuid}`)).toBe(true);
    expect(isWriteRequest('PATCH', '/connectors')).toBe(true);
    expect(isWriteRequest('PUT', '/connectors/12,13')).toBe(true);
    expect(isWriteRequest('put', `/connectors/${first.uuid}/sources/${sourceId}`)).toBe(true);

    expect(isWriteRequest('GET', '/connectors')).toBe(false);
    expect(isWriteRequest('GET', `/connectors/${first.uuid}`)).toBe(false);
    expect(isWriteRequest('GET', `/connectors/${first.uuid}/sources`)).toBe(false);
    expect(isWriteRequest('GET', `/connectors/${first.uuid}/sources/${sourceId}`)).toBe(false);
    expect(isWriteRequest('PUT', '/connectors')).toBe(false);
    expect(isWriteRequest('PATCH', `/connectors/${first.uuid}`)).toBe(false);
    expect(isWriteRequest('PUT', `/connectors/${first.uuid}/sources`)).toBe(false);
    expect(isWriteRequest('PUT', '/users/me')).toBe(false);
    expect(isWriteRequest('GET', logoPath(first.uuid))).toBe(false);
    expect(isWriteRequest('PUT', logoPath(first.uuid))).toBe(false);
  });
});

describe('resolveApiProxyConfig', () => {
  it('talks to the emulator by default, with the emulator’s token', () => {
    expect(resolveApiProxyConfig({})).toEqual({
      upstream: DEFAULT_EMULATOR_URL,
      configToken: EMULATOR_CONFIG_TOKEN,
      target: { kind: 'emulator' },
      client: { id: EMULATOR_CLIENT_ID, secret: EMULATOR_CLIENT_SECRET },
      webview: { url: 'http://127.0.0.1:4010/webview', domain: 'connector-kit-emulator' },
    });
    expect(resolveApiProxyConfig({ CONNECTOR_KIT_EMULATOR_URL: 'http://127.0.0.1:4999/2.0/' }).upstream).toBe(
      'http://127.0.0.1:4999/2.0',
    );
  });

  it('talks to https://<domain>.biapi.pro/2.0 when POWENS_DOMAIN is set, never with the emulator’s token', () => {
    const config = resolveApiProxyConfig({ POWENS_DOMAIN: 'acme-sandbox' });
    expect(config).toEqual({
      upstream: 'https://acme-sandbox.biapi.pro/2.0',
      configToken: undefined,
      target: { kind: 'powens', domain: 'acme-sandbox' },
      client: undefined,
      webview: { url: 'https://webview.powens.com', domain: 'acme-sandbox' },
    });
    expect(resolveApiProxyConfig({ POWENS_DOMAIN: 'Acme-Sandbox.biapi.pro' }).upstream).toBe(
      'https://acme-sandbox.biapi.pro/2.0',
    );
    expect(resolveApiProxyConfig({ POWENS_DOMAIN: 'acme', POWENS_CONFIG_TOKEN: 'secret' }).configToken).toBe('secret');
    expect(() => resolveApiProxyConfig({ POWENS_DOMAIN: 'evil.example.com/x' })).toThrow(/POWENS_DOMAIN/);
  });

  it('describes where calls go without ever showing the token', () => {
    const line = describeApiProxy(
      resolveApiProxyConfig({ POWENS_DOMAIN: 'acme', POWENS_CONFIG_TOKEN: 's3cr3t-t0ken' }),
    );
    expect(line).toContain('https://acme.biapi.pro/2.0');
    expect(line).toContain('config token set');
    expect(line).not.toContain('s3cr3t-t0ken');
  });
});

describe('the proxy in front of the emulator', () => {
  let emulator: { server: MockServer; seen: Seen[] };
  let proxy: { url: string; close: () => Promise<void> };
  const api = () => `${proxy.url}/api/2.0`;

  beforeAll(async () => {
    emulator = await recordingEmulator();
    proxy = await startProxy(resolveApiProxyConfig({ CONNECTOR_KIT_EMULATOR_URL: emulator.server.url }));
  });
  afterAll(async () => {
    await proxy.close();
    await emulator.server.close();
  });
  afterEach(() => {
    emulator.server.emulator.reset();
    emulator.seen.length = 0;
  });

  const json = { 'content-type': 'application/json' };

  it('forwards reads without any credentials, dropping the Authorization and cookies the browser sends', async () => {
    const headers = { authorization: 'Bearer from-the-browser', cookie: 'session=abc' };
    for (const path of [
      '/connectors?expand=countries',
      `/connectors/${first.uuid}`,
      `/connectors/${first.uuid}/sources`,
    ]) {
      const response = await fetch(`${api()}${path}`, { headers });
      expect(response.status, path).toBe(200);
    }
    expect(await (await fetch(`${api()}/banks`, { headers })).json()).toHaveProperty('banks');
    expect(emulator.seen).toHaveLength(4);
    for (const request of emulator.seen) {
      expect(request.authorization).toBeNull();
      expect(request.cookie).toBeNull();
    }
  });

  it('adds the config token on the four writes, in place of whatever the browser sent', async () => {
    const withBrowserToken = { ...json, authorization: 'Bearer from-the-browser' };
    const writes: [string, string, unknown][] = [
      ['PUT', `/connectors/${first.uuid}`, { hidden: true }],
      ['PATCH', '/connectors', { [first.uuid]: { hidden: false } }],
      ['PUT', `/connectors/${first.id},${second.id}`, { hidden: false }],
      ['PUT', `/connectors/${first.uuid}/sources/${sourceId}`, { disabled: '2026-01-02 03:04:05' }],
    ];
    for (const [method, path, body] of writes) {
      const response = await fetch(`${api()}${path}`, {
        method,
        headers: withBrowserToken,
        body: JSON.stringify(body),
      });
      expect(response.status, `${method} ${path}`).toBe(200);
    }
    expect(emulator.seen.map((request) => [request.method, request.authorization])).toEqual(
      writes.map(([method]) => [method, `Bearer ${EMULATOR_CONFIG_TOKEN}`]),
    );
    const source = emulator.server.emulator.connectors
      .find((connector) => connector.uuid === first.uuid)
      ?.sources?.find((candidate) => candidate.id === sourceId);
    expect(source?.disabled).toBe('2026-01-02 03:04:05');
  });

  it('lets a client without a token write through it', async () => {
    const client = createConnectorsClient({ baseUrl: api() });
    const updated = await client.updateConnector(first.uuid, { hidden: true });
    expect(updated.hidden).toBe(true);
    expect((await client.listConnectors()).connectors.some((connector) => connector.uuid === first.uuid)).toBe(false);
    await client.batchUpdateConnectors({ [first.uuid]: { hidden: false } });
    expect((await client.getConnector(first.uuid)).hidden).toBe(false);
  });

  it('refuses writes from other sites before they reach the API', async () => {
    const crossSite = await fetch(`${api()}/connectors/${first.uuid}`, {
      method: 'PUT',
      headers: { ...json, origin: 'http://evil.example' },
      body: JSON.stringify({ hidden: true }),
    });
    expect(crossSite.status).toBe(403);
    const fetchMetadata = await fetch(`${api()}/connectors`, {
      method: 'PATCH',
      headers: { ...json, 'sec-fetch-site': 'same-site' },
      body: JSON.stringify({ [first.uuid]: { hidden: true } }),
    });
    expect(fetchMetadata.status).toBe(403);
    const sameOrigin = await fetch(`${api()}/connectors/${first.uuid}`, {
      method: 'PUT',
      headers: { ...json, origin: proxy.url, 'sec-fetch-site': 'same-origin' },
      body: JSON.stringify({ hidden: false }),
    });
    expect(sameOrigin.status).toBe(200);
    expect(emulator.seen).toHaveLength(1);
  });

  it('forwards the logos with no credential at all, as the API answers them, and lets the browser cache them', async () => {
    const upstream = new Uint8Array(
      await (await fetch(`${emulator.server.url}${logoPath(withLogo.uuid)}`)).arrayBuffer(),
    );
    emulator.seen.length = 0;
    const headers = { authorization: 'Bearer from-the-browser', cookie: 'session=abc', accept: 'image/webp,*/*' };
    const logo = await fetch(`${api()}${logoPath(withLogo.uuid)}`, { headers });
    expect(logo.status).toBe(200);
    expect(logo.headers.get('content-type')).toBe('image/webp');
    expect(logo.headers.get('cache-control')).toBe('public, max-age=86400');
    const bytes = new Uint8Array(await logo.arrayBuffer());
    expect(String.fromCharCode(...bytes.subarray(8, 16))).toBe('WEBPVP8L');
    expect(bytes).toEqual(upstream);

    const missing = await fetch(`${api()}${logoPath(withoutLogo.uuid)}`, { headers });
    expect(missing.status).toBe(404);
    expect(missing.headers.get('cache-control')).toBe('no-store');

    const reached = emulator.seen.filter((request) => request.path.startsWith('/logos/'));
    expect(reached.map((request) => [request.method, request.authorization, request.cookie])).toEqual([
      ['GET', null, null],
      ['GET', null, null],
    ]);
  });

  it('forwards GET only on the logos, and nothing but a connector’s thumbnail', async () => {
    const post = await fetch(`${api()}${logoPath(withLogo.uuid)}`, { method: 'POST' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET');
    const put = await fetch(`${api()}${logoPath(withLogo.uuid)}`, {
      method: 'PUT',
      headers: { origin: proxy.url, 'sec-fetch-site': 'same-origin' },
    });
    expect(put.status).toBe(405);
    for (const path of [
      '/logos',
      `/logos/${withLogo.uuid}.webp`,
      `/logos/${withLogo.uuid}-thumbnail.png`,
      `/logos/${withLogo.uuid}-thumbnail.webp/x`,
      '/logos/..%2f..%2fusers%2fme-thumbnail.webp',
      `/logos/${withLogo.id}-thumbnail.webp`,
    ]) {
      expect((await fetch(`${api()}${path}`)).status, path).toBe(404);
    }
    expect(emulator.seen.filter((request) => request.path.startsWith('/logos/'))).toEqual([]);
  });

  it('forwards the connectors routes only', async () => {
    expect((await fetch(`${api()}/users/me`)).status).toBe(404);
    expect((await fetch(`${api()}/connectors/x/sources/1/extra`)).status).toBe(404);
    expect((await fetch(`${api()}/connectors/%2e%2e%2fusers`)).status).toBe(404);
    const post = await fetch(`${api()}/connectors`, { method: 'POST' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, PATCH');
    expect(emulator.seen).toHaveLength(0);
    const other = await fetch(`${proxy.url}/index.html`);
    expect(other.status).toBe(418);
  });

  it('passes the API’s errors through, with their status and body', async () => {
    emulator.server.emulator.setFaults([{ kind: 'status', status: 503, route: 'list', times: 1 }]);
    const response = await fetch(`${api()}/connectors`);
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ code: 'serviceUnavailable' });
    const missing = await fetch(`${api()}/connectors/00000000-0000-4000-8000-000000000000`);
    expect(missing.status).toBe(404);
  });

  it('answers 502 when the API cannot be reached', async () => {
    const unreachable = await startProxy({ ...resolveApiProxyConfig({}), upstream: 'http://127.0.0.1:9/2.0' });
    try {
      const response = await fetch(`${unreachable.url}/api/2.0/connectors`);
      expect(response.status).toBe(502);
      expect(await response.json()).toMatchObject({ code: 'badGateway' });
    } finally {
      await unreachable.close();
    }
  });
});

describe('POWENS_DOMAIN', () => {
  it('switches every call to that domain, with POWENS_CONFIG_TOKEN on writes', async () => {
    const emulator = await recordingEmulator();
    // A second emulator stands in for the Powens domain, with a token of its own.
    const domain = await recordingEmulator({ configToken: 'other-token' });
    const domains: string[] = [];
    const env = {
      CONNECTOR_KIT_EMULATOR_URL: emulator.server.url,
      POWENS_DOMAIN: 'acme-sandbox',
      POWENS_CONFIG_TOKEN: 'other-token',
    };
    const config = resolveApiProxyConfig(env, {
      domainBaseUrl: (name) => {
        domains.push(name);
        return domain.server.url;
      },
    });
    const proxy = await startProxy(config);
    try {
      const client = createConnectorsClient({ baseUrl: `${proxy.url}/api/2.0` });
      expect((await client.listConnectors()).connectors.length).toBeGreaterThan(0);
      await client.updateConnector(first.uuid, { hidden: true });
      await client.updateConnectorSource(first.uuid, sourceId, { disabled: null });

      expect(domains).toEqual(['acme-sandbox']);
      expect(emulator.seen).toHaveLength(0);
      expect(domain.seen.map((request) => [request.method, request.authorization])).toEqual([
        ['GET', null],
        ['PUT', 'Bearer other-token'],
        ['PUT', 'Bearer other-token'],
      ]);
      expect(domain.server.emulator.connectors.find((connector) => connector.uuid === first.uuid)?.hidden).toBe(true);
      expect(emulator.server.emulator.connectors.find((connector) => connector.uuid === first.uuid)?.hidden).not.toBe(
        true,
      );
    } finally {
      await proxy.close();
    }

    // Without POWENS_CONFIG_TOKEN, writes go without a token (the emulator's own is never sent to a domain).
    const { POWENS_CONFIG_TOKEN: _token, ...withoutToken } = env;
    const tokenless = await startProxy(resolveApiProxyConfig(withoutToken, { domainBaseUrl: () => domain.server.url }));
    try {
      const client = createConnectorsClient({ baseUrl: `${tokenless.url}/api/2.0` });
      await expect(client.updateConnector(first.uuid, { hidden: false })).rejects.toMatchObject({ status: 401 });
      expect(domain.seen.at(-1)?.authorization).toBeNull();
    } finally {
      await tokenless.close();
      await domain.server.close();
      await emulator.server.close();
    }
  });
});
