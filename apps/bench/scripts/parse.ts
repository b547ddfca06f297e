/**
 * How much the client's validation costs on top of `JSON.parse`: `listConnectors` parsing + validating
 * `generateConnectors(n)` with every expand, against plain `JSON.parse` of the same body.
 *
 *   node --conditions=@connector-kit/source apps/bench/scripts/parse.ts [--json]
 * (`pnpm bench:parse` writes the table to apps/bench/results/parse.md.)
 */
import { createConnectorsClient } from '@connector-kit/core';
import { generateConnectors } from '@connector-kit/mock-api';

const sizes = [5_000, 20_000];
const rounds = 15;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

const results = [];
for (const size of sizes) {
  const body = JSON.stringify({ connectors: generateConnectors(size, 1), total: size });
  const client = createConnectorsClient({
    baseUrl: 'http://bench.invalid/2.0',
    fetch: async () => new Response(body, { headers: { 'Content-Type': 'application/json' } }),
  });
  // The client reads the body as text, then parses: measure the same text read for the baseline.
  const plain = async () => JSON.parse(await new Response(body).text());
  const ours = () => client.listConnectors({ expand: ['sources', 'fields', 'payment_fields', 'countries', 'urls'] });

  for (let i = 0; i < 3; i++) {
    await plain();
    await ours();
  }
  const plainTimes: number[] = [];
  const ourTimes: number[] = [];
  for (let i = 0; i < rounds; i++) {
    let start = performance.now();
    await plain();
    plainTimes.push(performance.now() - start);
    start = performance.now();
    await ours();
    ourTimes.push(performance.now() - start);
  }
  const plainMs = median(plainTimes);
  const ourMs = median(ourTimes);
  results.push({ size, bytes: body.length, jsonParseMs: plainMs, listConnectorsMs: ourMs, ratio: ourMs / plainMs });
}

if (process.argv.includes('--json')) {
  console.log(JSON.stringify(results, null, 2));
} else {
  console.log('| connectors | body | JSON.parse | listConnectors (parse + validate) | ratio |');
  console.log('|---:|---:|---:|---:|---:|');
  for (const r of results) {
    console.log(
      `| ${r.size.toLocaleString('en')} | ${(r.bytes / 1e6).toFixed(1)} MB | ${r.jsonParseMs.toFixed(1)} ms | ${r.listConnectorsMs.toFixed(1)} ms | ${r.ratio.toFixed(2)}× |`,
    );
  }
}
