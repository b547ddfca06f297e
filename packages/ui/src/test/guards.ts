import { cleanup } from '@testing-library/react';
import { afterEach, beforeEach, expect, type MockInstance, vi } from 'vitest';

/**
 * Fails a test on any `console.error` (React reports its errors and warnings there) and on any unhandled promise
 * rejection, checked once the test's last timers and microtasks have run.
 */
export function failOnConsoleErrorsAndRejections(): { errors: unknown[][]; rejections: unknown[] } {
  const errors: unknown[][] = [];
  const rejections: unknown[] = [];
  const onRejection = (reason: unknown) => {
    rejections.push(reason);
  };
  let spy: MockInstance<typeof console.error> | undefined;
  beforeEach(() => {
    errors.length = 0;
    rejections.length = 0;
    spy = vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
      errors.push(args);
    });
    process.on('unhandledRejection', onRejection);
  });
  afterEach(async () => {
    // Unmounting is part of the test: what React reports then counts too.
    cleanup();
    await new Promise((resolve) => setTimeout(resolve, 0));
    process.off('unhandledRejection', onRejection);
    spy?.mockRestore();
    expect(errors.map((args) => args.map(String).join(' '))).toEqual([]);
    expect(rejections).toEqual([]);
  });
  return { errors, rejections };
}

/** jsdom has no layout: gives every listbox a size, so that the virtualized list renders its rows. */
export function stubListboxSize(height = 400, width = 360): void {
  const saved = {
    clientHeight: Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientHeight'),
    clientWidth: Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientWidth'),
  };
  beforeEach(() => {
    Object.defineProperty(HTMLElement.prototype, 'clientHeight', {
      configurable: true,
      get(this: HTMLElement) {
        return this.getAttribute('role') === 'listbox' ? height : 0;
      },
    });
    Object.defineProperty(HTMLElement.prototype, 'clientWidth', {
      configurable: true,
      get(this: HTMLElement) {
        return this.getAttribute('role') === 'listbox' ? width : 0;
      },
    });
  });
  afterEach(() => {
    for (const [name, descriptor] of Object.entries(saved)) {
      if (descriptor) Object.defineProperty(HTMLElement.prototype, name, descriptor);
      else delete (HTMLElement.prototype as unknown as Record<string, unknown>)[name];
    }
  });
}
