import { render } from '@testing-library/react';
import { beforeAll, expect, vi } from 'vitest';

/**
 * jsdom does not know the HTML `<search>` element the admin filters sit in (Chromium does), and React reports an
 * unknown tag the first time it renders one. That one report is taken before the tests, checked to be exactly that,
 * so that a guard on `console.error` registered after this call starts counting from a clean slate.
 */
export function takeUnknownSearchElementReport(): void {
  beforeAll(() => {
    const reports: string[] = [];
    const spy = vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
      reports.push(args.map(String).join(' '));
    });
    try {
      render(<search />).unmount();
    } finally {
      spy.mockRestore();
    }
    expect(document.createElement('search')).toBeInstanceOf(HTMLUnknownElement);
    expect(reports).toEqual([expect.stringMatching(/^The tag <%s> is unrecognized in this browser\b.* search$/)]);
  });
}
