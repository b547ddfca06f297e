import { createConnectorsClient } from '@connector-kit/core';
import {
  createConnectorsHandlersFor,
  createEmulator,
  DEFAULT_CONFIG_TOKEN,
  demoConnectors,
  type Fault,
} from '@connector-kit/mock-api';
import { connectorsRetryDelay, createConnectorsQueryClient } from '@connector-kit/react';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';

/** Where the test clients send their requests; only the emulator answers there (MSW in Node). */
export const BASE_URL = 'https://emulator.test/2.0';
export const CONFIG_TOKEN = DEFAULT_CONFIG_TOKEN;

export const emulator = createEmulator({ connectors: demoConnectors, configToken: CONFIG_TOKEN });
export const server = setupServer(...createConnectorsHandlersFor(emulator, BASE_URL));

/** A request as it reached the network layer, with the signal that can abort it. */
export interface SeenRequest {
  method: string;
  url: URL;
  headers: Headers;
  signal: AbortSignal;
}

/** Every request of the current test, in order. */
export const seenRequests: SeenRequest[] = [];

/** The requests of one method whose path (under the API root) matches. */
export function requestsTo(method: string, path: RegExp): SeenRequest[] {
  const root = new URL(BASE_URL).pathname;
  return seenRequests.filter(
    (request) =>
      request.method === method &&
      request.url.pathname.startsWith(root) &&
      path.test(request.url.pathname.slice(root.length)),
  );
}

/** Starts the emulator for the test file; resets its data, faults and the request log after each test. */
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

/** A client for the emulator with the config token. */
export function createTestClient(options: { timeoutMs?: number | undefined } = {}) {
  return createConnectorsClient({ baseUrl: BASE_URL, configToken: CONFIG_TOKEN, timeoutMs: options.timeoutMs ?? 5000 });
}

/**
 * The library's default query client (its retry policy), whose backoff is recorded instead of waited for: `delays`
 * gets what `connectorsRetryDelay` asked for before each retry, and the retry runs 1 ms later.
 */
export function createRecordingQueryClient() {
  const delays: number[] = [];
  const queryClient = createConnectorsQueryClient({
    defaultOptions: {
      queries: {
        retryDelay: (failureCount, error) => {
          delays.push(connectorsRetryDelay(failureCount, error));
          return 1;
        },
      },
    },
  });
  return { queryClient, delays };
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
