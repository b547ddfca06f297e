import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Emulator, EmulatorOptions } from '@connector-kit/mock-api';
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

type Generate = (count: number, seed: number) => NonNullable<EmulatorOptions['connectors']>;

interface MockApi {
  generateConnectors: Generate;
  createEmulator: (options: EmulatorOptions) => Emulator;
}

/** The mock-api sources (the same resolution as the app), loaded once. */
let mockApi: Promise<MockApi> | undefined;
function loadMockApi(): Promise<MockApi> {
  mockApi ??= runnerImport<MockApi>('@connector-kit/mock-api', {
    configFile: false,
    root: import.meta.dirname,
    logLevel: 'error',
    plugins: [workspaceSources()],
  }).then(({ module }) => module);
  return mockApi;
}
const loadGenerator = () => loadMockApi().then((module) => module.generateConnectors);

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

/** The API root of the emulator over `generateConnectors(n, seed)`, relative to the page. */
export const emulatorRoot = (n: number, seed: number) => `emulator/${n}-${seed}/2.0`;
const EMULATOR_PATH = /^\/emulator\/(\d+)-(\d+)\/2\.0(?:\/|$)/;

/**
 * Serves `/emulator/<n>-<seed>/2.0/*` with the emulator over the page's own data, from the dev and preview servers:
 * with `?logos`, a page loads its logos there, at the address integrators use with Powens
 * (`…/logos/<uuid>-thumbnail.webp`), offline. Each emulator is made on its first request and kept.
 */
function benchEmulator(): Plugin {
  const emulators = new Map<string, Promise<Emulator>>();
  const middleware: Connect.NextHandleFunction = (request, response, next) => {
    const match = EMULATOR_PATH.exec(request.url?.split('?')[0] ?? '');
    if (!match) return next();
    const n = Number(match[1]);
    const seed = Number(match[2]);
    if (!Number.isSafeInteger(n) || n > 200_000 || request.method !== 'GET') return next();
    const key = `${n}-${seed}`;
    let emulator = emulators.get(key);
    if (emulator === undefined) {
      emulator = loadMockApi().then(({ createEmulator, generateConnectors }) =>
        createEmulator({ connectors: generateConnectors(n, seed), basePath: `/${emulatorRoot(n, seed)}` }),
      );
      emulators.set(key, emulator);
    }
    emulator
      .then(async (ready) => {
        const answer = await ready.handle(new Request(`http://${host}${request.url}`));
        response.statusCode = answer.status;
        answer.headers.forEach((value, name) => {
          response.setHeader(name, value);
        });
        response.end(Buffer.from(await answer.arrayBuffer()));
      })
      .catch((error: unknown) => next(error));
  };
  return {
    name: 'connector-kit:bench-emulator',
    configureServer(server) {
      server.middlewares.use(middleware);
    },
    configurePreviewServer(server) {
      server.middlewares.use(middleware);
    },
  };
}

export default defineConfig({
  root: import.meta.dirname,
  base: './',
  plugins: [workspaceSources(), react(), benchData(), benchEmulator()],
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
