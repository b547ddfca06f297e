import { demoConnectors } from '@connector-kit/mock-api';
import { type MockServer, startMockServer } from '@connector-kit/mock-api/server';
import type { Browser, Page } from 'playwright-core';
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
 * Next.js (App Router) from the packed packages: a Server Component page rendering `ConnectFlow` with a server
 * action as its `onSubmit`, and a page that prefetches the connector list on the server and hydrates it. Built with
 * `next build`, served with `next start`, opened in Chromium, against an emulator on loopback.
 */

const BANK = 'Oney';

/** A warning React or Next.js prints when the server's HTML and the browser's first render differ. */
const hydrationProblem = /hydrat|did not match|server rendered/i;

describe('Next.js App Router, from the packed packages', () => {
  let emulator: MockServer;
  let userToken = '';
  let browser: Browser;
  let stop: (() => Promise<void>) | undefined;
  let baseUrl = '';

  beforeAll(async () => {
    emulator = await startMockServer({ port: 0 });
    userToken = emulator.emulator.createUser().token;
    const dir = await installApp(
      'next',
      'next',
      {
        next: '16.5.0',
        react: '19.3.1',
        'react-dom': '19.3.1',
        '@tanstack/react-query': '5.108.4',
        'react-hook-form': '7.92.0',
        zod: '4.6.7',
        '@radix-ui/react-select': '2.4.1',
        typescript: '5.9.3',
        '@types/react': '19.3.2',
        '@types/react-dom': '19.3.0',
        '@types/node': '24.19.2',
      },
      ['@connector-kit/core', '@connector-kit/react', '@connector-kit/ui'],
    );
    const env = {
      NEXT_TELEMETRY_DISABLED: '1',
      NEXT_PUBLIC_CONNECTORS_API_URL: emulator.url,
      POWENS_USER_TOKEN: userToken,
    };
    await run('npx', ['--no-install', 'next', 'build'], { cwd: dir, env });
    const port = await freePort();
    baseUrl = `http://127.0.0.1:${port}`;
    const server = await startServer('npx', ['--no-install', 'next', 'start', '-H', '127.0.0.1', '-p', String(port)], {
      cwd: dir,
      url: baseUrl,
      env,
    });
    stop = server.stop;
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await stop?.();
    await emulator?.close();
  });

  async function pickBank(page: Page): Promise<void> {
    const search = page.getByRole('combobox', { name: 'Search for your bank' });
    await search.fill('oney');
    await page.getByRole('option', { name: new RegExp(BANK) }).click();
  }

  it('renders ConnectFlow from a Server Component, and sends the form through a server action', async () => {
    const { page, problems, close } = await visit(browser, baseUrl);
    try {
      await page.getByRole('heading', { name: 'Connect your bank', level: 1 }).waitFor();
      await pickBank(page);
      const form = page.getByRole('form', { name: `Connect ${BANK}` });
      await form.getByRole('textbox', { name: /Numéro client/ }).fill('jdupont@example.com');
      await form.getByLabel('Mot de passe').fill('correct horse');
      await screenshot(page, 'next-form');
      expect(await formColors(form)).toEqual(LIGHT_FORM_COLORS);
      await form.getByRole('button', { name: 'Connect', exact: true }).click();
      // The server action made the connection with the user's token, which never reached the browser.
      await expect.poll(() => emulator.emulator.connections.length, { timeout: 15_000 }).toBe(1);
      const uuid = demoConnectors.find((connector) => connector.name === BANK)?.uuid;
      expect(emulator.emulator.connections[0]).toMatchObject({ connector_uuid: uuid });
      expect(await page.content()).not.toContain(userToken);
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });

  it('prefetches the connector list on the server: the browser never asks for it, and nothing mismatches', async () => {
    const { page, problems, requests, close } = await visit(browser, `${baseUrl}/prefetch`);
    try {
      await page.getByRole('heading', { name: 'Find your bank', level: 1 }).waitFor();
      // The options are in the server's HTML already.
      await expect(page.getByRole('option').count()).resolves.toBeGreaterThan(5);
      await pickBankInPicker(page);
      await screenshot(page, 'next-prefetch');
      expect(requests.filter((url) => new URL(url).pathname.endsWith('/2.0/connectors'))).toEqual([]);
      expect(problems.filter((problem) => hydrationProblem.test(problem))).toEqual([]);
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });
});

/** In the picker alone: the search narrows the list to the bank. */
async function pickBankInPicker(page: Page): Promise<void> {
  await page.getByRole('combobox', { name: 'Search for your bank' }).fill('oney');
  await expect.poll(() => page.getByRole('option').allTextContents()).toEqual([expect.stringContaining(BANK)]);
}
