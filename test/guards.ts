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
