import { createConnectorsClient } from '@connector-kit/core';
import { demoConnectors } from '@connector-kit/mock-api';
import {
  EMULATOR_BASE_URL as BASE_URL,
  CONFIG_TOKEN,
  createEmulatorServer,
  type SeenRequest,
  sleep,
} from '../../../../test/emulator-server.ts';

export { BASE_URL, CONFIG_TOKEN, type SeenRequest, sleep };

const harness = createEmulatorServer(demoConnectors);
export const { emulator, server, seenRequests, setFaults, requestsTo } = harness;

/** Starts the emulator for the test file; resets its data, faults and the request log after each test. */
export const setupEmulatorServer = harness.setup;

/** A client for the emulator with the config token. */
export function createTestClient(options: { timeoutMs?: number | undefined } = {}) {
  return createConnectorsClient({ baseUrl: BASE_URL, configToken: CONFIG_TOKEN, timeoutMs: options.timeoutMs ?? 5000 });
}

/** The library's default query client, its backoff recorded instead of waited for (react's test helper). */
export { createRecordingQueryClient } from '../../../react/src/test/render.tsx';
