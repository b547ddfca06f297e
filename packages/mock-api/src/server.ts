/**
 * The emulator behind a real HTTP server on loopback, for the demo app, e2e tests and manual checks with curl.
 * Node only (`node:http`); the answers come from the same emulator the MSW handlers use.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createEmulator, DEFAULT_BASE_PATH, type Emulator, type EmulatorOptions } from './emulator.ts';

export interface MockServerOptions extends EmulatorOptions {
  /** Port to listen on (default 4010); `0` picks a free one. */
  port?: number;
  /** Interface to bind (default `127.0.0.1`: loopback only). */
  host?: string;
  /** Answer CORS preflights and add CORS headers, so a web page on another origin can call the server (default true). */
  cors?: boolean;
}

export interface MockServer {
  /** The API root, e.g. `http://127.0.0.1:4010/2.0`. */
  url: string;
  port: number;
  /** Stops listening and drops open connections. */
  close(): Promise<void>;
  /** The emulator behind the server: change its faults or reset its state from a test. */
  emulator: Emulator;
}

const CORS_HEADERS: Record<string, string> = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Headers': 'Authorization, Content-Type, Accept-Language',
  'Access-Control-Allow-Methods': 'GET, PUT, PATCH, OPTIONS',
  'Access-Control-Expose-Headers': 'Allow, Retry-After',
  'Access-Control-Max-Age': '600',
};

function readBody(message: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    message.on('data', (chunk: Buffer) => chunks.push(chunk));
    message.on('end', () => resolve(Buffer.concat(chunks)));
    message.on('error', reject);
  });
}

async function toRequest(message: IncomingMessage, origin: string, signal: AbortSignal): Promise<Request> {
  const headers = new Headers();
  for (const [name, value] of Object.entries(message.headers)) {
    if (Array.isArray(value)) for (const item of value) headers.append(name, item);
    else if (value !== undefined) headers.set(name, value);
  }
  const method = (message.method ?? 'GET').toUpperCase();
  const body = method === 'GET' || method === 'HEAD' ? undefined : await readBody(message);
  return new Request(new URL(message.url ?? '/', origin), {
    method,
    headers,
    signal,
    ...(body && body.length > 0 ? { body: new Uint8Array(body) } : {}),
  });
}

async function send(response: Response, out: ServerResponse, extraHeaders: Record<string, string>): Promise<void> {
  const body = Buffer.from(await response.arrayBuffer());
  const headers: Record<string, string> = { ...extraHeaders };
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  headers['content-length'] = String(body.length);
  out.writeHead(response.status, headers);
  out.end(body);
}

/** Starts the emulator on `http://host:port/2.0`. */
export function startMockServer(options: MockServerOptions = {}): Promise<MockServer> {
  const { port = 4010, host = '127.0.0.1', cors = true, ...emulatorOptions } = options;
  const emulator = createEmulator(emulatorOptions);
  const corsHeaders = cors ? CORS_HEADERS : {};
  const urlHost = host.includes(':') ? `[${host}]` : host;

  const server = createServer((message, out) => {
    if (cors && message.method === 'OPTIONS') {
      out.writeHead(204, { ...corsHeaders, 'content-length': '0' });
      out.end();
      return;
    }
    const controller = new AbortController();
    out.on('close', () => {
      if (!out.writableFinished) controller.abort(new DOMException('The client closed the connection', 'AbortError'));
    });
    const origin = `http://${message.headers.host ?? urlHost}`;
    toRequest(message, origin, controller.signal)
      .then((request) => emulator.handle(request))
      .then(
        (response) => send(response, out, corsHeaders),
        (error: unknown) => {
          if (controller.signal.aborted) return;
          if (error instanceof TypeError) {
            // A network fault: drop the connection without an answer.
            message.socket.destroy();
            return;
          }
          const description = error instanceof Error ? error.message : String(error);
          return send(Response.json({ code: 'bug', description, request_id: null }, { status: 500 }), out, corsHeaders);
        },
      )
      .catch(() => {
        out.destroy();
      });
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const actualPort = (server.address() as AddressInfo).port;
      const basePath = (emulatorOptions.basePath ?? DEFAULT_BASE_PATH).replace(/\/+$/, '');
      resolve({
        url: `http://${urlHost}:${actualPort}${basePath.startsWith('/') || basePath === '' ? '' : '/'}${basePath}`,
        port: actualPort,
        emulator,
        close: () =>
          new Promise<void>((done, fail) => {
            server.close((error) => (error ? fail(error) : done()));
            server.closeAllConnections();
          }),
      });
    });
  });
}
