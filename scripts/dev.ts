/**
 * `npm start`: the emulator on loopback, then Storybook (and the demo app when present), each on 127.0.0.1.
 * Ctrl+C stops everything. Ports: EMULATOR_PORT (4010), STORYBOOK_PORT (6006), DEMO_PORT (5173).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { startMockServer } from '@connector-kit/mock-api/server';

const root = path.resolve(import.meta.dirname, '..');
const host = '127.0.0.1';
const port = (name: string, fallback: number) => Number(process.env[name] ?? fallback);

const emulator = await startMockServer({ host, port: port('EMULATOR_PORT', 4010) });
const children: ChildProcess[] = [];
let stopping = false;

function run(name: string, command: string, args: string[], env: Record<string, string> = {}) {
  const child = spawn(command, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  const prefix = `[${name}] `;
  for (const stream of [child.stdout, child.stderr]) {
    stream?.setEncoding('utf8');
    stream?.on('data', (chunk: string) => {
      for (const line of chunk.split('\n')) if (line.trim()) process.stdout.write(`${prefix + line}\n`);
    });
  }
  child.on('exit', (code) => {
    if (!stopping) {
      process.stdout.write(`${prefix}exited with code ${code}; stopping\n`);
      void stop(code ?? 1);
    }
  });
  children.push(child);
}

const storybookPort = port('STORYBOOK_PORT', 6006);
run('storybook', 'pnpm', [
  'exec',
  'storybook',
  'dev',
  '--ci',
  '--no-open',
  '--host',
  host,
  '-p',
  String(storybookPort),
]);

const demoPort = port('DEMO_PORT', 5173);
const hasDemo = existsSync(path.join(root, 'apps/demo/package.json'));
if (hasDemo) {
  run(
    'demo',
    'pnpm',
    [
      '--filter',
      '@connector-kit/demo',
      'exec',
      'vite',
      '--configLoader',
      'native',
      '--host',
      host,
      '--port',
      String(demoPort),
    ],
    {
      CONNECTOR_KIT_EMULATOR_URL: emulator.url,
      // The demo's server code (loaded with the Vite config) reads the workspace packages from their sources, as this
      // script does: nothing needs to be built first.
      NODE_OPTIONS: [process.env.NODE_OPTIONS, '--conditions=@connector-kit/source'].filter(Boolean).join(' '),
    },
  );
}

const urls = [
  `  emulator   ${emulator.url}   (try ${emulator.url}/connectors?expand=countries)`,
  `  storybook  http://${host}:${storybookPort}/`,
  ...(hasDemo ? [`  demo       http://${host}:${demoPort}/`] : []),
];
process.stdout.write(`\n${urls.join('\n')}\n\n  Ctrl+C stops everything.\n\n`);

async function stop(code: number) {
  stopping = true;
  for (const child of children) child.kill('SIGTERM');
  await emulator.close();
  process.exit(code);
}
process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));
