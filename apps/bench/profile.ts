/**
 * Where a contender's time goes: a V8 CPU profile of its production build (not minified, with source maps, so that
 * every sample maps back to a source file and function), with the CPU throttled as in the benchmark, for three
 * phases: the first render (`render`: the task that puts the first options in the DOM; `paint`: until the first list
 * is painted; `mount`: until the page is idle again, the work deferred past the first paint included), the typed
 * query sequence, and a wheel scroll through the list.
 *
 *   node apps/bench/profile.ts [--contender ours] [--n 20000] [--phases render,paint,mount,type,scroll] [--throttle 4]
 *                              [--top 25] [--out DIR] [--skip-build]
 *
 * Prints, per phase, the renderer's own accounting (script, style, layout time) and the sampled JavaScript time by
 * source file and by function, self and inclusive. With `--out`, writes the `.cpuprofile` files (open them in the
 * Performance panel of Chromium's DevTools).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { type CDPSession, chromium, type Page } from 'playwright-core';
import { build, preview } from 'vite';
import { chromiumArgs, chromiumPath } from '../../vite.shared.ts';
import { CONTENDERS, type ContenderName } from './src/protocol.ts';

const benchDir = import.meta.dirname;
const repoRoot = resolve(benchDir, '../..');
const configFile = join(benchDir, 'vite.config.ts');
const outDir = join(benchDir, 'dist/profile');

const { values: args } = parseArgs({
  options: {
    contender: { type: 'string', default: 'ours' },
    n: { type: 'string', default: '20000' },
    phases: { type: 'string', default: 'mount,type,scroll' },
    throttle: { type: 'string', default: '4' },
    top: { type: 'string', default: '25' },
    out: { type: 'string' },
    'skip-build': { type: 'boolean', default: false },
  },
});
const contender = args.contender as ContenderName;
if (!(CONTENDERS as readonly string[]).includes(contender)) throw new Error(`unknown contender ${contender}`);
const n = Number(args.n);
const throttle = Number(args.throttle);
const top = Number(args.top);
const phases = args.phases.split(',').map((phase) => phase.trim());

const QUERIES = ['s', 'so', 'soc', 'soci', 'socie', 'societ', 'societe', 'societe ', 'societe g'];
const sleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

// ---------------------------------------------------------------------------------------------------------------
// Source maps: just enough of the format to map a generated position back to its source file and line.

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const BASE64_VALUES = new Map([...BASE64].map((char, i) => [char, i]));

/** Segments per generated line: [generated column, source index, source line, source column]. */
type Segment = [number, number, number, number];

function decodeMappings(mappings: string): Segment[][] {
  const lines: Segment[][] = [];
  let source = 0;
  let sourceLine = 0;
  let sourceColumn = 0;
  for (const line of mappings.split(';')) {
    const segments: Segment[] = [];
    let column = 0;
    for (const text of line.split(',')) {
      if (text === '') continue;
      const values: number[] = [];
      let value = 0;
      let shift = 0;
      for (const char of text) {
        const digit = BASE64_VALUES.get(char) ?? 0;
        value += (digit & 31) << shift;
        if (digit & 32) {
          shift += 5;
        } else {
          values.push(value & 1 ? -(value >>> 1) : value >>> 1);
          value = 0;
          shift = 0;
        }
      }
      column += values[0] ?? 0;
      if (values.length >= 4) {
        source += values[1] ?? 0;
        sourceLine += values[2] ?? 0;
        sourceColumn += values[3] ?? 0;
        segments.push([column, source, sourceLine, sourceColumn]);
      }
    }
    lines.push(segments);
  }
  return lines;
}

interface SourceMap {
  sources: string[];
  lines: Segment[][];
}

const sourceMaps = new Map<string, SourceMap | null>();

function sourceMapFor(url: string): SourceMap | null {
  const known = sourceMaps.get(url);
  if (known !== undefined) return known;
  let map: SourceMap | null = null;
  const path = url.startsWith('http') ? join(outDir, new URL(url).pathname) : '';
  if (path && existsSync(`${path}.map`)) {
    const raw = JSON.parse(readFileSync(`${path}.map`, 'utf8')) as { sources: string[]; mappings: string };
    map = {
      sources: raw.sources.map((source) => relative(repoRoot, resolve(dirname(path), source))),
      lines: decodeMappings(raw.mappings),
    };
  }
  sourceMaps.set(url, map);
  return map;
}

/** `path:line` of a generated position (0-based line and column), or the URL when there is no map. */
function original(url: string, line: number, column: number): { file: string; line: number } {
  const map = sourceMapFor(url);
  const segments = map?.lines[line];
  if (!map || !segments || segments.length === 0) return { file: url || '(native)', line: line + 1 };
  let found = segments[0] as Segment;
  for (const segment of segments) {
    if (segment[0] > column) break;
    found = segment;
  }
  return { file: map.sources[found[1]] ?? url, line: found[2] + 1 };
}

// ---------------------------------------------------------------------------------------------------------------
// Profiles

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

/** Groups of files, from the most specific. */
function area(file: string): string {
  const groups: [RegExp, string][] = [
    [/^packages\/ui\/src\/picker\//, 'ui/picker'],
    [/^packages\/ui\/src\/country-select\//, 'ui/country-select'],
    [/^packages\/ui\/src\//, 'ui (other)'],
    [/^packages\/react\/src\/use-connector-search/, 'react/use-connector-search'],
    [/^packages\/react\/src\//, 'react (other)'],
    [/^packages\/core\/src\/search\//, 'core/search'],
    [/^packages\/core\/src\//, 'core (other)'],
    [/react-dom/, 'react-dom'],
    [/scheduler/, 'scheduler'],
    [/@radix-ui|@floating-ui/, 'radix / floating-ui'],
    [/cmdk/, 'cmdk'],
    [/react-select|@emotion/, 'react-select / emotion'],
    [/downshift/, 'downshift'],
    [/^apps\/bench\//, 'bench harness'],
    [/^\(/, 'engine'],
  ];
  for (const [pattern, name] of groups) if (pattern.test(file)) return name;
  return file.replace(/^node_modules\/\.pnpm\/[^/]+\/node_modules\//, '');
}

interface Row {
  self: number;
  total: number;
}

function analyze(profile: Profile, title: string) {
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);

  const describe = new Map<number, { fn: string; file: string; area: string }>();
  for (const node of profile.nodes) {
    const { functionName, url, lineNumber, columnNumber } = node.callFrame;
    if (!url) {
      const name = functionName || '(anonymous)';
      describe.set(node.id, { fn: name, file: name.startsWith('(') ? name : '(native)', area: 'engine' });
      continue;
    }
    const position = original(url, lineNumber, columnNumber);
    describe.set(node.id, {
      fn: `${functionName || '(anonymous)'} ${position.file}:${position.line}`,
      file: position.file,
      area: area(position.file),
    });
  }

  const functions = new Map<string, Row>();
  const files = new Map<string, Row>();
  const areas = new Map<string, Row>();
  const add = (map: Map<string, Row>, key: string, self: number, total: number) => {
    const row = map.get(key) ?? { self: 0, total: 0 };
    row.self += self;
    row.total += total;
    map.set(key, row);
  };
  let busy = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const id = profile.samples[i] as number;
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const leaf = describe.get(id);
    if (!leaf) continue;
    if (leaf.fn !== '(idle)') busy += ms;
    add(functions, leaf.fn, ms, 0);
    add(files, leaf.file, ms, 0);
    add(areas, leaf.area, ms, 0);
    // Inclusive time: once per sample for every function, file and area on the stack.
    const seenFunctions = new Set<string>();
    const seenFiles = new Set<string>();
    const seenAreas = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const frame = describe.get(at);
      if (!frame || frame.fn === '(root)') continue;
      if (!seenFunctions.has(frame.fn)) {
        seenFunctions.add(frame.fn);
        add(functions, frame.fn, 0, ms);
      }
      if (!seenFiles.has(frame.file)) {
        seenFiles.add(frame.file);
        add(files, frame.file, 0, ms);
      }
      if (!seenAreas.has(frame.area)) {
        seenAreas.add(frame.area);
        add(areas, frame.area, 0, ms);
      }
    }
  }

  const table = (heading: string, map: Map<string, Row>, sortBy: keyof Row, filter?: (key: string) => boolean) => {
    const rows = [...map.entries()]
      .filter(([key]) => !filter || filter(key))
      .sort((a, b) => b[1][sortBy] - a[1][sortBy])
      .slice(0, top);
    const lines = [`### ${heading}`, '', '| | self ms | inclusive ms |', '|---|---:|---:|'];
    for (const [key, row] of rows) lines.push(`| ${key} | ${row.self.toFixed(1)} | ${row.total.toFixed(1)} |`);
    return [...lines, ''].join('\n');
  };
  const ours = (key: string) => /packages\/(ui|react|core)\/src\//.test(key);
  return [
    `## ${title}`,
    '',
    `Sampled ${((profile.endTime - profile.startTime) / 1000).toFixed(0)} ms, ${busy.toFixed(0)} ms not idle.`,
    '',
    table('By area (self)', areas, 'self'),
    table('By area (inclusive)', areas, 'total'),
    table('Functions by self time', functions, 'self'),
    table('Functions of this library by inclusive time', functions, 'total', ours),
    table('Files of this library by inclusive time', files, 'total', ours),
  ].join('\n');
}

// ---------------------------------------------------------------------------------------------------------------
// Phases

async function metrics(cdp: CDPSession): Promise<Record<string, number>> {
  const { metrics: list } = (await cdp.send('Performance.getMetrics')) as {
    metrics: { name: string; value: number }[];
  };
  return Object.fromEntries(list.map((metric) => [metric.name, metric.value]));
}

function metricDelta(before: Record<string, number>, after: Record<string, number>): string {
  const names = ['TaskDuration', 'ScriptDuration', 'RecalcStyleDuration', 'LayoutDuration', 'LayoutCount'];
  return names
    .map((name) => {
      const delta = (after[name] ?? 0) - (before[name] ?? 0);
      return name.endsWith('Count') ? `${name} ${delta}` : `${name} ${(delta * 1000).toFixed(0)} ms`;
    })
    .join(', ');
}

async function openPage(base: string): Promise<{ page: Page; cdp: CDPSession; close: () => Promise<void> }> {
  const browser = await browserPromise;
  const context = await browser.newContext({ viewport: { width: 412, height: 915 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  await cdp.send('Performance.enable');
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await page.goto(`${base}?contender=${contender}&n=${n}&manual`);
  await page.waitForFunction(() => typeof window.__benchMount === 'function', undefined, { timeout: 120_000 });
  return { page, cdp, close: () => context.close() };
}

/** The task that renders the first list, until its options are in the DOM (its layout effects included). */
async function render(page: Page) {
  await page.evaluate(() => window.__benchMount?.('attached'));
}

/** The first render alone: `__benchMount` resolves once the first list is painted. */
async function firstPaint(page: Page) {
  await page.evaluate(() => window.__benchMount?.());
}

async function mount(page: Page) {
  await firstPaint(page);
  await page.evaluate(() => window.__bench?.idle(300, 30_000));
}

async function profiled(cdp: CDPSession, action: () => Promise<void>) {
  const before = await metrics(cdp);
  await cdp.send('Profiler.start');
  await action();
  const { profile } = (await cdp.send('Profiler.stop')) as { profile: Profile };
  const after = await metrics(cdp);
  return { profile, accounting: metricDelta(before, after) };
}

async function typeQueries(page: Page) {
  const input = (await page.evaluate(() => window.__bench?.selectors.input)) ?? 'input';
  await page.focus(input);
  const keys = [...QUERIES.map((query) => query.slice(-1)), ...QUERIES.map(() => 'Backspace')];
  for (const key of keys) {
    const position = (await page.evaluate(() => window.__bench?.armKeystroke())) ?? -1;
    if (key === 'Backspace') await page.keyboard.press(key, { delay: 30 });
    else await page.keyboard.type(key, { delay: 30 });
    await page.evaluate(([at]) => window.__bench?.settled(at, 100, 15_000), [position] as const);
  }
}

/**
 * Waits until 30 timers of 10 ms in a row have each fired less than 4 ms late (0.3 s with no task in the way): the
 * work deferred past the first paint in short tasks (an index prepared in slices) is over.
 */
async function mainThreadIdle(page: Page, capMs = 30_000) {
  await page.evaluate(
    (cap) =>
      new Promise<void>((done) => {
        const start = performance.now();
        let last = start;
        let quiet = 0;
        const tick = () => {
          const now = performance.now();
          quiet = now - last < 14 ? quiet + 1 : 0;
          last = now;
          if (quiet >= 30 || now - start > cap) done();
          else setTimeout(tick, 10);
        };
        setTimeout(tick, 10);
      }),
    capMs,
  );
}

async function scroll(page: Page, cdp: CDPSession) {
  const target = await page.evaluate(() => window.__bench?.scrollTarget());
  if (!target) throw new Error('no scroll target');
  await page.mouse.move(target.x, target.y);
  await page.evaluate(() => window.__bench?.idle(300, 15_000));
  const steps = 120;
  const deltaY = Math.ceil(target.distance / steps);
  const started = performance.now();
  for (let i = 0; i < steps; i++) {
    const wait = started + (i * 1000) / 60 - performance.now();
    if (wait > 0) await sleep(wait);
    cdp
      .send('Input.dispatchMouseEvent', { type: 'mouseWheel', x: target.x, y: target.y, deltaX: 0, deltaY })
      .catch(() => {});
  }
  await sleep(500);
}

// ---------------------------------------------------------------------------------------------------------------
// Main

if (args['skip-build'] && !existsSync(join(outDir, 'index.html'))) {
  throw new Error(
    `${relative(process.cwd(), outDir)} is missing (a benchmark build empties dist/): run without --skip-build`,
  );
}
if (!args['skip-build']) {
  process.stderr.write('building apps/bench (production, not minified, with source maps)…\n');
  await build({
    root: benchDir,
    configFile,
    mode: 'production',
    logLevel: 'warn',
    build: { outDir, minify: false, sourcemap: true },
  });
}
const server = await preview({
  root: benchDir,
  configFile,
  build: { outDir },
  preview: { host: '127.0.0.1', port: 0 },
  logLevel: 'warn',
});
const base = server.resolvedUrls?.local[0];
if (!base) throw new Error('the preview server has no address');
const browserPromise = chromium.launch({ executablePath: chromiumPath, args: chromiumArgs, headless: true });

const report: string[] = [
  `# CPU profile: ${contender}, ${n.toLocaleString('en')} connectors, CPU throttled ${throttle}×`,
  '',
];
try {
  for (const phase of phases) {
    const { page, cdp, close } = await openPage(base);
    try {
      let result: { profile: Profile; accounting: string };
      if (phase === 'render') {
        result = await profiled(cdp, () => render(page));
      } else if (phase === 'paint') {
        result = await profiled(cdp, () => firstPaint(page));
      } else if (phase === 'mount') {
        result = await profiled(cdp, () => mount(page));
      } else if (phase === 'type') {
        await mount(page);
        result = await profiled(cdp, () => typeQueries(page));
      } else if (phase === 'scroll') {
        await mount(page);
        // As in the benchmark, where the list is scrolled long after the first render.
        await mainThreadIdle(page);
        result = await profiled(cdp, () => scroll(page, cdp));
      } else {
        throw new Error(`unknown phase ${phase} (render, paint, mount, type, scroll)`);
      }
      if (args.out) {
        mkdirSync(args.out, { recursive: true });
        writeFileSync(join(args.out, `${contender}-${n}-${phase}.cpuprofile`), JSON.stringify(result.profile));
      }
      report.push(`Renderer accounting (${phase}): ${result.accounting}.`, '', analyze(result.profile, phase));
    } finally {
      await close();
    }
  }
  process.stdout.write(`${report.join('\n')}\n`);
} finally {
  await (await browserPromise).close();
  await server.close();
}
