import { DEFAULT_CLIENT_SECRET, TEST_CONNECTOR_UUID } from '@connector-kit/mock-api';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations, expectFocused, screenshot, setupDemo, tabTo } from './support/demo.ts';

/**
 * The hand-off path on the built demo in Chromium: our picker chooses the bank, the emulated Powens Webview (or the
 * emulated bank page, through /webauth) finishes, and the app's /callback page says how it went. The emulator sees
 * every token the demo server sends it, so that the tests can look for them where they must never be.
 */

const tokens = new Set<string>();
const demo = setupDemo({
  onRequest: (request) => {
    const bearer = /^Bearer\s+(.+)$/i.exec(request.headers.get('authorization') ?? '')?.[1];
    if (bearer) tokens.add(bearer);
  },
});

const connections = () => demo.emulator.emulator.connections;

/** Picks the test connector on the Webview path (the default) and waits for the emulated Webview. */
async function pickTestConnector(page: Page): Promise<void> {
  await page.getByRole('combobox', { name: 'Search for your bank' }).fill('connecteur de test');
  await page.getByRole('option', { name: /Connecteur de test/ }).click();
  await page.waitForURL(/\/webview\/session\//);
}

/** Fills the emulated Webview's bank form and connects. */
async function connectInWebview(page: Page): Promise<void> {
  await page.getByLabel('Identifiant').fill('jdupont');
  await page.getByLabel('Mot de passe').fill('s3cret-in-webview');
  await page.getByRole('button', { name: 'Connect', exact: true }).click();
  await page.waitForURL(/\/callback/);
}

describe('the hand-off to the Powens Webview', () => {
  it('picks a bank here, finishes in the Webview, and comes back connected, with the connection listed', async () => {
    const { page, problems, close } = await demo.open('#/connect');
    try {
      // Every address the page asked for: navigations, their redirects, and its own calls.
      const seenUrls: string[] = [];
      page.on('request', (request) => seenUrls.push(request.url()));
      // The codes the demo server gives the page, read on the way.
      const codes: string[] = [];
      await page.route('**/api/connect/code', async (route) => {
        const response = await route.fetch();
        codes.push((await response.json()).code);
        await route.fulfill({ response });
      });
      await expect(page.getByRole('radio', { name: /^Powens Webview/ }).isChecked()).resolves.toBe(true);
      await screenshot(page, 'handoff-connect-en-light');
      await pickTestConnector(page);

      // The Webview opened that one bank, for this app's redirect_uri, with a single-use code and a state.
      const webview = new URL(page.url());
      expect(webview.origin).toBe(new URL(demo.emulator.url).origin);
      await expect(page.getByRole('heading', { name: 'Connect Connecteur de test', level: 1 }).count()).resolves.toBe(
        1,
      );
      await screenshot(page, 'handoff-webview');
      await connectInWebview(page);

      const title = page.getByRole('heading', { name: 'Connecteur de test is connected', level: 1 });
      await expectFocused(title);
      // The callback's query (its new code among it) is out of the address bar and the history entry.
      expect(page.url()).toBe(`${demo.baseUrl}/callback`);
      const listed = page.getByRole('region', { name: 'Your connections' }).getByRole('listitem');
      await expect.poll(() => listed.count()).toBe(1);
      await expect(listed.textContent()).resolves.toContain('Connecteur de test');
      expect(connections()).toHaveLength(1);
      expect(connections()[0]).toMatchObject({ connector_uuid: TEST_CONNECTOR_UUID, state: null });
      await screenshot(page, 'handoff-callback-connected');

      // "Continue" goes back to the Connect page, where the connection is listed too.
      await page.getByRole('button', { name: 'Continue' }).click();
      await page.waitForURL(/#\/connect$/);
      await expect
        .poll(() => page.getByRole('region', { name: 'Your connections' }).getByRole('listitem').count())
        .toBe(1);

      // Secrets: the single-use code only ever went into the Webview's address; no token or secret reached the page.
      expect(codes).toHaveLength(1);
      const [code] = codes as [string];
      const withCode = seenUrls.filter((url) => url.includes(code));
      expect(withCode.map((url) => new URL(url).pathname)).toEqual(['/webview/connect']);
      const storage = await page.evaluate(() => JSON.stringify({ ...sessionStorage, ...localStorage }));
      const cookies = await page.evaluate(() => document.cookie);
      const content = await page.content();
      for (const secret of [code, DEFAULT_CLIENT_SECRET, ...tokens]) {
        expect(storage).not.toContain(secret);
        expect(cookies).not.toContain(secret);
        expect(content).not.toContain(secret);
        for (const problem of problems) expect(problem).not.toContain(secret);
      }
      expect(tokens.size).toBeGreaterThan(0);
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });

  it('says the user left when they cancel, and "Try again" comes back with the same bank', async () => {
    const { page, problems, close } = await demo.open('#/connect');
    try {
      await pickTestConnector(page);
      await page.getByRole('button', { name: 'Cancel' }).click();
      await page.waitForURL(/\/callback/);
      await expectFocused(page.getByRole('heading', { name: 'You left before finishing', level: 1 }));
      expect(connections()).toEqual([]);
      await screenshot(page, 'handoff-callback-cancelled');

      await page.getByRole('button', { name: 'Try again' }).click();
      await page.waitForURL(new RegExp(`#/connect/${TEST_CONNECTOR_UUID}$`));
      // The bank is chosen again; the page waits for the person instead of leaving on its own.
      await page.getByRole('heading', { name: 'Connect Connecteur de test' }).waitFor();
      const next = page.getByRole('button', { name: 'Continue to the secure page' });
      await next.click();
      await page.waitForURL(/\/webview\/session\//);
      await connectInWebview(page);
      await expectFocused(page.getByRole('heading', { name: 'Connecteur de test is connected', level: 1 }));
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });

  it('refuses a replayed callback and a tampered state', async () => {
    const { page, close } = await demo.open('#/connect');
    try {
      let callback = '';
      page.on('framenavigated', (frame) => {
        if (frame === page.mainFrame() && frame.url().includes('/callback?')) callback = frame.url();
      });
      await pickTestConnector(page);
      await connectInWebview(page);
      await page.getByRole('heading', { name: 'Connecteur de test is connected' }).waitFor();
      expect(callback).toMatch(/connection_id=\d+/);

      // The same callback URL again: its state was used.
      await page.goto(callback);
      await expectFocused(page.getByRole('heading', { name: 'This link cannot be used', level: 1 }));
      await expect(page.getByRole('button', { name: 'Start again' }).count()).resolves.toBe(1);
      await screenshot(page, 'handoff-callback-replayed');

      // A new hand-off is pending; a callback comes back with another state than the one sent.
      await page.goto(`${demo.baseUrl}/#/connect`);
      await pickTestConnector(page);
      const sent = new URL(callback);
      sent.searchParams.set('state', 'tampered-state');
      await page.goto(sent.href);
      await page.getByRole('heading', { name: 'This link cannot be used' }).waitFor();
    } finally {
      await close();
    }
  });

  it('shows a failing code request as an error with a retry', async () => {
    demo.emulator.emulator.setFaults([{ kind: 'status', status: 500, route: 'auth' }]);
    const { page, problems, close } = await demo.open('#/connect');
    try {
      await page.getByRole('combobox', { name: 'Search for your bank' }).fill('connecteur de test');
      await page.getByRole('option', { name: /Connecteur de test/ }).click();
      const alert = page.getByRole('alert');
      await expect.poll(() => alert.textContent()).toContain('The service is having trouble right now.');
      await expectFocused(alert.getByRole('button', { name: 'Try again' }));
      await screenshot(page, 'handoff-code-error');
      demo.emulator.emulator.setFaults([]);
      await alert.getByRole('button', { name: 'Try again' }).click();
      await page.waitForURL(/\/webview\/session\//);
      // The browser reports the failed call of the first attempt.
      expect(problems.filter((problem) => !problem.includes('502'))).toEqual([]);
    } finally {
      await close();
    }
  });

  it('takes a webauth connector on the direct path to the emulated bank page and back', async () => {
    const { page, problems, close } = await demo.open('#/connect');
    try {
      await page.getByRole('radio', { name: /^Direct \(Agent status\)/ }).check();
      await page.getByRole('combobox', { name: 'Search for your bank' }).fill('connecteur de test');
      await page.getByRole('option', { name: /Connecteur de test/ }).click();
      const form = page.getByRole('form', { name: 'Connect Connecteur de test' });
      await expect(form.getByRole('radio', { name: 'On my bank’s website' }).isChecked()).resolves.toBe(true);
      await form.getByRole('combobox', { name: /Scénario/ }).click();
      await page.getByRole('option', { name: 'Particulier' }).click();
      await form.getByRole('button', { name: 'Continue to your bank' }).click();
      await page.waitForURL(/\/bank\/authorize/);
      await screenshot(page, 'webauth-bank-page');
      await page.getByRole('button', { name: 'Approve' }).click();
      await page.waitForURL(/\/callback/);
      await expectFocused(page.getByRole('heading', { name: 'Connecteur de test is connected', level: 1 }));
      expect(connections()).toHaveLength(1);
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });

  it('goes all the way by keyboard', async () => {
    const { page, problems, close } = await demo.open('#/connect');
    try {
      const keyboard = page.keyboard;
      await tabTo(page, page.getByRole('combobox', { name: 'Search for your bank' }));
      await keyboard.type('connecteur de test');
      await expect
        .poll(() =>
          page
            .getByRole('option', { name: /Connecteur de test/ })
            .locator('mark')
            .allTextContents(),
        )
        .toEqual(['Connecteur de test']);
      await keyboard.press('ArrowDown');
      await keyboard.press('Enter');
      await page.waitForURL(/\/webview\/session\//);

      await tabTo(page, page.getByLabel('Identifiant'));
      await keyboard.type('jdupont');
      await keyboard.press('Tab');
      await keyboard.type('s3cret');
      await tabTo(page, page.getByRole('button', { name: 'Connect', exact: true }));
      await keyboard.press('Enter');
      await page.waitForURL(/\/callback/);

      await expectFocused(page.getByRole('heading', { name: 'Connecteur de test is connected', level: 1 }));
      await tabTo(page, page.getByRole('button', { name: 'Continue' }));
      await keyboard.press('Enter');
      await page.waitForURL(/#\/connect$/);
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });
});

describe('accessibility of the hand-off screens', () => {
  it('finds no axe violation on the Webview path, the emulated pages and the callback outcomes, light and dark', async () => {
    const found: string[] = [];
    for (const colorScheme of ['light', 'dark'] as const) {
      const { page, close } = await demo.open('#/connect', { bypassCSP: true, colorScheme });
      try {
        const check = async (state: string) => {
          for (const violation of await axeViolations(page)) found.push(`${state}, ${colorScheme}: ${violation}`);
        };
        // The demo and the emulated pages follow the system's scheme.
        await expect.poll(() => page.evaluate(() => document.documentElement.dataset.ckTheme)).toBe(colorScheme);
        await check('connect, Webview path');
        await pickTestConnector(page);
        await check('emulated Webview');
        await page.getByRole('button', { name: 'Cancel' }).click();
        await page.waitForURL(/\/callback/);
        await page.getByRole('heading', { name: 'You left before finishing' }).waitFor();
        await check('callback, cancelled');
        await page.getByRole('button', { name: 'Try again' }).click();
        await page.getByRole('button', { name: 'Continue to the secure page' }).waitFor();
        await check('connect, bank chosen');
        await screenshot(page, `handoff-waiting-${colorScheme}`);
        await page.getByRole('button', { name: 'Continue to the secure page' }).click();
        await page.waitForURL(/\/webview\/session\//);
        await connectInWebview(page);
        await page.getByRole('heading', { name: 'Connecteur de test is connected' }).waitFor();
        await check('callback, connected');
        await screenshot(page, `handoff-callback-${colorScheme}`);
      } finally {
        await close();
      }
    }
    expect(found).toEqual([]);
  });
});
