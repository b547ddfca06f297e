import { defaultClientConditions, defaultServerConditions, type Plugin } from 'vite';

/** Chromium from Debian; never a downloaded browser build. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Flags for Chromium as root on a machine with no network beyond loopback. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/** Resolve the workspace packages to their TypeScript sources, so tests and stories need no build step. */
export function workspaceSources(): Plugin {
  const condition = '@connector-kit/source';
  return {
    name: 'connector-kit:workspace-sources',
    config: () => ({
      resolve: { conditions: [condition, ...defaultClientConditions] },
      // Loaded on demand by field patterns: pre-bundle it, or the dev server reloads the page when first asked for it.
      optimizeDeps: { include: ['@connector-kit/core > re2js'] },
      ssr: { resolve: { conditions: [condition, ...defaultServerConditions], externalConditions: [condition] } },
    }),
  };
}
