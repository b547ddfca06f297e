import { TEST_CONNECTOR_UUID } from '@connector-kit/mock-api';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations, eventsText, expectFocused, screenshot, setupDemo, shownEvents, tabTo } from './support/demo.ts';

/**
 * The direct path (Agent status) of the built demo in Chromium, on the test connector: every scenario its "Scénario"
 * list offers, from the form to the screen the bank's answer leads to, through the demo server (which makes the
 * browser's Powens user on the first creation) and a real emulator. Also the reconnect entry of "Your connections",
 * a failure on each call the flow makes, and axe on every screen of the flow.
 */

const demo = setupDemo({
  // Short waits: the bank app approves on its own after 3 s, a validating connection shows its outcome on the second
  // poll, and the slow bank answers after 1.5 s.
  decoupledApprovalMs: 3_000,
  validatingPolls: 1,
  slowScenarioMs: 1_500,
});

const BANK = 'Connecteur de test';
const LOGIN = 'jdupont';
/** Typed as the password: never in an event, nor in the page once sent. */
const PASSWORD = 'S3cret-Never-Shown';

const emulator = () => demo.emulator.emulator;
const connections = () => emulator().connections;
const onlyConnection = () => {
  const [connection, ...others] = connections();
  if (!connection || others.length > 0) throw new Error(`expected one connection, found ${connections().length}`);
  return connection;
};

const heading = (page: Page, name: string | RegExp) => page.getByRole('heading', { name, level: 2 });
const form = (page: Page) => page.getByRole('form', { name: `Connect ${BANK}` });

/** A screen of the flow: its title comes (after the bank's answer, or a poll) and takes the focus. */
async function expectScreen(page: Page, title: string): Promise<void> {
  const target = heading(page, title);
  await target.waitFor();
  await expectFocused(target);
}

/** The failed calls the browser reports on its console, which a test expects (the bank's refusals, the faults). */
const unexpected = (problems: string[]) => problems.filter((problem) => !/status of (400|502|503)\b/.test(problem));

/** The test connector on the direct path, its credentials chosen, the scenario picked: the form's first step. */
async function openTestConnector(page: Page, scenario: string): Promise<void> {
  await page.getByRole('radio', { name: /^Direct \(Agent status\)/ }).check();
  await page.getByRole('combobox', { name: 'Search for your bank' }).fill('connecteur de test');
  await page.getByRole('option', { name: new RegExp(BANK) }).click();
  await chooseCredentials(page, scenario);
}

/** In the test connector's form: "With my online banking credentials", and the scenario. */
async function chooseCredentials(page: Page, scenario: string): Promise<void> {
  await form(page).getByRole('radio', { name: 'With my online banking credentials' }).click();
  await form(page)
    .getByRole('combobox', { name: /Scénario/ })
    .click();
  await page.getByRole('option', { name: scenario, exact: true }).click();
}

/** Fills the credentials (the form's last step) and connects. */
async function fillAndConnect(page: Page, login = LOGIN): Promise<void> {
  await form(page).getByRole('textbox', { name: 'Identifiant' }).fill(login);
  await form(page).getByLabel('Mot de passe').fill(PASSWORD);
  await form(page).getByRole('button', { name: 'Connect', exact: true }).click();
}

/** From the picker (or a fresh page): the scenario, the credentials, "Connect". */
async function connectWith(page: Page, scenario: string): Promise<void> {
  await openTestConnector(page, scenario);
  await form(page).getByRole('button', { name: 'Continue to your bank' }).click();
  await fillAndConnect(page);
}

/** Picks the scenario of the Radix list by keyboard: opens it, types the start of the label, chooses it. */
async function chooseScenarioByKeyboard(page: Page, typed: string, label: string): Promise<void> {
  const scenario = form(page).getByRole('combobox', { name: /Scénario/ });
  await tabTo(page, scenario);
  await page.keyboard.press('Enter');
  await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('role') ?? null)).toBe('option');
  await page.keyboard.type(typed);
  await expect.poll(() => page.evaluate(() => document.activeElement?.textContent ?? null)).toBe(label);
  await page.keyboard.press('Enter');
  await expectFocused(scenario);
  await expect(scenario.textContent()).resolves.toContain(label);
}

/** The whole form by keyboard: the direct path, the bank, its credentials, the scenario, the login and password. */
async function connectByKeyboard(page: Page, typed: string, label: string): Promise<void> {
  const keyboard = page.keyboard;
  await tabTo(page, page.getByRole('radio', { name: /^Powens Webview/ }));
  await keyboard.press('ArrowDown');
  await expect(page.getByRole('radio', { name: /^Direct \(Agent status\)/ }).isChecked()).resolves.toBe(true);

  const search = page.getByRole('combobox', { name: 'Search for your bank' });
  await tabTo(page, search);
  await keyboard.type('connecteur de test');
  await expect
    .poll(() =>
      page
        .getByRole('option', { name: new RegExp(BANK) })
        .locator('mark')
        .allTextContents(),
    )
    .toEqual([BANK]);
  await keyboard.press('ArrowDown');
  await keyboard.press('Enter');

  // The connector's default is its website; the arrow keys move to the credentials.
  await tabTo(page, form(page).getByRole('radio', { name: 'On my bank’s website' }));
  await keyboard.press('ArrowDown');
  await expect(form(page).getByRole('radio', { name: 'With my online banking credentials' }).isChecked()).resolves.toBe(
    true,
  );
  await chooseScenarioByKeyboard(page, typed, label);
  await tabTo(page, form(page).getByRole('button', { name: 'Continue to your bank' }));
  await keyboard.press('Enter');

  await expectFocused(form(page).getByRole('textbox', { name: 'Identifiant' }));
  await keyboard.type(LOGIN);
  await keyboard.press('Tab');
  await expectFocused(form(page).getByLabel('Mot de passe'));
  await keyboard.type(PASSWORD);
  await keyboard.press('Enter');
}

/** The rows of "Your connections", as their text (name, then "Up to date" or "Needs attention (<state>)"). */
function listedConnections(page: Page) {
  return page.getByRole('region', { name: 'Your connections' }).getByRole('listitem');
}

async function expectListed(page: Page, status: string): Promise<void> {
  await expect.poll(() => listedConnections(page).allTextContents(), { timeout: 5_000 }).toHaveLength(1);
  await expect
    .poll(async () => (await listedConnections(page).textContent()) ?? '', { timeout: 5_000 })
    .toContain(status);
  await expect(listedConnections(page).textContent()).resolves.toContain(BANK);
}

/** What the app received never holds what the person typed, and neither does the page once sent. */
async function expectNoValueShown(page: Page): Promise<void> {
  const text = await eventsText(page);
  expect(text).not.toContain(PASSWORD);
  expect(text).not.toContain(LOGIN);
  expect(await page.content()).not.toContain(PASSWORD);
}

const stepsShown = async (page: Page) =>
  (await shownEvents(page)).flatMap((event) => (event.type === 'step' ? [event.step] : []));

describe('every scenario of the test connector, on the direct path', () => {
  it.each([
    { scenario: 'Particulier', name: 'par' },
    { scenario: 'Professionnel', name: 'pro' },
  ])('$scenario: connected, listed up to date', async ({ scenario, name }) => {
    const { page, problems, close } = await demo.open('#/connect');
    try {
      await connectWith(page, scenario);
      await expectScreen(page, `${BANK} is connected`);
      await expect(page.getByText('Your accounts will now be kept up to date.').count()).resolves.toBe(1);
      expect(onlyConnection()).toMatchObject({ connector_uuid: TEST_CONNECTOR_UUID, state: null });
      await expect
        .poll(async () => (await shownEvents(page)).at(-1))
        .toEqual({
          type: 'connected',
          connectionId: onlyConnection().id,
          connectorUuid: TEST_CONNECTOR_UUID,
        });
      await expectNoValueShown(page);
      await screenshot(page, `direct-connected-${name}`);
      await expectListed(page, 'Up to date');
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });

  it('Mot de passe erroné: back to the form’s last step with the bank’s text, the login kept, the password not', async () => {
    const { page, problems, close } = await demo.open('#/connect');
    try {
      await connectWith(page, 'Mot de passe erroné');
      await form(page).getByText('Identifiant ou mot de passe incorrect.').waitFor();
      await expect(form(page).getByRole('textbox', { name: 'Identifiant' }).inputValue()).resolves.toBe(LOGIN);
      await expect(form(page).getByLabel('Mot de passe').inputValue()).resolves.toBe('');
      await expect(form(page).getByRole('button', { name: 'Connect', exact: true }).count()).resolves.toBe(1);
      // The bank's text describes the form, for a screen reader.
      const described = await form(page).getAttribute('aria-describedby');
      expect(described).toBeTruthy();
      await expect(page.locator(`[id="${described}"]`).textContent()).resolves.toBe(
        'Identifiant ou mot de passe incorrect.',
      );
      // Refused at creation: nothing was connected.
      expect(connections()).toEqual([]);
      await expectNoValueShown(page);
      await screenshot(page, 'direct-wrongpass');
      expect(unexpected(problems)).toEqual([]);
    } finally {
      await close();
    }
  });

  it('Code à usage unique (SMS), by keyboard only: the code asked, a wrong one said so, the right one connects', async () => {
    const { page, problems, close } = await demo.open('#/connect');
    try {
      const keyboard = page.keyboard;
      await connectByKeyboard(page, 'Code', 'Code à usage unique (SMS)');

      const questions = page.getByRole('form', { name: `${BANK} needs more information` });
      await expectScreen(page, `${BANK} needs more information`);
      await questions.getByText('Saisissez le code à 6 chiffres reçu par SMS.').waitFor();
      expect(onlyConnection().state).toBe('additionalInformationNeeded');
      await screenshot(page, 'direct-otp');

      const code = questions.getByRole('textbox', { name: /Code reçu par SMS/ });
      await tabTo(page, code);
      await keyboard.type('000000');
      await keyboard.press('Enter');
      // The bank refuses it: the question again, with its words, the field empty.
      await questions.getByText(/Le code saisi est incorrect/).waitFor();
      await expectScreen(page, `${BANK} needs more information`);
      await expect(code.inputValue()).resolves.toBe('');
      await screenshot(page, 'direct-otp-wrong');

      await tabTo(page, code);
      await keyboard.type('123456');
      await tabTo(page, questions.getByRole('button', { name: 'Send' }));
      await keyboard.press('Enter');
      await expectScreen(page, `${BANK} is connected`);
      expect(onlyConnection().state).toBeNull();
      await expectNoValueShown(page);
      expect(await eventsText(page)).not.toContain('123456');
      await expectListed(page, 'Up to date');
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });

  it('Validation sur l’application mobile, by keyboard only: approved in the bank app, then "I have approved"', async () => {
    const { page, problems, close } = await demo.open('#/connect');
    try {
      const keyboard = page.keyboard;
      await connectByKeyboard(page, 'Validation s', "Validation sur l'application mobile");
      await expectScreen(page, `Approve in your ${BANK} app`);
      await expect(page.getByRole('status').filter({ hasText: 'Waiting for your approval…' }).count()).resolves.toBe(1);
      await page.getByText('Validez la connexion dans votre application bancaire.').waitFor();
      await screenshot(page, 'direct-decoupled');
      const id = onlyConnection().id;
      expect(onlyConnection().state).toBe('decoupled');

      // The polls are slow to answer here: it is the person's "I have approved" that moves the flow on.
      emulator().setFaults([{ kind: 'latency', route: 'connection', method: 'GET', ms: 5_000 }]);
      const approved = page.getByRole('button', { name: 'I have approved' });
      await tabTo(page, approved);
      emulator().approveDecoupled(id);
      const resumed = page.waitForRequest(
        (request) => request.method() === 'POST' && new URL(request.url()).pathname.endsWith(`/connections/${id}`),
      );
      await keyboard.press('Enter');
      await resumed;
      await expectScreen(page, `${BANK} is connected`);
      expect(onlyConnection()).toMatchObject({ id, state: null });
      emulator().setFaults([]);
      await expectNoValueShown(page);
      await expectListed(page, 'Up to date');
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });

  it('Validation sur l’application mobile: the page goes on by itself once the bank app approves', async () => {
    const { page, problems, close } = await demo.open('#/connect');
    try {
      await connectWith(page, "Validation sur l'application mobile");
      await heading(page, `Approve in your ${BANK} app`).waitFor();
      // Nobody presses anything: the emulated bank app approves after its delay, and a poll sees it.
      await expectScreen(page, `${BANK} is connected`);
      expect(onlyConnection().state).toBeNull();
      expect(await stepsShown(page)).toEqual(['connecting', 'decoupled', 'done']);
      await expectListed(page, 'Up to date');
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });

  it.each(['light', 'dark'] as const)(
    'Validation sur l’application mobile: after the time limit, "Try again" waits again (%s, axe)',
    async (colorScheme) => {
      const { page, problems, close } = await demo.open('#/connect', { bypassCSP: true, colorScheme });
      try {
        // The page's clock, moved on by hand: the five minutes the flow waits for an approval pass at once.
        await page.clock.install();
        await connectWith(page, "Validation sur l'application mobile");
        await heading(page, `Approve in your ${BANK} app`).waitFor();
        await page.clock.fastForward('05:01');
        await expectScreen(page, 'Your approval did not arrive in time');
        await page.getByText('Approve the connection in your bank’s app, then try again.').waitFor();
        await expect(page.getByRole('button', { name: 'Cancel' }).count()).resolves.toBe(1);
        expect(await axeViolations(page)).toEqual([]);
        await screenshot(page, `direct-decoupled-timed-out${colorScheme === 'dark' ? '-dark' : ''}`);

        // The bank app approves in the meantime (after its own delay): "Try again" waits again, and sees it.
        await page.getByRole('button', { name: 'Try again' }).click();
        await expectScreen(page, `Approve in your ${BANK} app`);
        await expectScreen(page, `${BANK} is connected`);
        expect(onlyConnection().state).toBeNull();
        expect(problems).toEqual([]);
      } finally {
        await close();
      }
    },
  );

  it('Validation sur l’application mobile: "Cancel" goes back to the form, and the app is told where', async () => {
    const { page, problems, close } = await demo.open('#/connect');
    try {
      await connectWith(page, "Validation sur l'application mobile");
      await heading(page, `Approve in your ${BANK} app`).waitFor();
      await page.getByRole('button', { name: 'Cancel' }).click();
      await form(page).waitFor();
      await expect(heading(page, `Connect ${BANK}`).count()).resolves.toBe(1);
      await expect.poll(() => shownEvents(page)).toContainEqual({ type: 'exit', place: 'decoupled' });
      await screenshot(page, 'direct-decoupled-cancelled');
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });

  it('Authentification forte requise: confirm on the bank’s page (/webauth), back connected', async () => {
    const { page, problems, close } = await demo.open('#/connect');
    try {
      await connectWith(page, 'Authentification forte requise');
      await expectScreen(page, `Confirm on ${BANK}’s website`);
      await page
        .getByText('Authentification forte requise : poursuivez sur le site de votre banque.', { exact: true })
        .waitFor();
      expect(onlyConnection().state).toBe('SCARequired');
      await expectListed(page, 'Needs attention (SCARequired)');
      await screenshot(page, 'direct-scarequired');

      await page.getByRole('button', { name: 'Continue to your bank' }).click();
      await page.waitForURL(/\/bank\/authorize/);
      await page.getByRole('button', { name: 'Approve' }).click();
      await page.waitForURL(/\/callback/);
      const back = page.getByRole('heading', { name: `${BANK} is connected`, level: 1 });
      await back.waitFor();
      await expectFocused(back);
      // The bank's page finished the same connection.
      expect(onlyConnection().state).toBeNull();
      await screenshot(page, 'direct-scarequired-callback');
      await expectListed(page, 'Up to date');
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });

  it.each([
    {
      scenario: 'Action requise sur le site de la banque',
      name: 'actionneeded',
      title: `Action needed on ${BANK}’s website`,
      text: 'Veuillez accepter les nouvelles conditions générales sur le site de votre banque.',
      website: true,
      state: undefined,
    },
    {
      scenario: 'Mot de passe expiré',
      name: 'passwordexpired',
      title: `Your ${BANK} password has expired`,
      text: 'Votre mot de passe a expiré. Changez-le sur le site de votre banque, puis réessayez.',
      website: true,
      state: 'passwordExpired',
    },
    {
      scenario: 'Limite de synchronisation atteinte',
      name: 'ratelimiting',
      title: `${BANK} limits connections right now`,
      text: 'Trop de synchronisations récentes : la banque limite les accès. Réessayez plus tard.',
      website: false,
      state: 'rateLimiting',
    },
    {
      scenario: 'Site de la banque indisponible',
      name: 'websiteunavailable',
      title: `${BANK} is unavailable right now`,
      text: 'Le site de la banque est momentanément indisponible.',
      website: false,
      state: undefined,
    },
  ])(
    '$scenario: "$title", with the bank’s text and a way on',
    async ({ scenario, name, title, text, website, state }) => {
      const { page, problems, close } = await demo.open('#/connect');
      try {
        await connectWith(page, scenario);
        await expectScreen(page, title);
        await page.getByText(text, { exact: true }).waitFor();
        const link = page.getByRole('link', { name: `Open ${BANK}’s website` });
        if (website) {
          await expect(link.getAttribute('href')).resolves.toBe('https://demo.biapi.pro/');
          await expect(link.getAttribute('target')).resolves.toBe('_blank');
          await expect(link.getAttribute('rel')).resolves.toBe('noopener noreferrer');
        } else {
          await expect(link.count()).resolves.toBe(0);
        }
        await expect(page.getByRole('button', { name: 'Try again' }).count()).resolves.toBe(1);
        await expect(page.getByRole('button', { name: 'Choose another bank' }).count()).resolves.toBe(1);
        await expectNoValueShown(page);
        await screenshot(page, `direct-${name}`);
        if (state === undefined) {
          // The bank refused the creation (400): nothing was connected.
          expect(connections()).toEqual([]);
        } else {
          expect(onlyConnection().state).toBe(state);
          await expectListed(page, `Needs attention (${state})`);
        }
        expect(unexpected(problems)).toEqual([]);
      } finally {
        await close();
      }
    },
  );

  it('Mot de passe expiré: once changed at the bank, "Try again" connects the same connection', async () => {
    const { page, problems, close } = await demo.open('#/connect');
    try {
      await connectWith(page, 'Mot de passe expiré');
      await heading(page, `Your ${BANK} password has expired`).waitFor();
      const { id } = onlyConnection();
      emulator().setConnectionState(id, null);
      await page.getByRole('button', { name: 'Try again' }).click();
      await expectScreen(page, `${BANK} is connected`);
      expect(onlyConnection()).toMatchObject({ id, state: null });
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });

  it('Validation en cours: "Checking with…" while the bank validates, then connected', async () => {
    const { page, problems, close } = await demo.open('#/connect');
    try {
      await connectWith(page, 'Validation en cours');
      await expectScreen(page, `Checking with ${BANK}…`);
      await screenshot(page, 'direct-validating');
      await expectScreen(page, `${BANK} is connected`);
      expect(onlyConnection().state).toBeNull();
      expect(await stepsShown(page)).toEqual(['connecting', 'validating', 'done']);
      await expectListed(page, 'Up to date');
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });

  it('Banque lente: "Connecting to…" with the time elapsed and a way to cancel, then connected', async () => {
    const { page, problems, close } = await demo.open('#/connect');
    try {
      await connectWith(page, 'Banque lente');
      await expectScreen(page, `Connecting to ${BANK}…`);
      await expect
        .poll(() => page.getByRole('status').filter({ hasText: 'Your bank is checking your details.' }).count())
        .toBe(1);
      await expect.poll(() => page.getByText(/^Time elapsed: \d+ seconds?$/).count()).toBe(1);
      await expect(page.getByRole('button', { name: 'Cancel' }).count()).resolves.toBe(1);
      await screenshot(page, 'direct-connecting');
      await expectScreen(page, `${BANK} is connected`);
      expect(onlyConnection().state).toBeNull();
      await expectListed(page, 'Up to date');
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });
});

describe('reconnecting from "Your connections"', () => {
  /** A connection made in the page (Particulier), then put in `state` by the bank; the page reloaded. */
  async function connectionNeeding(page: Page, state: string): Promise<number> {
    await connectWith(page, 'Particulier');
    await heading(page, `${BANK} is connected`).waitFor();
    const { id } = onlyConnection();
    emulator().setConnectionState(id, state);
    await page.reload();
    await expectListed(page, `Needs attention (${state})`);
    return id;
  }

  it('wrongpass: "Reconnect" opens the credentials with the bank’s text, and updates the same connection', async () => {
    const { page, problems, close } = await demo.open('#/connect');
    try {
      const id = await connectionNeeding(page, 'wrongpass');
      await screenshot(page, 'direct-reconnect-listed');
      await page.getByRole('button', { name: `Reconnect ${BANK}` }).click();
      await form(page).getByText('Identifiant ou mot de passe incorrect.').waitFor();
      await screenshot(page, 'direct-reconnect-wrongpass');
      // The form opens on the connector's default way in (its website), its scenario not chosen: the person picks
      // the credentials again, then gives the new password.
      await chooseCredentials(page, 'Particulier');
      await form(page).getByRole('button', { name: 'Continue to your bank' }).click();
      await form(page).getByText('Identifiant ou mot de passe incorrect.').waitFor();
      await fillAndConnect(page);
      await expectScreen(page, `${BANK} is connected`);
      expect(onlyConnection()).toMatchObject({ id, state: null });
      await expectListed(page, 'Up to date');
      await expect(page.getByRole('button', { name: `Reconnect ${BANK}` }).count()).resolves.toBe(0);
      await expectNoValueShown(page);
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });

  it('SCARequired: "Reconnect" opens the bank’s page step, which finishes the same connection', async () => {
    const { page, problems, close } = await demo.open('#/connect');
    try {
      const id = await connectionNeeding(page, 'SCARequired');
      await page.getByRole('button', { name: `Reconnect ${BANK}` }).click();
      await expectScreen(page, `Confirm on ${BANK}’s website`);
      await page.getByRole('button', { name: 'Continue to your bank' }).click();
      await page.waitForURL(/\/bank\/authorize/);
      await screenshot(page, 'direct-reconnect-bank-page');
      await page.getByRole('button', { name: 'Approve' }).click();
      await page.waitForURL(/\/callback/);
      const back = page.getByRole('heading', { name: `${BANK} is connected`, level: 1 });
      await back.waitFor();
      await expectFocused(back);
      expect(onlyConnection()).toMatchObject({ id, state: null });
      await expectListed(page, 'Up to date');
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });
});

describe('a failed call, and "Try again"', () => {
  /** The error screen of the flow: its title, the reason in an alert, one "Try again". */
  async function expectErrorScreen(page: Page, reason: string | RegExp): Promise<void> {
    await expectScreen(page, 'The connection did not go through');
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(reason);
    await expect(page.getByRole('button', { name: 'Try again' }).count()).resolves.toBe(1);
  }

  it('the creation (POST /users/me/connections): one connection after the retry', async () => {
    const { page, problems, close } = await demo.open('#/connect');
    try {
      emulator().setFaults([{ kind: 'status', status: 503, route: 'connections', method: 'POST', times: 1 }]);
      await connectWith(page, 'Particulier');
      await expectErrorScreen(page, 'The service is having trouble right now.');
      expect(connections()).toEqual([]);
      await expect
        .poll(() => shownEvents(page))
        .toContainEqual({ type: 'error', code: 'serviceUnavailable', place: 'error' });
      await screenshot(page, 'direct-error');
      await page.getByRole('button', { name: 'Try again' }).click();
      await expectScreen(page, `${BANK} is connected`);
      expect(onlyConnection().state).toBeNull();
      await expectNoValueShown(page);
      await expectListed(page, 'Up to date');
      expect(unexpected(problems)).toEqual([]);
    } finally {
      await close();
    }
  });

  it('the answer to the code (POST /users/me/connections/{id}): the same code sent again, connected', async () => {
    const { page, problems, close } = await demo.open('#/connect');
    try {
      await connectWith(page, 'Code à usage unique (SMS)');
      const questions = page.getByRole('form', { name: `${BANK} needs more information` });
      await questions.getByRole('textbox', { name: /Code reçu par SMS/ }).fill('123456');
      emulator().setFaults([{ kind: 'status', status: 503, route: 'connection', method: 'POST', times: 1 }]);
      await questions.getByRole('button', { name: 'Send' }).click();
      await expectErrorScreen(page, 'The service is having trouble right now.');
      await page.getByRole('button', { name: 'Try again' }).click();
      await expectScreen(page, `${BANK} is connected`);
      expect(onlyConnection().state).toBeNull();
      expect(await eventsText(page)).not.toContain('123456');
      expect(unexpected(problems)).toEqual([]);
    } finally {
      await close();
    }
  });

  it('a poll (GET /users/me/connections/{id}): the wait goes on by itself, and connects', async () => {
    const { page, problems, close } = await demo.open('#/connect');
    try {
      emulator().setFaults([{ kind: 'status', status: 503, route: 'connection', method: 'GET', times: 1 }]);
      await connectWith(page, 'Validation en cours');
      await heading(page, `Checking with ${BANK}…`).waitFor();
      // A failed poll is one more wait, not a dead end: the next poll sees the outcome.
      await expectScreen(page, `${BANK} is connected`);
      expect(onlyConnection().state).toBeNull();
      expect(await stepsShown(page)).toEqual(['connecting', 'validating', 'done']);
      expect((await shownEvents(page)).filter((event) => event.type === 'error')).toEqual([]);
      expect(unexpected(problems)).toEqual([]);
    } finally {
      await close();
    }
  });

  it('the reconnect’s load (GET /users/me/connections/{id}): the form after the retry, one connection', async () => {
    const { page, problems, close } = await demo.open('#/connect');
    try {
      await connectWith(page, 'Particulier');
      await heading(page, `${BANK} is connected`).waitFor();
      const { id } = onlyConnection();
      emulator().setConnectionState(id, 'wrongpass');
      await page.reload();
      await expectListed(page, 'Needs attention (wrongpass)');
      // An outage that asks to come back in two minutes: not retried on its own, left to the person.
      emulator().setFaults([
        { kind: 'status', status: 503, retryAfter: 120, route: 'connection', method: 'GET', times: 1 },
      ]);
      await page.getByRole('button', { name: `Reconnect ${BANK}` }).click();
      const alert = page.getByRole('alert');
      await alert.waitFor();
      await expect.poll(() => alert.textContent()).toContain('The service is having trouble right now.');
      await screenshot(page, 'direct-reconnect-error');
      await alert.getByRole('button', { name: 'Try again' }).click();
      await form(page).getByText('Identifiant ou mot de passe incorrect.').waitFor();
      await chooseCredentials(page, 'Particulier');
      await form(page).getByRole('button', { name: 'Continue to your bank' }).click();
      await fillAndConnect(page);
      await expectScreen(page, `${BANK} is connected`);
      expect(onlyConnection()).toMatchObject({ id, state: null });
      expect(unexpected(problems)).toEqual([]);
    } finally {
      await close();
    }
  });

  it('a lost answer to the creation: the retry finds the connection it made instead of making a second one', async () => {
    const { page, problems, close } = await demo.open('#/connect');
    try {
      emulator().setFaults([{ kind: 'lost-response', route: 'connections', method: 'POST', times: 1 }]);
      await connectWith(page, 'Particulier');
      await expectScreen(page, 'The connection did not go through');
      // The emulator made it; its answer never came back.
      expect(connections()).toHaveLength(1);
      await page.getByRole('button', { name: 'Try again' }).click();
      await expectScreen(page, `${BANK} is connected`);
      expect(onlyConnection().state).toBeNull();
      await expectListed(page, 'Up to date');
      expect(unexpected(problems)).toEqual([]);
    } finally {
      await close();
    }
  });
});

describe('accessibility of the direct path', () => {
  it.each(['light', 'dark'] as const)(
    'finds no axe violation on any screen of the flow, %s',
    async (colorScheme) => {
      const { page, problems, close } = await demo.open('#/connect', { bypassCSP: true, colorScheme });
      const found: string[] = [];
      const check = async (state: string) => {
        for (const violation of await axeViolations(page)) found.push(`${state}, ${colorScheme}: ${violation}`);
      };
      const suffix = colorScheme === 'dark' ? '-dark' : '';
      const another = () => page.getByRole('button', { name: 'Choose another bank' }).click();
      try {
        await expect.poll(() => page.evaluate(() => document.documentElement.dataset.ckTheme)).toBe(colorScheme);
        await openTestConnector(page, 'Particulier');
        await check('form');

        // Held on screen by a slow answer, for axe to look at.
        emulator().setFaults([{ kind: 'latency', route: 'connections', method: 'POST', ms: 3_000, times: 1 }]);
        await form(page).getByRole('button', { name: 'Continue to your bank' }).click();
        await fillAndConnect(page);
        await heading(page, `Connecting to ${BANK}…`).waitFor();
        await check('connecting');
        await heading(page, `${BANK} is connected`).waitFor();
        await check('connected, with the events');
        await page.getByRole('button', { name: 'Connect another bank' }).click();

        await connectWith(page, 'Mot de passe erroné');
        await form(page).getByText('Identifiant ou mot de passe incorrect.').waitFor();
        await check('form after wrongpass');
        // The form is on its last step: "Back" first, then the first step's "Choose another bank".
        await form(page).getByRole('button', { name: 'Back', exact: true }).click();
        await another();

        await connectWith(page, 'Code à usage unique (SMS)');
        await heading(page, `${BANK} needs more information`).waitFor();
        await check('the bank’s question');
        await screenshot(page, `direct-otp${suffix}`);
        await another();

        await connectWith(page, "Validation sur l'application mobile");
        await heading(page, `Approve in your ${BANK} app`).waitFor();
        await check('approval in the bank app');
        await screenshot(page, `direct-decoupled${suffix}`);
        await page.getByRole('button', { name: 'Cancel' }).click();
        await another();

        emulator().setFaults([{ kind: 'latency', route: 'connection', method: 'GET', ms: 3_000, times: 1 }]);
        await connectWith(page, 'Validation en cours');
        await heading(page, `Checking with ${BANK}…`).waitFor();
        await check('validating');
        await heading(page, `${BANK} is connected`).waitFor();
        await page.getByRole('button', { name: 'Connect another bank' }).click();

        for (const [scenario, title] of [
          ['Authentification forte requise', `Confirm on ${BANK}’s website`],
          ['Action requise sur le site de la banque', `Action needed on ${BANK}’s website`],
          ['Mot de passe expiré', `Your ${BANK} password has expired`],
          ['Limite de synchronisation atteinte', `${BANK} limits connections right now`],
          ['Site de la banque indisponible', `${BANK} is unavailable right now`],
        ] as const) {
          await connectWith(page, scenario);
          await heading(page, title).waitFor();
          await check(title);
          await another();
        }

        emulator().setFaults([{ kind: 'status', status: 503, route: 'connections', method: 'POST', times: 1 }]);
        await connectWith(page, 'Particulier');
        await heading(page, 'The connection did not go through').waitFor();
        await check('error');
        await screenshot(page, `direct-error${suffix}`);

        // "Your connections", with the ones that need the person (each with "Reconnect"), read again from the server.
        await page.reload();
        await expect.poll(() => listedConnections(page).count(), { timeout: 5_000 }).toBe(connections().length);
        const needing = connections().filter((connection) => connection.state !== null).length;
        expect(needing).toBeGreaterThan(0);
        await expect(page.getByRole('button', { name: `Reconnect ${BANK}` }).count()).resolves.toBe(needing);
        await check('connections listed');
        await screenshot(page, `direct-connections${suffix}`);
        expect(found).toEqual([]);
        expect(unexpected(problems)).toEqual([]);
      } finally {
        await close();
      }
    },
    120_000,
  );
});
