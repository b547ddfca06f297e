import { createConnectorsHandlersFor, createEmulator, type Fault } from '@connector-kit/mock-api';
import { http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { testConnectors } from './fixtures.ts';

/** Where the test clients send their requests; only the emulator answers there. */
export const EMULATOR_BASE_URL = 'https://emulator.test/2.0';
/** The config token the emulator expects on writes. */
export const CONFIG_TOKEN = 'emulator-config-token';

export const emulator = createEmulator({ connectors: testConnectors, configToken: CONFIG_TOKEN });
export const server = setupServer(...createConnectorsHandlersFor(emulator, EMULATOR_BASE_URL));

/** A request as it reached the emulator. */
export interface SeenRequest {
  method: string;
  url: URL;
  headers: Headers;
  signal: AbortSignal;
}

/** Every request that reached the emulator during the current test, in order. */
export const seenRequests: SeenRequest[] = [];

/** How many requests reached the emulator, optionally only those of one method and path (under the API root). */
export function requestCount(method?: string, path?: string): number {
  return seenRequests.filter(
    (request) =>
      (method === undefined || request.method === method) &&
      (path === undefined || request.url.pathname === new URL(EMULATOR_BASE_URL).pathname + path),
  ).length;
}

/** Starts the emulator for the test file, and resets its data, faults and the request log after each test. */
export function setupEmulatorServer(): void {
  beforeAll(() => {
    server.listen({ onUnhandledFrame: 'error' });
    server.events.on('request:start', ({ request }) => {
      seenRequests.push({
        method: request.method,
        url: new URL(request.url),
        headers: new Headers(request.headers),
        signal: request.signal,
      });
    });
  });
  afterEach(() => {
    server.resetHandlers();
    emulator.reset();
    seenRequests.length = 0;
  });
  afterAll(() => {
    server.events.removeAllListeners();
    server.close();
  });
}

export function setFaults(...faults: Fault[]): void {
  emulator.setFaults(faults);
}

/**
 * Holds the next requests of a method and path pattern (relative to the API root) until `release()`; they then
 * go on to the emulator. Lets a test look at the UI while a write is in flight.
 */
export function holdRequests(method: 'GET' | 'PUT' | 'PATCH', path: string): { release: () => void } {
  let release = () => {};
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  const handler = { GET: http.get, PUT: http.put, PATCH: http.patch }[method];
  server.use(
    handler(`${EMULATOR_BASE_URL}${path}`, async () => {
      await gate;
      // No answer here: the request goes on to the emulator's handler.
    }),
  );
  return { release: () => release() };
}
