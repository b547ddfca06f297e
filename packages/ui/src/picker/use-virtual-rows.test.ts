import { act, renderHook } from '@testing-library/react';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  maxScrollOffset,
  offsetToReveal,
  rangeRows,
  rowOffsets,
  rowRange,
  useVirtualRows,
  type VirtualRowsOptions,
} from './use-virtual-rows.ts';

const fixed = (size: number) => () => size;
const offsetsOf = (sizes: readonly number[]) => rowOffsets(sizes.length, (row) => sizes[row] ?? 0);

describe('rowOffsets', () => {
  it('sums the heights: where each row starts, and the total at the end', () => {
    expect([...offsetsOf([40, 56, 80, 56])]).toEqual([0, 40, 96, 176, 232]);
    expect([...rowOffsets(0, fixed(56))]).toEqual([0]);
  });

  it('counts a negative height as none', () => {
    expect([...offsetsOf([10, -5, 10])]).toEqual([0, 10, 10, 20]);
  });
});

describe('rowRange', () => {
  const offsets = rowOffsets(100, fixed(50));

  it('takes the rows in view, and `overscan` more on each side within the list', () => {
    expect(rowRange(offsets, 0, 200, 0)).toEqual({ first: 0, last: 3 });
    expect(rowRange(offsets, 0, 200, 2)).toEqual({ first: 0, last: 5 });
    expect(rowRange(offsets, 1000, 200, 2)).toEqual({ first: 18, last: 25 });
    expect(rowRange(offsets, 1010, 200, 0)).toEqual({ first: 20, last: 24 });
  });

  it('leaves out a row that starts right at the bottom edge, or ends right at the top edge', () => {
    expect(rowRange(offsets, 50, 100, 0)).toEqual({ first: 1, last: 2 });
    expect(rowRange(offsets, 49.5, 100, 0)).toEqual({ first: 0, last: 2 });
  });

  it('clamps the scroll offset to the rows', () => {
    expect(rowRange(offsets, 99_999, 200, 1)).toEqual({ first: 95, last: 99 });
    expect(rowRange(offsets, -300, 200, 0)).toEqual({ first: 0, last: 3 });
    expect(rowRange(rowOffsets(3, fixed(50)), 400, 200, 6)).toEqual({ first: 0, last: 2 });
    expect(rowRange(offsets, 1000, 200, 1, 3)).toEqual({ first: 19, last: 26 });
  });

  it('finds rows of different heights', () => {
    // A heading, two options, a taller restricted option, an option.
    const mixed = offsetsOf([40, 56, 56, 80, 56]);
    expect(rowRange(mixed, 60, 40, 0)).toEqual({ first: 1, last: 2 });
    expect(rowRange(mixed, 152, 20, 0)).toEqual({ first: 3, last: 3 });
  });

  it('is null without rows', () => {
    expect(rowRange(rowOffsets(0, fixed(50)), 0, 200, 6)).toBeNull();
  });

  it('agrees with a row-by-row scan', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 120 }), { minLength: 1, maxLength: 60 }),
        fc.integer({ min: -100, max: 8000 }),
        fc.integer({ min: 1, max: 900 }),
        fc.integer({ min: 0, max: 8 }),
        (sizes, scrollTop, viewport, overscan) => {
          const offsets = offsetsOf(sizes);
          const total = sizes.reduce((sum, size) => sum + size, 0);
          const top = Math.min(Math.max(0, scrollTop), Math.max(0, total - viewport));
          const visible: number[] = [];
          let start = 0;
          sizes.forEach((size, row) => {
            if (start < top + viewport && start + size > top) visible.push(row);
            start += size;
          });
          const first = Math.min(...visible);
          const last = Math.max(...visible);
          expect(rowRange(offsets, scrollTop, viewport, overscan)).toEqual({
            first: Math.max(0, first - overscan),
            last: Math.min(sizes.length - 1, last + overscan),
          });
        },
      ),
    );
  });
});

describe('rangeRows', () => {
  it('adds the extra rows in order, each once, and only rows that exist', () => {
    expect(rangeRows({ first: 4, last: 6 }, [9, 0, 5, 9, 12, -1], 10)).toEqual([0, 4, 5, 6, 9]);
    expect(rangeRows({ first: 0, last: 2 }, [], 10)).toEqual([0, 1, 2]);
    expect(rangeRows(null, [3, 1], 10)).toEqual([1, 3]);
  });
});

describe('offsetToReveal', () => {
  const offsets = rowOffsets(100, fixed(50));

  it('does not move for a row in view', () => {
    expect(offsetToReveal(offsets, 3, 0, 200)).toBe(0);
    expect(offsetToReveal(offsets, 5, 100, 200)).toBe(100);
  });

  it('brings a row below up to the bottom edge, and a row above down to the top edge', () => {
    expect(offsetToReveal(offsets, 4, 0, 200)).toBe(50);
    expect(offsetToReveal(offsets, 40, 0, 200)).toBe(1850);
    expect(offsetToReveal(offsets, 2, 1000, 200)).toBe(100);
    // Partly hidden at the top.
    expect(offsetToReveal(offsets, 20, 1010, 200)).toBe(1000);
  });

  it('stays within the scroll range', () => {
    expect(offsetToReveal(offsets, 99, 0, 200)).toBe(maxScrollOffset(offsets, 200));
    expect(offsetToReveal(offsets, 500, 0, 200)).toBe(4800);
    expect(offsetToReveal(offsets, 0, 300, 200)).toBe(0);
    expect(offsetToReveal(rowOffsets(2, fixed(50)), 1, 0, 200)).toBe(0);
  });

  it('shows the top of a row taller than the box', () => {
    expect(offsetToReveal(offsetsOf([50, 500, 50]), 1, 0, 200)).toBe(50);
  });
});

/** A scroll box in the document, of the given visible height (jsdom has no layout). */
function scrollBox(height: number): HTMLDivElement {
  const element = document.createElement('div');
  Object.defineProperty(element, 'clientHeight', { configurable: true, get: () => height });
  document.body.append(element);
  return element;
}

function renderRows(options: Omit<VirtualRowsOptions, 'scrollRef'>, element: HTMLElement) {
  let renders = 0;
  const scrollRef = { current: element };
  const view = renderHook(
    (props: Omit<VirtualRowsOptions, 'scrollRef'>) => {
      renders++;
      return useVirtualRows({ ...props, scrollRef });
    },
    { initialProps: options },
  );
  return { ...view, renders: () => renders, shown: () => view.result.current.rows.map((row) => row.row) };
}

function scrollTo(element: HTMLElement, top: number) {
  act(() => {
    element.scrollTop = top;
    element.dispatchEvent(new Event('scroll'));
  });
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('useVirtualRows', () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
    document.body.replaceChildren();
  });

  it('renders the rows in view with their position, height and key, and the total height', () => {
    const element = scrollBox(200);
    const { result, shown } = renderRows({ count: 1000, rowSize: fixed(50), overscan: 2 }, element);
    expect(shown()).toEqual(range(0, 5));
    expect(result.current.rows[1]).toEqual({ row: 1, start: 50, size: 50, key: 1 });
    expect(result.current.totalSize).toBe(50_000);
  });

  it('renders again on scroll only when the first or last rendered row changes', () => {
    const element = scrollBox(200);
    const { shown, renders } = renderRows({ count: 1000, rowSize: fixed(50), overscan: 2 }, element);
    const before = renders();
    scrollTo(element, 20);
    expect(shown()).toEqual(range(0, 6));
    expect(renders()).toBe(before + 1);
    for (const top of [30, 40, 49, 50]) scrollTo(element, top);
    expect(renders()).toBe(before + 1);
    scrollTo(element, 160);
    expect(shown()).toEqual(range(2, 9));
    expect(renders()).toBe(before + 2);
  });

  it('renders `overscan` rows ahead of the scroll and one behind, only those in view past them all, both sides at rest', () => {
    vi.useFakeTimers();
    const element = scrollBox(200);
    const { shown } = renderRows({ count: 1000, rowSize: fixed(50), overscan: 3 }, element);
    expect(shown()).toEqual(range(0, 6));
    scrollTo(element, 250);
    expect(shown()).toEqual(range(4, 11));
    scrollTo(element, 200);
    expect(shown()).toEqual(range(1, 8));
    // A fling: each step lands past every rendered row.
    scrollTo(element, 25_000);
    expect(shown()).toEqual(range(500, 503));
    scrollTo(element, 30_000);
    expect(shown()).toEqual(range(600, 603));
    act(() => vi.advanceTimersByTime(100));
    expect(shown()).toEqual(range(600, 603));
    act(() => vi.advanceTimersByTime(100));
    expect(shown()).toEqual(range(597, 606));
  });

  it('keeps the extra rows rendered wherever the list is scrolled', () => {
    const element = scrollBox(200);
    const { shown } = renderRows({ count: 1000, rowSize: fixed(50), overscan: 1, extraRows: [0, 700] }, element);
    expect(shown()).toEqual([...range(0, 4), 700]);
    scrollTo(element, 10_000);
    expect(shown()).toEqual([0, ...range(200, 203), 700]);
  });

  it('takes `initialRowCount` rows to be in view while the box has no height, and follows its size', () => {
    const observers: { callback: ResizeObserverCallback; observed: Element[]; disconnected: boolean }[] = [];
    vi.stubGlobal(
      'ResizeObserver',
      class {
        readonly record: (typeof observers)[number];
        constructor(callback: ResizeObserverCallback) {
          this.record = { callback, observed: [], disconnected: false };
          observers.push(this.record);
        }
        observe(target: Element) {
          this.record.observed.push(target);
        }
        unobserve() {}
        disconnect() {
          this.record.disconnected = true;
        }
      },
    );
    // Hidden at first.
    let height = 0;
    const element = scrollBox(0);
    Object.defineProperty(element, 'clientHeight', { get: () => height });
    const { shown, unmount } = renderRows(
      { count: 1000, rowSize: fixed(50), overscan: 1, initialRowCount: 4 },
      element,
    );
    expect(shown()).toEqual(range(0, 4));
    const [observer] = observers;
    expect(observer?.observed).toEqual([element]);

    const resize = () => act(() => observer?.callback([], {} as ResizeObserver));
    height = 120;
    resize();
    expect(shown()).toEqual(range(0, 3));
    height = 400;
    resize();
    expect(shown()).toEqual(range(0, 8));
    // Hidden (no height): back to the initial rows, not none.
    height = 0;
    resize();
    expect(shown()).toEqual(range(0, 4));

    unmount();
    expect(observer?.disconnected).toBe(true);
  });

  it('scrolls to a row only as far as needed, within the rows', () => {
    const element = scrollBox(200);
    const { result, shown } = renderRows({ count: 1000, rowSize: fixed(50), overscan: 0 }, element);
    act(() => result.current.scrollToRow(2));
    expect(element.scrollTop).toBe(0);
    act(() => result.current.scrollToRow(10));
    expect(element.scrollTop).toBe(350);
    // The rows follow at once, without waiting for the scroll event.
    expect(shown()).toEqual(range(7, 10));
    act(() => result.current.scrollToRow(3));
    expect(element.scrollTop).toBe(150);
    act(() => result.current.scrollToRow(999));
    expect(element.scrollTop).toBe(49_800);
    expect(shown()).toEqual(range(996, 999));
  });

  it('scrolls to an offset, clamped to the rows', () => {
    const element = scrollBox(200);
    const { result, shown } = renderRows({ count: 10, rowSize: fixed(50), overscan: 0 }, element);
    act(() => result.current.scrollToOffset(1000));
    expect(element.scrollTop).toBe(300);
    expect(shown()).toEqual(range(6, 9));
    act(() => result.current.scrollToOffset(0));
    expect(element.scrollTop).toBe(0);
    expect(shown()).toEqual(range(0, 3));
  });

  it('lays the rows out again when their number or heights change', () => {
    const element = scrollBox(200);
    const { result, rerender, shown } = renderRows({ count: 1000, rowSize: fixed(50), overscan: 0 }, element);
    rerender({ count: 1000, rowSize: fixed(100), overscan: 0 });
    expect(shown()).toEqual(range(0, 1));
    expect(result.current.totalSize).toBe(100_000);
    scrollTo(element, 5000);
    expect(shown()).toEqual(range(50, 51));
    // Fewer rows than the box was scrolled past: the last ones.
    rerender({ count: 20, rowSize: fixed(100), overscan: 0 });
    expect(shown()).toEqual(range(18, 19));
    rerender({ count: 0, rowSize: fixed(100), overscan: 0 });
    expect(shown()).toEqual([]);
    expect(result.current.totalSize).toBe(0);
  });
});
