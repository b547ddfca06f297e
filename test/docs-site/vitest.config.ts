import path from 'node:path';
import { defineProject } from 'vitest/config';

/**
 * The Storybook site as it is published: built once, served as plain files, opened in headless Chromium. Run with
 * `pnpm test:docs-site`.
 */
export default defineProject({
  root: path.resolve(import.meta.dirname, '../..'),
  test: {
    name: 'docs-site',
    environment: 'node',
    include: ['test/docs-site/**/*.test.ts'],
    globalSetup: ['test/docs-site/support/build.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
