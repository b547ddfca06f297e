import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { build } from 'vite';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where the demo was built for this run: every browser test file serves this one build. */
    demoBuild: string;
  }
}

export const demoRoot = path.resolve(import.meta.dirname, '../..');

/**
 * Builds the demo once for the whole e2e project, as people get it (production mode), and removes the build when
 * the run ends. Each test file then serves it with `vite preview` in front of an emulator of its own.
 */
export default async function buildDemoOnce(project: TestProject): Promise<() => Promise<void>> {
  const outDir = await mkdtemp(path.join(os.tmpdir(), 'connector-kit-demo-'));
  // Vite takes the mode of the bundle from NODE_ENV, which Vitest sets to `test`.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      configFile: path.join(demoRoot, 'vite.config.ts'),
      root: demoRoot,
      logLevel: 'warn',
      build: { outDir, emptyOutDir: true, sourcemap: false },
    });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
  project.provide('demoBuild', outDir);
  return () => rm(outDir, { recursive: true, force: true });
}
