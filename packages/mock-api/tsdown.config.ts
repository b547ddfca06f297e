import { defineConfig } from 'tsdown';

export default defineConfig({
  entry: ['src/index.ts', 'src/msw.ts', 'src/server.ts', 'src/cli.ts'],
  format: 'esm',
  platform: 'node',
  dts: true,
  clean: true,
  // The package is ESM (`type: module`): plain `.js` / `.d.ts`, as its exports map says.
  fixedExtension: false,
});
