import type { ReactNode } from 'react';
import { afterEach, beforeEach, expect, type MockInstance, vi } from 'vitest';

/*
 * For hostile data in real Chromium, with the real stylesheet: nothing it carries runs (a global that any of it would
 * set stays unset), and nothing spills out of the picker's or the form's box.
 */

declare global {
  interface Window {
    __pwned?: unknown;
  }
}

/** Narrow enough for the frame and its padding to fit the test page's 414 px viewport. */
export const WIDTH = 360;

/** The frame the hostile data is shown in: narrow, with a list tall enough for every row. */
export function HostileFrame({ children }: { children: ReactNode }) {
  return (
    <div data-testid="frame" style={{ width: WIDTH, padding: 16, ['--ck-picker-list-height' as string]: '1400px' }}>
      {children}
    </div>
  );
}

/** Lets images fail to load, event handlers fire and timers run, had anything been injected. */
export const settle = () => new Promise((resolve) => setTimeout(resolve, 150));

/**
 * Fails a test when something the data carried ran or loaded (an element that loads or runs something, a global it
 * would set), when React reported an error, or when a promise rejection went unhandled.
 */
export function failOnInjectedContent(): void {
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
}

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
export function expectWithin(box: Element) {
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
