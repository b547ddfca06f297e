import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { BodyTooLargeError, type FetchRequestOptions, sendFetchResponse, toFetchRequest } from './node-http.ts';

type Handler = (request: Request, message: IncomingMessage, out: ServerResponse) => Promise<void>;

let server: Server | undefined;

afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  server = undefined;
});

/** A Node server that hands each request, as a Fetch `Request`, to `handle`; its port. */
async function serve(handle: Handler, options?: FetchRequestOptions): Promise<number> {
  server = createServer((message, out) => {
    handle(toFetchRequest(message, out, options), message, out).catch(() => out.destroy());
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return (server.address() as AddressInfo).port;
}

/** Sends raw bytes and resolves with everything the server writes back until it closes the connection. */
async function raw(port: number, text: string): Promise<string> {
  const socket = connect(port, '127.0.0.1');
  socket.write(text);
  let answer = '';
  socket.setEncoding('utf8');
  socket.on('data', (chunk: string) => {
    answer += chunk;
  });
  await once(socket, 'close');
  return answer;
}

describe('toFetchRequest and sendFetchResponse', () => {
  it('carry the method, URL, headers and body, and write back the status, every cookie and a Content-Length', async () => {
    const port = await serve(async (request, message, out) => {
      const body = await request.text();
      const echo = { method: request.method, url: request.url, type: request.headers.get('content-type'), body };
      const response = Response.json(echo, { status: 201 });
      response.headers.append('set-cookie', 'a=1');
      response.headers.append('set-cookie', 'b=2');
      await sendFetchResponse(response, message, out, { 'X-Extra': 'yes' });
    });
    const response = await fetch(`http://127.0.0.1:${port}/a/b?c=d`, {
      method: 'PUT',
      headers: { 'Content-Type': 'text/plain' },
      body: 'hello',
    });
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({
      method: 'PUT',
      url: `http://127.0.0.1:${port}/a/b?c=d`,
      type: 'text/plain',
      body: 'hello',
    });
    expect(response.headers.getSetCookie()).toEqual(['a=1', 'b=2']);
    expect(response.headers.get('x-extra')).toBe('yes');
  });

  it('keep a path that starts with // on the request host, and use fallbackHost without a usable Host', async () => {
    const port = await serve(
      async (request, message, out) => sendFetchResponse(new Response(request.url), message, out),
      { fallbackHost: 'fallback.test:1234' },
    );
    const doubled = await raw(port, 'GET //evil.example/x HTTP/1.1\r\nHost: app.test\r\nConnection: close\r\n\r\n');
    expect(doubled).toMatch(/\r\n\r\nhttp:\/\/app\.test\/\/evil\.example\/x$/);
    const noHost = await raw(port, 'GET /x HTTP/1.0\r\n\r\n');
    expect(noHost).toMatch(/\r\n\r\nhttp:\/\/fallback\.test:1234\/x$/);
    const malformed = await raw(port, 'GET /x HTTP/1.1\r\nHost: a@b\r\nConnection: close\r\n\r\n');
    expect(malformed).toMatch(/\r\n\r\nhttp:\/\/fallback\.test:1234\/x$/);
  });

  it('stop a body at maxBodyBytes: the stream errors, the signal aborts, and the answer closes the connection', async () => {
    let tooLarge = false;
    const seen: unknown[] = [];
    const port = await serve(
      async (request, message, out) => {
        await request.arrayBuffer().catch((error: unknown) => seen.push(error));
        seen.push(request.signal.reason);
        await sendFetchResponse(new Response('refused', { status: 413 }), message, out);
      },
      {
        maxBodyBytes: 1000,
        onBodyTooLarge: () => {
          tooLarge = true;
        },
      },
    );
    const answer = await raw(
      port,
      `POST /upload HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\n800\r\n${'a'.repeat(2048)}\r\n`,
    );
    expect(answer).toMatch(/^HTTP\/1\.1 413/);
    expect(answer.toLowerCase()).toContain('connection: close');
    expect(tooLarge).toBe(true);
    expect(seen).toHaveLength(2);
    for (const error of seen) expect(error).toBeInstanceOf(BodyTooLargeError);
  });

  it('read nothing of a body the handler does not ask for', async () => {
    const port = await serve(async (_request, message, out) => {
      await sendFetchResponse(new Response(null, { status: 204 }), message, out);
    });
    const answer = await raw(
      port,
      `POST /x HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 100000\r\n\r\n${'a'.repeat(10)}`,
    );
    expect(answer).toMatch(/^HTTP\/1\.1 204/);
    expect(answer.toLowerCase()).toContain('connection: close');
    expect(answer.toLowerCase()).not.toContain('content-length');
  });
});
