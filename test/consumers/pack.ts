import { existsSync } from 'node:fs';
import { mkdir, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { cacheDir, root, run } from './support.ts';

const packages = ['core', 'react', 'ui', 'mock-api'];

/**
 * Packs the built packages once for the whole project, as they would be published (`pnpm pack`: the publish
 * exports, workspace ranges turned into versions). Needs `pnpm run build` first, as the test command does.
 */
export default async function packOnce(project: TestProject): Promise<void> {
  const destination = path.join(cacheDir, 'tarballs');
  await rm(destination, { recursive: true, force: true });
  await mkdir(destination, { recursive: true });
  const tarballs: Record<string, string> = {};
  for (const name of packages) {
    const dir = path.join(root, 'packages', name);
    if (!existsSync(path.join(dir, 'dist'))) throw new Error(`packages/${name} is not built: run \`pnpm run build\``);
    const before = new Set(await readdir(destination));
    await run('pnpm', ['pack', '--pack-destination', destination], { cwd: dir });
    const made = (await readdir(destination)).find((file) => !before.has(file));
    if (!made) throw new Error(`pnpm pack made no tarball in packages/${name}`);
    tarballs[`@connector-kit/${name}`] = path.join(destination, made);
  }
  project.provide('tarballs', tarballs);
}
