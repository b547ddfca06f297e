import '../styles/base.css';
import '../styles/form.css';
import { connectorSchema, preloadSafeRegexEngine } from '@connector-kit/core';
import { describe, expect, it, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { render } from 'vitest-browser-react';
import { countAsHostileCase } from '../../../../test/reliability.ts';
import { HOSTILE_TEXT, hostileConnector, LONG } from '../test/hostile.ts';
import { expectWithin, failOnInjectedContent, HostileFrame } from '../test/hostile-browser.tsx';
import { ConnectorForm } from './ConnectorForm.tsx';
import { everyFieldConnector, milleis, testConnector } from './test-connectors.ts';

/* The whole form in real Chromium, driven by the keyboard only. */

const SECRET = 'Tr0ub4dor&3';

function Frame({ children }: { children: React.ReactNode }) {
  return <div style={{ width: 480, padding: 16 }}>{children}</div>;
}

const focused = () => document.activeElement;

describe('ConnectorForm in Chromium, by keyboard', () => {
  it('connects the test connector with credentials: mechanism, scenario, bank step, login, password, Enter', async () => {
    const onSubmit = vi.fn();
    const onWebauth = vi.fn();
    await render(
      <Frame>
        <ConnectorForm connector={testConnector} onSubmit={onSubmit} onWebauth={onWebauth} />
      </Frame>,
    );
    const website = page.getByRole('radio', { name: 'On my bank’s website' });
    const credentials = page.getByRole('radio', { name: 'With my online banking credentials' });
    await expect.element(website).toBeChecked();

    // Tab into the radio group lands on the checked radio; an arrow key picks the other mechanism.
    await userEvent.keyboard('{Tab}');
    await expect.element(website).toHaveFocus();
    await userEvent.keyboard('{ArrowDown}');
    await expect.element(credentials).toBeChecked();
    await expect.element(page.getByText('Step 1 of 2')).toBeVisible();

    // Pressing on with nothing chosen: the scenario is required, and gets the focus.
    const scenario = page.getByRole('combobox', { name: /Scénario/ });
    await userEvent.keyboard('{Tab}');
    await expect.element(scenario).toHaveFocus();
    await userEvent.keyboard('{Tab}');
    const go = page.getByRole('button', { name: 'Continue to your bank' });
    await expect.element(go).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    await expect.element(scenario).toHaveFocus();
    await expect.element(scenario).toHaveAttribute('aria-invalid', 'true');
    await expect.element(page.getByRole('alert')).toMatchTextContent('Please correct 1 field');

    // Space opens the select; arrows move; Enter chooses.
    await userEvent.keyboard(' ');
    await expect.element(page.getByRole('listbox')).toBeVisible();
    await userEvent.keyboard('{ArrowDown}');
    await userEvent.keyboard('{Enter}');
    await expect.element(scenario).toMatchTextContent('Professionnel');
    await expect.element(scenario).toHaveFocus();
    await expect.element(scenario).not.toHaveAttribute('aria-invalid');

    // Enter on the select opens it: Tab on to "Continue to your bank".
    await userEvent.keyboard('{Tab}');
    await expect.element(go).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    await expect.element(page.getByText('Step 2 of 2')).toBeVisible();
    expect(onWebauth).toHaveBeenCalledWith({
      connector: testConnector,
      source: 'openapi',
      authMechanism: 'webauth',
      values: { openapiwebsite: 'pro' },
    });

    // Step 2 starts on its first field.
    const login = page.getByRole('textbox', { name: /Identifiant/ });
    await expect.element(login).toHaveFocus();
    await userEvent.keyboard('jdupont');
    await userEvent.keyboard('{Tab}');
    const password = page.getByLabelText(/Mot de passe/);
    await expect.element(password).toHaveFocus();
    await userEvent.keyboard(SECRET);
    await expect.element(password).toHaveValue(SECRET);

    // The toggle shows the password, with Space.
    await userEvent.keyboard('{Tab}');
    const toggle = page.getByRole('button', { name: 'Show password' });
    await expect.element(toggle).toHaveFocus();
    await userEvent.keyboard(' ');
    await expect.element(toggle).toHaveAttribute('aria-pressed', 'true');
    await expect.element(password).toHaveAttribute('type', 'text');
    expect(document.body.innerHTML).not.toContain(SECRET);

    // Shift+Tab back to the password, Enter submits.
    await userEvent.keyboard('{Shift>}{Tab}{/Shift}');
    expect(focused()).toBe(password.element());
    await userEvent.keyboard('{Enter}');
    await expect.poll(() => onSubmit.mock.calls.length).toBe(1);
    expect(onSubmit).toHaveBeenCalledWith({
      connector: testConnector,
      authMechanism: 'credentials',
      values: { openapiwebsite: 'pro', login: 'jdupont', password: SECRET },
      webauth: false,
      source: 'directaccess',
    });
  });

  it('types, picks with arrows and submits every field type', async () => {
    const onSubmit = vi.fn();
    await render(
      <Frame>
        <ConnectorForm connector={everyFieldConnector} onSubmit={onSubmit} />
      </Frame>,
    );
    await userEvent.keyboard('{Tab}');
    await expect.element(page.getByRole('textbox', { name: /Identifiant client/ })).toHaveFocus();
    await userEvent.keyboard('12345678{Tab}');
    await userEvent.keyboard(`${SECRET}{Tab}{Tab}`);
    // The date input: Chromium's segments follow the locale; tab through it, leaving it empty (optional).
    const date = page.getByLabelText(/Date de naissance/);
    await expect.element(date).toHaveFocus();
    while (focused() === date.element()) await userEvent.keyboard('{Tab}');
    // The radio group: Tab enters it on its first radio, Space checks it, an arrow moves the choice.
    const par = page.getByRole('radio', { name: 'Particuliers' });
    await expect.element(par).toHaveFocus();
    await userEvent.keyboard(' ');
    await expect.element(par).toBeChecked();
    await userEvent.keyboard('{ArrowDown}');
    await expect.element(page.getByRole('radio', { name: 'Professionnels' })).toBeChecked();
    // The select of eight regions: Enter opens, type-ahead, Enter chooses.
    await userEvent.keyboard('{Tab}');
    const region = page.getByRole('combobox', { name: /Caisse régionale/ });
    await expect.element(region).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    await expect.element(page.getByRole('listbox')).toBeVisible();
    await userEvent.keyboard('Nor');
    await userEvent.keyboard('{Enter}');
    await expect.element(region).toMatchTextContent('Normandie');
    await userEvent.keyboard('{Tab}');
    await expect.element(page.getByRole('textbox', { name: /Numéro de contrat/ })).toHaveFocus();
    await userEvent.keyboard('0123456789{Enter}');
    await expect.poll(() => onSubmit.mock.calls.length).toBe(1);
    expect(onSubmit.mock.calls[0]?.[0]).toMatchObject({
      authMechanism: 'credentials',
      values: {
        login: '12345678',
        password: SECRET,
        website: 'pro',
        region: 'normandie',
        contract: '0123456789',
      },
    });
  });

  it('stays responsive while typing into a field whose pattern backtracks catastrophically (Milleis)', async () => {
    await render(
      <Frame>
        <ConnectorForm connector={milleis} onSubmit={() => {}} />
      </Frame>,
    );
    const holder = page.getByRole('textbox', { name: /Nom du titulaire/ });
    await userEvent.click(holder);
    // Leave the field once with a bad value, so that every keystroke after validates it again.
    await userEvent.keyboard('!{Tab}');
    await expect.element(holder).toHaveAttribute('aria-invalid', 'true');
    await userEvent.click(holder);
    await userEvent.keyboard('{Backspace}');

    const durations: number[] = [];
    const keys = `${'a'.repeat(39)}!`;
    const started = performance.now();
    for (const key of keys) {
      const t = performance.now();
      await userEvent.keyboard(key);
      durations.push(performance.now() - t);
    }
    const total = performance.now() - started;
    await expect.element(holder).toHaveValue(keys);
    await expect.element(holder).toHaveAttribute('aria-invalid', 'true');
    expect(total).toBeLessThan(4000);
    expect(Math.max(...durations)).toBeLessThan(1000);

    // A page that answers: a frame comes within a few dozen milliseconds.
    const frame = await new Promise<number>((resolve) => {
      const t = performance.now();
      requestAnimationFrame(() => resolve(performance.now() - t));
    });
    expect(frame).toBeLessThan(250);
  });
});

/*
 * Hostile data in real Chromium, with the real stylesheet: nothing it carries runs, nothing spills out of the form's
 * box, and a form whose field patterns are invalid, catastrophic or enormous handles every keystroke at once.
 */
describe('ConnectorForm with hostile data in Chromium', () => {
  failOnInjectedContent();

  for (const { name, text } of HOSTILE_TEXT) {
    it(`shows ${name} in a form's title, labels and list values, inside the form`, async () => {
      countAsHostileCase(name);
      await render(
        <HostileFrame>
          <ConnectorForm connector={hostileConnector(text)} onSubmit={() => {}} />
        </HostileFrame>,
      );
      await expect.element(page.getByRole('heading', { level: 2 })).toBeVisible();
      expect(page.getByRole('heading', { level: 2 }).element().textContent).toBe(`Connect ${text}`);
      expectWithin(document.querySelector('.ck-form') as Element);
      // The select of five values, open.
      await userEvent.click(page.getByRole('combobox').last());
      await expect.element(page.getByRole('option').first()).toBeVisible();
      expect(page.getByRole('option').first().element().textContent).toBe(text);
      expectWithin(document.querySelector('.ck-form') as Element);
      // Chosen, its label shows in the field, inside the form.
      await userEvent.click(page.getByRole('option').first());
      await expect.element(page.getByRole('combobox').last()).toMatchTextContent(text.slice(0, 10));
      expectWithin(document.querySelector('.ck-form') as Element);
    });
  }
});

/** Field patterns that a naive engine would choke on. */
const PATTERNS: readonly { name: string; regex: string; typed: string }[] = [
  { name: 'invalid', regex: '([a-z]+', typed: 'a'.repeat(40) },
  { name: 'nested quantifiers', regex: '(a+)+$', typed: `${'a'.repeat(39)}!` },
  { name: 'overlapping alternation', regex: '^(a|aa)+$', typed: `${'a'.repeat(39)}!` },
  { name: 'quantified group of quantifiers', regex: '(x+x+)+y', typed: 'x'.repeat(40) },
  { name: 'words with optional spaces', regex: '^(\\w+\\s?)*$', typed: `${'word '.repeat(7)}word!` },
  { name: 'repeated wildcard group', regex: '(.*a){20}', typed: `${'a'.repeat(39)}b` },
  { name: 'backreference', regex: '^(a+)\\1*$', typed: `${'a'.repeat(39)}!` },
  { name: 'enormous (10,000 characters)', regex: '(a|b)?'.repeat(LONG / 6 + 1).slice(0, LONG), typed: 'ab'.repeat(20) },
  {
    name: 'enormous alternation under the length limit',
    regex: `^(${'a|'.repeat(300)}a)*$`,
    typed: `${'a'.repeat(39)}!`,
  },
];

describe('ConnectorForm with hostile field patterns in Chromium', () => {
  failOnInjectedContent();

  it(`handles every keystroke at once in ${PATTERNS.length} fields with hostile patterns`, async () => {
    countAsHostileCase(...PATTERNS.map(({ name }) => `the pattern ${name}`));
    // The patterns that cannot be honoured are reported once each with `console.warn`.
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const connector = connectorSchema.parse({
      uuid: 'patterns',
      name: 'Banque des Motifs',
      auth_mechanism: 'credentials',
      fields: PATTERNS.map(({ name, regex }, i) => ({ name: `field${i}`, label: name, type: 'text', regex })),
    });
    await render(
      <HostileFrame>
        <ConnectorForm connector={connector} onSubmit={() => {}} />
      </HostileFrame>,
    );
    // The form starts loading the linear-time engine as it mounts; what is measured below is keystrokes, not that.
    await preloadSafeRegexEngine();

    // The Event Timing API reports every input event whose handling, to the next paint, took 16 ms or more.
    expect(PerformanceObserver.supportedEntryTypes).toContain('event');
    const slowEvents: PerformanceEventTiming[] = [];
    const observer = new PerformanceObserver((list) => {
      slowEvents.push(...(list.getEntries() as PerformanceEventTiming[]));
    });
    observer.observe({ type: 'event', durationThreshold: 16 } as PerformanceObserverInit);

    const keystrokes: { field: string; ms: number }[] = [];
    for (const { name, typed } of PATTERNS) {
      const input = page.getByRole('textbox', { name: new RegExp(`^${name.replace(/[()]/g, '\\$&')}`) });
      await userEvent.click(input);
      // Leaving the field marks it as touched: from then on every keystroke validates the form.
      await userEvent.keyboard('{Tab}');
      await userEvent.click(input);
      for (const character of typed) {
        const start = performance.now();
        await userEvent.keyboard(character);
        keystrokes.push({ field: name, ms: performance.now() - start });
      }
      await expect.element(input).toHaveValue(typed);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
    slowEvents.push(...(observer.takeRecords() as PerformanceEventTiming[]));
    observer.disconnect();

    expect(keystrokes).toHaveLength(PATTERNS.length * 40);
    // The handlers of each key event (validation included) ran in under 200 ms...
    const handling = slowEvents
      .filter((entry) => ['keydown', 'keypress', 'beforeinput', 'input', 'keyup'].includes(entry.name))
      .map((entry) => ({ event: entry.name, ms: entry.processingEnd - entry.processingStart }));
    expect(handling.filter((entry) => entry.ms >= 200)).toEqual([]);
    // ...and no keystroke, round trip from the test runner included, froze the page.
    expect(keystrokes.filter((keystroke) => keystroke.ms >= 1000)).toEqual([]);
    expect(warn).toHaveBeenCalled();
    warn.mockRestore();
  });
});
