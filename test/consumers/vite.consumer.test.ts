import { type MockServer, startMockServer } from '@connector-kit/mock-api/server';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  formColors,
  freePort,
  installApp,
  LIGHT_FORM_COLORS,
  launchBrowser,
  run,
  screenshot,
  startServer,
  visit,
} from './support.ts';

/**
 * A Vite app from the packed packages, with React 19 and with React 18: built with `vite build`, served with
 * `vite preview`, opened in Chromium against an emulator on loopback. The React 18 app installs no msw: the
 * emulator's main entry and its server run without it.
 */

const common = {
  vite: '8.3.8',
  '@vitejs/plugin-react': '6.3.0',
  '@tanstack/react-query': '5.108.4',
  'react-hook-form': '7.92.0',
  zod: '4.6.7',
  '@radix-ui/react-select': '2.4.1',
};

describe.each([
  { react: '19.3.1', name: 'vite-react19' },
  { react: '18.3.1', name: 'vite-react18' },
])('Vite with React $react, from the packed packages', ({ react, name }) => {
  let emulator: MockServer;
  let browser: Browser;
  let dir = '';
  let stop: (() => Promise<void>) | undefined;
  let baseUrl = '';

  beforeAll(async () => {
    emulator = await startMockServer({ port: 0 });
    dir = await installApp('vite', name, { ...common, react, 'react-dom': react }, [
      '@connector-kit/core',
      '@connector-kit/react',
      '@connector-kit/ui',
      '@connector-kit/mock-api',
    ]);
    await run('npx', ['--no-install', 'vite', 'build', '--logLevel', 'error'], {
      cwd: dir,
      env: { VITE_CONNECTORS_API_URL: emulator.url },
    });
    const port = await freePort();
    baseUrl = `http://127.0.0.1:${port}`;
    const server = await startServer(
      'npx',
      ['--no-install', 'vite', 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'],
      { cwd: dir, url: baseUrl },
    );
    stop = server.stop;
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await stop?.();
    await emulator?.close();
  });

  it('searches, picks a bank and sends its form, with no console error', async () => {
    const { page, problems, close } = await visit(browser, baseUrl);
    try {
      await page.getByText(`React ${react}`).waitFor();
      await page.getByRole('combobox', { name: 'Search for your bank' }).fill('oney');
      await page.getByRole('option', { name: /Oney/ }).click();
      const form = page.getByRole('form', { name: 'Connect Oney' });
      await form.getByRole('textbox', { name: /Numéro client/ }).fill('jdupont@example.com');
      await form.getByLabel('Mot de passe').fill('correct horse');
      await screenshot(page, `${name}-form`);
      expect(await formColors(form)).toEqual(LIGHT_FORM_COLORS);
      await form.getByRole('button', { name: 'Connect', exact: true }).click();
      await expect.poll(() => page.getByRole('status').filter({ hasText: 'Sent to Oney' }).count()).toBe(1);
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });

  // Once, in the app without msw.
  if (!react.startsWith('18')) return;
  it('imports the emulator and its server without msw installed', async () => {
    await expect(run('npm', ['ls', 'msw'], { cwd: dir })).rejects.toThrow();
    const script = [
      "const { createEmulator } = await import('@connector-kit/mock-api');",
      "const { startMockServer } = await import('@connector-kit/mock-api/server');",
      'const server = await startMockServer({ port: 0 });',
      "const answer = await createEmulator().fetch('http://emulator.test/2.0/connectors');",
      'await server.close();',
      'console.log(answer.status);',
    ].join('\n');
    const output = await run('node', ['--input-type=module', '-e', script], { cwd: dir });
    expect(output.trim()).toBe('200');
  });
});
