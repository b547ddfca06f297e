import path from 'node:path';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import react from '@vitejs/plugin-react';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';
import { chromiumArgs, chromiumPath, workspaceSources } from './vite.shared.ts';

/** Headless Debian Chromium; a fresh object per project, since Vitest names each project's instances. */
const browser = () => ({
  enabled: true,
  headless: true,
  provider: playwright({ launchOptions: { executablePath: chromiumPath, args: chromiumArgs } }),
  instances: [{ browser: 'chromium' as const }],
});

/** React 18, installed by the workspace package in test/react18. */
const react18 = (name: string) => path.join(import.meta.dirname, 'test/react18/node_modules', name);

export default defineConfig({
  plugins: [workspaceSources(), react()],
  test: {
    // The default output, then what the reliability cases that passed cover (test/reliability.ts).
    reporters: ['default', './test/reliability-reporter.ts'],
    projects: [
      // Apps bring their own projects (the demo's end-to-end tests).
      'apps/*/vitest.config.ts',
      // The published Storybook site, built and served as static files.
      'test/docs-site/vitest.config.ts',
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: ['packages/{core,mock-api}/src/**/*.test.ts', 'apps/*/src/**/*.node.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'dom',
          environment: 'jsdom',
          env: { EXPECTED_REACT_MAJOR: '19' },
          include: ['packages/{react,ui}/src/**/*.test.{ts,tsx}', 'apps/demo/src/**/*.test.tsx'],
          exclude: ['**/*.browser.test.{ts,tsx}'],
          setupFiles: ['./test/setup-dom.ts'],
        },
      },
      {
        // The same component and hook tests on React 18: both majors are supported peers.
        extends: true,
        // ES module builds first, so that libraries' own `import 'react'` meets the aliases (CommonJS would not).
        resolve: {
          mainFields: ['module', 'jsnext:main', 'jsnext', 'main'],
          alias: [
            { find: /^react$/, replacement: react18('react') },
            { find: /^react\/(.*)$/, replacement: `${react18('react')}/$1` },
            { find: /^react-dom$/, replacement: react18('react-dom') },
            { find: /^react-dom\/(.*)$/, replacement: `${react18('react-dom')}/$1` },
            // Its CommonJS entry would load the workspace's React 19; its ES module goes through the aliases above.
            {
              find: /^@testing-library\/react$/,
              replacement: path.join(
                import.meta.dirname,
                'node_modules/@testing-library/react/dist/@testing-library/react.esm.js',
              ),
            },
          ],
        },
        test: {
          name: 'react18',
          environment: 'jsdom',
          env: { EXPECTED_REACT_MAJOR: '18' },
          include: ['packages/{react,ui}/src/**/*.test.{ts,tsx}'],
          exclude: ['**/*.browser.test.{ts,tsx}'],
          setupFiles: ['./test/setup-dom.ts'],
          // Libraries that import React go through the aliases too, so that one React runs.
          server: {
            deps: {
              inline: [/@radix-ui/, /@floating-ui/, /@tanstack/, /react-/, /use-/, /@testing-library/],
            },
          },
        },
      },
      {
        extends: true,
        // Known before the first test file asks for them: a dependency found during the run reloads the page.
        optimizeDeps: { include: ['fast-check'] },
        test: {
          name: 'browser',
          include: ['packages/**/src/**/*.browser.test.{ts,tsx}'],
          browser: browser(),
        },
      },
      {
        test: {
          name: 'consumers',
          environment: 'node',
          include: ['test/consumers/*.consumer.test.ts'],
          // The packed packages, made once for every consumer app.
          globalSetup: ['test/consumers/pack.ts'],
          // Installs from the registry and production builds: minutes, not seconds.
          testTimeout: 300_000,
          hookTimeout: 600_000,
        },
      },
      {
        extends: true,
        plugins: [storybookTest({ configDir: path.join(import.meta.dirname, '.storybook') })],
        test: {
          name: 'storybook',
          // The 20,000-connector stories generate and index their data in the page: seconds on a busy 2-core machine.
          testTimeout: 30_000,
          browser: browser(),
        },
      },
    ],
  },
});
