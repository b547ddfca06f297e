import { createConnectorsClient } from '@connector-kit/core';
import { createEmulator, type Emulator, type EmulatorOptions } from '@connector-kit/mock-api';
import { createConnectorsHandlersFor } from '@connector-kit/mock-api/msw';
import { ConnectorsProvider, type GetLogoUrl } from '@connector-kit/react';
import type { Decorator, Preview } from '@storybook/react-vite';
import { QueryClient } from '@tanstack/react-query';
import { getResponse, type HttpHandler, HttpResponse, http } from 'msw';
import { mswLoader } from 'msw-storybook-addon/csf3';
import { useState } from 'react';

/**
 * Stories talk to the emulator through MSW: same-origin requests under this path are answered in the browser by
 * the emulator's handlers, so nothing leaves the page. A story sets `parameters.emulator` (dataset, latency,
 * faults) to show a state; every story gets a fresh emulator and a fresh query cache. Each story's client calls
 * its own API root, `${EMULATOR_BASE_PATH}/<story id>/2.0`, because a docs page renders many stories at once.
 */
export const EMULATOR_BASE_PATH = '/__emulator';

declare module '@storybook/react-vite' {
  interface Parameters {
    emulator?: Omit<EmulatorOptions, 'basePath'>;
    /** Receives the story's emulator, to seed it (a connection to reconnect) or drive it (approve in the bank app). */
    emulatorInstance?: (emulator: Emulator, user: { id: number; token: string }) => void;
    /** The provider's `getLogoUrl` points at the emulator's logos: most load, some are missing, some broken. */
    logos?: boolean;
  }
}

interface StoryEmulator {
  baseUrl: string;
  /** The story's emulated user: the connections routes answer it (the direct path's stories connect for real). */
  userToken: string;
  handlers: HttpHandler[];
}

/** The emulator of each story rendered, by story id. */
const storyEmulators = new Map<string, StoryEmulator>();

const withConnectors: Decorator = (Story, { id, parameters }) => {
  // None when the story's docs page was left before the story mounted: it is being thrown away.
  const [client] = useState(() => {
    const story = storyEmulators.get(id);
    return story && createConnectorsClient({ baseUrl: story.baseUrl, userToken: story.userToken });
  });
  const [queryClient] = useState(() => new QueryClient({ defaultOptions: { queries: { retry: false } } }));
  // The address integrators use with Powens, on the story's emulator.
  const [getLogoUrl] = useState<GetLogoUrl | undefined>(() =>
    client && parameters.logos ? (connector) => `${client.baseUrl}/logos/${connector.uuid}-thumbnail.webp` : undefined,
  );
  if (!client) return null;
  return (
    <ConnectorsProvider client={client} queryClient={queryClient} getLogoUrl={getLogoUrl}>
      <Story />
    </ConnectorsProvider>
  );
};

/**
 * The worker is registered next to `iframe.html` rather than at the origin's root (MSW's default), so that the
 * static site also works from a sub-path (`https://example.org/connector-kit/`).
 */
async function startWorker() {
  const { setupWorker } = await import('msw/browser');
  // Given to `setupWorker`, so that it outlives the `resetHandlers()` the loader calls before every story.
  const worker = setupWorker(
    http.all(`${EMULATOR_BASE_PATH}/:story/*`, ({ request, params }) => {
      const story = storyEmulators.get(String(params.story));
      // A story already thrown away (its docs page was left) gets no answer; its request never reaches the host.
      return story ? getResponse(story.handlers, request) : HttpResponse.error();
    }),
  );
  await worker.start({ quiet: true, serviceWorker: { url: './mockServiceWorker.js' } });
  return worker;
}

const preview: Preview = {
  loaders: [mswLoader(startWorker)],
  beforeEach({ id, parameters }) {
    const baseUrl = `${EMULATOR_BASE_PATH}/${id}/2.0`;
    const emulator = createEmulator({ ...parameters.emulator, basePath: baseUrl });
    const user = emulator.createUser();
    parameters.emulatorInstance?.(emulator, user);
    const story = { baseUrl, userToken: user.token, handlers: createConnectorsHandlersFor(emulator, baseUrl) };
    storyEmulators.set(id, story);
    return () => {
      // A story rendered again has replaced its entry already.
      if (storyEmulators.get(id) === story) storyEmulators.delete(id);
    };
  },
  decorators: [withConnectors],
  // A docs page per component, with its props from the component's types.
  tags: ['autodocs'],
  parameters: {
    layout: 'padded',
    // Every story runs as a test with an axe check: a violation fails it.
    a11y: { test: 'error' },
    controls: { expanded: true },
  },
};

export default preview;
