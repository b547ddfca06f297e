import { createReadStream } from 'node:fs';
import { mkdir, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { type Browser, chromium, type FrameLocator, type Page } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { chromiumArgs, chromiumPath } from '../../../vite.shared.ts';

/** Screenshots of the pages the tests visit, to look at. */
export const artifacts = path.resolve(import.meta.dirname, '../test-results');

/** The site is served below this path, as on a project page (`https://example.org/connector-kit/`). */
export const SITE_PATH = '/connector-kit/';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

export interface StaticServer {
  /** The site's address, ending with `/`. */
  url: string;
  /** The path of every request that reached the server, in order. */
  requests: string[];
  close(): Promise<void>;
}

/** A plain file server: files under `SITE_PATH`, `index.html` for a directory, 404 for anything else. */
export async function serveStatic(root: string): Promise<StaticServer> {
  const requests: string[] = [];
  const server = createServer(async (request, response) => {
    const { pathname } = new URL(request.url ?? '/', 'http://127.0.0.1');
    requests.push(pathname);
    const notFound = () => {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
    };
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    if (!pathname.startsWith(SITE_PATH)) return notFound();
    let file = path.join(root, decodeURIComponent(pathname.slice(SITE_PATH.length)));
    if (file !== root && !file.startsWith(root + path.sep)) return notFound();
    try {
      if ((await stat(file)).isDirectory()) file = path.join(file, 'index.html');
      const { size } = await stat(file);
      response.writeHead(200, {
        'content-type': contentTypes[path.extname(file)] ?? 'application/octet-stream',
        'content-length': size,
      });
      if (request.method === 'HEAD') response.end();
      else createReadStream(file).pipe(response);
    } catch {
      notFound();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${SITE_PATH}`,
    requests,
    close: () =>
      new Promise((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

export interface EmulatorCall {
  url: string;
  status: number;
  /** Answered by the page's service worker (MSW), not by the file server. */
  fromServiceWorker: boolean;
}

export interface Session {
  page: Page;
  /** Storybook's preview, where stories and docs pages render. */
  preview: FrameLocator;
  /** Console errors (with the address of what failed) and uncaught exceptions, in the manager and the preview. */
  problems: string[];
  /** The answers to requests for the emulator's API, seen from the page. */
  emulatorCalls: EmulatorCall[];
  close(): Promise<void>;
}

export interface Site {
  server: StaticServer;
  /** Opens the manager at `query` (`?path=/docs/…`) in a fresh browser context: a first visit, no worker yet. */
  open(query?: string): Promise<Session>;
}

/** The built site (see `build.ts`) on a plain file server, and one headless Chromium for the file. */
export function setupSite(): Site {
  const site = {} as Site;
  let browser: Browser | undefined;

  beforeAll(async () => {
    site.server = await serveStatic(inject('storybookBuild'));
    browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs, headless: true });
    await mkdir(artifacts, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await site.server?.close();
  });

  site.open = async (query = '') => {
    if (!browser) throw new Error('the browser did not start');
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      locale: 'en-US',
      reducedMotion: 'reduce',
    });
    const page = await context.newPage();
    const problems: string[] = [];
    const emulatorCalls: EmulatorCall[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()} (${message.location().url})`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('response', (response) => {
      if (!new URL(response.url()).pathname.startsWith('/__emulator/')) return;
      emulatorCalls.push({
        url: response.url(),
        status: response.status(),
        fromServiceWorker: response.fromServiceWorker(),
      });
    });
    await page.goto(`${site.server.url}${query}`);
    const preview = page.locator('#storybook-preview-iframe').contentFrame();
    return { page, preview, problems, emulatorCalls, close: () => context.close() };
  };
  return site;
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(artifacts, `${name}.png`), animations: 'disabled' });
}
