/**
 * The search index on its own: how long `createConnectorSearch` takes to build over `generateConnectors(count, 1)`
 * (the list the picker benchmark uses), and how long each keystroke takes to search it, with and without filters,
 * while "societe g" is typed and then deleted with Backspace. About a quarter of the generated names with accents are spelled without them.
 *
 *   node --conditions=@connector-kit/source apps/bench/scripts/search.ts [count] [rounds]
 * (count defaults to 20,000 connectors, rounds to 60 runs of the nine keystrokes and eight Backspaces, after 5 for
 * warm-up.)
 */
import { createConnectorSearch } from '@connector-kit/core';
import { generateConnectors } from '@connector-kit/mock-api';

const count = Number(process.argv[2] ?? 20_000);
const rounds = Number(process.argv[3] ?? 60);
const seed = 1;
const keystrokes = ['s', 'so', 'soc', 'soci', 'socie', 'societ', 'societe', 'societe ', 'societe g'];
const warmUpRounds = 5;
const rebuilds = 15;

function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
}

function summary(samples: readonly number[]): string {
  const sorted = [...samples].sort((a, b) => a - b);
  return `median ${quantile(sorted, 0.5).toFixed(2)} ms, p95 ${quantile(sorted, 0.95).toFixed(2)} ms`;
}

/** Wall-clock time and CPU time of the main thread for one call, in milliseconds. */
function measure<T>(run: () => T): { value: T; wall: number; cpu: number } {
  // CPU time of this thread only: unaffected by other processes competing for the CPU.
  const cpuBefore = process.threadCpuUsage();
  const start = performance.now();
  const value = run();
  const wall = performance.now() - start;
  const cpu = process.threadCpuUsage(cpuBefore);
  return { value, wall, cpu: (cpu.user + cpu.system) / 1000 };
}

const out = (line: string) => process.stdout.write(`${line}\n`);
const connectors = generateConnectors(count, seed);
const popularity = connectors.slice(0, 50).map((connector) => connector.uuid);
const options = { popularity };

const cold = measure(() => createConnectorSearch(connectors, options));
let index = cold.value;
const builds = { wall: [] as number[], cpu: [] as number[] };
for (let i = 0; i < rebuilds; i++) {
  const build = measure(() => createConnectorSearch(connectors, options));
  index = build.value;
  builds.wall.push(build.wall);
  builds.cpu.push(build.cpu);
}

// Each round types the query on a new index (sorted beforehand, as the picker does after its first paint), then
// deletes it with Backspace: a keystroke narrows the last query's matches, Backspace finds results it already had.
const backspaces = keystrokes.slice(0, -1).reverse();
const steps = [
  ...keystrokes.map((query) => ({ query, key: query })),
  ...backspaces.map((query) => ({ query, key: `⌫ ${query}` })),
];
const perKeystroke = new Map<string, number[]>(steps.map(({ key }) => [key, []]));
const resultCounts = new Map<string, number>();
const searches: number[] = [];
const filtered: number[] = [];
const filters = { countryCodes: ['fr'], capabilities: ['bank'] };
for (let round = 0; round < rounds + warmUpRounds; round++) {
  const plain = createConnectorSearch(connectors, options);
  const withFilters = createConnectorSearch(connectors, options);
  plain.search('');
  withFilters.search('', filters);
  for (const { query, key } of steps) {
    const search = measure(() => plain.search(query));
    const narrowed = measure(() => withFilters.search(query, filters));
    resultCounts.set(key, search.value.length);
    if (round < warmUpRounds) continue;
    perKeystroke.get(key)?.push(search.wall);
    searches.push(search.wall);
    filtered.push(narrowed.wall);
  }
}

out(`connectors: ${count} (${index.size} searchable), seed ${seed}, Node ${process.version}`);
out(`build, first (cold): ${cold.wall.toFixed(1)} ms wall, ${cold.cpu.toFixed(1)} ms CPU`);
out(`build, next ${builds.wall.length}: wall ${summary(builds.wall)}; CPU ${summary(builds.cpu)}`);
out(`search per keystroke (${searches.length} searches): wall ${summary(searches)}`);
out(`search per keystroke with country + capability filters: wall ${summary(filtered)}`);
for (const [query, samples] of perKeystroke) {
  const label = query.padEnd(12);
  out(`  ${label} ${String(resultCounts.get(query)).padStart(6)} results  wall ${summary(samples)}`);
}
