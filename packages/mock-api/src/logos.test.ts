import type { Connector } from '@connector-kit/core';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoConnectors, generateConnectors } from './data/index.ts';
import { createEmulator, DEFAULT_CONFIG_TOKEN, type Emulator } from './emulator.ts';
import { encodeWebpLossless } from './images/webp.ts';
import { connectorLogoKind } from './index.ts';
import { createConnectorsHandlersFor } from './msw.ts';
import { buildRequest, readResult, type SendInit } from './test-client.ts';

const withKind = (kind: string, connectors: readonly Connector[] = demoConnectors) => {
  const connector = connectors.find((candidate) => connectorLogoKind(candidate.uuid) === kind);
  if (!connector) throw new Error(`the dataset has no connector whose logo is ${kind}`);
  return connector;
};
const withLogo = withKind('image');
const withoutLogo = withKind('missing');
const withBrokenLogo = withKind('broken');
const logoPath = (uuid: string, basePath = '/2.0') => `${basePath}/logos/${uuid}-thumbnail.webp`;

async function fetchBytes(emulator: Emulator, path: string, init: SendInit = {}, method = 'GET') {
  const response = await emulator.handle(buildRequest(method, path, init));
  return { status: response.status, headers: response.headers, bytes: new Uint8Array(await response.arrayBuffer()) };
}

const text = (bytes: Uint8Array, from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));
const uint32 = (bytes: Uint8Array, at: number) => new DataView(bytes.buffer, bytes.byteOffset).getUint32(at, true);

/** The RIFF container and the VP8L header of a lossless WebP (RFC 9649, sections 2 and 3). */
function readWebp(bytes: Uint8Array) {
  const bits = uint32(bytes, 21);
  return {
    riff: text(bytes, 0, 4),
    riffSize: uint32(bytes, 4),
    form: text(bytes, 8, 12),
    chunk: text(bytes, 12, 16),
    chunkSize: uint32(bytes, 16),
    signature: bytes[20],
    width: (bits & 0x3fff) + 1,
    height: ((bits >>> 14) & 0x3fff) + 1,
    version: bits >>> 29,
  };
}

describe('GET /logos/{uuid}-thumbnail.webp', () => {
  it('serves most connectors a 64 × 64 lossless WebP, cacheable, the same bytes on every run', async () => {
    const emulator = createEmulator();
    const { status, headers, bytes } = await fetchBytes(emulator, logoPath(withLogo.uuid));
    expect(status).toBe(200);
    expect(headers.get('content-type')).toBe('image/webp');
    expect(headers.get('cache-control')).toBe('public, max-age=86400');
    const webp = readWebp(bytes);
    expect(webp).toEqual({
      riff: 'RIFF',
      riffSize: bytes.length - 8,
      form: 'WEBP',
      chunk: 'VP8L',
      chunkSize: webp.chunkSize,
      signature: 0x2f,
      width: 64,
      height: 64,
      version: 0,
    });
    expect(webp.chunkSize + (webp.chunkSize % 2)).toBe(bytes.length - 20);
    expect(bytes.length).toBeLessThan(2_000);

    const again = await fetchBytes(createEmulator(), logoPath(withLogo.uuid.toUpperCase()));
    expect(again.bytes).toEqual(bytes);
    const other = await fetchBytes(emulator, logoPath(withKind('image', demoConnectors.slice(1)).uuid));
    expect(other.bytes).not.toEqual(bytes);

    const kinds = demoConnectors.map((connector) => connectorLogoKind(connector.uuid));
    expect(kinds.filter((kind) => kind === 'image').length / kinds.length).toBeGreaterThan(0.7);
  });

  it('answers 404 for a connector without a logo, and 200 with an undecodable body for a broken one', async () => {
    const emulator = createEmulator();
    const missing = await readResult(await emulator.handle(buildRequest('GET', logoPath(withoutLogo.uuid))));
    expect(missing.status).toBe(404);
    expect(missing.json).toMatchObject({ code: 'notFound' });

    const broken = await fetchBytes(emulator, logoPath(withBrokenLogo.uuid));
    expect(broken.status).toBe(200);
    expect(broken.headers.get('content-type')).toBe('image/webp');
    expect(readWebp(broken.bytes)).toMatchObject({ riff: 'RIFF', form: 'WEBP', chunk: 'VP8L' });
    expect(readWebp(broken.bytes).signature).not.toBe(0x2f);
  });

  it('answers 404 for an unknown connector or another file name, and 405 for another method', async () => {
    const emulator = createEmulator();
    for (const path of [
      logoPath('00000000-0000-4000-8000-000000000000'),
      `/2.0/logos/${withLogo.uuid}.webp`,
      `/2.0/logos/${withLogo.uuid}-thumbnail.png`,
      `/2.0/logos/${withLogo.id}-thumbnail.webp`,
      `/2.0/logos/${withLogo.uuid}-thumbnail.webp/x`,
    ]) {
      expect((await fetchBytes(emulator, path)).status, path).toBe(404);
    }
    const post = await fetchBytes(emulator, logoPath(withLogo.uuid), {}, 'POST');
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET');
  });

  it('is public: a request carrying a token is refused, so that a client leaking it fails', async () => {
    const emulator = createEmulator();
    const { status } = await fetchBytes(emulator, logoPath(withLogo.uuid), { token: DEFAULT_CONFIG_TOKEN });
    expect(status).toBe(400);
  });

  it('serves the logos of any dataset, under the configured base path', async () => {
    const generated = generateConnectors(50, 1);
    const emulator = createEmulator({ connectors: generated, basePath: '/api/2.0' });
    const { status, headers } = await fetchBytes(emulator, logoPath(withKind('image', generated).uuid, '/api/2.0'));
    expect(status).toBe(200);
    expect(headers.get('content-type')).toBe('image/webp');
    expect((await fetchBytes(emulator, logoPath(withLogo.uuid, '/api/2.0'))).status).toBe(404);
  });

  it('has a fault route of its own: a truncated logo is half of its bytes', async () => {
    const emulator = createEmulator({
      faults: [
        { kind: 'truncated-json', route: 'logo', times: 1 },
        { kind: 'status', status: 503, route: 'list' },
      ],
    });
    const truncated = await fetchBytes(emulator, logoPath(withLogo.uuid));
    const whole = await fetchBytes(emulator, logoPath(withLogo.uuid));
    expect(truncated.status).toBe(200);
    expect(truncated.bytes).toEqual(whole.bytes.subarray(0, Math.floor(whole.bytes.length / 2)));
    emulator.setFaults([{ kind: 'status', status: 503, route: 'logo' }]);
    expect((await fetchBytes(emulator, logoPath(withLogo.uuid))).status).toBe(503);
    expect((await fetchBytes(emulator, '/2.0/connectors')).status).toBe(200);
  });
});

describe('over MSW', () => {
  const emulator = createEmulator();
  const server = setupServer(...createConnectorsHandlersFor(emulator, 'https://acme-sandbox.biapi.pro/2.0'));
  beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
  afterAll(() => server.close());

  it('answers the logo path integrators use with Powens', async () => {
    const logo = await fetch(`https://acme-sandbox.biapi.pro${logoPath(withLogo.uuid)}`);
    expect(logo.status).toBe(200);
    expect(logo.headers.get('content-type')).toBe('image/webp');
    expect(readWebp(new Uint8Array(await logo.arrayBuffer())).width).toBe(64);
    expect((await fetch(`https://acme-sandbox.biapi.pro${logoPath(withoutLogo.uuid)}`)).status).toBe(404);
  });
});

describe('encodeWebpLossless', () => {
  it('refuses what it cannot express', () => {
    expect(() => encodeWebpLossless(2, 1, new Uint32Array([0xff000000, 0xffffffff]))).not.toThrow();
    expect(() => encodeWebpLossless(3, 1, new Uint32Array([0xff000000, 0xff808080, 0xffffffff]))).toThrow(RangeError);
    expect(() => encodeWebpLossless(2, 2, new Uint32Array(3))).toThrow(RangeError);
    expect(() => encodeWebpLossless(0, 1, new Uint32Array(0))).toThrow(RangeError);
  });
});
