import type { Connector } from '@connector-kit/core';
import { createEmulator, DEFAULT_CONFIG_TOKEN, type Fault } from '@connector-kit/mock-api';
import { createConnectorsHandlersFor } from '@connector-kit/mock-api/msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';

/** Where the test clients send their requests; only the emulator answers there (MSW in Node). */
export const EMULATOR_BASE_URL = 'https://emulator.test/2.0';
/** The config token the emulator expects on writes. */
export const CONFIG_TOKEN = DEFAULT_CONFIG_TOKEN;

/** A request as it reached the network layer, with the signal that can abort it. */
export interface SeenRequest {
  method: string;
  url: URL;
  headers: Headers;
  signal: AbortSignal;
}

/**
 * The emulator behind MSW for one test file, over a dataset: `setup()` starts it and, after each test, resets its
 * data, its faults and the log of the requests that reached it.
 */
export function createEmulatorServer(connectors: readonly Connector[]) {
  const emulator = createEmulator({ connectors: [...connectors], configToken: CONFIG_TOKEN });
  const server = setupServer(...createConnectorsHandlersFor(emulator, EMULATOR_BASE_URL));
  const seenRequests: SeenRequest[] = [];

  function setup(): void {
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

  /** The requests of one method whose path under the API root matches `path`. */
  function requestsTo(method: string, path: RegExp): SeenRequest[] {
    const root = new URL(EMULATOR_BASE_URL).pathname;
    return seenRequests.filter(
      (request) =>
        request.method === method &&
        request.url.pathname.startsWith(root) &&
        path.test(request.url.pathname.slice(root.length)),
    );
  }

  return {
    emulator,
    server,
    seenRequests,
    requestsTo,
    setup,
    setFaults: (...faults: Fault[]) => emulator.setFaults(faults),
  };
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
