import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { type Connect, defineConfig, type Plugin, runnerImport } from 'vite';
import { workspaceSources } from '../../vite.shared.ts';

const host = '127.0.0.1';

/** The list sizes written into the build; other sizes are generated on request by the dev and preview servers. */
export const BUILT_SIZES = [1_000, 5_000, 20_000] as const;
export const BUILT_SEEDS = [1] as const;

/** Where a page finds its data: `generateConnectors(n, seed)` serialized once, so that no page pays for generating it. */
export const dataFileName = (n: number, seed: number) => `data/connectors-${n}-${seed}.json`;
const DATA_PATH = /^\/data\/connectors-(\d+)-(\d+)\.json$/;

type Generate = (count: number, seed: number) => unknown[];

/** `generateConnectors` from the mock-api sources (the same resolution as the app), loaded once. */
let generator: Promise<Generate> | undefined;
function loadGenerator(): Promise<Generate> {
  generator ??= runnerImport<{ generateConnectors: Generate }>('@connector-kit/mock-api', {
    configFile: false,
    root: import.meta.dirname,
    logLevel: 'error',
    plugins: [workspaceSources()],
  }).then(({ module }) => module.generateConnectors);
  return generator;
}

/** Keys the connectors API returns only when expanded; the picker asks for `countries` alone. */
const NOT_EXPANDED = ['sources', 'fields', 'payment_fields', 'urls'];

/** `generateConnectors(n, seed)` as `GET /connectors?expand=countries` carries it (hidden connectors kept). */
async function dataJson(n: number, seed: number): Promise<string> {
  const generate = await loadGenerator();
  const connectors = generate(n, seed).map((connector) => {
    const shown = { ...(connector as Record<string, unknown>) };
    for (const key of NOT_EXPANDED) delete shown[key];
    return shown;
  });
  return JSON.stringify(connectors);
}

/**
 * Serves `/data/connectors-<n>-<seed>.json`: emitted into the build for the benchmark's sizes, generated on request
 * (and kept in memory) for any other size by the dev and preview servers.
 */
function benchData(): Plugin {
  const cache = new Map<string, Promise<string>>();
  const middleware =
    (outDir: string | null): Connect.NextHandleFunction =>
    (request, response, next) => {
      const match = DATA_PATH.exec(request.url?.split('?')[0] ?? '');
      if (!match) return next();
      if (outDir !== null && existsSync(join(outDir, match[0]))) return next();
      const n = Number(match[1]);
      const seed = Number(match[2]);
      if (!Number.isSafeInteger(n) || n > 200_000) return next();
      const key = `${n}-${seed}`;
      let body = cache.get(key);
      if (body === undefined) {
        body = dataJson(n, seed);
        cache.set(key, body);
      }
      body.then(
        (text) => {
          response.setHeader('Content-Type', 'application/json');
          response.end(text);
        },
        (error: unknown) => next(error),
      );
    };
  return {
    name: 'connector-kit:bench-data',
    configureServer(server) {
      server.middlewares.use(middleware(null));
    },
    configurePreviewServer(server) {
      server.middlewares.use(middleware(resolve(server.config.root, server.config.build.outDir)));
    },
    async generateBundle() {
      if (this.environment.name !== 'client') return;
      for (const n of BUILT_SIZES) {
        for (const seed of BUILT_SEEDS) {
          this.emitFile({ type: 'asset', fileName: dataFileName(n, seed), source: await dataJson(n, seed) });
        }
      }
    },
  };
}

export default defineConfig({
  root: import.meta.dirname,
  base: './',
  plugins: [workspaceSources(), react(), benchData()],
  server: { host, cors: false },
  preview: { host, cors: false },
  build: {
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: true,
    reportCompressedSize: false,
    // Writing the data files takes a few seconds by design: no need for the bundler's slow-plugin notice.
    rolldownOptions: { checks: { bundlerTimings: false } },
  },
});
