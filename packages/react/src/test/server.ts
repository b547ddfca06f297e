import { http } from 'msw';
import {
  CONFIG_TOKEN,
  createEmulatorServer,
  EMULATOR_BASE_URL,
  type SeenRequest,
  sleep,
} from '../../../../test/emulator-server.ts';
import { testConnectors } from './fixtures.ts';

export { CONFIG_TOKEN, EMULATOR_BASE_URL, type SeenRequest, sleep };

const harness = createEmulatorServer(testConnectors);
export const { emulator, server, seenRequests, setFaults, requestsTo } = harness;

/** How many requests reached the emulator, optionally only those of one method and path (under the API root). */
export function requestCount(method?: string, path?: string): number {
  return seenRequests.filter(
    (request) =>
      (method === undefined || request.method === method) &&
      (path === undefined || request.url.pathname === new URL(EMULATOR_BASE_URL).pathname + path),
  ).length;
}

/** Starts the emulator for the test file, and resets its data, faults and the request log after each test. */
export const setupEmulatorServer = harness.setup;

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
