import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where Storybook was built for this run: every test file serves this one static site. */
    storybookBuild: string;
  }
}

export const repoRoot = path.resolve(import.meta.dirname, '../../..');

/** The `storybook` command, run with this Node rather than whichever one a shell would find first. */
function storybookCli(): string {
  const require = createRequire(import.meta.url);
  const manifest = require.resolve('storybook/package.json');
  const { bin } = require(manifest) as { bin: string };
  return path.resolve(path.dirname(manifest), bin);
}

/**
 * Builds Storybook once for the project, as `pnpm build-storybook` does, into a directory of its own (a failed build
 * empties its output directory, so never `storybook-static`), and removes it when the run ends.
 */
export default async function buildStorybookOnce(project: TestProject): Promise<() => Promise<void>> {
  const outDir = await mkdtemp(path.join(os.tmpdir(), 'connector-kit-storybook-'));
  const args = [storybookCli(), 'build', '--quiet', '--config-dir', '.storybook', '--output-dir', outDir];
  // Vitest sets NODE_ENV to `test`; the site is built as it ships.
  const child = spawn(process.execPath, args, {
    cwd: repoRoot,
    env: { ...process.env, NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk;
  });
  child.stderr.on('data', (chunk: Buffer) => {
    output += chunk;
  });
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  if (code !== 0) {
    await rm(outDir, { recursive: true, force: true });
    throw new Error(`storybook build exited with ${code}:\n${output.slice(-4000)}`);
  }
  project.provide('storybookBuild', outDir);
  return () => rm(outDir, { recursive: true, force: true });
}
