/**
 * Search index benchmark: `node packages/core/src/search/bench.ts [count] [rounds]`.
 *
 * Builds `count` (default 20,000) bank-like connectors from a seeded generator, a quarter of them spelled without
 * accents, then prints the index build time and the per-keystroke search time while typing "societe g".
 */
import type { Connector } from '../schemas.ts';
import { createConnectorSearch } from './search.ts';

/** The few Node APIs used here, typed locally: the core package is typed without Node's globals. */
interface CpuUsage {
  readonly user: number;
  readonly system: number;
}
const process = (
  globalThis as unknown as {
    process: {
      readonly argv: readonly string[];
      readonly version: string;
      readonly stdout: { write(text: string): unknown };
      /** CPU time of the calling thread only: unaffected by other processes competing for the CPU. */
      threadCpuUsage(previous?: CpuUsage): CpuUsage;
    };
  }
).process;

const count = Number(process.argv[2] ?? 20_000);
const rounds = Number(process.argv[3] ?? 60);
const keystrokes = ['s', 'so', 'soc', 'soci', 'socie', 'societ', 'societe', 'societe ', 'societe g'];

function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const random = mulberry32(20_261_126);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

const heads = [
  'Société Générale',
  'Crédit Agricole',
  'Crédit Mutuel',
  'Banque Populaire',
  "Caisse d'Épargne",
  'Sparkasse',
  'Volksbank',
  'Raiffeisenbank',
  'Banco Santander',
  'Caixa Geral',
  'Banca Popolare',
  'Crédit Coopératif',
  'Société Marseillaise de Crédit',
  'Banque de Savoie',
  'Kreissparkasse',
  'Commerzbank',
  'Nordea',
  'Handelsbanken',
  'Skandinaviska Banken',
  'Bank Spółdzielczy',
  'Öresund Sparbank',
  'Straßburger Bank',
];
const places = [
  'Île-de-France',
  'Rhône-Alpes',
  'Côte d’Azur',
  'Bretagne',
  'Normandie',
  'Köln Bonn',
  'München',
  'Düsseldorf',
  'Zürich',
  'Genève',
  'Łódź',
  'Kraków',
  'Málaga',
  'Göteborg',
  'Provence',
  'Lorraine',
  'Alsace',
  'Nord Est',
  'Sud Ouest',
];
const suffixes = ['', '', ' Entreprises', ' Particuliers', ' Pro', ' Private Banking', ' (ancien site)'];
const countries = [
  { id: 'fr', name: 'France' },
  { id: 'de', name: 'Germany' },
  { id: 'es', name: 'Spain' },
  { id: 'it', name: 'Italy' },
  { id: 'pl', name: 'Poland' },
  { id: 'se', name: 'Sweden' },
];

function stripAccents(text: string): string {
  return text.normalize('NFD').replace(/\p{Mn}/gu, '');
}

function generate(total: number): Connector[] {
  const connectors: Connector[] = [];
  for (let i = 0; i < total; i++) {
    let name = `${pick(heads)} ${pick(places)}${pick(suffixes)}`;
    if (random() < 0.25) name = stripAccents(name);
    if (random() < 0.1) name = `${name} ${1 + Math.floor(random() * 40)}`;
    connectors.push({
      uuid: `00000000-0000-4000-8000-${i.toString(16).padStart(12, '0')}`,
      id: i + 1,
      name,
      slug: Array.from({ length: 3 }, () => String.fromCharCode(65 + Math.floor(random() * 26))).join(''),
      code: random() < 0.6 ? String(10_000 + Math.floor(random() * 90_000)) : null,
      hidden: random() < 0.02,
      restricted: random() < 0.03,
      capabilities: random() < 0.8 ? ['bank', 'transfer'] : ['document'],
      products: ['bank'],
      countries: random() < 0.9 ? [pick(countries)] : null,
    });
  }
  return connectors;
}

function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
}

function summary(samples: readonly number[]): string {
  const sorted = [...samples].sort((a, b) => a - b);
  return `median ${quantile(sorted, 0.5).toFixed(2)} ms, p95 ${quantile(sorted, 0.95).toFixed(2)} ms`;
}

/** Wall-clock time and CPU time of the main thread for one call, in milliseconds. */
function measure<T>(run: () => T): { value: T; wall: number; cpu: number } {
  const cpuBefore = process.threadCpuUsage();
  const start = performance.now();
  const value = run();
  const wall = performance.now() - start;
  const cpu = process.threadCpuUsage(cpuBefore);
  return { value, wall, cpu: (cpu.user + cpu.system) / 1000 };
}

const out = (line: string) => process.stdout.write(`${line}\n`);
const connectors = generate(count);
const popularity = connectors.slice(0, 50).map((connector) => connector.uuid);
const options = { popularity };

const cold = measure(() => createConnectorSearch(connectors, options));
let index = cold.value;
const builds = { wall: [] as number[], cpu: [] as number[] };
for (let i = 0; i < 15; i++) {
  const build = measure(() => createConnectorSearch(connectors, options));
  index = build.value;
  builds.wall.push(build.wall);
  builds.cpu.push(build.cpu);
}

const warmUpRounds = 5;
const perKeystroke = new Map<string, number[]>(keystrokes.map((query) => [query, []]));
const resultCounts = new Map<string, number>();
const searches: number[] = [];
const filtered: number[] = [];
for (let round = 0; round < rounds + warmUpRounds; round++) {
  for (const query of keystrokes) {
    const search = measure(() => index.search(query));
    const withFilters = measure(() => index.search(query, { countryCodes: ['fr'], capabilities: ['bank'] }));
    resultCounts.set(query, search.value.length);
    if (round < warmUpRounds) continue;
    perKeystroke.get(query)?.push(search.wall);
    searches.push(search.wall);
    filtered.push(withFilters.wall);
  }
}

out(`connectors: ${count} (${index.size} searchable), Node ${process.version}`);
out(`build, first (cold): ${cold.wall.toFixed(1)} ms wall, ${cold.cpu.toFixed(1)} ms CPU`);
out(`build, next ${builds.wall.length}: wall ${summary(builds.wall)}; CPU ${summary(builds.cpu)}`);
out(`search per keystroke (${searches.length} searches): wall ${summary(searches)}`);
out(`search per keystroke with country + capability filters: wall ${summary(filtered)}`);
for (const [query, samples] of perKeystroke) {
  const label = JSON.stringify(query).padEnd(12);
  out(`  ${label} ${String(resultCounts.get(query)).padStart(6)} results  wall ${summary(samples)}`);
}
