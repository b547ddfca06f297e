/**
 * HTTP helpers for the demo server's tests: raw calls as a browser makes them (with a record of every answer, for
 * the scans of credentials), the pieces a test reads out of an answer, an emulator that records what reaches it, and
 * a loopback server that closes without waiting for kept-alive connections.
 */
import { request as httpRequest, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type MockServer, type MockServerOptions, startMockServer } from '@connector-kit/mock-api/server';
import { expect } from 'vitest';

export interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface CallOptions {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
}

/** One HTTP call with full control over `Host`, `Origin` and cookies (which `fetch` would set or drop itself). */
export type Call = (base: string, pathname: string, options?: CallOptions) => Promise<Answer>;

/**
 * A `call` that keeps every answer in `seen`: all the browser could see, for a test that scans it for credentials.
 * Each file makes its own, so that its scan covers its own calls and no other file's.
 */
export function createRecordingCaller(): { call: Call; seen: Answer[] } {
  const seen: Answer[] = [];
  const call: Call = (base, pathname, options = {}) =>
    new Promise((resolve, reject) => {
      const request = httpRequest(
        `${base}${pathname}`,
        { method: options.method ?? 'GET', headers: options.headers ?? {} },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => {
            const answer = {
              status: response.statusCode ?? 0,
              headers: response.headers,
              body: Buffer.concat(chunks).toString('utf8'),
            };
            seen.push(answer);
            resolve(answer);
          });
          response.on('error', reject);
        },
      );
      request.on('error', reject);
      request.end(options.body);
    });
  return { call, seen };
}

/** The answer's body as a JSON object. */
export function json(answer: Answer): Record<string, unknown> {
  return JSON.parse(answer.body) as Record<string, unknown>;
}

/** The answer's `Set-Cookie`, if any: the demo server never sets more than one cookie at once. */
export function setCookieOf(answer: Answer): string | undefined {
  const value = answer.headers['set-cookie'];
  expect(value === undefined || value.length === 1).toBe(true);
  return value?.[0];
}

/** `ck_demo_session=<id>` from a `Set-Cookie`, as the browser sends it back. */
export function cookieFrom(answer: Answer): string {
  const header = setCookieOf(answer);
  if (header === undefined) throw new Error('no Set-Cookie');
  return header.split(';')[0] ?? '';
}

/** A request as it reached the emulator, its path without the `/2.0` prefix. */
export interface Seen {
  method: string;
  path: string;
  authorization: string | null;
  cookie: string | null;
}

/**
 * An emulator on loopback that records the method, path and credentials of every request it receives (and still
 * calls the `onRequest` of `options`, if any).
 */
export async function recordingEmulator(
  options: MockServerOptions = {},
): Promise<{ server: MockServer; seen: Seen[] }> {
  const seen: Seen[] = [];
  const server = await startMockServer({
    port: 0,
    ...options,
    onRequest: (request) => {
      const url = new URL(request.url);
      seen.push({
        method: request.method,
        path: url.pathname.replace(/^\/2\.0/, ''),
        authorization: request.headers.get('authorization'),
        cookie: request.headers.get('cookie'),
      });
      options.onRequest?.(request);
    },
  });
  return { server, seen };
}

/**
 * Starts `server` on a free loopback port. Its `close` drops the connections kept alive too: otherwise it would wait
 * for the clients to end them.
 */
export async function listenOnLoopback(server: Server): Promise<{ port: number; close: () => Promise<void> }> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
