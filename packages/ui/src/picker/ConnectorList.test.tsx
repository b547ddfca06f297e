import { type Connector, createConnectorSearch } from '@connector-kit/core';
import { demoConnectors, generateConnectors } from '@connector-kit/mock-api';
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { de, fr } from '../locales.ts';
import { ConnectorList } from './ConnectorList.tsx';
import { highlightSegments } from './Highlight.tsx';

// jsdom has no layout: give the listbox a size so that the virtualizer renders rows.
const LIST_HEIGHT = 400;
const descriptors = {
  clientHeight: Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientHeight'),
  clientWidth: Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientWidth'),
};
beforeAll(() => {
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', {
    configurable: true,
    get(this: HTMLElement) {
      return this.getAttribute('role') === 'listbox' ? LIST_HEIGHT : 0;
    },
  });
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', {
    configurable: true,
    get(this: HTMLElement) {
      return this.getAttribute('role') === 'listbox' ? 360 : 0;
    },
  });
});
afterAll(() => {
  for (const [name, descriptor] of Object.entries(descriptors)) {
    if (descriptor) Object.defineProperty(HTMLElement.prototype, name, descriptor);
  }
});

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
