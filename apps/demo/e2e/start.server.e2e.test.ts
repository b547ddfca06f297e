import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/*
 * `npm start` is the set-up, then `pnpm run dev`: the emulator, Storybook and the demo, read from the sources. This
 * runs that same script on free ports and asks each server for what a newcomer's browser asks first: the demo's page
 * and its entry module (Vite resolves and compiles its imports), the connectors through the demo's API, Storybook's
 * index and its preview frame.
 */

const root = path.resolve(import.meta.dirname, '../../..');

async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/** The environment of a shell: this one's, without what the test runner added to it. */
function shellEnvironment(): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) => !name.startsWith('VITEST') && name !== 'NODE_ENV' && name !== 'TEST',
    ),
  );
}

/** The first answer with status 200 from `url`, asked every half second until `timeout` ms have passed. */
async function firstAnswer(url: string, timeout: number, output: () => string): Promise<Response> {
  const deadline = Date.now() + timeout;
  let last = 'no answer';
  while (Date.now() < deadline) {
    try {
      const answer = await fetch(url, { signal: AbortSignal.timeout(10_000) });
      if (answer.status === 200) return answer;
      last = `status ${answer.status}`;
    } catch (error) {
      last = String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${url}: ${last} after ${timeout} ms. Output of npm start:\n${output()}`);
}

describe('npm start', () => {
  it('serves the demo, its API through the emulator, and Storybook, from the sources', async () => {
    const [emulatorPort, storybookPort, demoPort] = await Promise.all([freePort(), freePort(), freePort()]);
    const child = spawn('pnpm', ['run', 'dev'], {
      cwd: root,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...shellEnvironment(),
        EMULATOR_PORT: String(emulatorPort),
        STORYBOOK_PORT: String(storybookPort),
        DEMO_PORT: String(demoPort),
      },
    });
    let output = '';
    for (const stream of [child.stdout, child.stderr]) stream.on('data', (chunk) => (output += chunk));
    const said = () => output.slice(-4000);
    try {
      const page = await (await firstAnswer(`http://127.0.0.1:${demoPort}/`, 120_000, said)).text();
      expect(page).toContain('<div id="root"></div>');
      const entry = await (await firstAnswer(`http://127.0.0.1:${demoPort}/src/main.tsx`, 60_000, said)).text();
      expect(entry).toMatch(/createRoot/);

      const api = await firstAnswer(`http://127.0.0.1:${demoPort}/api/2.0/connectors?expand=countries`, 60_000, said);
      const { connectors } = (await api.json()) as { connectors: { name: string }[] };
      expect(connectors.length).toBeGreaterThan(10);

      const index = await firstAnswer(`http://127.0.0.1:${storybookPort}/index.json`, 180_000, said);
      const { entries } = (await index.json()) as { entries: Record<string, { title: string }> };
      const titles = new Set(Object.values(entries).map((entry) => entry.title));
      expect([...titles]).toEqual(expect.arrayContaining([expect.stringMatching(/ConnectorPicker/)]));
      const frame = await (await firstAnswer(`http://127.0.0.1:${storybookPort}/iframe.html`, 60_000, said)).text();
      expect(frame).toMatch(/<div id="storybook-root">/);
      expect(said()).not.toMatch(/exited with code/);
    } finally {
      if (child.pid !== undefined && child.exitCode === null) {
        const exited = once(child, 'exit');
        process.kill(-child.pid, 'SIGTERM');
        await exited;
      }
    }
  }, 300_000);
});
