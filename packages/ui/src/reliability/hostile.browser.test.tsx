import '../styles.css';
import { type Connector, connectorSchema, createConnectorsClient, preloadSafeRegexEngine } from '@connector-kit/core';
import { ConnectorsProvider } from '@connector-kit/react';
import { QueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, type MockInstance, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { render } from 'vitest-browser-react';
import { ConnectorForm } from '../form/ConnectorForm.tsx';
import { ConnectorPicker, ConnectorPickerView } from '../picker/ConnectorPicker.tsx';
import { HOSTILE_COLORS, HOSTILE_TEXT, hostileConnector, LONG } from '../test/hostile.ts';

/*
 * Hostile data in real Chromium, with the real stylesheet: nothing it carries runs (a global that any of it would
 * set stays unset), rows keep their height, nothing spills out of the picker's or the form's box, and a form whose
 * field patterns are invalid, catastrophic or enormous handles every keystroke at once.
 */

declare global {
  interface Window {
    __pwned?: unknown;
  }
}

/** Narrow enough for the frame and its padding to fit the test page's 414 px viewport. */
const WIDTH = 360;

function Frame({ children }: { children: ReactNode }) {
  return (
    <div data-testid="frame" style={{ width: WIDTH, padding: 16, ['--ck-picker-list-height' as string]: '1400px' }}>
      {children}
    </div>
  );
}

/** Lets images fail to load, event handlers fire and timers run, had anything been injected. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 150));

/** Elements that load or run something; the test page has some of its own before each test. */
const ACTIVE = 'img, script, iframe, object, embed, svg[onload], [onerror]';
let activeBefore = 0;

/** What React reports (console.error) and promises nobody handled, during a test. */
const reported: unknown[] = [];
const onRejection = (event: PromiseRejectionEvent) => {
  reported.push(event.reason);
};
let consoleError: MockInstance<typeof console.error> | undefined;

beforeEach(() => {
  delete window.__pwned;
  activeBefore = document.querySelectorAll(ACTIVE).length;
  reported.length = 0;
  consoleError = vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    reported.push(args.map(String).join(' '));
  });
  window.addEventListener('unhandledrejection', onRejection);
});
afterEach(async () => {
  await settle();
  window.removeEventListener('unhandledrejection', onRejection);
  consoleError?.mockRestore();
  expect(window.__pwned).toBeUndefined();
  expect(document.querySelectorAll(ACTIVE).length).toBe(activeBefore);
  expect(reported).toEqual([]);
});

/** The horizontal extent of an element that can be seen: clipped by every ancestor up to `box` that clips. */
function visibleExtent(element: Element, box: Element): [number, number] | null {
  const rect = element.getBoundingClientRect();
  let [left, right] = [rect.left, rect.right];
  for (let parent = element.parentElement; parent && parent !== box; parent = parent.parentElement) {
    if (getComputedStyle(parent).overflowX === 'visible') continue;
    const clip = parent.getBoundingClientRect();
    left = Math.max(left, clip.left);
    right = Math.min(right, clip.right);
  }
  return right > left ? [left, right] : null;
}

/** Nothing inside `box` can be seen beyond its left and right edges, and nothing makes it scroll sideways. */
function expectWithin(box: Element) {
  const outer = box.getBoundingClientRect();
  const spilled: string[] = [];
  for (const element of box.querySelectorAll('*')) {
    const extent = visibleExtent(element, box);
    if (extent && (extent[0] < outer.left - 1 || extent[1] > outer.right + 1)) {
      spilled.push(`<${element.localName} class="${element.getAttribute('class')}"> ${extent[0]}…${extent[1]}`);
    }
  }
  expect(spilled).toEqual([]);
  expect(box.scrollWidth).toBeLessThanOrEqual(box.clientWidth + 1);
  for (const scroller of box.querySelectorAll<HTMLElement>('[role="listbox"]')) {
    expect(scroller.scrollWidth).toBeLessThanOrEqual(scroller.clientWidth + 1);
  }
}

describe('hostile text in Chromium', () => {
  const connectors: Connector[] = HOSTILE_TEXT.map(({ text }, i) => hostileConnector(text, `hostile-${i}`));

  it(`shows ${HOSTILE_TEXT.length} hostile connector names in rows of a fixed height, inside the picker`, async () => {
    await render(
      <Frame>
        <ConnectorPickerView connectors={connectors} defaultCountry={null} />
      </Frame>,
    );
    const listbox = page.getByRole('listbox', { name: 'Banks' });
    await expect.element(listbox).toBeVisible();
    const options = [...listbox.element().querySelectorAll<HTMLElement>('[role="option"]')];
    expect(options).toHaveLength(HOSTILE_TEXT.length);
    for (const option of options) {
      expect(option.getBoundingClientRect().height).toBe(56);
      const name = option.querySelector('.ck-list__name') as HTMLElement;
      expect(name.getBoundingClientRect().height).toBeLessThan(40);
    }
    const names = options.map((option) => option.querySelector('.ck-list__name')?.textContent);
    expect(names.sort()).toEqual(HOSTILE_TEXT.map(({ text }) => text).sort());
    expectWithin(document.querySelector('.ck-picker') as Element);
    expect((document.querySelector('.ck-picker') as Element).getBoundingClientRect().width).toBeLessThanOrEqual(WIDTH);
  });

  it('echoes a 10,000-character query inside the picker', async () => {
    await render(
      <Frame>
        <ConnectorPickerView connectors={connectors} defaultCountry={null} onNotFound={() => {}} />
      </Frame>,
    );
    await userEvent.fill(page.getByRole('combobox', { name: 'Search for your bank' }), `zz${'Q'.repeat(LONG)}`);
    await expect.element(page.getByText(/^No bank matches/)).toBeVisible();
    expectWithin(document.querySelector('.ck-picker') as Element);
  });

  for (const { name, text } of HOSTILE_TEXT) {
    it(`shows ${name} as an institution message inside the picker`, async () => {
      const client = createConnectorsClient({
        baseUrl: 'https://emulator.test/2.0',
        fetch: async () => Response.json({ code: 'websiteUnavailable', message: text, request_id: 9 }, { status: 503 }),
      });
      const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
      await render(
        <ConnectorsProvider client={client} queryClient={queryClient}>
          <Frame>
            <ConnectorPicker />
          </Frame>
        </ConnectorsProvider>,
      );
      await expect.element(page.getByRole('alert')).toBeVisible();
      expect(document.querySelector('.ck-error__institution')?.textContent).toBe(text);
      expectWithin(document.querySelector('.ck-picker') as Element);
    });

    it(`shows ${name} in a form's title, labels and list values, inside the form`, async () => {
      await render(
        <Frame>
          <ConnectorForm connector={hostileConnector(text)} onSubmit={() => {}} />
        </Frame>,
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

describe('hostile colors in Chromium', () => {
  it('never reach a computed style', async () => {
    const connectors = HOSTILE_COLORS.map((color, i) => hostileConnector(`Banque ${i}`, `color-${i}`, color));
    await render(
      <Frame>
        <ConnectorPickerView connectors={connectors} defaultCountry={null} />
      </Frame>,
    );
    await expect.element(page.getByRole('listbox', { name: 'Banks' })).toBeVisible();
    const rects = [...document.querySelectorAll('.ck-avatar rect[fill]')];
    expect(rects).toHaveLength(HOSTILE_COLORS.length);
    for (const rect of rects) {
      expect(rect.getAttribute('fill')).toBe('#5f6b7a');
      expect(getComputedStyle(rect).fill).toBe('rgb(95, 107, 122)');
    }
    for (const option of document.querySelectorAll<HTMLElement>('[role="option"]')) {
      const style = getComputedStyle(option);
      expect(style.backgroundImage).toBe('none');
      expect(style.color).not.toBe('rgb(255, 0, 0)');
    }
  });
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

describe('field patterns in Chromium', () => {
  it(`handles every keystroke at once in ${PATTERNS.length} fields with hostile patterns`, async () => {
    // The patterns that cannot be honoured are reported once each with `console.warn`.
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const connector = connectorSchema.parse({
      uuid: 'patterns',
      name: 'Banque des Motifs',
      auth_mechanism: 'credentials',
      fields: PATTERNS.map(({ name, regex }, i) => ({ name: `field${i}`, label: name, type: 'text', regex })),
    });
    await render(
      <Frame>
        <ConnectorForm connector={connector} onSubmit={() => {}} />
      </Frame>,
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
