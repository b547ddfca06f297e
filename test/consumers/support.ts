import { execFile, spawn } from 'node:child_process';
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { type Browser, chromium, type Locator, type Page } from 'playwright-core';
import { inject } from 'vitest';
import { chromiumArgs, chromiumPath } from '../../vite.shared.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The packed packages of this run, by package name (`@connector-kit/core` → its `.tgz`). */
    tarballs: Record<string, string>;
  }
}

export const root = path.resolve(import.meta.dirname, '../..');
/** Kept between runs (ignored by git): npm's cache and the installed apps, so that a second run installs little. */
export const cacheDir = path.join(root, '.cache', 'consumers');
const templates = path.join(import.meta.dirname, 'apps');

/** Runs a command to its end; its output goes into the error when it fails. */
export function run(
  command: string,
  args: readonly string[],
  options: { cwd: string; env?: Record<string, string>; timeoutMs?: number },
): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      command,
      args,
      {
        cwd: options.cwd,
        env: { ...process.env, ...options.env },
        timeout: options.timeoutMs ?? 600_000,
        maxBuffer: 64 * 1024 * 1024,
      },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`${command} ${args.join(' ')} failed in ${options.cwd}\n${stdout}\n${stderr}`));
        else resolve(`${stdout}${stderr}`);
      },
    );
  });
}

/**
 * A consumer app from `apps/<template>`, copied under `.cache/consumers/<name>` and installed with npm as a user
 * would: the packed packages as `file:` tarballs (never the workspace sources), everything else from the registry.
 * `overrides` make the packages' dependencies on each other resolve to the same tarballs.
 */
export async function installApp(
  template: string,
  name: string,
  dependencies: Record<string, string>,
  ours: readonly string[],
): Promise<string> {
  const dir = path.join(cacheDir, name);
  await mkdir(dir, { recursive: true });
  // The sources are copied afresh, and our packages and the last build are removed: npm keeps an installed
  // `file:` package of the same version as it is, which would test the packages of an earlier run. The rest of an
  // earlier install stays, for npm to reuse.
  for (const stale of ['src', 'app', '.next', 'dist', 'node_modules/@connector-kit']) {
    await rm(path.join(dir, stale), { recursive: true, force: true });
  }
  await cp(path.join(templates, template), dir, { recursive: true });
  const tarballs = inject('tarballs');
  const local = Object.fromEntries(ours.map((pkg) => [pkg, `file:${tarballs[pkg]}`]));
  const manifest = JSON.parse(await readFile(path.join(dir, 'package.json'), 'utf8'));
  manifest.name = `connector-kit-consumer-${name}`;
  manifest.dependencies = { ...dependencies, ...local };
  manifest.overrides = Object.fromEntries(Object.keys(tarballs).map((pkg) => [pkg, `file:${tarballs[pkg]}`]));
  await writeFile(path.join(dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  await rm(path.join(dir, 'package-lock.json'), { force: true });
  await run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'], {
    cwd: dir,
    env: { npm_config_cache: path.join(cacheDir, 'npm'), npm_config_update_notifier: 'false' },
  });
  return dir;
}

/** A free port on the loopback interface. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** A long-running server (`next start`, `vite preview`), ready once `url` answers; `stop()` ends it. */
export async function startServer(
  command: string,
  args: readonly string[],
  options: { cwd: string; url: string; env?: Record<string, string> },
): Promise<{ stop(): Promise<void>; output(): string }> {
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  child.stdout.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr.on('data', (chunk) => {
    output += chunk;
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.pid !== undefined) process.kill(-child.pid, 'SIGTERM');
    await exited;
  };
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${command} ${args.join(' ')} exited\n${output}`);
    try {
      if ((await fetch(options.url)).ok) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`${options.url} never answered\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return { stop, output: () => output };
}

export interface Visit {
  page: Page;
  /** Console errors and warnings, and uncaught exceptions, seen so far. */
  problems: string[];
  /** The URLs the page asked for, in order. */
  requests: string[];
  close(): Promise<void>;
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, args: chromiumArgs, headless: true });
}

/** Opens `url` in a fresh context, recording what a user would not see: console problems and requests. */
export async function visit(browser: Browser, url: string): Promise<Visit> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems: string[] = [];
  const requests: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(String(error)));
  page.on('request', (request) => requests.push(request.url()));
  // The console says a resource failed, not which: the address goes with it.
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`${response.status()} ${response.url()}`);
  });
  await page.goto(url);
  return { page, problems, requests, close: () => context.close() };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  const dir = path.join(cacheDir, 'screenshots');
  await mkdir(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
}

/**
 * Two colors of a connection form as the app's own bundler compiled `styles.css`: its primary button's background and
 * a text field's border (a palette the bundler turned invalid leaves the first transparent and the second unset).
 */
export async function formColors(form: Locator): Promise<{ button: string; fieldBorder: string }> {
  const style = (locator: Locator, property: 'backgroundColor' | 'borderTopColor') =>
    locator.evaluate((element, name) => getComputedStyle(element)[name], property);
  return {
    button: await style(form.getByRole('button', { name: 'Connect', exact: true }), 'backgroundColor'),
    fieldBorder: await style(form.getByRole('textbox', { name: /Numéro client/ }), 'borderTopColor'),
  };
}

/** Ours, light theme: the accent (#0b57d0) and the field border (#8a939e). */
export const LIGHT_FORM_COLORS = { button: 'rgb(11, 87, 208)', fieldBorder: 'rgb(138, 147, 158)' };
