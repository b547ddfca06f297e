/**
 * ConnectFlow's picker → form step: from the click on a bank in the picker to its form painted, in headless Chromium
 * with the CPU throttled (a mid-range phone), in two cases:
 *
 * - cached: the connector the form needs (`GET /connectors/{uuid}?expand=fields,sources`, the query `DirectStage`
 *   reads) was put in the React Query cache before the flow rendered, with `connectorQueryOptions`;
 * - not cached: the flow asks the emulator for it, on the same preview server, with no added latency.
 *
 * Each run loads `?page=flow&n=<n>&seed=<seed>[&cached]` on a fresh page, waits for the picker, types the bank's name,
 * waits for the page to be quiet, then clicks the bank's option. The page times the step itself: from the click's
 * `timeStamp` (seen by a capture listener) to two animation frames after the form's first control is attached.
 *
 *   node apps/bench/flow.ts [--runs 5] [--n 1000] [--seed 1] [--throttle 4] [--skip-build] [--screenshots DIR]
 *                           [--out DIR]
 *
 * It builds to `dist-flow/` (run.ts empties `dist/`), which `--skip-build` reuses.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { type Browser, chromium } from 'playwright-core';
import { build, preview } from 'vite';
import { chromiumArgs, chromiumPath } from '../../vite.shared.ts';
import { describeMachine, type Machine, measuredThrottle, positive, round } from './harness.ts';
import { type FlowTarget, type FlowTiming, FORM_INPUT, PICKER_INPUT, PICKER_OPTION } from './src/flow/protocol.ts';

const benchDir = import.meta.dirname;
const configFile = join(benchDir, 'vite.config.ts');
const OUT_DIR = 'dist-flow';
const VIEWPORT = { width: 412, height: 915 };
/** The page counts as quiet when nothing under the flow has changed for this long. */
const QUIET_MS = 300;
const CASES = ['cached', 'not cached'] as const;
type FlowCase = (typeof CASES)[number];

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    n: { type: 'string', default: '1000' },
    seed: { type: 'string', default: '1' },
    throttle: { type: 'string', default: '4' },
    'cap-ms': { type: 'string', default: '15000' },
    'skip-build': { type: 'boolean', default: false },
    screenshots: { type: 'string' },
    out: { type: 'string', default: join(benchDir, 'results') },
  },
});

const runs = Math.floor(positive(args.runs, 'runs'));
const n = Math.floor(positive(args.n, 'n'));
const seed = Math.floor(positive(args.seed, 'seed'));
const throttle = positive(args.throttle, 'throttle');
const capMs = positive(args['cap-ms'], 'cap-ms');

const log = (message: string) => process.stderr.write(`${message}\n`);

/** Nearest-rank percentile. */
function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(1, Math.ceil((p / 100) * sorted.length)) - 1] as number;
}

interface PickSample {
  case: FlowCase;
  run: number;
  /** Click (`timeStamp`) → form painted: the figure. */
  totalMs: number;
  /** Click → its capture listener: how long the click waited for the main thread. */
  inputDelayMs: number;
  /** Capture listener → the form's first control attached. */
  toAttachedMs: number;
  /** Attached → painted (two animation frames). */
  toPaintMs: number;
  /** The loading state came on screen before the form. */
  sawLoading: boolean;
  /** Requests for the chosen connector while the step ran. */
  connectorRequests: number;
  /** The bank chosen, as the page reported it. */
  target: FlowTarget | null;
  formTitle: string;
  errors: string[];
}

async function measurePick(
  browser: Browser,
  base: string,
  flowCase: FlowCase,
  run: number,
  screenshotDir?: string,
): Promise<PickSample> {
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  let connectorRequests = 0;
  let target: FlowTarget | undefined;
  page.on('request', (request) => {
    if (target && request.url().includes(`/connectors/${target.uuid}`)) connectorRequests++;
  });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  const sample: PickSample = {
    case: flowCase,
    run,
    totalMs: Number.NaN,
    inputDelayMs: Number.NaN,
    toAttachedMs: Number.NaN,
    toPaintMs: Number.NaN,
    sawLoading: false,
    connectorRequests: 0,
    target: null,
    formTitle: '',
    errors,
  };
  try {
    const query = `?page=flow&n=${n}&seed=${seed}${flowCase === 'cached' ? '&cached' : ''}`;
    await page.goto(`${base}${query}`, { waitUntil: 'load', timeout: 120_000 });
    await page.waitForFunction(() => window.__flow !== undefined, undefined, { timeout: 120_000, polling: 50 });
    await page.waitForSelector(PICKER_OPTION, { timeout: 120_000 });
    target = await page.evaluate(() => window.__flow?.target);
    if (!target) throw new Error('the page chose no connector');
    sample.target = target;
    const cached = await page.evaluate(() => window.__flow?.isCached());
    if (cached !== (flowCase === 'cached')) throw new Error(`the form's query is ${cached ? '' : 'not '}cached`);

    // Not timed: typing the bank's name, until its option is shown and the page is quiet.
    await page.fill(PICKER_INPUT, target.name);
    await page.waitForFunction(() => (window.__flow?.targetOption() ?? -1) >= 0, undefined, { timeout: capMs });
    await page.evaluate(([quiet, cap]) => window.__flow?.idle(quiet, cap), [QUIET_MS, capMs] as const);
    const index = await page.evaluate(() => window.__flow?.targetOption() ?? -1);
    if (index < 0) throw new Error(`no option for ${target.name}`);

    // Timed in the page: the click on the option → the form painted.
    connectorRequests = 0;
    await page.evaluate(() => window.__flow?.arm());
    await page.click(`${PICKER_OPTION}[data-index="${index}"]`, { timeout: capMs });
    const timing: FlowTiming | null | undefined = await page.evaluate((cap) => window.__flow?.result(cap), capMs);
    if (!timing) throw new Error(`no form after ${capMs} ms`);
    sample.totalMs = round(timing.painted - timing.click);
    sample.inputDelayMs = round(timing.clickHandled - timing.click);
    sample.toAttachedMs = round(timing.inputAttached - timing.clickHandled);
    sample.toPaintMs = round(timing.painted - timing.inputAttached);
    sample.sawLoading = timing.sawLoading;
    sample.connectorRequests = connectorRequests;
    sample.formTitle = await page.evaluate(() => window.__flow?.formTitle() ?? '');
    if (!sample.formTitle.includes(target.name)) errors.push(`unexpected form title "${sample.formTitle}"`);
    if (screenshotDir !== undefined && run === 1) {
      await page.waitForSelector(FORM_INPUT);
      await page.screenshot({ path: join(screenshotDir, `flow-${flowCase.replace(' ', '-')}.png`) });
    }
  } catch (error) {
    errors.push(error instanceof Error ? error.message : String(error));
  } finally {
    await context.close().catch(() => {});
  }
  return sample;
}

interface CaseSummary {
  case: FlowCase;
  count: number;
  median: number;
  p95: number;
  min: number;
  max: number;
  inputDelayMedian: number;
  toAttachedMedian: number;
  toPaintMedian: number;
  loadingShown: number;
  connectorRequests: number;
}

function summarize(samples: PickSample[]): CaseSummary[] {
  return CASES.flatMap((flowCase) => {
    const picks = samples.filter((s) => s.case === flowCase && Number.isFinite(s.totalMs));
    if (picks.length === 0) return [];
    const totals = picks.map((s) => s.totalMs);
    return [
      {
        case: flowCase,
        count: picks.length,
        median: percentile(totals, 50),
        p95: percentile(totals, 95),
        min: Math.min(...totals),
        max: Math.max(...totals),
        inputDelayMedian: percentile(
          picks.map((s) => s.inputDelayMs),
          50,
        ),
        toAttachedMedian: percentile(
          picks.map((s) => s.toAttachedMs),
          50,
        ),
        toPaintMedian: percentile(
          picks.map((s) => s.toPaintMs),
          50,
        ),
        loadingShown: picks.filter((s) => s.sawLoading).length,
        connectorRequests: picks.reduce((sum, s) => sum + s.connectorRequests, 0),
      },
    ];
  });
}

interface Report {
  date: string;
  machine: Machine;
  config: { runs: number; n: number; seed: number; throttle: number; capMs: number; viewport: typeof VIEWPORT };
  target: FlowTarget | null;
  summaries: CaseSummary[];
  samples: PickSample[];
  durationS: number;
}

function markdown(report: Report): string {
  const { machine, config, target } = report;
  const ms = (value: number) => String(Math.round(value));
  const lines = [
    `# ConnectFlow picker → form, ${report.date}`,
    '',
    `Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb} GB RAM, ${machine.platform}; ` +
      `Chromium ${machine.chromium} headless (software rendering); Node ${machine.node}; ` +
      `CPU throttled ${config.throttle}× through the DevTools protocol (measured ${machine.measuredThrottle}× on a fixed loop). ` +
      `Viewport ${VIEWPORT.width}×${VIEWPORT.height} at 1×. ${config.runs} run(s) per case; data: ` +
      `\`generateConnectors(${config.n}, ${config.seed})\` from the emulator on the preview server` +
      (target ? `; the bank chosen: ${target.name} (${target.countryCode}, \`${target.uuid}\`).` : '.'),
    '',
    "From the click on the bank's option (its `timeStamp`) to two animation frames after the form's first control " +
      'is attached, in ms. Cached: `GET /connectors/{uuid}?expand=fields,sources` (the query the form reads) in the ' +
      'React Query cache before the click; not cached: asked of the emulator at the click, no added latency. ' +
      'p95 is nearest rank (with 5 runs, the slowest).',
    '',
    '| case | median | p95 | min | max |',
    '|---|---:|---:|---:|---:|',
    ...report.summaries.map((s) => `| ${s.case} | ${ms(s.median)} | ${ms(s.p95)} | ${ms(s.min)} | ${ms(s.max)} |`),
    '',
    "Where the time goes (medians, ms): input delay is the click → its capture listener; then → the form's first " +
      'control attached; then → painted. Requests: for the chosen connector, during the measured step, all runs.',
    '',
    '| case | runs | input delay | → attached | → painted | loading state shown | requests |',
    '|---|---:|---:|---:|---:|---:|---:|',
    ...report.summaries.map(
      (s) =>
        `| ${s.case} | ${s.count} | ${ms(s.inputDelayMedian)} | ${ms(s.toAttachedMedian)} | ${ms(s.toPaintMedian)} | ` +
        `${s.loadingShown} / ${s.count} | ${s.connectorRequests} |`,
    ),
    '',
  ];
  const errors = report.samples.filter((s) => s.errors.length > 0);
  if (errors.length > 0) {
    lines.push('## Errors', '');
    for (const s of errors) lines.push(`- ${s.case}, run ${s.run}: ${s.errors.join('; ')}`);
    lines.push('');
  }
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------------------------
// Main

const began = performance.now();
if (!args['skip-build']) {
  log(`building apps/bench to ${OUT_DIR}/ (production)…`);
  await build({ root: benchDir, configFile, mode: 'production', logLevel: 'warn', build: { outDir: OUT_DIR } });
}
const server = await preview({
  root: benchDir,
  configFile,
  build: { outDir: OUT_DIR },
  preview: { host: '127.0.0.1', port: 0, strictPort: false },
  logLevel: 'warn',
});
const base = server.resolvedUrls?.local[0];
if (!base) throw new Error('the preview server has no address');

const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs, headless: true });
try {
  const screenshotDir = args.screenshots;
  if (screenshotDir !== undefined) mkdirSync(screenshotDir, { recursive: true });
  const measured = await measuredThrottle(browser, throttle);
  log(`Chromium ${browser.version()}, CPU throttle ${throttle}× (measured ${measured}×), ${n} connectors`);
  // One unmeasured pick per case first: the emulator of this size is made, the browser is warm.
  for (const flowCase of CASES) {
    const warm = await measurePick(browser, base, flowCase, 0);
    if (warm.errors.length > 0) log(`warm-up (${flowCase}): ${warm.errors.join('; ')}`);
  }
  const samples: PickSample[] = [];
  for (let run = 1; run <= runs; run++) {
    // Each case goes first every other run.
    const order = run % 2 === 1 ? CASES : [...CASES].reverse();
    for (const flowCase of order) {
      const sample = await measurePick(browser, base, flowCase, run, screenshotDir);
      samples.push(sample);
      log(
        `run ${run}/${runs} ${flowCase}: ${sample.totalMs} ms (input delay ${sample.inputDelayMs}, → attached ` +
          `${sample.toAttachedMs}, → painted ${sample.toPaintMs}; loading ${sample.sawLoading ? 'shown' : 'not shown'}, ` +
          `${sample.connectorRequests} request(s))` +
          (sample.errors.length > 0 ? `; errors: ${sample.errors.join('; ')}` : ''),
      );
    }
  }

  const report: Report = {
    date: new Date().toISOString(),
    machine: describeMachine(browser, measured),
    config: { runs, n, seed, throttle, capMs, viewport: VIEWPORT },
    target: samples.find((s) => s.target !== null)?.target ?? null,
    summaries: summarize(samples),
    samples,
    durationS: Math.round((performance.now() - began) / 1000),
  };
  const text = markdown(report);
  process.stdout.write(`${text}\n`);
  mkdirSync(args.out, { recursive: true });
  const name = `${report.date.slice(0, 10)}-flow`;
  writeFileSync(join(args.out, `${name}.json`), `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(join(args.out, `${name}.md`), `${text}\n`);
  log(`wrote ${join(args.out, name)}.{json,md} in ${report.durationS} s`);
} finally {
  await browser.close();
  await server.close();
}
