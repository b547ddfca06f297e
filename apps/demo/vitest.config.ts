import path from 'node:path';
import { defineProject } from 'vitest/config';
import { workspaceSources } from '../../vite.shared.ts';

/**
 * The demo's end-to-end project: the API proxy against emulators on loopback, server-side rendering of the
 * components, and the built demo in headless Chromium. Run with `pnpm vitest run --project e2e`.
 */
export default defineProject({
  root: path.resolve(import.meta.dirname, '../..'),
  plugins: [workspaceSources()],
  test: {
    name: 'e2e',
    environment: 'node',
    include: ['apps/demo/e2e/**/*.e2e.test.ts'],
    // One production build of the demo for every file that opens it in Chromium.
    globalSetup: ['apps/demo/e2e/support/build.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
