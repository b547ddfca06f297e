import { createConnectorsClient } from '@connector-kit/core';
import {
  createConnectorsHandlersFor,
  createEmulator,
  type Emulator,
  type EmulatorOptions,
} from '@connector-kit/mock-api';
import { ConnectorsProvider } from '@connector-kit/react';
import type { Decorator, Preview } from '@storybook/react-vite';
import { QueryClient } from '@tanstack/react-query';
import { mswLoader } from 'msw-storybook-addon/csf3';
import { useState } from 'react';

/**
 * Stories talk to the emulator through MSW: same-origin requests under this path are answered in the browser by
 * the emulator's handlers, so nothing leaves the page. A story sets `parameters.emulator` (dataset, latency,
 * faults) to show a state; every story gets a fresh emulator and a fresh query cache.
 */
export const EMULATOR_BASE_PATH = '/__emulator/2.0';

declare module '@storybook/react-vite' {
  interface Parameters {
    emulator?: Omit<EmulatorOptions, 'basePath'>;
    /** Receives the story's emulator, to seed it (a connection to reconnect) or drive it (approve in the bank app). */
    emulatorInstance?: (emulator: Emulator, user: { id: number; token: string }) => void;
  }
}

/** The story's emulated user: the connections routes answer it (the direct path's stories connect for real). */
let userToken = '';

const withConnectors: Decorator = (Story) => {
  const [client] = useState(() => createConnectorsClient({ baseUrl: EMULATOR_BASE_PATH, userToken }));
  const [queryClient] = useState(() => new QueryClient({ defaultOptions: { queries: { retry: false } } }));
  return (
    <ConnectorsProvider client={client} queryClient={queryClient}>
      <Story />
    </ConnectorsProvider>
  );
};

const preview: Preview = {
  loaders: [mswLoader()],
  beforeEach({ msw, parameters }) {
    const emulator = createEmulator({ ...parameters.emulator, basePath: EMULATOR_BASE_PATH });
    const user = emulator.createUser();
    userToken = user.token;
    parameters.emulatorInstance?.(emulator, user);
    msw.use(...createConnectorsHandlersFor(emulator, EMULATOR_BASE_PATH));
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
