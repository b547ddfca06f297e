import { type ConnectorSearchResult, createConnectorSearch } from '@connector-kit/core';
import { generateConnectors } from '@connector-kit/mock-api';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { stubListboxSize } from '../test/guards.ts';
import { ConnectorList, type ConnectorListProps } from './ConnectorList.tsx';

/*
 * Where the rows are and where the list scrolls to, on a listbox 400 px high (jsdom has no layout: the rows' places
 * are read from their styles, the scroll position from `scrollTop`).
 */

stubListboxSize(400);

// Some generated connectors are hidden, so there are fewer results than connectors.
const all = createConnectorSearch(generateConnectors(1100, 5)).search('');
/** `count` options that can all be picked, but those at the `restricted` positions. */
function resultsWith(count: number, restricted: readonly number[] = []): ConnectorSearchResult[] {
  if (all.length < count) throw new Error(`only ${all.length} results`);
  return all.slice(0, count).map((result, index) => ({ ...result, disabled: restricted.includes(index) }));
}

const listbox = () => screen.getByRole('listbox');
const placeOf = (element: HTMLElement) => ({
  start: Number(/^translateY\((-?[\d.]+)px\)$/.exec(element.style.transform)?.[1]),
  size: Number.parseFloat(element.style.height),
});
const option = (index: number) => {
  const element = listbox().querySelector<HTMLElement>(`[data-index="${index}"]`);
  if (!element) throw new Error(`option ${index} is not rendered`);
  return element;
};
const renderedIndexes = () =>
  screen.getAllByRole('option').map((element) => Number((element as HTMLElement).dataset.index));
const scrollListTo = (top: number) =>
  act(() => {
    listbox().scrollTop = top;
    listbox().dispatchEvent(new Event('scroll'));
  });

/** The list with its active option in state, moved by the pointer as in a picker. */
function Stateful(props: Omit<ConnectorListProps, 'activeIndex' | 'onActiveIndexChange'>) {
  const [activeIndex, setActiveIndex] = useState(-1);
  return <ConnectorList {...props} activeIndex={activeIndex} onActiveIndexChange={setActiveIndex} />;
}

describe('ConnectorList rows and scrolling', () => {
  it('places each row below the previous one, restricted rows taller, with the row height given', () => {
    const results = resultsWith(6, [2]);
    render(<ConnectorList results={results} rowHeight={60} />);
    expect([0, 1, 2, 3].map((index) => placeOf(option(index)))).toEqual([
      { start: 0, size: 60 },
      { start: 60, size: 60 },
      { start: 120, size: 84 },
      { start: 204, size: 60 },
    ]);
    const sizer = listbox().firstElementChild as HTMLElement;
    expect(sizer.style.height).toBe(`${5 * 60 + 84}px`);
  });

  it('places the group headings as rows of their own', () => {
    const results = resultsWith(100);
    render(<ConnectorList results={[...results.slice(0, 2), ...results]} popularCount={2} />);
    const [popular, allBanks] = screen.getAllByRole('group').map((group) => {
      const id = group.getAttribute('aria-labelledby') ?? '';
      return placeOf(document.getElementById(id) as HTMLElement);
    });
    expect(popular).toEqual({ start: 0, size: 40 });
    expect(placeOf(option(0))).toEqual({ start: 40, size: 56 });
    expect(allBanks).toEqual({ start: 40 + 2 * 56, size: 40 });
    expect(placeOf(option(2))).toEqual({ start: 2 * 40 + 2 * 56, size: 56 });
  });

  it('renders the rows in view and `overscan` more, and follows the scroll', () => {
    render(<ConnectorList results={resultsWith(1000)} overscan={2} />);
    // 400 px of 56 px rows: rows 0 to 7 are in view.
    expect(renderedIndexes()).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    scrollListTo(56 * 500);
    expect(renderedIndexes()).toEqual([498, 499, 500, 501, 502, 503, 504, 505, 506, 507, 508, 509]);
    scrollListTo(56 * 1000);
    expect(renderedIndexes().at(-1)).toBe(999);
  });

  it('scrolls the active option into view only as far as needed, and to the top for the first one', () => {
    const results = resultsWith(1000);
    const { rerender } = render(<ConnectorList results={results} activeIndex={-1} />);
    rerender(<ConnectorList results={results} activeIndex={20} />);
    // The bottom of option 20 at the bottom of the box.
    expect(listbox().scrollTop).toBe(21 * 56 - 400);
    rerender(<ConnectorList results={results} activeIndex={16} />);
    expect(listbox().scrollTop).toBe(21 * 56 - 400);
    rerender(<ConnectorList results={results} activeIndex={5} />);
    expect(listbox().scrollTop).toBe(5 * 56);
    rerender(<ConnectorList results={results} activeIndex={999} />);
    expect(listbox().scrollTop).toBe(1000 * 56 - 400);
    expect(option(999)).toHaveAttribute('data-active');
    rerender(<ConnectorList results={results} activeIndex={0} />);
    expect(listbox().scrollTop).toBe(0);
  });

  it('scrolls to the very top for the first option of a grouped list, to show its heading', () => {
    const results = resultsWith(100);
    const grouped = [...results.slice(0, 3), ...results];
    const { rerender } = render(<ConnectorList results={grouped} popularCount={3} activeIndex={50} />);
    expect(listbox().scrollTop).toBe(2 * 40 + 51 * 56 - 400);
    rerender(<ConnectorList results={grouped} popularCount={3} activeIndex={0} />);
    expect(listbox().scrollTop).toBe(0);
  });

  it('does not scroll to an option the pointer moved onto', () => {
    render(<Stateful results={resultsWith(1000)} />);
    // Option 7 (392 to 448 px) is only partly in view.
    fireEvent.pointerMove(option(7));
    expect(option(7)).toHaveAttribute('data-active');
    expect(listbox().scrollTop).toBe(0);
  });

  it('goes back to the top for new results', () => {
    const { rerender } = render(<ConnectorList results={resultsWith(1000)} />);
    scrollListTo(56 * 300);
    expect(renderedIndexes()).toContain(300);
    rerender(<ConnectorList results={resultsWith(900)} />);
    expect(listbox().scrollTop).toBe(0);
    expect(renderedIndexes()[0]).toBe(0);
  });

  it('stays in place when new results only add options after those shown', () => {
    const { rerender } = render(<ConnectorList results={resultsWith(100)} />);
    scrollListTo(56 * 60);
    rerender(<ConnectorList results={resultsWith(1000)} />);
    expect(listbox().scrollTop).toBe(56 * 60);
    expect(renderedIndexes()).toContain(60);
    // Fewer, or others: the top.
    rerender(<ConnectorList results={resultsWith(800)} />);
    expect(listbox().scrollTop).toBe(0);
    scrollListTo(56 * 60);
    rerender(<ConnectorList results={[...resultsWith(1000)].reverse()} />);
    expect(listbox().scrollTop).toBe(0);
  });

  it('keeps the element of a row that stays in view while the list scrolls', () => {
    render(<ConnectorList results={resultsWith(1000)} overscan={2} />);
    const before = option(5);
    scrollListTo(3 * 56);
    expect(renderedIndexes()[0]).toBe(1);
    expect(option(5)).toBe(before);
  });
});
