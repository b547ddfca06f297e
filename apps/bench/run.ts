/**
 * The picker benchmark: this library's picker and its peers side by side, on the same data, in headless Chromium with
 * the CPU throttled (a mid-range phone). Per contender and list size:
 *
 * - first render: from the moment the data is in memory and React is asked to render, to the first frame painted
 *   with options in it (two animation frames after they are attached); also from navigation start, for reference;
 * - keystrokes: "s" … "societe g" typed one key at a time, then Backspace back to empty. For each keystroke, the
 *   input-to-next-paint time from the Event Timing API (the longest keydown / keypress / input / keyup entry of the
 *   interaction, as INP counts it; Chromium rounds durations to 8 ms and reports nothing under 16 ms, counted as 16),
 *   and the time until the results stop changing (no DOM change under the results for 100 ms);
 * - scrolling: the list from top to bottom with wheel events over about 2 s, counting the animation frames that came
 *   more than 1.5 frames (25 ms) after the previous one.
 *
 *   node apps/bench/run.ts [--runs 3] [--sizes 1000,5000,20000]
 *                          [--contenders ours,cmdk,react-select,downshift,downshift-virtual,bare]
 *                          [--quick] [--throttle 4] [--cap-ms 15000] [--skip-build] [--screenshots DIR] [--logos]
 *
 * `--logos` gives our picker each connector's logo, served by the emulator over the same data (the peers have none).
 */
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { type Browser, type CDPSession, chromium } from 'playwright-core';
import { build, preview } from 'vite';
import { chromiumArgs, chromiumPath } from '../../vite.shared.ts';
import { describeMachine, type Machine, measuredThrottle, positive, round } from './harness.ts';
import {
  CONTENDERS,
  type ContenderName,
  type KeystrokeLog,
  type ScrollTarget,
  type SettleResult,
} from './src/protocol.ts';

const benchDir = import.meta.dirname;
const configFile = join(benchDir, 'vite.config.ts');

const QUERIES = ['s', 'so', 'soc', 'soci', 'socie', 'societ', 'societe', 'societe ', 'societe g'] as const;
const VIEWPORT = { width: 412, height: 915 };
/** How long a key is held down. */
const KEY_HOLD_MS = 30;
/** The results count as settled when their DOM has not changed for this long. */
const QUIET_MS = 100;
const FRAME_MS = 1000 / 60;
const DROPPED_FRAME_MS = 1.5 * FRAME_MS;
const SCROLL_MS = 2000;
/** Frames are still counted this long after the last wheel event, while the scroll ends. */
const SCROLL_TAIL_MS = 300;
/** The Event Timing API reports nothing shorter: a keystroke without an entry took less. */
const EVENT_TIMING_FLOOR_MS = 16;
/** The peers that render every match: the first-render target is about them, not the virtualized ones. */
const NOT_VIRTUALIZED: readonly ContenderName[] = ['cmdk', 'react-select', 'downshift'];

// ---------------------------------------------------------------------------------------------------------------
// Options

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string' },
    sizes: { type: 'string' },
    contenders: { type: 'string' },
    quick: { type: 'boolean', default: false },
    throttle: { type: 'string', default: '4' },
    'cap-ms': { type: 'string', default: '15000' },
    seed: { type: 'string', default: '1' },
    'skip-build': { type: 'boolean', default: false },
    screenshots: { type: 'string' },
    logos: { type: 'boolean', default: false },
    out: { type: 'string', default: join(benchDir, 'results') },
  },
});

function numberList(value: string | undefined, fallback: number[]): number[] {
  if (value === undefined) return fallback;
  const list = value.split(',').map((part) => Number(part.trim().replaceAll('_', '')));
  if (list.some((n) => !Number.isSafeInteger(n) || n <= 0)) throw new Error(`not a list of sizes: ${value}`);
  return list;
}

const DEFAULT_SIZES = [1_000, 5_000, 20_000];
const runs = Math.floor(positive(args.runs ?? (args.quick ? '1' : '3'), 'runs'));
const sizes = numberList(args.sizes, args.quick ? [1_000, 20_000] : DEFAULT_SIZES);
const contenders = (args.contenders?.split(',').map((name) => name.trim()) ?? [...CONTENDERS]) as ContenderName[];
for (const name of contenders) {
  if (!(CONTENDERS as readonly string[]).includes(name)) throw new Error(`unknown contender ${name}`);
}
if (!contenders.includes('ours')) contenders.unshift('ours');
const throttle = positive(args.throttle, 'throttle');
const capMs = positive(args['cap-ms'], 'cap-ms');
const seed = Math.floor(positive(args.seed, 'seed'));
const logos = args.logos;
// A run with logos compares with a run without, never replaces the reference one.
const complete =
  runs >= 3 &&
  CONTENDERS.every((name) => contenders.includes(name)) &&
  DEFAULT_SIZES.every((n) => sizes.includes(n)) &&
  throttle === 4 &&
  seed === 1 &&
  !logos;

/** The page of a contender at a size; with `?logos`, ours shows each connector's logo. */
const pageQuery = (contender: ContenderName, n: number) =>
  `?contender=${contender}&n=${n}&seed=${seed}${logos ? '&logos' : ''}`;

// ---------------------------------------------------------------------------------------------------------------
// Small helpers

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

class TimeoutError extends Error {}

async function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new TimeoutError(`${what}: no answer after ${ms} ms`)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** A measured value; `capped` when the wait was cut short, so the true value is at least this. */
interface Sample {
  value: number;
  capped: boolean;
}

interface Stat {
  median: number;
  p95: number;
  /** The median / p95 is a lower bound: it is, or sits above, a capped sample. */
  medianCapped: boolean;
  p95Capped: boolean;
  count: number;
}

/** Nearest-rank percentile of sorted samples. */
function percentile(sorted: Sample[], p: number): { value: number; capped: boolean } {
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  const value = (sorted[rank - 1] as Sample).value;
  const capped = sorted.slice(0, rank).some((sample) => sample.capped);
  return { value, capped };
}

function stat(samples: Sample[]): Stat | null {
  if (samples.length === 0) return null;
  const sorted = [...samples].sort((a, b) => a.value - b.value || Number(a.capped) - Number(b.capped));
  const median = percentile(sorted, 50);
  const p95 = percentile(sorted, 95);
  return {
    median: median.value,
    p95: p95.value,
    medianCapped: median.capped,
    p95Capped: p95.capped,
    count: samples.length,
  };
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/\((r|tm)\)/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

// ---------------------------------------------------------------------------------------------------------------
// One page: mount, type, scroll

interface KeystrokeSample {
  query: string;
  key: string;
  /** Input to next paint, from Event Timing. */
  nextPaintMs: number;
  /** No Event Timing entry: the keystroke took less than 16 ms, counted as 16. */
  belowThreshold: boolean;
  settledMs: number;
  /** The wait for this keystroke was cut at the cap. */
  capped: boolean;
}

interface PageSample {
  run: number;
  contender: ContenderName;
  n: number;
  /** Data in memory → first painted list. */
  firstRenderMs: number;
  /** Navigation start → first painted list (page, scripts and data loads included). */
  pageLoadMs: number;
  /**
   * The longest task between the first painted list and the page going idle (0 when none took 50 ms, the Long Tasks
   * API's threshold): how long a keystroke typed right after the first render could wait.
   */
  blockedMs: number;
  optionsInDom: number;
  keystrokes: KeystrokeSample[];
  /** The input's value once the whole query was typed, and the options in the DOM then. */
  typed: { value: string; optionsInDom: number };
  scroll: {
    kind: ScrollTarget['kind'];
    distancePx: number;
    /** Animation frames in the scroll window. */
    frames: number;
    /** Frames that came more than 1.5 frame intervals (25 ms) after the previous one. */
    longFrames: number;
    /** Frame slots (16.7 ms) with no frame: what the eye sees as stutter. */
    missedFrames: number;
    longestFrameMs: number;
    /** How far down the list got, 0 to 1; `null` when unknown. */
    reached: number | null;
    /** The page stopped producing frames for longer than the cap: the counts are lower bounds. */
    capped: boolean;
  } | null;
  /** Wall-clock seconds spent on each phase of the page. */
  phases: Record<string, number>;
  errors: string[];
}

function keySequence(): { key: string; query: string }[] {
  const steps: { key: string; query: string }[] = [];
  let current = '';
  for (const query of QUERIES) {
    if (!query.startsWith(current) || query.length !== current.length + 1) {
      throw new Error(`each query must add one character to the previous one: "${current}" → "${query}"`);
    }
    steps.push({ key: query.slice(-1), query });
    current = query;
  }
  while (current.length > 0) {
    current = current.slice(0, -1);
    steps.push({ key: 'Backspace', query: current });
  }
  return steps;
}

const KEYSTROKES = keySequence();

/** Input-to-next-paint of each keystroke: the longest Event Timing entry between its keydown and the next one. */
function nextPaints(log: KeystrokeLog, count: number): { value: number; below: boolean }[] {
  const { keyTimes, entries } = log;
  const result: { value: number; below: boolean }[] = [];
  for (let i = 0; i < count; i++) {
    const from = keyTimes[i];
    if (from === undefined) {
      result.push({ value: Number.NaN, below: false });
      continue;
    }
    const to = keyTimes[i + 1] ?? Number.POSITIVE_INFINITY;
    // The keydown's interaction, and the events of the same keystroke that carry no interaction id (input).
    const interactionIds = new Set(
      entries
        .filter((entry) => entry.interactionId > 0 && entry.startTime >= from - 1 && entry.startTime < to)
        .map((entry) => entry.interactionId),
    );
    let longest = 0;
    for (const entry of entries) {
      const inWindow = entry.startTime >= from - 1 && entry.startTime < to;
      if (interactionIds.has(entry.interactionId) || (entry.interactionId === 0 && inWindow)) {
        longest = Math.max(longest, entry.duration);
      }
    }
    result.push(longest > 0 ? { value: longest, below: false } : { value: EVENT_TIMING_FLOOR_MS, below: true });
  }
  return result;
}

async function measurePage(
  browser: Browser,
  base: string,
  contender: ContenderName,
  n: number,
  run: number,
  screenshotDir: string | undefined,
): Promise<PageSample> {
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('console', (message) => {
    // The logos the emulator has none for answer 404 on purpose: the initials show instead.
    if (logos && /\/logos\/[^/]+-thumbnail\.webp$/.test(message.location().url)) return;
    if (message.type() === 'error') errors.push(message.text());
  });
  const frameTimes: number[] = [];
  await page.exposeFunction('__benchFrame', (time: number) => {
    frameTimes.push(time);
  });
  const cdp: CDPSession = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  const sample: PageSample = {
    run,
    contender,
    n,
    firstRenderMs: Number.NaN,
    pageLoadMs: Number.NaN,
    blockedMs: Number.NaN,
    optionsInDom: 0,
    keystrokes: [],
    typed: { value: '', optionsInDom: 0 },
    scroll: null,
    phases: {},
    errors,
  };
  let phaseStart = performance.now();
  const phase = (name: string) => {
    const now = performance.now();
    sample.phases[name] = round((now - phaseStart) / 1000, 2);
    phaseStart = now;
  };
  const shot = async (name: string) => {
    if (screenshotDir === undefined || run !== 1) return;
    await page.screenshot({ path: join(screenshotDir, `${contender}-${n}-${name}.png`) });
  };
  try {
    await page.goto(`${base}${pageQuery(contender, n)}`, { waitUntil: 'load', timeout: 120_000 });
    await within(
      page.waitForFunction(() => window.__bench?.mount != null, undefined, { timeout: 0, polling: 50 }),
      120_000,
      'first render',
    );
    const mount = await page.evaluate(() => window.__bench?.mount);
    if (!mount) throw new Error('no mount timing');
    const { renderStart, listRendered, optionsInDom } = mount;
    sample.firstRenderMs = listRendered - renderStart;
    sample.pageLoadMs = listRendered;
    sample.optionsInDom = optionsInDom;
    await within(
      page.evaluate((cap) => window.__bench?.idle(300, cap), capMs),
      capMs + 60_000,
      'idle after mount',
    );
    const tasks = (await page.evaluate(() => window.__bench?.longTasks())) ?? [];
    sample.blockedMs = Math.max(
      0,
      ...tasks.filter((task) => task.startTime >= listRendered).map((task) => task.duration),
    );
    phase('mount');
    await shot('mounted');

    // Keystrokes.
    phase('idle');
    const input = (await page.evaluate(() => window.__bench?.selectors.input)) ?? 'input';
    await page.focus(input);
    await within(
      page.evaluate(([quiet, cap]) => window.__bench?.idle(quiet, cap), [QUIET_MS, capMs] as const),
      capMs + 60_000,
      'idle after focus',
    );
    const settles: SettleResult[] = [];
    for (const step of KEYSTROKES) {
      const position = (await page.evaluate(() => window.__bench?.armKeystroke())) ?? -1;
      const press =
        step.key === 'Backspace'
          ? page.keyboard.press('Backspace', { delay: KEY_HOLD_MS })
          : page.keyboard.type(step.key, { delay: KEY_HOLD_MS });
      await within(press, capMs + 60_000, `typing ${step.key}`);
      const settle = (await within(
        page.evaluate(([at, quiet, cap]) => window.__bench?.settled(at, quiet, cap), [
          position,
          QUIET_MS,
          capMs,
        ] as const),
        capMs + 60_000,
        `results of "${step.query}"`,
      )) ?? { settledMs: Number.NaN, capped: false, changed: false };
      settles.push(settle);
      if (settle.capped) {
        // Let the page finish before the next key, so that one slow keystroke does not spill into the next.
        await within(
          page.evaluate(([quiet, cap]) => window.__bench?.idle(quiet, cap), [QUIET_MS, capMs * 4] as const),
          capMs * 4 + 60_000,
          'catching up',
        );
      }
      if (step.query === QUERIES[QUERIES.length - 1]) {
        sample.typed = {
          value: (await page.evaluate(() => window.__bench?.inputValue())) ?? '',
          optionsInDom: (await page.evaluate(() => window.__bench?.optionCount())) ?? 0,
        };
        await shot('typed');
      }
    }
    await sleep(300);
    const log = (await page.evaluate(() => window.__bench?.keystrokes())) ?? { keyTimes: [], entries: [] };
    if (log.keyTimes.length !== KEYSTROKES.length) {
      errors.push(`expected ${KEYSTROKES.length} keydowns, saw ${log.keyTimes.length}`);
    }
    const paints = nextPaints(log, KEYSTROKES.length);
    sample.keystrokes = KEYSTROKES.map((step, i) => {
      const paint = paints[i] as { value: number; below: boolean };
      const settle = settles[i] as SettleResult;
      return {
        query: step.query,
        key: step.key,
        nextPaintMs: paint.value,
        belowThreshold: paint.below,
        // The results are not settled before the keystroke's own frame is painted.
        settledMs: settle.capped ? settle.settledMs : Math.max(settle.settledMs, paint.value),
        capped: settle.capped,
      };
    });

    phase('keystrokes');
    // Scrolling, over the full list again.
    const target = await page.evaluate(() => window.__bench?.scrollTarget());
    if (!target) throw new Error('no scroll target');
    await page.mouse.move(target.x, target.y);
    await within(
      page.evaluate((cap) => window.__bench?.idle(300, cap), capMs),
      capMs + 60_000,
      'idle before scrolling',
    );
    phase('hover');
    frameTimes.length = 0;
    const pageStart = (await page.evaluate(() => window.__bench?.startFrames())) ?? 0;
    const started = performance.now();
    const steps = Math.round(SCROLL_MS / FRAME_MS);
    const deltaY = Math.ceil(target.distance / steps);
    // Sent on schedule without waiting for each to be handled: a page that blocks on wheel events falls behind.
    for (let i = 0; i < steps; i++) {
      const wait = started + i * FRAME_MS - performance.now();
      if (wait > 0) await sleep(wait);
      cdp
        .send('Input.dispatchMouseEvent', { type: 'mouseWheel', x: target.x, y: target.y, deltaX: 0, deltaY })
        .catch(() => {});
    }
    const windowEnd = pageStart + SCROLL_MS + SCROLL_TAIL_MS;
    await sleep(started + SCROLL_MS + SCROLL_TAIL_MS - performance.now());
    // The frame that closes the window tells how long the last one took; a page that stays blocked is capped.
    const deadline = performance.now() + capMs;
    while (!frameTimes.some((time) => time > windowEnd) && performance.now() < deadline) await sleep(20);
    const closing = frameTimes.find((time) => time > windowEnd);
    const capped = closing === undefined;
    const times = [pageStart, ...frameTimes.filter((time) => time > pageStart && time <= windowEnd)];
    times.push(closing ?? pageStart + (performance.now() - started));
    const deltas = times.slice(1).map((time, i) => time - (times[i] as number));
    let reached: number | null = null;
    if (!capped) {
      const frames = await within(
        page.evaluate(() => window.__bench?.stopFrames()),
        capMs,
        'scroll position',
      ).catch(() => undefined);
      reached = frames ? round(frames.reached, 3) : null;
    }
    sample.scroll = {
      kind: target.kind,
      distancePx: target.distance,
      frames: deltas.length - 1,
      longFrames: deltas.filter((delta) => delta > DROPPED_FRAME_MS).length,
      missedFrames: deltas.reduce((sum, delta) => sum + Math.max(0, Math.round(delta / FRAME_MS) - 1), 0),
      longestFrameMs: round(Math.max(0, ...deltas)),
      reached,
      capped,
    };
    if (capped) {
      errors.push(`no frame for ${Math.round(capMs / 1000)} s after scrolling: frame counts are lower bounds`);
      return sample;
    }
    phase('scroll');
    await shot('scrolled');
  } catch (error) {
    errors.push(error instanceof Error ? error.message : String(error));
  } finally {
    await context.close().catch(() => {});
  }
  return sample;
}

// ---------------------------------------------------------------------------------------------------------------
// Summary

const METRICS = ['firstRender', 'pageLoad', 'blocked', 'nextPaint', 'settled', 'longFrames', 'missedFrames'] as const;
type Metric = (typeof METRICS)[number];

interface Summary {
  contender: ContenderName;
  n: number;
  stats: Partial<Record<Metric, Stat>>;
  /** The contender's median and p95 divided by ours, from this run. */
  ratios: Partial<Record<Metric, { median: number | null; p95: number | null }>>;
  optionsInDom: number;
  typed: PageSample['typed'];
  scrollKind: ScrollTarget['kind'] | null;
  /** Median of how far down the list the scrolls got, 0 to 1. */
  scrollReached: number | null;
  belowThreshold: number;
  keystrokes: number;
  errors: string[];
}

function samplesOf(pages: PageSample[], metric: Metric): Sample[] {
  switch (metric) {
    case 'firstRender':
      return pages
        .filter((p) => Number.isFinite(p.firstRenderMs))
        .map((p) => ({ value: p.firstRenderMs, capped: false }));
    case 'pageLoad':
      return pages.filter((p) => Number.isFinite(p.pageLoadMs)).map((p) => ({ value: p.pageLoadMs, capped: false }));
    case 'blocked':
      return pages.filter((p) => Number.isFinite(p.blockedMs)).map((p) => ({ value: p.blockedMs, capped: false }));
    case 'nextPaint':
      return pages.flatMap((p) =>
        p.keystrokes
          .filter((k) => Number.isFinite(k.nextPaintMs))
          .map((k) => ({ value: k.nextPaintMs, capped: false })),
      );
    case 'settled':
      return pages.flatMap((p) => p.keystrokes.map((k) => ({ value: k.settledMs, capped: k.capped })));
    case 'longFrames':
      return pages.flatMap((p) => (p.scroll ? [{ value: p.scroll.longFrames, capped: p.scroll.capped }] : []));
    case 'missedFrames':
      return pages.flatMap((p) => (p.scroll ? [{ value: p.scroll.missedFrames, capped: p.scroll.capped }] : []));
  }
}

function summarize(samples: PageSample[]): Summary[] {
  const summaries: Summary[] = [];
  for (const n of sizes) {
    const ours = samples.filter((s) => s.n === n && s.contender === 'ours');
    const ourStats = Object.fromEntries(METRICS.map((metric) => [metric, stat(samplesOf(ours, metric))]));
    for (const contender of contenders) {
      const pages = samples.filter((s) => s.n === n && s.contender === contender);
      const stats: Summary['stats'] = {};
      const ratios: Summary['ratios'] = {};
      for (const metric of METRICS) {
        const value = stat(samplesOf(pages, metric));
        if (value === null) continue;
        stats[metric] = value;
        const reference = ourStats[metric];
        if (reference) {
          ratios[metric] = {
            median: reference.median > 0 ? round(value.median / reference.median, 2) : null,
            p95: reference.p95 > 0 ? round(value.p95 / reference.p95, 2) : null,
          };
        }
      }
      const last = pages[pages.length - 1];
      summaries.push({
        contender,
        n,
        stats,
        ratios,
        optionsInDom: last?.optionsInDom ?? 0,
        typed: last?.typed ?? { value: '', optionsInDom: 0 },
        scrollKind: last?.scroll?.kind ?? null,
        scrollReached: medianOf(pages.flatMap((p) => (p.scroll?.reached == null ? [] : [p.scroll.reached]))),
        belowThreshold: pages.reduce((sum, p) => sum + p.keystrokes.filter((k) => k.belowThreshold).length, 0),
        keystrokes: pages.reduce((sum, p) => sum + p.keystrokes.length, 0),
        errors: [...new Set(pages.flatMap((p) => p.errors))],
      });
    }
  }
  return summaries;
}

function medianOf(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length / 2;
  return sorted.length % 2
    ? (sorted[Math.floor(middle)] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

const ms = (value: number, capped: boolean) => `${capped ? '≥' : ''}${Math.round(value)}`;

function pair(s: Stat | undefined, unit = ''): string {
  if (!s) return '—';
  return `${ms(s.median, s.medianCapped)} / ${ms(s.p95, s.p95Capped)}${unit}`;
}

function ratioCell(summary: Summary, metric: Metric): string {
  if (summary.contender === 'ours') return '1×';
  const ratio = summary.ratios[metric];
  if (!ratio) return '—';
  const format = (value: number | null) => (value === null ? '—' : `${value >= 10 ? Math.round(value) : value}×`);
  return `${format(ratio.median)} / ${format(ratio.p95)}`;
}

interface Target {
  name: string;
  met: boolean;
  detail: string;
}

/** `value` against a ceiling: met or missed, and by how much. */
function atMost(name: string, value: number, limit: number, unit = ' ms'): Target {
  const gap = Math.round(Math.abs(limit - value));
  return {
    name,
    met: value <= limit,
    detail: `${Math.round(value)}${unit} (${value <= limit ? `${gap}${unit} to spare` : `${gap}${unit} over`})`,
  };
}

/**
 * The targets of the picker (median unless said): first render, typing, settling and scrolling at each size, and
 * first render against the bare lower bound and the peers that render every match. A target whose contender or size
 * is not in the run is left out.
 */
function targets(summaries: Summary[]): Target[] {
  const find = (contender: ContenderName, n: number) => summaries.find((s) => s.n === n && s.contender === contender);
  const result: Target[] = [];
  const size = (n: number) => n.toLocaleString('en');
  for (const [n, limit] of [
    [1_000, 60],
    [20_000, 80],
  ] as const) {
    const render = find('ours', n)?.stats.firstRender;
    if (render) result.push(atMost(`first render at ${size(n)} at most ${limit} ms`, render.median, limit));
  }
  const ours = find('ours', 20_000);
  const bare = find('bare', 20_000);
  if (ours?.stats.firstRender && bare?.stats.firstRender) {
    const ratio = round(ours.stats.firstRender.median / bare.stats.firstRender.median);
    result.push({
      name: 'first render at 20,000 within 2× the bare lower bound',
      met: ratio <= 2,
      detail: `${ratio}× (ours ${Math.round(ours.stats.firstRender.median)} ms, bare ${Math.round(bare.stats.firstRender.median)} ms)`,
    });
  }
  if (ours?.stats.nextPaint) {
    result.push(atMost('keystroke → next paint p95 at 20,000 at most 24 ms', ours.stats.nextPaint.p95, 24));
  }
  if (ours?.stats.settled) {
    result.push(atMost('results settled p95 at 20,000 at most 100 ms', ours.stats.settled.p95, 100));
  }
  const ourScroll = find('ours', 1_000)?.stats.longFrames;
  const downshiftScroll = find('downshift', 1_000)?.stats.longFrames;
  if (ourScroll && downshiftScroll) {
    result.push(
      atMost("long frames per scroll at 1,000 no more than downshift's", ourScroll.median, downshiftScroll.median, ''),
    );
  }
  for (const n of [5_000, 20_000]) {
    const frames = find('ours', n)?.stats.longFrames;
    if (frames) result.push(atMost(`long frames per scroll at ${size(n)} at most 3`, frames.median, 3, ''));
  }
  if (ours?.stats.firstRender) {
    for (const peer of NOT_VIRTUALIZED) {
      const ratio = find(peer, 20_000)?.ratios.firstRender?.median;
      if (ratio == null) continue;
      result.push({
        name: `first render at 20,000 at least 5× faster than ${peer} (not virtualized)`,
        met: ratio >= 5,
        detail: `${ratio}× on medians`,
      });
    }
  }
  return result;
}

function markdown(report: Report): string {
  const { machine, config, summaries } = report;
  const lines: string[] = [];
  lines.push(`# Picker benchmark, ${report.date}`, '');
  lines.push(
    `Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb} GB RAM, ${machine.platform}; ` +
      `Chromium ${machine.chromium} headless (software rendering); Node ${machine.node}; ` +
      `CPU throttled ${config.throttle}× through the DevTools protocol (measured ${machine.measuredThrottle}× on a fixed loop). ` +
      `Viewport ${VIEWPORT.width}×${VIEWPORT.height} at 1×. ${config.runs} run(s); data: \`generateConnectors(n, ${config.seed})\`.` +
      (config.logos
        ? " Logos on: ours shows each connector's logo (64 × 64 WebP from the emulator on the same server; one in ten missing, one in ten broken); the peers show none."
        : ''),
    '',
  );
  lines.push(
    'Each cell is median / p95 in ms (frames: a count per scroll). "× ours" is the contender\'s median / p95 ' +
      'divided by ours from the same run (above 1: slower than ours). First render: data in memory → first painted ' +
      'list. Page load: navigation start → first painted list (includes loading the data file). Blocked after: the ' +
      'longest task from the first painted list until the page is idle (0: none of 50 ms or more, the Long Tasks ' +
      "API's threshold), how long a keystroke typed then could wait. Next paint: Event " +
      'Timing input-to-next-paint per keystroke, the longest entry of the interaction (8 ms steps; a keystroke with no ' +
      'entry took under 16 ms and counts as 16). Settled: keydown → last change of the results (100 ms quiet). ' +
      `Keystrokes: ${QUERIES.map((q) => `"${q}"`).join(', ')}, then Backspace back to empty (${KEYSTROKES.length} per run). ` +
      'Scroll: the list wheel-scrolled top to bottom in about 2 s, pointer over it; long frames: animation frames ' +
      'more than 25 ms (1.5 × 16.7 ms) after the previous one; missed frames: 16.7 ms slots with no frame; scrolled: ' +
      'how far down the list the wheel events got (median). Options in DOM: after the first render. ' +
      '"≥": the wait was capped, the true figure is at least this.',
    '',
  );
  for (const n of config.sizes) {
    lines.push(`## ${n.toLocaleString('en')} connectors`, '');
    lines.push(
      '| contender | first render | × ours | page load | blocked after | keystroke → next paint | × ours | results settled | × ours | ' +
        'scroll: long frames | scroll: missed frames | × ours | scrolled | options in DOM |',
    );
    lines.push('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
    for (const s of summaries.filter((summary) => summary.n === n)) {
      const scroll = s.scrollKind === 'page' ? ' (page scrolls)' : '';
      lines.push(
        `| ${s.contender} | ${pair(s.stats.firstRender)} | ${ratioCell(s, 'firstRender')} | ${pair(s.stats.pageLoad)} | ${pair(s.stats.blocked)} | ` +
          `${pair(s.stats.nextPaint)} | ${ratioCell(s, 'nextPaint')} | ${pair(s.stats.settled)} | ${ratioCell(s, 'settled')} | ` +
          `${pair(s.stats.longFrames)}${scroll} | ${pair(s.stats.missedFrames)} | ${ratioCell(s, 'missedFrames')} | ` +
          `${s.scrollReached === null ? '—' : `${Math.round(s.scrollReached * 100)} %`} | ${s.optionsInDom.toLocaleString('en')} |`,
      );
    }
    lines.push('');
  }
  const list = targets(summaries);
  if (list.length > 0) {
    lines.push('## Targets', '');
    for (const target of list) lines.push(`- ${target.met ? 'met' : '**missed**'}: ${target.name}: ${target.detail}`);
    lines.push('');
  }
  const notes = summaries.filter((s) => s.errors.length > 0);
  if (notes.length > 0) {
    lines.push('## Errors', '');
    for (const s of notes) lines.push(`- ${s.contender} at ${s.n}: ${s.errors.join('; ')}`);
    lines.push('');
  }
  return lines.join('\n');
}

interface Report {
  date: string;
  machine: Machine;
  config: {
    runs: number;
    sizes: number[];
    contenders: ContenderName[];
    throttle: number;
    seed: number;
    capMs: number;
    queries: readonly string[];
    viewport: typeof VIEWPORT;
    complete: boolean;
    /** Ours showed each connector's logo, from the emulator (`--logos`). */
    logos: boolean;
  };
  summaries: Summary[];
  targets: Target[];
  samples: PageSample[];
  durationS: number;
}

// ---------------------------------------------------------------------------------------------------------------
// Main

const began = performance.now();
const log = (message: string) => process.stderr.write(`${message}\n`);

if (!args['skip-build']) {
  log('building apps/bench (production)…');
  await build({ root: benchDir, configFile, mode: 'production', logLevel: 'warn' });
}
const server = await preview({
  root: benchDir,
  configFile,
  preview: { host: '127.0.0.1', port: 0, strictPort: false },
  logLevel: 'warn',
});
const base = server.resolvedUrls?.local[0];
if (!base) throw new Error('the preview server has no address');

const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs, headless: true });
const samples: PageSample[] = [];
try {
  const screenshotDir = args.screenshots;
  if (screenshotDir !== undefined) mkdirSync(screenshotDir, { recursive: true });
  const measuredThrottleRate = await measuredThrottle(browser, throttle);
  log(`Chromium ${browser.version()}, CPU throttle ${throttle}× (measured ${measuredThrottleRate}×)`);
  // The emulator of each size is made before any page asks it for a logo: never inside a measurement.
  if (logos) {
    for (const n of sizes) await (await fetch(`${base}emulator/${n}-${seed}/2.0/logos/warm-up`)).arrayBuffer();
  }
  // One unmeasured visit per contender first, so that the first measured page does not pay for a cold browser.
  for (const contender of contenders) {
    const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
    const page = await context.newPage();
    await page.goto(`${base}${pageQuery(contender, Math.min(...sizes))}`);
    await page.waitForFunction(() => window.__bench?.mount != null, undefined, { timeout: 120_000 });
    await context.close();
  }
  for (let run = 1; run <= runs; run++) {
    for (const n of sizes) {
      // A different order each run, so that no contender always goes first.
      const shift = (run - 1) % contenders.length;
      const order = [...contenders.slice(shift), ...contenders.slice(0, shift)];
      for (const contender of order) {
        const pageStart = performance.now();
        const sample = await measurePage(browser, base, contender, n, run, screenshotDir);
        samples.push(sample);
        const paints = stat(sample.keystrokes.map((k) => ({ value: k.nextPaintMs, capped: false })));
        log(
          `run ${run}/${runs} n=${n} ${contender}: first render ${Math.round(sample.firstRenderMs)} ms, blocked after ${Math.round(sample.blockedMs)} ms, ` +
            `next paint ${paints ? `${paints.median} / ${paints.p95}` : '—'} ms, ` +
            `scroll ${sample.scroll ? `${sample.scroll.longFrames} long / ${sample.scroll.missedFrames} missed frames` : '—'} (${Math.round((performance.now() - pageStart) / 1000)} s)` +
            ` ${JSON.stringify(sample.phases)}` +
            (sample.errors.length > 0 ? `; errors: ${sample.errors.join('; ')}` : ''),
        );
      }
    }
  }

  const summaries = summarize(samples);
  const report: Report = {
    date: new Date().toISOString(),
    machine: describeMachine(browser, measuredThrottleRate),
    config: {
      runs,
      sizes,
      contenders,
      throttle,
      seed,
      capMs,
      queries: QUERIES,
      viewport: VIEWPORT,
      complete,
      logos,
    },
    summaries,
    targets: targets(summaries),
    samples,
    durationS: Math.round((performance.now() - began) / 1000),
  };
  const text = markdown(report);
  process.stdout.write(`${text}\n`);

  mkdirSync(args.out, { recursive: true });
  const machineSlug = `${slug(report.machine.cpu)}-${report.machine.cores}c`;
  const name = `${report.date.slice(0, 10)}-${machineSlug}${logos ? '-logos' : ''}${complete ? '' : '-partial'}`;
  writeFileSync(join(args.out, `${name}.json`), `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(join(args.out, `${name}.md`), `${text}\n`);
  if (complete) {
    copyFileSync(join(args.out, `${name}.json`), join(args.out, 'latest.json'));
    copyFileSync(join(args.out, `${name}.md`), join(args.out, 'latest.md'));
  }
  log(`wrote ${join(args.out, name)}.{json,md}${complete ? ' and latest.{json,md}' : ''} in ${report.durationS} s`);
} finally {
  await browser.close();
  await server.close();
}
