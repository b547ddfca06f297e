#!/usr/bin/env node
/**
 * connector-kit-emulator: the Powens API emulator on a loopback HTTP server.
 *
 *   connector-kit-emulator [--port 4010] [--host 127.0.0.1] [--dataset demo|generated:20000[:seed]] [--latency 0]
 *                          [--config-token emulator-config-token] [--allowed-origin https://app.example.test | '*']
 *
 * Runs as is on Node 24 from the workspace's sources (`node --conditions=@connector-kit/source
 * packages/mock-api/src/cli.ts`): this file and the ones it imports use erasable TypeScript only.
 */
import process from 'node:process';
import { parseArgs } from 'node:util';
import type { Connector } from '@connector-kit/core';
import { demoConnectors, generateConnectors } from './data/index.ts';
import { DEFAULT_CONFIG_TOKEN } from './emulator.ts';
import { startMockServer } from './server.ts';

const USAGE = `Usage: connector-kit-emulator [options]

Serves an emulator of the Powens API on http://<host>:<port>/2.0, with the emulated Webview at
http://<host>:<port>/webview/connect and the emulated bank app at http://<host>:<port>/bank/app

Options:
  --port <n>            port to listen on, 0 for a free one (default 4010)
  --host <address>      interface to bind (default 127.0.0.1, loopback only)
  --dataset <name>      demo, or generated:<count>[:<seed>] (default demo)
  --latency <ms>        delay before every answer (default 0)
  --config-token <t>    config token the write endpoints expect (default ${DEFAULT_CONFIG_TOKEN})
  --allowed-origin <o>  a web origin whose pages may call the emulator besides the loopback ones
                        (repeatable), or '*' for any website; other origins are refused with 403
  -h, --help            show this help
`;

class UsageError extends Error {}

function integer(name: string, value: string, min: number, max: number): number {
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
    throw new UsageError(`--${name} expects an integer from ${min} to ${max}, got "${value}"`);
  }
  return Number(value);
}

function dataset(name: string): readonly Connector[] {
  if (name === 'demo') return demoConnectors;
  const match = /^generated:(\d+)(?::(\d+))?$/.exec(name);
  if (match?.[1] !== undefined) {
    const count = integer('dataset', match[1], 0, 1_000_000);
    const seed = match[2] === undefined ? 1 : Number(match[2]);
    return generateConnectors(count, seed);
  }
  throw new UsageError(`--dataset expects "demo" or "generated:<count>[:<seed>]", got "${name}"`);
}

async function main(argv: readonly string[]): Promise<void> {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      port: { type: 'string', default: '4010' },
      host: { type: 'string', default: '127.0.0.1' },
      dataset: { type: 'string', default: 'demo' },
      latency: { type: 'string', default: '0' },
      'config-token': { type: 'string', default: DEFAULT_CONFIG_TOKEN },
      'allowed-origin': { type: 'string', multiple: true, default: [] },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return;
  }
  const connectors = dataset(values.dataset);
  const server = await startMockServer({
    port: integer('port', values.port, 0, 65_535),
    host: values.host,
    connectors,
    latencyMs: integer('latency', values.latency, 0, 600_000),
    configToken: values['config-token'],
    allowedOrigins: values['allowed-origin'].includes('*') ? '*' : values['allowed-origin'],
  });
  const origin = new URL(server.url).origin;
  process.stdout.write(
    `Powens API emulator (${connectors.length} connectors) listening on ${server.url}\n` +
      `Webview: ${origin}/webview/connect · bank app (decoupled approvals): ${origin}/bank/app\n`,
  );

  const stop = () => {
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  const usage =
    error instanceof UsageError ||
    (error instanceof Error && 'code' in error && /^ERR_PARSE_ARGS/.test(String(error.code)));
  console.error(error instanceof Error ? error.message : String(error));
  if (usage) console.error(`\n${USAGE}`);
  process.exit(usage ? 2 : 1);
});
