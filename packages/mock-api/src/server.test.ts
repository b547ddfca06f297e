import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MockServer, startMockServer } from './server.ts';
import { FIXTURE_TEST_UUID, fixtureConnectors } from './test-fixtures.ts';

describe('startMockServer', () => {
  let server: MockServer | undefined;
  const current = (): MockServer => {
    if (!server) throw new Error('the mock server did not start');
    return server;
  };
  beforeAll(async () => {
    server = await startMockServer({ port: 0, connectors: fixtureConnectors });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('answers a CORS preflight with 204 and the allowed headers and methods', async () => {
    const response = await fetch(`${current().url}/connectors/40`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'http://localhost:5173',
        'Access-Control-Request-Method': 'PUT',
        'Access-Control-Request-Headers': 'authorization,content-type',
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-allow-headers')).toBe('Authorization, Content-Type, Accept-Language');
    expect(response.headers.get('access-control-allow-methods')).toBe('GET, PUT, PATCH, OPTIONS');
  });

  it('adds CORS headers to every answer, errors included', async () => {
    const ok = await fetch(`${current().url}/connectors/${FIXTURE_TEST_UUID}`);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('access-control-allow-origin')).toBe('*');
    expect(ok.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await ok.json()).toMatchObject({ id: 40 });
    const missing = await fetch(`${current().url}/connectors/999`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('reads request bodies and passes the Allow header of a 405 through', async () => {
    const put = await fetch(`${current().url}/connectors/40`, {
      method: 'PUT',
      headers: { Authorization: 'Bearer emulator-config-token', 'Content-Type': 'application/json' },
      body: JSON.stringify({ hidden: true }),
    });
    expect(await put.json()).toMatchObject({ hidden: true });
    expect(current().emulator.connectors.find((connector) => connector.id === 40)?.hidden).toBe(true);
    current().emulator.reset();
    const post = await fetch(`${current().url}/connectors`, { method: 'POST' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, PATCH');
  });

  it('drops the connection on a network fault', async () => {
    current().emulator.setFaults([{ kind: 'network', times: 1 }]);
    await expect(fetch(`${current().url}/connectors`)).rejects.toThrow(TypeError);
    expect((await fetch(`${current().url}/connectors`)).status).toBe(200);
  });

  it('closes with a request still waiting on a timeout fault', async () => {
    const other = await startMockServer({ port: 0, connectors: fixtureConnectors, faults: [{ kind: 'timeout' }] });
    const pending = fetch(`${other.url}/connectors`);
    await new Promise((resolve) => setTimeout(resolve, 20));
    await other.close();
    await expect(pending).rejects.toThrow(TypeError);
  });

  it('leaves OPTIONS to the emulator without CORS', async () => {
    const plain = await startMockServer({ port: 0, connectors: fixtureConnectors, cors: false });
    try {
      const response = await fetch(`${plain.url}/connectors`, { method: 'OPTIONS' });
      expect(response.status).toBe(405);
      expect(response.headers.get('access-control-allow-origin')).toBeNull();
    } finally {
      await plain.close();
    }
  });
});

describe('connector-kit-emulator', () => {
  it('runs from its TypeScript source on Node and serves the demo dataset until SIGTERM', async () => {
    const cli = fileURLToPath(new URL('./cli.ts', import.meta.url));
    const child = spawn(process.execPath, [cli, '--port', '0', '--latency', '0'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      let output = '';
      let errors = '';
      child.stderr.on('data', (chunk: Buffer) => {
        errors += chunk.toString();
      });
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          const match = /listening on (http:\/\/\S+)/.exec(output);
          if (match?.[1]) resolve(match[1]);
        });
        child.once('exit', (code) => reject(new Error(`exited with ${code}: ${errors}`)));
      });
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/2\.0$/);
      const response = await fetch(`${url}/connectors/${FIXTURE_TEST_UUID}?expand=fields,sources`);
      const connector = await response.json();
      expect(connector).toMatchObject({ id: 40, name: 'Connecteur de test' });
      expect(connector.fields).toHaveLength(4);
      expect(connector.sources).toHaveLength(2);
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      const [code] = await exited;
      expect(code).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  }, 15_000);
});
