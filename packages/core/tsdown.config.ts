import { defineConfig } from 'tsdown';

export default defineConfig({
  entry: ['src/index.ts'],
  format: 'esm',
  platform: 'neutral',
  dts: true,
  // One file per module: a bundler drops the modules an app does not reach (the zod schemas, for an app that only
  // searches), which it cannot do inside one file.
  unbundle: true,
  clean: true,
});
