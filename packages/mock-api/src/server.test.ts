import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CLIENT_ID } from './emulator.ts';
import { MAX_BODY_BYTES, type MockServer, startMockServer } from './server.ts';
import { APP_CALLBACK, callbackQuery } from './test-client.ts';
import { FIXTURE_TEST_UUID, fixtureConnectors } from './test-fixtures.ts';

interface RawAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/**
 * Sends the headers and `sent` bytes of a body that is never finished, and resolves with the server's answer: an
 * answer at all proves the server did not wait for (nor read) the rest.
 */
function answerWhileUploading(
  url: string,
  method: string,
  headers: Record<string, string | number>,
  sent: number,
): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    let answered = false;
    const outgoing = httpRequest(url, { method, headers });
    outgoing.on('response', (incoming) => {
      let body = '';
      incoming.setEncoding('utf8');
      incoming.on('data', (chunk: string) => {
        body += chunk;
      });
      incoming.on('end', () => {
        answered = true;
        resolve({ status: incoming.statusCode ?? 0, headers: incoming.headers, body });
        outgoing.destroy();
      });
    });
    outgoing.on('error', (error) => {
      if (!answered) reject(error);
    });
    for (let offset = 0; offset < sent; offset += 64 * 1024) {
      outgoing.write(Buffer.alloc(Math.min(64 * 1024, sent - offset), 0x61));
    }
  });
}

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

  it('answers a CORS preflight from a loopback origin with 204, that origin and the allowed headers and methods', async () => {
    const origins = ['http://localhost:5173', 'https://127.0.0.1:8443', 'http://[::1]:3000', 'http://localhost'];
    for (const origin of [...origins, 'http://127.0.0.2', 'http://127.1.2.3:8080']) {
      const response = await fetch(`${current().url}/connectors/40`, {
        method: 'OPTIONS',
        headers: {
          Origin: origin,
          'Access-Control-Request-Method': 'PUT',
          'Access-Control-Request-Headers': 'authorization,content-type',
        },
      });
      expect(response.status).toBe(204);
      expect(response.headers.get('access-control-allow-origin')).toBe(origin);
      expect(response.headers.get('vary')).toBe('Origin');
      expect(response.headers.get('access-control-allow-headers')).toBe('Authorization, Content-Type, Accept-Language');
      expect(response.headers.get('access-control-allow-methods')).toBe('GET, POST, PUT, PATCH, DELETE, OPTIONS');
    }
  });

  it('adds CORS headers for a loopback origin to every answer, errors included', async () => {
    const headers = { Origin: 'http://localhost:5173' };
    const ok = await fetch(`${current().url}/connectors/${FIXTURE_TEST_UUID}`, { headers });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(ok.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await ok.json()).toMatchObject({ id: 40 });
    const missing = await fetch(`${current().url}/connectors/999`, { headers });
    expect(missing.status).toBe(404);
    expect(missing.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
  });

  it('gives no CORS header to another website, so it cannot drive the emulator', async () => {
    for (const origin of ['https://evil.example', 'http://localhost.evil.example', 'null', 'http://128.0.0.1:80']) {
      const preflight = await fetch(`${current().url}/connectors/40`, {
        method: 'OPTIONS',
        headers: { Origin: origin, 'Access-Control-Request-Method': 'PUT' },
      });
      expect(preflight.headers.get('access-control-allow-origin'), origin).toBeNull();
      expect(preflight.headers.get('access-control-allow-methods')).toBeNull();
      const read = await fetch(`${current().url}/connectors/40`, { headers: { Origin: origin } });
      expect(read.headers.get('access-control-allow-origin')).toBeNull();
      expect(read.headers.get('vary')).toBe('Origin');
    }
  });

  it('refuses a request or a preflight from another website with 403 and a Powens error, before doing anything', async () => {
    const origin = 'https://evil.example';
    const preflight = await fetch(`${current().url}/connectors/40`, {
      method: 'OPTIONS',
      headers: { Origin: origin, 'Access-Control-Request-Method': 'PUT' },
    });
    expect(preflight.status).toBe(403);
    expect(preflight.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await preflight.json()).toMatchObject({ code: 'forbidden', request_id: null });
    const write = await fetch(`${current().url}/connectors/40`, {
      method: 'PUT',
      headers: { Origin: origin, Authorization: 'Bearer emulator-config-token', 'Content-Type': 'application/json' },
      body: JSON.stringify({ hidden: true }),
    });
    expect(write.status).toBe(403);
    expect(write.headers.get('access-control-allow-origin')).toBeNull();
    expect(write.headers.get('vary')).toBe('Origin');
    const refusal = await write.json();
    expect(refusal).toMatchObject({ code: 'forbidden', request_id: null });
    expect(refusal.description).toContain(origin);
    expect(current().emulator.connectors.find((connector) => connector.id === 40)?.hidden).not.toBe(true);
    const pages = await fetch(`${current().url.replace(/\/2\.0$/, '')}/bank/app`, { headers: { Origin: origin } });
    expect(pages.status).toBe(403);
  });

  it('answers its own pages’ forms, which a browser posts with Origin: null, and refuses that origin from elsewhere', async () => {
    const bankPage = `${current().url.replace(/\/2\.0$/, '')}/bank/app`;
    const fromItsPage = await fetch(bankPage, { headers: { Origin: 'null', 'Sec-Fetch-Site': 'same-origin' } });
    expect(fromItsPage.status).not.toBe(403);
    for (const site of ['cross-site', 'same-site']) {
      const elsewhere = await fetch(bankPage, { headers: { Origin: 'null', 'Sec-Fetch-Site': site } });
      expect(elsewhere.status, site).toBe(403);
    }
    expect((await fetch(bankPage, { headers: { Origin: 'null' } })).status).toBe(403);
  });

  it('answers a request without Origin (a program, a link followed) with no CORS header', async () => {
    const response = await fetch(`${current().url}/connectors/40`);
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    expect(response.headers.get('vary')).toBe('Origin');
  });

  it('allows the origins of allowedOrigins too', async () => {
    const other = await startMockServer({
      port: 0,
      connectors: fixtureConnectors,
      allowedOrigins: ['https://app.example.test/', 'not an origin'],
    });
    try {
      const response = await fetch(`${other.url}/connectors`, { headers: { Origin: 'https://app.example.test' } });
      expect(response.status).toBe(200);
      expect(response.headers.get('access-control-allow-origin')).toBe('https://app.example.test');
      const preflight = await fetch(`${other.url}/connectors/40`, {
        method: 'OPTIONS',
        headers: { Origin: 'https://app.example.test', 'Access-Control-Request-Method': 'PUT' },
      });
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get('access-control-allow-origin')).toBe('https://app.example.test');
      const refused = await fetch(`${other.url}/connectors`, { headers: { Origin: 'https://app.example.test:8443' } });
      expect(refused.status).toBe(403);
      expect(refused.headers.get('access-control-allow-origin')).toBeNull();
    } finally {
      await other.close();
    }
  });

  it("allows every origin with allowedOrigins: '*', still echoing the origin rather than *", async () => {
    const other = await startMockServer({ port: 0, connectors: fixtureConnectors, allowedOrigins: '*' });
    try {
      const response = await fetch(`${other.url}/connectors/40`, { headers: { Origin: 'https://evil.example' } });
      expect(response.status).toBe(200);
      expect(response.headers.get('access-control-allow-origin')).toBe('https://evil.example');
      expect(response.headers.get('vary')).toBe('Origin');
    } finally {
      await other.close();
    }
  });

  it('refuses another website even without CORS', async () => {
    const plain = await startMockServer({ port: 0, connectors: fixtureConnectors, cors: false });
    try {
      const refused = await fetch(`${plain.url}/connectors`, { headers: { Origin: 'https://evil.example' } });
      expect(refused.status).toBe(403);
      const local = await fetch(`${plain.url}/connectors`, { headers: { Origin: 'http://localhost:5173' } });
      expect(local.status).toBe(200);
      expect(local.headers.get('access-control-allow-origin')).toBeNull();
    } finally {
      await plain.close();
    }
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

  it('refuses a body over 1 MB with 413 from its Content-Length, before reading it', async () => {
    const { token } = current().emulator.createUser();
    const answer = await answerWhileUploading(
      `${current().url}/users/me/connections`,
      'POST',
      { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', 'Content-Length': MAX_BODY_BYTES + 1 },
      1024,
    );
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toMatchObject({ code: 'requestEntityTooLarge', description: expect.any(String) });
    expect(answer.headers.connection).toBe('close');
    current().emulator.reset();
  });

  it('refuses a streamed body with 413 as soon as it goes over 1 MB', async () => {
    const { token } = current().emulator.createUser();
    const answer = await answerWhileUploading(
      `${current().url}/users/me/connections`,
      'POST',
      { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' },
      MAX_BODY_BYTES + 256 * 1024,
    );
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body).code).toBe('requestEntityTooLarge');
    expect(current().emulator.connections).toEqual([]);
    current().emulator.reset();
  });

  it('checks the route, the method and the token before reading a body', async () => {
    const headers = { 'Content-Type': 'application/json', 'Content-Length': 500_000 };
    const unknown = await answerWhileUploading(`${current().url}/nothing-here`, 'POST', headers, 10);
    expect(unknown.status).toBe(404);
    const wrongMethod = await answerWhileUploading(`${current().url}/connectors/40/sources`, 'POST', headers, 10);
    expect(wrongMethod.status).toBe(405);
    const anonymous = await answerWhileUploading(`${current().url}/users/me/connections`, 'POST', headers, 10);
    expect(anonymous.status).toBe(401);
  });

  it('passes Location and Content-Security-Policy through, for a whole Webview visit', async () => {
    const { emulator, url } = current();
    const origin = new URL(url).origin;
    const { token } = emulator.createUser();
    const codeAnswer = await fetch(`${url}/auth/token/code?type=singleAccess`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    const { code } = await codeAnswer.json();
    const query = new URLSearchParams({
      domain: 'demo',
      client_id: DEFAULT_CLIENT_ID,
      redirect_uri: APP_CALLBACK,
      code,
      state: 'over-http',
      connector_uuids: FIXTURE_TEST_UUID,
    });
    const opened = await fetch(`${origin}/webview/connect?${query}`, { redirect: 'manual' });
    expect(opened.status).toBe(303);
    const sessionUrl = opened.headers.get('location') ?? '';
    expect(sessionUrl).toMatch(new RegExp(`^${origin}/webview/session/`));
    const page = await fetch(sessionUrl);
    expect(page.headers.get('content-security-policy')).toBe(
      `default-src 'none'; style-src 'unsafe-inline'; form-action ${origin} https://app.example.test; frame-ancestors 'none'; base-uri 'none'`,
    );
    expect(await page.text()).toContain('<h1>Connect Connecteur de test</h1>');
    const connected = await fetch(sessionUrl, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'field.login=12345678&field.password=pw&action=connect',
      redirect: 'manual',
    });
    expect(connected.status).toBe(303);
    expect(callbackQuery(connected.headers.get('location'))).toMatchObject({ connection_id: '1', state: 'over-http' });
    expect(emulator.connections).toHaveLength(1);
    emulator.reset();
  });

  it('drops the connection on a lost answer, after doing the work', async () => {
    const { emulator, url } = current();
    const { token } = emulator.createUser();
    emulator.setFaults([{ kind: 'lost-response', route: 'connections', times: 1 }]);
    await expect(
      fetch(`${url}/users/me/connections`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ connector_uuid: FIXTURE_TEST_UUID, login: '12345678', password: 'pw' }),
      }),
    ).rejects.toThrow(TypeError);
    expect(emulator.connections).toHaveLength(1);
    emulator.reset();
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
    const args = ['--port', '0', '--latency', '0', '--allowed-origin', 'https://app.example.test'];
    const child = spawn(process.execPath, ['--conditions=@connector-kit/source', cli, ...args], {
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
      const allowed = await fetch(`${url}/connectors`, { headers: { Origin: 'https://app.example.test' } });
      expect(allowed.headers.get('access-control-allow-origin')).toBe('https://app.example.test');
      expect((await fetch(`${url}/connectors`, { headers: { Origin: 'https://evil.example' } })).status).toBe(403);
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      const [code] = await exited;
      expect(code).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  }, 15_000);
});
