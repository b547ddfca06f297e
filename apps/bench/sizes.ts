/**
 * What each picker costs in bytes: the import a page makes, bundled alone with esbuild (minified, tree-shaken,
 * production), react and react-dom external, then gzip- and brotli-compressed.
 *
 * This library is measured two ways: its own code (the workspace packages behind `ConnectorPickerView`: ui, the
 * react hooks, the core search), every peer external (the ui package has no other dependency: its list windows
 * itself, so this is also what installing it adds besides its peers); and everything the page ships besides React
 * (Radix Select and any peer the import still reaches). Each of them from the built packages (`dist`, what users
 * install; build them first) and from the sources (what the packages could weigh if they tree-shook as well as their
 * sources do).
 * Peers: cmdk, react-select and downshift, each with its own dependencies, as a page that imports them ships them.
 *
 *   node apps/bench/sizes.ts [--json]
 *
 * Also writes the table and the figures to `results/sizes.{md,json}`.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const benchDir = import.meta.dirname;
const uiDir = join(benchDir, '../../packages/ui');
const { values: args } = parseArgs({ options: { json: { type: 'boolean', default: false } } });

interface EsbuildOutput {
  outputFiles?: { contents: Uint8Array }[];
  metafile?: { outputs: Record<string, { imports: { path: string; external?: boolean }[] }> };
}
type EsbuildBuild = (options: Record<string, unknown>) => Promise<EsbuildOutput>;

/** esbuild from the workspace's Vite installation (it is a peer of Vite there, not a dependency of this app). */
async function loadEsbuild(): Promise<EsbuildBuild> {
  const fromHere = createRequire(import.meta.url);
  const fromVite = createRequire(fromHere.resolve('vite'));
  const module = (await import(fromVite.resolve('esbuild'))) as {
    build?: EsbuildBuild;
    default?: { build: EsbuildBuild };
  };
  const build = module.build ?? module.default?.build;
  if (!build) throw new Error('esbuild has no build()');
  return build;
}

const REACT = ['react', 'react-dom', 'react/jsx-runtime', 'react-dom/client', 'scheduler'];
const OUR_PEERS = ['@radix-ui/react-select', '@tanstack/react-query', 'react-hook-form', 'zod'];
const SOURCE_CONDITION = '@connector-kit/source';
/** Loaded on demand by field patterns that need it (a chunk of its own in an app): not part of a page's load. */
const LAZY = ['re2js'];
const PROVIDER =
  "export { ConnectorsProvider } from '@connector-kit/react'; export { createConnectorsClient } from '@connector-kit/core';";

interface Entry {
  name: string;
  code: string;
  external: string[];
  conditions: string[];
  note: string;
}

const OURS = "export { ConnectorPickerView } from '@connector-kit/ui';";
const oursFrom = (from: 'dist' | 'source'): Entry[] => {
  const conditions = from === 'source' ? [SOURCE_CONDITION] : [];
  const label = from === 'dist' ? 'built packages' : 'sources';
  return [
    {
      name: `ours, own code (${label})`,
      code: OURS,
      external: [...REACT, ...OUR_PEERS],
      conditions,
      note: 'ui + react + core behind ConnectorPickerView, peers external: what installing @connector-kit/ui adds',
    },
    {
      name: `ours, as the page ships it (${label})`,
      code: OURS,
      external: REACT,
      conditions,
      note: 'with @radix-ui/react-select and every peer the import still reaches',
    },
    {
      name: `ours: page with ConnectorPicker, own code (${label})`,
      code: `export { ConnectorPicker } from '@connector-kit/ui'; ${PROVIDER}`,
      external: [...REACT, ...OUR_PEERS, ...LAZY],
      conditions,
      note: 'ConnectorPicker + ConnectorsProvider + createConnectorsClient: a page that fetches and picks',
    },
    {
      name: `ours: page with ConnectFlow, own code (${label})`,
      code: `export { ConnectFlow } from '@connector-kit/ui'; ${PROVIDER}`,
      external: [...REACT, ...OUR_PEERS, ...LAZY],
      conditions,
      note: 'ConnectFlow (picker, form, hand-off and direct path, English) + provider + client',
    },
    {
      name: `ours: minimal import (${label})`,
      code: "export { ConnectorsProvider, useConnectors } from '@connector-kit/react'; export { createConnectorsClient } from '@connector-kit/core';",
      external: [...REACT, ...OUR_PEERS, ...LAZY],
      conditions,
      note: 'createConnectorsClient + ConnectorsProvider + useConnectors: data only',
    },
  ];
};

const builtUi = join(uiDir, 'dist/index.js');
const distIsUsable = existsSync(builtUi) && readFileSync(builtUi, 'utf8').includes('ConnectorPickerView');
if (!distIsUsable) {
  process.stderr.write(
    'packages/ui/dist has no ConnectorPickerView: build the packages (pnpm build) to measure them.\n',
  );
}

const entries: Entry[] = [
  ...(distIsUsable ? oursFrom('dist') : []),
  ...oursFrom('source'),
  {
    name: 'cmdk',
    code: "export { Command } from 'cmdk';",
    external: REACT,
    conditions: [],
    note: 'with its dependencies (Radix dialog and primitives)',
  },
  {
    name: 'react-select',
    code: "export { default } from 'react-select';",
    external: REACT,
    conditions: [],
    note: 'with its dependencies (emotion, floating-ui)',
  },
  {
    name: 'downshift',
    code: "export { useCombobox } from 'downshift';",
    external: REACT,
    conditions: [],
    note: 'useCombobox and its dependencies',
  },
  {
    name: 'downshift + @tanstack/react-virtual',
    code: "export { useCombobox } from 'downshift'; export { useVirtualizer } from '@tanstack/react-virtual';",
    external: REACT,
    conditions: [],
    note: 'useCombobox and useVirtualizer: the virtualized downshift contender',
  },
];

const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

function compressed(contents: Uint8Array) {
  return {
    minified: contents.byteLength,
    gzip: gzipSync(contents, { level: 9 }).byteLength,
    brotli: brotliCompressSync(contents, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: contents.byteLength },
    }).byteLength,
  };
}

const versions = Object.fromEntries(
  ['cmdk', 'react-select', 'downshift', '@tanstack/react-virtual', '@radix-ui/react-select'].map((name) => {
    const manifest = JSON.parse(readFileSync(join(benchDir, 'node_modules', name, 'package.json'), 'utf8')) as {
      version: string;
    };
    return [name, manifest.version];
  }),
);
const named = (name: string) => (name in versions ? `${name} ${versions[name]}` : name);

const build = await loadEsbuild();
const results = [];
for (const entry of entries) {
  const output = await build({
    stdin: { contents: entry.code, resolveDir: benchDir, loader: 'ts', sourcefile: 'entry.ts' },
    bundle: true,
    minify: true,
    treeShaking: true,
    write: false,
    metafile: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    jsx: 'automatic',
    conditions: entry.conditions,
    define: { 'process.env.NODE_ENV': '"production"' },
    external: entry.external,
    logLevel: 'error',
  });
  const file = output.outputFiles?.[0];
  if (!file) throw new Error(`esbuild wrote nothing for ${entry.name}`);
  // What the minified output still imports, after tree-shaking.
  const externals = new Set<string>();
  for (const chunk of Object.values(output.metafile?.outputs ?? {})) {
    for (const imported of chunk.imports) if (imported.external) externals.add(imported.path);
  }
  results.push({
    name: named(entry.name),
    note: entry.note,
    ...compressed(file.contents),
    imports: [...externals].sort(),
  });
}

// The stylesheet ours ships beside its code (cmdk and downshift ship none; react-select's styles are in its JS).
const builtCss = join(uiDir, 'dist/styles.css');
const css = existsSync(builtCss)
  ? readFileSync(builtCss)
  : ['base', 'picker', 'form'].map((name) => readFileSync(join(uiDir, `src/styles/${name}.css`), 'utf8')).join('\n');
const stylesheet = compressed(typeof css === 'string' ? new TextEncoder().encode(css) : css);

const json = { date: new Date().toISOString(), versions, results, stylesheet };
const lines = [
  'Each import bundled alone with esbuild: minified, tree-shaken, production, react and react-dom external.',
  '',
  '| contender | minified | gzip | brotli | still imports | what is in it |',
  '|---|---:|---:|---:|---|---|',
  ...results.map(
    (r) =>
      `| ${r.name} | ${kB(r.minified)} | ${kB(r.gzip)} | ${kB(r.brotli)} | ${r.imports.join(', ') || '—'} | ${r.note} |`,
  ),
  `| ours: styles.css | ${kB(stylesheet.minified)} | ${kB(stylesheet.gzip)} | ${kB(stylesheet.brotli)} | — | ` +
    'the whole stylesheet (picker and form), not minified |',
];
const resultsDir = join(benchDir, 'results');
mkdirSync(resultsDir, { recursive: true });
writeFileSync(join(resultsDir, 'sizes.json'), `${JSON.stringify(json, null, 2)}\n`);
writeFileSync(join(resultsDir, 'sizes.md'), `${lines.join('\n')}\n`);
process.stdout.write(args.json ? `${JSON.stringify(json, null, 2)}\n` : `${lines.join('\n')}\n`);
