/**
 * The emulator as MSW request handlers, for Node tests (`setupServer`) and the browser (`setupWorker`,
 * Storybook): one catch-all handler under the API root delegates every request to an emulator.
 */
import { type HttpHandler, HttpResponse, http } from 'msw';
import { createEmulator, type Emulator, type EmulatorOptions } from './emulator.ts';

export interface ConnectorsHandlersOptions extends EmulatorOptions {
  /**
   * The API root to intercept, as an MSW URL pattern; by default `/2.0` on any origin. The emulator's `basePath`
   * follows the path of this URL unless given.
   */
  baseUrl?: string;
}

export const DEFAULT_HANDLERS_BASE_URL = '*/2.0';

/** The path part of an MSW URL pattern, without its origin (`https://x.biapi.pro/2.0` and the any-origin form give `/2.0`). */
function pathOf(baseUrl: string): string {
  return baseUrl.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '').replace(/^\*(?=\/|$)/, '') || '/';
}

/** Handlers that answer through an existing emulator, so a test can change its faults or reset its state. */
export function createConnectorsHandlersFor(
  emulator: Emulator,
  baseUrl: string = DEFAULT_HANDLERS_BASE_URL,
): HttpHandler[] {
  const root = baseUrl.replace(/\/+$/, '');
  return [
    http.all(`${root}/*`, async ({ request }) => {
      try {
        return await emulator.handle(request);
      } catch (error) {
        // A network fault, or a request its caller gave up on: either way, no answer.
        if (error instanceof TypeError || request.signal.aborted) return HttpResponse.error();
        throw error;
      }
    }),
  ];
}

/** Handlers over a new emulator built from `options`. */
export function createConnectorsHandlers(options: ConnectorsHandlersOptions = {}): HttpHandler[] {
  const { baseUrl = DEFAULT_HANDLERS_BASE_URL, ...emulatorOptions } = options;
  const emulator = createEmulator({ ...emulatorOptions, basePath: emulatorOptions.basePath ?? pathOf(baseUrl) });
  return createConnectorsHandlersFor(emulator, baseUrl);
}
