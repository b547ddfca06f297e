/**
 * The emulator as MSW request handlers, for Node tests (`setupServer`) and the browser (`setupWorker`,
 * Storybook): catch-all handlers under the API root and under the emulator's HTML pages (`/webview/…`, `/bank/…`,
 * on the API's origin) delegate every request to an emulator.
 */
import { type HttpHandler, HttpResponse, http } from 'msw';
import { createEmulator, type Emulator, type EmulatorOptions, PAGE_PATH_PREFIXES } from './emulator.ts';

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
  // The pages live at the root of the API's origin: `https://x.biapi.pro/2.0` gives `https://x.biapi.pro/webview/*`.
  const origin = root.slice(0, root.length - pathOf(root).replace(/^\/$/, '').length);
  const answer = async ({ request }: { request: Request }) => {
    try {
      return await emulator.handle(request);
    } catch (error) {
      // A network fault, a lost answer, or a request its caller gave up on: either way, no answer.
      if (error instanceof TypeError || request.signal.aborted) return HttpResponse.error();
      throw error;
    }
  };
  return [
    http.all(`${root}/*`, answer),
    ...PAGE_PATH_PREFIXES.map((prefix) => http.all(`${origin}${prefix}/*`, answer)),
  ];
}

/** Handlers over a new emulator built from `options`. */
export function createConnectorsHandlers(options: ConnectorsHandlersOptions = {}): HttpHandler[] {
  const { baseUrl = DEFAULT_HANDLERS_BASE_URL, ...emulatorOptions } = options;
  const emulator = createEmulator({ ...emulatorOptions, basePath: emulatorOptions.basePath ?? pathOf(baseUrl) });
  return createConnectorsHandlersFor(emulator, baseUrl);
}
