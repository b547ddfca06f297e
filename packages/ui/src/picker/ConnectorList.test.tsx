import { type Connector, type ConnectorSearchResult, createConnectorSearch } from '@connector-kit/core';
import { demoConnectors, generateConnectors } from '@connector-kit/mock-api';
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { de, fr } from '../locales.ts';
import { stubListboxSize } from '../test/guards.ts';
import { ConnectorList, type ConnectorListProps } from './ConnectorList.tsx';
import { highlightSegments } from './Highlight.tsx';

// jsdom has no layout: give the listbox a size so that the virtualizer renders rows.
const LIST_HEIGHT = 400;
stubListboxSize(LIST_HEIGHT);

async function expectNoAxeViolations(container: HTMLElement) {
  // jsdom has no layout: contrast is checked in the browser (Storybook tests).
  const results = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
  expect(results.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
}

const index = createConnectorSearch(demoConnectors, { locale: 'fr' });
const all = index.search('');
const byName = (name: string) => demoConnectors.find((connector) => connector.name === name) as Connector;

describe('ConnectorList', () => {
  it('renders only the rows in view out of thousands', () => {
    const results = createConnectorSearch(generateConnectors(5000, 3)).search('');
    render(<ConnectorList results={results} />);
    const options = screen.getAllByRole('option');
    expect(options.length).toBeGreaterThan(5);
    expect(options.length).toBeLessThan(30);
    expect(screen.getByRole('listbox', { name: 'Banks' })).toBeInTheDocument();
  });

  it('keeps the active option rendered even far away, with the id aria-activedescendant names', () => {
    const results = createConnectorSearch(generateConnectors(5000, 3)).search('');
    render(<ConnectorList results={results} activeIndex={4321} getOptionId={(i) => `bank-${i}`} id="banks" />);
    const active = document.getElementById('bank-4321');
    expect(active).toHaveAttribute('role', 'option');
    expect(active).toHaveAttribute('data-active');
    expect(active).toHaveAccessibleName(results[4321]?.connector.name ?? '');
  });

  it('marks the matched text, and names each option by the connector name only', () => {
    const results = index.search('societe gen');
    const { container } = render(<ConnectorList results={results} />);
    const option = screen.getByRole('option', { name: 'Société Générale' });
    expect(option).toBeInTheDocument();
    expect(container.querySelector('mark')?.textContent).toBe('Société Gén');
  });

  it('shows badges, and the reason of a restricted connector in its description', () => {
    const results = index.search('banque kolb');
    render(<ConnectorList results={results} locale="de" messages={de} />);
    const option = screen.getByRole('option', { name: 'Banque Kolb' });
    expect(option).toHaveAttribute('aria-disabled', 'true');
    expect(option).toHaveAccessibleDescription(
      'Nicht verfügbar Neue Verbindungen zu dieser Bank sind derzeit nicht möglich.',
    );
    expect(within(option).getByText('Neue Verbindungen zu dieser Bank sind derzeit nicht möglich.')).toBeVisible();
  });

  it('badges beta and unstable connectors', () => {
    const beta = byName('Shine');
    const unstable = byName('Monabanq');
    const results = index.search('', { uuids: [beta.uuid, unstable.uuid] });
    render(<ConnectorList results={results} />);
    expect(screen.getByRole('option', { name: 'Shine' })).toHaveAccessibleDescription('Beta');
    expect(screen.getByRole('option', { name: 'Monabanq' })).toHaveAccessibleDescription('May be unstable');
  });

  it('reports clicks on options that can be picked, and pointer moves', async () => {
    const user = userEvent.setup();
    const onSelect = vi.fn();
    const onActiveIndexChange = vi.fn();
    const results = index.search('banque');
    render(<ConnectorList results={results} onSelect={onSelect} onActiveIndexChange={onActiveIndexChange} />);
    const restricted = screen.getAllByRole('option').find((option) => option.getAttribute('aria-disabled'));
    const allowed = screen.getAllByRole('option').find((option) => !option.getAttribute('aria-disabled'));
    if (!restricted || !allowed) throw new Error('expected both kinds of options');
    await user.click(restricted);
    expect(onSelect).not.toHaveBeenCalled();
    await user.click(allowed);
    const position = Number(allowed.dataset.index);
    expect(onSelect).toHaveBeenCalledWith(results[position], position);
    expect(onActiveIndexChange).toHaveBeenCalledWith(position);
  });

  it('marks the chosen connector as selected', () => {
    const results = index.search('lcl');
    render(<ConnectorList results={results} value={results[0]?.connector.uuid} />);
    expect(screen.getByRole('option', { name: 'LCL' })).toHaveAttribute('aria-selected', 'true');
  });

  it('shows a "Popular" group above "All banks"', () => {
    const popular = all.slice(10, 13);
    render(<ConnectorList results={[...popular, ...all]} popularCount={3} locale="fr" messages={fr} />);
    const groups = screen.getAllByRole('group');
    expect(
      groups
        .map((group) => group.getAttribute('aria-labelledby'))
        .map((id) => document.getElementById(id ?? '')?.textContent),
    ).toEqual(['Populaires', 'Toutes les banques']);
    expect(within(groups[0] as HTMLElement).getAllByRole('option')).toHaveLength(3);
    expect(screen.getByRole('group', { name: 'Populaires' })).toBeInTheDocument();
    expect(screen.getByRole('group', { name: 'Toutes les banques' })).toBeInTheDocument();
  });

  it('shows the empty content instead of an empty listbox', () => {
    render(<ConnectorList results={[]} empty={<p>Nothing here</p>} />);
    expect(screen.queryByRole('listbox')).not.toBeInTheDocument();
    expect(screen.getByText('Nothing here')).toBeInTheDocument();
  });

  it('announces the result count once it settles, not on every change', () => {
    vi.useFakeTimers();
    try {
      const { rerender } = render(<ConnectorList results={all} />);
      const status = screen.getByRole('status');
      expect(status).toBeEmptyDOMElement();
      rerender(<ConnectorList results={index.search('b')} />);
      act(() => vi.advanceTimersByTime(300));
      rerender(<ConnectorList results={index.search('bn')} />);
      act(() => vi.advanceTimersByTime(300));
      expect(status).toBeEmptyDOMElement();
      rerender(<ConnectorList results={index.search('bnp')} />);
      act(() => vi.advanceTimersByTime(700));
      expect(status.textContent).toMatch(/^\d+ banks? found$/);
    } finally {
      vi.useRealTimers();
    }
  });

  it('lays out right to left', () => {
    const { container } = render(<ConnectorList results={all} dir="rtl" />);
    expect(container.firstElementChild).toHaveAttribute('dir', 'rtl');
  });

  it('takes a class for the root and each part', () => {
    const { container } = render(
      <ConnectorList
        results={index.search('banque kolb')}
        className="mine"
        classNames={{ listbox: 'lb', option: 'opt', name: 'nm', reason: 'why', badge: 'bdg', mark: 'mk' }}
      />,
    );
    expect(container.firstElementChild).toHaveClass('ck-list', 'mine');
    expect(screen.getByRole('listbox')).toHaveClass('ck-list__listbox', 'lb');
    expect(screen.getByRole('option')).toHaveClass('opt');
    expect(container.querySelector('.why')).not.toBeNull();
    expect(container.querySelector('.bdg')).not.toBeNull();
    expect(container.querySelector('mark.mk')).not.toBeNull();
    expect(container.querySelector('.nm')).not.toBeNull();
  });

  it('has no axe violations, grouped or not', async () => {
    const { container, rerender } = render(<ConnectorList results={index.search('banque')} activeIndex={1} />);
    await expectNoAxeViolations(container);
    rerender(<ConnectorList results={[...all.slice(0, 4), ...all]} popularCount={4} />);
    await expectNoAxeViolations(container);
  });
});

describe('highlightSegments', () => {
  it('cuts the text into plain and marked pieces', () => {
    expect(
      highlightSegments('Société Générale', [
        { start: 0, end: 7 },
        { start: 8, end: 11 },
      ]),
    ).toEqual([
      { text: 'Société', marked: true, start: 0 },
      { text: ' ', marked: false, start: 7 },
      { text: 'Gén', marked: true, start: 8 },
      { text: 'érale', marked: false, start: 11 },
    ]);
  });

  it('clips ranges that overlap or go beyond the text, and ignores empty ones', () => {
    expect(
      highlightSegments('abc', [
        { start: 2, end: 9 },
        { start: 0, end: 2 },
        { start: 1, end: 3 },
        { start: 1, end: 1 },
      ]),
    ).toEqual([
      { text: 'ab', marked: true, start: 0 },
      { text: 'c', marked: true, start: 2 },
    ]);
    expect(highlightSegments('abc', undefined)).toEqual([{ text: 'abc', marked: false, start: 0 }]);
    expect(highlightSegments('', [])).toEqual([]);
  });
});

/*
 * Where the rows are and where the list scrolls to, on a listbox 400 px high (jsdom has no layout: the rows' places
 * are read from their styles, the scroll position from `scrollTop`).
 */

// Some generated connectors are hidden, so there are fewer results than connectors.
const generated = createConnectorSearch(generateConnectors(1100, 5)).search('');
/** `count` options that can all be picked, but those at the `restricted` positions. */
function resultsWith(count: number, restricted: readonly number[] = []): ConnectorSearchResult[] {
  if (generated.length < count) throw new Error(`only ${generated.length} results`);
  return generated.slice(0, count).map((result, index) => ({ ...result, disabled: restricted.includes(index) }));
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
    vi.useFakeTimers();
    try {
      render(<ConnectorList results={resultsWith(1000)} overscan={2} />);
      const range = (first: number, last: number) => Array.from({ length: last - first + 1 }, (_, i) => first + i);
      // 400 px of 56 px rows: rows 0 to 7 are in view.
      expect(renderedIndexes()).toEqual(range(0, 9));
      // Moving down: `overscan` rows ahead, one behind.
      scrollListTo(56 * 3);
      expect(renderedIndexes()).toEqual(range(2, 12));
      // Past every rendered row at once: the rows in view only.
      scrollListTo(56 * 500);
      expect(renderedIndexes()).toEqual(range(500, 507));
      // At rest: `overscan` rows on each side again.
      act(() => vi.advanceTimersByTime(200));
      expect(renderedIndexes()).toEqual(range(498, 509));
      scrollListTo(56 * 1000);
      expect(renderedIndexes().at(-1)).toBe(999);
    } finally {
      vi.useRealTimers();
    }
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
    // Row 3 at the top, one behind it.
    expect(renderedIndexes()[0]).toBe(2);
    expect(option(5)).toBe(before);
  });
});
