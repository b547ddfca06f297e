import { connectorLogoKind } from '@connector-kit/mock-api';
import { describe, expect, it } from 'vitest';
import { axeViolations, eventsText, expectFocused, screenshot, setupDemo, shownEvents, tabTo } from './support/demo.ts';

/**
 * The built demo in headless Chromium, served by `vite preview` (with the demo's API proxy) in front of an
 * emulator on a free port: the picker and the form on the direct path, the admin console, errors, accessibility.
 */

const demo = setupDemo();
const open = (address: string, options?: Parameters<typeof demo.open>[1]) => demo.open(address, options);
/** Typed as the secret code: never in an event, nor anywhere in the page once sent. */
const PASSWORD = '917364';

const connectorNamed = (name: string) => {
  const connector = demo.emulator.emulator.connectors.find((candidate) => candidate.name === name);
  if (!connector) throw new Error(`no connector named ${name}`);
  return connector;
};

describe('the connect flow on the direct path', () => {
  it('connects by mouse in English, lists the connection, and tells the app without any value', async () => {
    const { page, policy, problems, close } = await open('#/connect');
    try {
      // Served under a strict policy: any inline script or eval would show up in `problems`.
      expect(policy).toContain("script-src 'self'");
      await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('en');
      await page.getByRole('radio', { name: /^Direct \(Agent status\)/ }).check();
      const connections = page.getByRole('region', { name: 'Your connections' });
      // No Powens user yet: nothing connected, which is not an error.
      await connections.getByText('No bank connected yet.').waitFor();
      await page.getByRole('combobox', { name: 'Country' }).click();
      await page.getByRole('option', { name: /^France,/ }).click();
      await expect(page.getByRole('combobox', { name: 'Country' }).textContent()).resolves.toContain('France');

      const search = page.getByRole('combobox', { name: 'Search for your bank' });
      await search.click();
      await search.pressSequentially('societe generale');
      await page.getByRole('option', { name: 'Société Générale' }).click();

      const form = page.getByRole('form', { name: 'Connect Société Générale' });
      await form.getByRole('radio', { name: 'With my online banking credentials' }).click();
      await form.getByRole('radio', { name: 'Particuliers' }).click();
      await screenshot(page, 'connect-form-en-light');
      await form.getByRole('button', { name: 'Continue to your bank' }).click();
      await form.getByRole('textbox', { name: 'Code client' }).fill('12345678');
      await form.getByLabel('Code secret').fill(PASSWORD);
      await form.getByRole('button', { name: 'Next' }).click();
      await form.getByRole('textbox', { name: 'Identifiant entreprise' }).fill('ACME42');
      await form.getByRole('button', { name: 'Connect', exact: true }).click();

      // The connection is made through the demo server (which made this browser's Powens user on the way).
      await expectFocused(page.getByRole('heading', { name: 'Société Générale is connected', level: 2 }));
      const listed = connections.getByRole('listitem');
      await expect.poll(() => listed.count()).toBe(1);
      await expect(listed.textContent()).resolves.toMatch(/Société Générale\s*Up to date/);
      const uuid = connectorNamed('Société Générale').uuid;
      expect(demo.emulator.emulator.connections).toMatchObject([{ connector_uuid: uuid, state: null }]);

      // What the app receives: what the person chose and where they are, never a value they typed.
      await expect.poll(async () => (await shownEvents(page)).at(-1)?.type).toBe('connected');
      const events = await shownEvents(page);
      expect(events).toContainEqual({ type: 'connector', connectorUuid: uuid, connectorName: 'Société Générale' });
      expect(events).toContainEqual({
        type: 'credentials-submitted',
        connectorUuid: uuid,
        authMechanism: 'credentials',
      });
      expect(events.at(-1)).toEqual({
        type: 'connected',
        connectionId: demo.emulator.emulator.connections[0]?.id,
        connectorUuid: uuid,
      });
      const text = await eventsText(page);
      for (const value of [PASSWORD, '12345678', 'ACME42']) expect(text).not.toContain(value);
      expect(await page.content()).not.toContain(PASSWORD);
      await screenshot(page, 'connect-result-en-light');

      // A new round starts from the picker.
      await page.getByRole('button', { name: 'Connect another bank' }).click();
      await expectFocused(page.getByRole('combobox', { name: 'Search for your bank' }));
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });

  it('works by keyboard only in French, in the dark theme', async () => {
    const { page, problems, close } = await open('#/connect');
    try {
      const keyboard = page.keyboard;
      await tabTo(page, page.getByRole('combobox', { name: 'Language' }));
      await keyboard.press('ArrowDown');
      await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('fr');
      await expect(page.getByRole('combobox', { name: 'Langue' }).inputValue()).resolves.toBe('fr');

      await keyboard.press('Tab');
      const theme = page.getByRole('button', { name: 'Thème sombre' });
      await expectFocused(theme);
      await keyboard.press('Enter');
      await expect(theme.getAttribute('aria-pressed')).resolves.toBe('true');
      await expect.poll(() => page.evaluate(() => document.documentElement.dataset.ckTheme)).toBe('dark');

      // The path: the Webview is chosen; the arrow keys move to the direct one.
      await tabTo(page, page.getByRole('radio', { name: /^Webview Powens/ }));
      await keyboard.press('ArrowDown');
      await expect(page.getByRole('radio', { name: /^Directe/ }).isChecked()).resolves.toBe(true);

      const country = page.getByRole('combobox', { name: 'Pays' });
      await tabTo(page, country);
      await keyboard.press('Enter');
      // The list takes the focus once it is placed; typing then moves to the country typed.
      const focusedOption = () =>
        page.evaluate(() =>
          document.activeElement?.getAttribute('role') === 'option' ? document.activeElement.textContent : null,
        );
      await expect.poll(focusedOption).toBeTruthy();
      await keyboard.type('France');
      await expect.poll(focusedOption).toMatch(/^France/);
      await keyboard.press('Enter');
      await expect.poll(() => country.textContent()).toContain('France');

      const search = page.getByRole('combobox', { name: 'Rechercher votre banque' });
      await tabTo(page, search);
      await keyboard.type('societe generale');
      // The search runs on a deferred copy of the query: wait for the answer to the whole query (the highlight
      // covers the whole name) before moving in the list.
      await expect
        .poll(() => page.getByRole('option', { name: 'Société Générale' }).locator('mark').allTextContents())
        .toEqual(['Société Générale']);
      await keyboard.press('ArrowDown');
      let active: string | null = null;
      await expect.poll(async () => (active = await search.getAttribute('aria-activedescendant'))).toBeTruthy();
      // The option's text starts with the avatar's initials.
      expect(await page.locator(`[id="${active}"]`).textContent()).toMatch(/Société Générale$/);
      await keyboard.press('Enter');

      const form = page.getByRole('form', { name: 'Connecter Société Générale' });
      const mechanism = form.getByRole('radio', { name: 'Sur le site de ma banque' });
      await tabTo(page, mechanism);
      await keyboard.press('ArrowDown');
      await expect(
        form.getByRole('radio', { name: 'Avec mes identifiants de banque en ligne' }).isChecked(),
      ).resolves.toBe(true);
      await tabTo(page, form.getByRole('radio', { name: 'Particuliers' }));
      await keyboard.press('ArrowDown');
      await keyboard.press('ArrowUp');
      await expect(form.getByRole('radio', { name: 'Particuliers' }).isChecked()).resolves.toBe(true);
      await tabTo(page, form.getByRole('button', { name: 'Continuer vers votre banque' }));
      await keyboard.press('Enter');

      await expectFocused(form.getByRole('textbox', { name: 'Code client' }));
      await keyboard.type('12345678');
      await keyboard.press('Tab');
      await expectFocused(form.getByLabel('Code secret'));
      await keyboard.type(PASSWORD);
      await screenshot(page, 'connect-form-fr-dark');
      await keyboard.press('Enter');
      await expectFocused(form.getByRole('textbox', { name: 'Identifiant entreprise' }));
      await keyboard.type('ACME42');
      await keyboard.press('Enter');

      // The success takes the focus on its title, in the page's language.
      const done = page.getByRole('heading', { name: 'Connexion à Société Générale réussie', level: 2 });
      await expectFocused(done);
      const listed = page.getByRole('region', { name: 'Vos connexions' }).getByRole('listitem');
      await expect.poll(() => listed.count()).toBe(1);
      await expect(listed.textContent()).resolves.toContain('Société Générale');
      const region = 'Ce que reçoit votre application';
      await expect.poll(async () => (await shownEvents(page, region)).at(-1)?.type).toBe('connected');
      expect(await eventsText(page, region)).not.toContain(PASSWORD);
      await screenshot(page, 'connect-result-fr-dark');

      // "Connecter une autre banque", by keyboard, goes back to the search.
      await tabTo(page, page.getByRole('button', { name: /^Connecter une autre banque$/ }));
      await keyboard.press('Enter');
      await expectFocused(search);
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });

  it('shows an API error in the page’s language and recovers when the person tries again', async () => {
    // One failure is retried automatically: the list appears without the person seeing an error.
    demo.emulator.emulator.setFaults([{ kind: 'status', status: 500, route: 'list', times: 1 }]);
    const first = await open('#/connect');
    try {
      await first.page.getByRole('combobox', { name: 'Search for your bank' }).fill('societe generale');
      await first.page.getByRole('option', { name: 'Société Générale' }).waitFor();
      expect(first.problems.filter((problem) => !problem.includes('500'))).toEqual([]);
    } finally {
      await first.close();
    }

    // An outage that asks to come back in two minutes is left to the person, with a way to try again.
    demo.emulator.emulator.setFaults([{ kind: 'status', status: 503, retryAfter: 120, route: 'list' }]);
    const { page, problems, close } = await open('#/connect');
    try {
      const alert = page.getByRole('alert');
      await expect.poll(() => alert.textContent()).toContain('The service is having trouble right now.');
      await screenshot(page, 'connect-error-en-light');
      demo.emulator.emulator.setFaults([]);
      await page.getByRole('combobox', { name: 'Search for your bank' }).fill('societe generale');
      await alert.getByRole('button', { name: 'Try again' }).click();
      await page.getByRole('option', { name: 'Société Générale' }).waitFor();
      await expect(page.getByRole('alert').count()).resolves.toBe(0);
      expect(problems.filter((problem) => !problem.includes('503'))).toEqual([]);
    } finally {
      await close();
    }
  });
});

describe('logos', () => {
  it('shows a bank’s logo through the demo server, and its initials where the logo is missing or broken', async () => {
    const { page, problems, close } = await open('#/connect');
    try {
      const visible = demo.emulator.emulator.connectors.filter((connector) => connector.hidden !== true);
      const ofKind = (kind: string) => {
        const connector = visible.find((candidate) => connectorLogoKind(candidate.uuid) === kind);
        if (!connector) throw new Error(`no connector whose logo is ${kind}`);
        return connector;
      };
      const search = page.getByRole('combobox', { name: 'Search for your bank' });
      const avatarOf = (name: string) =>
        page.getByRole('option', { name }).evaluate((option) => {
          const avatar = option.querySelector('.ck-avatar');
          const { width, height } = avatar?.getBoundingClientRect() ?? { width: 0, height: 0 };
          const loaded = avatar instanceof HTMLImageElement && avatar.complete && avatar.naturalWidth > 0;
          const initials = avatar instanceof SVGSVGElement && avatar.hasAttribute('data-initials');
          return { shown: loaded ? 'logo' : initials ? 'initials' : 'loading', width, height };
        });
      for (const [kind, expected] of [
        ['image', 'logo'],
        ['missing', 'initials'],
        ['broken', 'initials'],
      ] as const) {
        const { name } = ofKind(kind);
        await search.fill(name);
        await page.getByRole('option', { name }).waitFor();
        // The same box either way: nothing moves when the initials stand in for a logo.
        await expect.poll(() => avatarOf(name)).toEqual({ shown: expected, width: 32, height: 32 });
        if (kind === 'image') await screenshot(page, 'connect-logo-en-light', false);
      }
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });
});

describe('the admin console', () => {
  const bnp = () => connectorNamed('BNP Paribas');

  it('hides a connector, which leaves the Connect page, and unhides it', async () => {
    const { page, problems, close } = await open('#/connect');
    try {
      // The Connect page's list is in the cache before the admin hides a connector.
      const search = page.getByRole('combobox', { name: 'Search for your bank' });
      await search.fill('bnp paribas');
      await page.getByRole('option', { name: 'BNP Paribas', exact: true }).waitFor();

      await page.getByRole('link', { name: 'Admin', exact: true }).click();
      await expect.poll(() => page.url()).toMatch(/#\/admin$/);
      await expect(page.getByRole('link', { name: 'Admin', exact: true }).getAttribute('aria-current')).resolves.toBe(
        'page',
      );
      await expectFocused(page.getByRole('heading', { name: 'Manage connectors', level: 1 }));
      await page.getByRole('rowheader').first().waitFor();
      await screenshot(page, 'admin-en-light', false);

      await page.getByRole('searchbox', { name: 'Search' }).fill('bnp paribas');
      const row = page
        .getByRole('row')
        .filter({ has: page.getByRole('rowheader', { name: /^BNP Paribas [0-9a-f-]+$/ }) });
      await row.getByRole('button', { name: 'Hide BNP Paribas', exact: true }).click();
      await expect.poll(() => row.getByText('Hidden', { exact: true }).count()).toBe(1);
      await expect.poll(() => bnp().hidden).toBe(true);

      await page.getByRole('link', { name: 'Connect', exact: true }).click();
      await search.fill('bnp paribas');
      await page.getByRole('option', { name: 'BNP Paribas Fortis' }).waitFor();
      await expect(page.getByRole('option', { name: 'BNP Paribas', exact: true }).count()).resolves.toBe(0);
      await screenshot(page, 'connect-after-hide-en-light');

      // The admin still shows it (the API's list does not): unhiding brings it back to the Connect page.
      await page.getByRole('link', { name: 'Admin', exact: true }).click();
      await page.getByRole('searchbox', { name: 'Search' }).fill('bnp paribas');
      await row.getByRole('button', { name: 'Unhide BNP Paribas', exact: true }).click();
      await expect.poll(() => bnp().hidden).toBe(false);
      await expect.poll(() => row.getByText('Visible', { exact: true }).count()).toBe(1);

      await page.getByRole('link', { name: 'Connect', exact: true }).click();
      await search.fill('bnp paribas');
      await page.getByRole('option', { name: 'BNP Paribas', exact: true }).waitFor();
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });

  it('hides and unhides a selection, disables and enables a source, and switches its authentication', async () => {
    const { page, problems, close } = await open('#/admin');
    try {
      await page.getByRole('searchbox', { name: 'Search' }).fill('bnp paribas');
      const select = (name: string) => page.getByRole('checkbox', { name: `Select ${name}`, exact: true });
      await select('BNP Paribas Cardif').check();
      await select('BNP Paribas Fortis').check();
      await page.getByRole('button', { name: 'Hide selected (2)' }).click();
      await expect
        .poll(() => [connectorNamed('BNP Paribas Cardif').hidden, connectorNamed('BNP Paribas Fortis').hidden])
        .toEqual([true, true]);
      await page.getByRole('combobox', { name: 'Visibility' }).selectOption('hidden');
      await expect.poll(() => page.getByRole('rowheader').count()).toBe(2);

      await page.getByRole('checkbox', { name: 'Select every connector shown' }).check();
      await page.getByRole('button', { name: 'Unhide selected (2)' }).click();
      await expect
        .poll(() => [connectorNamed('BNP Paribas Cardif').hidden, connectorNamed('BNP Paribas Fortis').hidden])
        .toEqual([false, false]);
      await page.getByRole('combobox', { name: 'Visibility' }).selectOption('all');

      await page.getByRole('button', { name: 'Sources (3) BNP Paribas', exact: true }).click();
      const sources = page.getByRole('table', { name: 'Sources of BNP Paribas' });
      const directaccess = () => bnp().sources?.find((source) => source.name === 'directaccess');
      await sources.getByRole('button', { name: 'Disable source directaccess', exact: true }).click();
      await expect.poll(() => directaccess()?.disabled).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
      await expect.poll(() => sources.getByText(/^Disabled since/).count()).toBe(1);
      await screenshot(page, 'admin-sources-en-light', false);
      await sources.getByRole('button', { name: 'Enable source directaccess', exact: true }).click();
      await expect.poll(() => directaccess()?.disabled).toBeNull();

      // The source's authentication, among the mechanisms it offers (PUT on the source).
      const mechanism = sources.getByRole('combobox', { name: 'Authentication of source directaccess', exact: true });
      expect(directaccess()?.auth_mechanism).toBe('credentials');
      await mechanism.selectOption('webauth');
      await expect.poll(() => directaccess()?.auth_mechanism).toBe('webauth');
      await mechanism.selectOption('credentials');
      await expect.poll(() => directaccess()?.auth_mechanism).toBe('credentials');

      // A connector hidden before this session is found by its UUID.
      const orange = connectorNamed('Orange Bank');
      expect(orange.hidden).toBe(true);
      await page.getByRole('link', { name: 'see how this page finds them' }).click();
      const lookup = page.getByRole('textbox', { name: 'Connector UUID' });
      const unknown = '00000000-0000-4000-8000-000000000000';
      await lookup.fill(unknown);
      await page.getByRole('button', { name: 'Look up' }).click();
      await page.getByRole('alert').filter({ hasText: 'We could not find what you asked for.' }).waitFor();
      await page.getByRole('button', { name: 'Forget this UUID' }).click();
      await expect.poll(() => page.getByText(unknown).count()).toBe(0);
      await lookup.fill(orange.uuid);
      await page.getByRole('button', { name: 'Look up' }).click();
      await page.getByRole('searchbox', { name: 'Search' }).fill('orange bank');
      const orangeRow = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: /^Orange Bank / }) });
      await orangeRow.getByText('Hidden', { exact: true }).waitFor();
      await orangeRow.getByRole('button', { name: 'Unhide Orange Bank', exact: true }).click();
      await expect.poll(() => connectorNamed('Orange Bank').hidden).toBe(false);

      await page.getByRole('searchbox', { name: 'Search' }).fill('bnp paribas');
      await page.getByRole('button', { name: 'Dark theme' }).click();
      await screenshot(page, 'admin-en-dark', false);
      // The browser reports the 404 of the unknown UUID's lookup.
      expect(problems.filter((problem) => !problem.includes('404'))).toEqual([]);
    } finally {
      await close();
    }
  });

  it('undoes a change the API refuses, says so, and applies it when the person tries again', async () => {
    const { page, problems, close } = await open('#/admin');
    try {
      await page.getByRole('searchbox', { name: 'Search' }).fill('bnp paribas');
      const row = page
        .getByRole('row')
        .filter({ has: page.getByRole('rowheader', { name: /^BNP Paribas [0-9a-f-]+$/ }) });
      await row.getByText('Visible', { exact: true }).waitFor();

      demo.emulator.emulator.setFaults([{ kind: 'status', status: 500, route: 'update' }]);
      await row.getByRole('button', { name: 'Hide BNP Paribas', exact: true }).click();
      const message = 'Hiding “BNP Paribas” failed; the change was undone.';
      const failure = page.getByRole('paragraph').filter({ hasText: message });
      await failure.waitFor();
      await expect.poll(() => page.getByRole('status').filter({ hasText: message }).count()).toBe(1);
      const alert = page.getByRole('alert');
      await expect.poll(() => alert.textContent()).toContain('The service is having trouble right now.');
      await expect.poll(() => row.getByText('Visible', { exact: true }).count()).toBe(1);
      expect(bnp().hidden).not.toBe(true);
      await screenshot(page, 'admin-error-en-light', false);

      demo.emulator.emulator.setFaults([]);
      await alert.getByRole('button', { name: 'Try again' }).click();
      await expect.poll(() => bnp().hidden).toBe(true);
      await expect.poll(() => row.getByText('Hidden', { exact: true }).count()).toBe(1);
      await expect(failure.count()).resolves.toBe(0);
      expect(problems.filter((problem) => !problem.includes('500'))).toEqual([]);
    } finally {
      await close();
    }
  });
});

describe('accessibility', () => {
  it('finds no axe violation on either page, in light and dark', async () => {
    // axe is injected as a script: this one context runs without the Content-Security-Policy.
    const { page, problems, close } = await open('#/connect', { bypassCSP: true });
    try {
      const found: string[] = [];
      const check = async (state: string) => {
        for (const violation of await axeViolations(page)) found.push(`${state}: ${violation}`);
      };
      const theme = page.getByRole('button', { name: 'Dark theme' });
      const both = async (state: string) => {
        await check(`${state}, light`);
        await theme.click();
        await check(`${state}, dark`);
        await theme.click();
      };

      await page.getByRole('radio', { name: /^Direct \(Agent status\)/ }).check();
      await page.getByRole('combobox', { name: 'Search for your bank' }).fill('societe');
      await page.getByRole('option', { name: 'Société Générale' }).waitFor();
      await both('picker');
      await page.getByRole('option', { name: 'Société Générale' }).click();
      await page.getByRole('radio', { name: 'With my online banking credentials' }).click();
      await both('form');

      await page.getByRole('link', { name: 'Admin', exact: true }).click();
      await page.getByRole('searchbox', { name: 'Search' }).fill('bnp paribas');
      await page.getByRole('button', { name: 'Hide BNP Paribas', exact: true }).click();
      await page.getByRole('button', { name: 'Sources (3) BNP Paribas', exact: true }).click();
      await page.getByRole('table', { name: 'Sources of BNP Paribas' }).waitFor();
      await both('admin');
      expect(found).toEqual([]);
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });
});
