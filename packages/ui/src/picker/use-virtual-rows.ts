import { type RefObject, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';

/*
 * Windowing for a list whose rows have heights known in advance: a prefix sum of the heights gives every row's
 * position, and a binary search finds the rows in view. Nothing is measured but the height of the scroll box.
 */

/** A row to render: its position from the top of the list, its height and a React key. */
export interface VirtualRow {
  readonly row: number;
  readonly start: number;
  readonly size: number;
  /** The row's number: a row keeps its key, and React its element, for as long as it stays rendered. */
  readonly key: number;
}

/** The first and last rows to render, both included. */
export interface RowRange {
  readonly first: number;
  readonly last: number;
}

export interface VirtualRowsOptions {
  /** Number of rows. */
  count: number;
  /**
   * Height of a row in CSS pixels. Keep it memoized: a new function lays the rows out again (O(count)), which is
   * meant for when the rows or their heights change, not for every render.
   */
  rowSize: (row: number) => number;
  /** The scrolling element; the rows are positioned from the top of its content. */
  scrollRef: RefObject<HTMLElement | null>;
  /**
   * Rows rendered beyond each edge of the visible area at rest; while scrolling, beyond the edge the list moves
   * towards (one behind), and none while each scroll event goes past all the rendered rows.
   */
  overscan: number;
  /** Rows rendered wherever the list is scrolled (headings, the active row), in any order. */
  extraRows?: readonly number[] | undefined;
  /** How many rows are taken to be in view before the scroll box is measured (server rendering, first paint). */
  initialRowCount?: number | undefined;
}

export interface VirtualRows {
  /** The rows to render, in order. */
  rows: VirtualRow[];
  /** Height of all the rows together, for the element that gives the scroll box its scroll height. */
  totalSize: number;
  /** Scrolls the least that shows the whole row; does nothing when it is in view already. */
  scrollToRow: (row: number) => void;
  scrollToOffset: (offset: number) => void;
}

const DEFAULT_INITIAL_ROW_COUNT = 10;
/** How long after its last scroll event a scroll box is at rest, in ms. */
const REST_DELAY = 150;

/** Where each row starts: `offsets[row]`, and the total height at `offsets[count]`. */
export function rowOffsets(count: number, rowSize: (row: number) => number): Float64Array {
  const offsets = new Float64Array(count + 1);
  let offset = 0;
  for (let row = 0; row < count; row++) {
    offsets[row] = offset;
    offset += Math.max(0, rowSize(row));
  }
  offsets[count] = offset;
  return offsets;
}

/** How many rows start above `y` (at or above when `inclusive`): a binary search over the offsets. */
function rowsStartingBefore(offsets: Float64Array, y: number, inclusive: boolean): number {
  let low = 0;
  let high = offsets.length - 1;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const start = offsets[middle] ?? 0;
    if (start < y || (inclusive && start === y)) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The largest scroll offset: the last rows at the bottom of the box. */
export function maxScrollOffset(offsets: Float64Array, viewport: number): number {
  return Math.max(0, (offsets[offsets.length - 1] ?? 0) - viewport);
}

/**
 * The rows to render for a scroll offset and a visible height, `overscan` rows beyond the top edge and `overscanAfter`
 * (as many by default) beyond the bottom one; null when empty.
 */
export function rowRange(
  offsets: Float64Array,
  scrollTop: number,
  viewport: number,
  overscan: number,
  overscanAfter = overscan,
): RowRange | null {
  const count = offsets.length - 1;
  if (count <= 0) return null;
  const top = Math.min(Math.max(0, scrollTop), maxScrollOffset(offsets, viewport));
  const first = Math.max(0, rowsStartingBefore(offsets, top, true) - 1);
  const last = Math.max(first, rowsStartingBefore(offsets, top + viewport, false) - 1);
  return widen({ first, last }, count, overscan, overscanAfter);
}

/** `range` with `before` more rows above it and `after` below, within the `count` rows. */
const widen = (range: RowRange, count: number, before: number, after: number): RowRange => ({
  first: Math.max(0, range.first - before),
  last: Math.min(count - 1, range.last + after),
});

/** The rows of `range` and the extra ones, sorted, each once. */
export function rangeRows(range: RowRange | null, extraRows: readonly number[], count: number): number[] {
  const rows = new Set(extraRows.filter((row) => row >= 0 && row < count));
  if (range !== null) for (let row = range.first; row <= range.last; row++) rows.add(row);
  return [...rows].sort((a, b) => a - b);
}

/**
 * The scroll offset that shows all of `row` with the least movement from `scrollTop`: unchanged when the row is in
 * view, its top at the top when it is above, its bottom at the bottom when it is below.
 */
export function offsetToReveal(offsets: Float64Array, row: number, scrollTop: number, viewport: number): number {
  const count = offsets.length - 1;
  if (count <= 0) return 0;
  const clamped = Math.min(Math.max(0, row), count - 1);
  const start = offsets[clamped] ?? 0;
  const end = offsets[clamped + 1] ?? start;
  let target = scrollTop;
  if (end > scrollTop + viewport) target = end - viewport;
  if (start < target) target = start;
  return Math.min(Math.max(0, target), maxScrollOffset(offsets, viewport));
}

const sameRange = (a: RowRange | null, b: RowRange | null) => a?.first === b?.first && a?.last === b?.last;

/** Layout effects only where there is a layout: on a server they would do nothing, and React 18 warns about them. */
const useClientLayoutEffect = typeof document === 'undefined' ? useEffect : useLayoutEffect;

/**
 * How the box last moved: not at all (or back to rest), down or up by less than the rendered rows, or past them all
 * at once (a fling, a jump of the scroll bar's thumb).
 */
type Travel = 'still' | 'down' | 'up' | 'jump';

/** A scroll offset, a visible height (null: not measured yet) and how the box got there. */
interface View {
  readonly top: number;
  readonly height: number | null;
  readonly travel: Travel;
}

/**
 * Rows rendered beyond the top and the bottom edge. At rest, `overscan` on both sides. Moving, `overscan` ahead and one
 * behind: the rows behind are leaving. Past all the rendered rows in one step, none: the next step goes past them too,
 * so each frame renders only the rows it shows.
 */
function overscanOf(travel: Travel, overscan: number): readonly [before: number, after: number] {
  const behind = Math.min(1, overscan);
  if (travel === 'jump') return [0, 0];
  if (travel === 'down') return [behind, overscan];
  if (travel === 'up') return [overscan, behind];
  return [overscan, overscan];
}

/** The visible height to lay out for: the measured one, or `fallback` while there is none (or the box is hidden). */
const heightOf = (height: number | null, fallback: number) => (height !== null && height > 0 ? height : fallback);

const NO_ROWS: readonly number[] = [];
const TOP: View = { top: 0, height: null, travel: 'still' };

/**
 * Renders the rows of a scroll box that are in view, plus `overscan` rows around them and the `extraRows`. Rows
 * have known heights (`rowSize`): their positions are computed once per change of the rows, and a scroll event
 * costs two binary searches. State changes, and so renders, only happen when the first or last rendered row changes.
 * The height of the scroll box is measured when it mounts, then observed with `ResizeObserver` where there is one;
 * while it is not known (on a server) or zero (a hidden box), `initialRowCount` rows are taken to be in view. The
 * scroll box must be rendered from the first render on.
 */
export function useVirtualRows({
  count,
  rowSize,
  scrollRef,
  overscan,
  extraRows = NO_ROWS,
  initialRowCount = DEFAULT_INITIAL_ROW_COUNT,
}: VirtualRowsOptions): VirtualRows {
  const offsets = useMemo(() => rowOffsets(count, rowSize), [count, rowSize]);
  const initialHeight = offsets[Math.min(count, Math.max(0, initialRowCount))] ?? 0;
  // Where the rendered rows were computed for: it changes only when they do.
  const [view, setView] = useState(TOP);
  const range = rowRange(offsets, view.top, heightOf(view.height, initialHeight), ...overscanOf(view.travel, overscan));

  // The last committed layout, and where the scroll box really is (`box`), for the event handlers.
  const live = useRef({ offsets, overscan, initialHeight, range, box: TOP });

  /**
   * Records where the scroll box is, and how it got there from its last position (or that it is `still`), and renders
   * again only if that changes the rendered rows.
   */
  const update = useCallback((top: number, height: number | null, still = false) => {
    const current = live.current;
    const { box: previous, offsets: laidOut, range: rendered } = current;
    const viewport = heightOf(height, current.initialHeight);
    // The rows in view, found once: the travel is worked out from them, and the rows to render are them widened.
    const shown = rowRange(laidOut, top, viewport, 0);
    let moved: Travel = still ? 'still' : previous.travel;
    if (!still && top !== previous.top) {
      const past = rendered !== null && shown !== null && (shown.first > rendered.last || shown.last < rendered.first);
      moved = past ? 'jump' : top > previous.top ? 'down' : 'up';
    }
    const box: View = { top, height, travel: moved };
    current.box = box;
    const next = shown && widen(shown, laidOut.length - 1, ...overscanOf(moved, current.overscan));
    if (!sameRange(next, rendered)) setView(box);
  }, []);

  useClientLayoutEffect(() => {
    Object.assign(live.current, { offsets, overscan, initialHeight, range });
    // New rows or heights, with the box elsewhere than where the rendered rows were computed for.
    const { box } = live.current;
    update(box.top, box.height);
  });

  useClientLayoutEffect(() => {
    const element = scrollRef.current;
    if (!element) return;
    // At rest again, the rows on both sides, for the next move whichever way it goes. Not on `scrollend`: a browser
    // fires it with the scroll event itself when a wheel step scrolls at once.
    let rest: ReturnType<typeof setTimeout> | undefined;
    const atRest = () => update(element.scrollTop, live.current.box.height, true);
    const onScroll = () => {
      update(element.scrollTop, live.current.box.height);
      clearTimeout(rest);
      rest = setTimeout(atRest, REST_DELAY);
    };
    element.addEventListener('scroll', onScroll, { passive: true });
    const measure = () => update(live.current.box.top, element.clientHeight);
    // Measured once before the first paint, so that the rows fill the box and scrolling to a row on mount uses its
    // real height; then whenever it changes.
    measure();
    const observer = typeof ResizeObserver === 'undefined' ? undefined : new ResizeObserver(measure);
    observer?.observe(element);
    return () => {
      element.removeEventListener('scroll', onScroll);
      clearTimeout(rest);
      observer?.disconnect();
    };
  }, [scrollRef, update]);

  const scrollToOffset = useCallback(
    (offset: number) => {
      const element = scrollRef.current;
      if (!element) return;
      const { offsets: laidOut, initialHeight: fallback, box } = live.current;
      element.scrollTop = Math.min(Math.max(0, offset), maxScrollOffset(laidOut, heightOf(box.height, fallback)));
      // Where the box went (it may be shorter than the rows); the scroll event comes later, if at all.
      update(element.scrollTop, box.height);
    },
    [scrollRef, update],
  );

  const scrollToRow = useCallback(
    (row: number) => {
      const { offsets: laidOut, initialHeight: fallback, box } = live.current;
      const target = offsetToReveal(laidOut, row, box.top, heightOf(box.height, fallback));
      if (target !== box.top) scrollToOffset(target);
    },
    [scrollToOffset],
  );

  const rows: VirtualRow[] = [];
  for (const row of rangeRows(range, extraRows, count)) {
    const start = offsets[row] ?? 0;
    rows.push({ row, start, size: (offsets[row + 1] ?? start) - start, key: row });
  }
  return { rows, totalSize: offsets[count] ?? 0, scrollToRow, scrollToOffset };
}
