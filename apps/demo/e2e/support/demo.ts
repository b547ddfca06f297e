import { mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { EmulatorOptions } from '@connector-kit/mock-api';
import { type MockServer, startMockServer } from '@connector-kit/mock-api/server';
import { type Browser, chromium, type Locator, type Page } from 'playwright-core';
import { type PreviewServer, preview } from 'vite';
import { afterAll, afterEach, beforeAll, expect, inject } from 'vitest';
import { chromiumArgs, chromiumPath } from '../../../../vite.shared.ts';
import { demoRoot } from './build.ts';

/** A logo's address through the demo server (see `getLogoUrl` in App.tsx). */
const MISSING_LOGO = /\/api\/2\.0\/logos\/[0-9a-f-]+-thumbnail\.webp$/;

/** Screenshots of every page the tests visit, to look at. */
export const artifacts = path.join(demoRoot, 'test-results');

export interface Session {
  page: Page;
  /** The Content-Security-Policy the page was served with. */
  policy: string | null;
  /** Console errors, uncaught exceptions and Content-Security-Policy violations seen so far. */
  problems: string[];
  close(): Promise<void>;
}

export interface OpenOptions {
  /** For axe, injected as a script. */
  bypassCSP?: boolean;
  colorScheme?: 'light' | 'dark';
}

export interface Demo {
  emulator: MockServer;
  baseUrl: string;
  /** Opens a page of the demo (`#/connect`, `/callback?…`) in a fresh browser context. */
  open(address: string, options?: OpenOptions): Promise<Session>;
}

/**
 * The built demo (see `build.ts`), served by `vite preview` with the demo's API proxy in front of an emulator on a
 * free port, and one headless Chromium for the file; a fresh browser context per page opened. The emulator's data
 * and faults are reset after each test.
 */
export function setupDemo(options: EmulatorOptions = {}): Demo {
  const demo = {} as Demo;
  let server: PreviewServer | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    demo.emulator = await startMockServer({ port: 0, ...options });
    // The proxy reads its upstream from the environment when the preview server starts: the emulator above, never
    // a real domain a developer may have configured in their shell.
    delete process.env.POWENS_DOMAIN;
    delete process.env.POWENS_CONFIG_TOKEN;
    delete process.env.POWENS_CLIENT_ID;
    delete process.env.POWENS_CLIENT_SECRET;
    process.env.CONNECTOR_KIT_EMULATOR_URL = demo.emulator.url;
    server = await preview({
      configFile: path.join(demoRoot, 'vite.config.ts'),
      root: demoRoot,
      logLevel: 'warn',
      build: { outDir: inject('demoBuild') },
      preview: { host: '127.0.0.1', port: 0, strictPort: false },
    });
    const address = server.httpServer.address() as AddressInfo;
    demo.baseUrl = `http://127.0.0.1:${address.port}`;
    browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs, headless: true });
    await mkdir(artifacts, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await demo.emulator?.close();
  });

  afterEach(() => {
    demo.emulator.emulator.reset();
  });

  demo.open = async (address, { bypassCSP = false, colorScheme = 'light' } = {}) => {
    if (!browser) throw new Error('the browser did not start');
    const context = await browser.newContext({
      bypassCSP,
      viewport: { width: 1280, height: 900 },
      locale: 'en-US',
      colorScheme,
      reducedMotion: 'reduce',
    });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (message) => {
      // The emulator has no logo for some banks on purpose (404): their initials show instead.
      if (MISSING_LOGO.test(message.location().url) && /status of 404\b/.test(message.text())) return;
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    const response = await page.goto(`${demo.baseUrl}/${address.replace(/^\//, '')}`);
    const policy = (await response?.allHeaders())?.['content-security-policy'] ?? null;
    return { page, policy, problems, close: () => context.close() };
  };
  return demo;
}

export async function screenshot(page: Page, name: string, fullPage = true): Promise<void> {
  await page.screenshot({ path: path.join(artifacts, `${name}.png`), fullPage, animations: 'disabled' });
}

/** Presses Tab until `target` has the focus (the keyboard-only way to reach a control). */
export async function tabTo(page: Page, target: Locator, max = 25): Promise<void> {
  await target.waitFor();
  for (let presses = 0; presses <= max; presses++) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`${String(target)} never got the focus after ${max} Tab presses`);
}

export async function expectFocused(target: Locator): Promise<void> {
  await expect.poll(() => target.evaluate((element) => element === document.activeElement)).toBe(true);
}

const axeSource = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** The axe-core rules (WCAG 2.2 A and AA) the page breaks, as `rule: target` lines. */
export async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: axeSource });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<unknown> } }).axe;
    const results = (await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
    })) as { violations: AxeViolation[] };
    return results.violations;
  });
  return violations.flatMap((violation) =>
    violation.nodes.map(
      (node) => `${violation.id} (${violation.impact}): ${node.target.join(' ')} — ${violation.help}`,
    ),
  );
}

/** What the Connect page shows in "What your app receives" (one JSON event a line), as text; `''` when none. */
export async function eventsText(page: Page, region = 'What your app receives'): Promise<string> {
  const code = page.getByRole('region', { name: region }).locator('pre code');
  return (await code.count()) === 0 ? '' : ((await code.textContent()) ?? '');
}

/** The events the Connect page shows, parsed, oldest first. */
export async function shownEvents(page: Page, region?: string): Promise<Record<string, unknown>[]> {
  const text = await eventsText(page, region);
  return text === '' ? [] : text.split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
}
