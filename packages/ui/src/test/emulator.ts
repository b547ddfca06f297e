import { createConnectorsClient } from '@connector-kit/core';
import { demoConnectors } from '@connector-kit/mock-api';
import { connectorsRetryDelay, createConnectorsQueryClient } from '@connector-kit/react';
import {
  EMULATOR_BASE_URL as BASE_URL,
  CONFIG_TOKEN,
  createEmulatorServer,
  type SeenRequest,
} from '../../../../test/emulator-server.ts';

export { BASE_URL, CONFIG_TOKEN, type SeenRequest };

const harness = createEmulatorServer(demoConnectors);
export const { emulator, server, seenRequests, setFaults } = harness;

/** Starts the emulator for the test file; resets its data, faults and the request log after each test. */
export const setupEmulatorServer = harness.setup;

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
