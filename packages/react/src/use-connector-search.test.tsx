import type { Connector } from '@connector-kit/core';
import * as core from '@connector-kit/core';
import { demoConnectors, generateConnectors } from '@connector-kit/mock-api';
import { act, render, renderHook, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { memo, useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { bank } from './test/fixtures.ts';
import {
  type UseConnectorSearchOptions,
  type UseConnectorSearchResult,
  useConnectorSearch,
} from './use-connector-search.ts';
import { useControllableState } from './use-controllable-state.ts';

vi.mock('@connector-kit/core', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@connector-kit/core')>();
  return { ...actual, createConnectorSearch: vi.fn(actual.createConnectorSearch) };
});

const SOCGEN = bank('Société Générale', ['FR']);
const BNP = bank('BNP Paribas', ['FR', 'BE']);
const LCL = bank('LCL', ['FR']);
const KOLB = bank('Banque Kolb', ['FR'], { restricted: true });
const KOLN = bank('Sparkasse KölnBonn', ['DE']);
const DEUTSCHE = bank('Deutsche Bank', ['DE']);
const HIDDEN = bank('Banque Cachée', ['FR'], { hidden: true });
const connectors: readonly Connector[] = [SOCGEN, BNP, LCL, KOLB, KOLN, DEUTSCHE, HIDDEN];

const names = (search: UseConnectorSearchResult) => search.results.map((result) => result.connector.name);

/** A minimal picker on the hook: an input, a listbox and its options. */
function Picker({
  onState,
  ...options
}: UseConnectorSearchOptions & { onState?: (search: UseConnectorSearchResult) => void }) {
  const search = useConnectorSearch(options);
  onState?.(search);
  return (
    <>
      <input aria-label="Search" {...search.getInputProps()} />
      <div {...search.getListboxProps({ 'aria-label': 'Banks' })}>
        {search.results.map((result, index) => (
          <div key={search.getOptionId(index)} {...search.getOptionProps({ index, result })}>
            {result.connector.name}
          </div>
        ))}
      </div>
    </>
  );
}

/** A caller whose own key handler takes every key. */
function Custom() {
  const search = useConnectorSearch({ connectors });
  return (
    <input
      aria-label="Search"
      {...search.getInputProps({ onKeyDown: (event) => event.preventDefault() })}
      data-active={search.activeIndex}
    />
  );
}
/** A parent that controls the query and the country. */
function Controlled() {
  const [query, setQuery] = useState('deutsche');
  const [country, setCountry] = useState<string | null>('DE');
  return (
    <>
      <Picker connectors={connectors} query={query} onQueryChange={setQuery} countryCode={country} />
      <button type="button" onClick={() => setCountry('FR')}>
        France
      </button>
      <output>{query}</output>
    </>
  );
}
function renderPicker(options: Partial<UseConnectorSearchOptions> = {}) {
  const state: { current: UseConnectorSearchResult | null } = { current: null };
  const onValueChange = vi.fn();
  const onSelect = vi.fn();
  const view = render(
    <Picker
      connectors={connectors}
      onValueChange={onValueChange}
      onSelect={onSelect}
      onState={(search) => {
        state.current = search;
      }}
      {...options}
    />,
  );
  const input = screen.getByRole('combobox', { name: 'Search' });
  const get = () => {
    if (!state.current) throw new Error('not rendered');
    return state.current;
  };
  return { ...view, input, get, onValueChange, onSelect };
}

const activeName = (input: HTMLElement) => {
  const id = input.getAttribute('aria-activedescendant');
  return id ? document.getElementById(id)?.textContent : null;
};

afterEach(() => {
  vi.mocked(core.createConnectorSearch).mockClear();
});

describe('useConnectorSearch: results', () => {
  it('lists every visible connector in collation order for an empty query, hidden ones left out', () => {
    const { result } = renderHook(() => useConnectorSearch({ connectors, locale: 'fr' }));
    expect(names(result.current)).toEqual([
      'Banque Kolb',
      'BNP Paribas',
      'Deutsche Bank',
      'LCL',
      'Société Générale',
      'Sparkasse KölnBonn',
    ]);
    expect(result.current.size).toBe(6);
    expect(result.current.matchCount).toBe(6);
  });

  it('finds names typed without accents, and marks the restricted ones disabled', async () => {
    const { result } = renderHook(() => useConnectorSearch({ connectors: demoConnectors }));
    act(() => result.current.setQuery('societe generale'));
    expect(names(result.current)[0]).toBe('Société Générale');
    act(() => result.current.setQuery('sparkasse koln'));
    expect(names(result.current)).toContain('Sparkasse KölnBonn');
    act(() => result.current.setQuery('banque kolb'));
    expect(result.current.results[0]?.disabled).toBe(true);
    expect(result.current.results[0]?.disabledReason).toBe('restricted');
  });

  it('filters by the chosen country on the client, and normalizes its code', () => {
    const onCountryCodeChange = vi.fn();
    const { result } = renderHook(() => useConnectorSearch({ connectors, onCountryCodeChange }));
    act(() => result.current.setCountryCode('de'));
    expect(result.current.countryCode).toBe('DE');
    expect(onCountryCodeChange).toHaveBeenCalledWith('DE');
    expect(names(result.current)).toEqual(['Deutsche Bank', 'Sparkasse KölnBonn']);
    act(() => result.current.setCountryCode(null));
    expect(result.current.results).toHaveLength(6);
  });

  it('applies the other filters together with the country', () => {
    const { result } = renderHook(() =>
      useConnectorSearch({ connectors, defaultCountryCode: 'FR', filters: { uuids: [BNP.uuid, KOLN.uuid] } }),
    );
    expect(names(result.current)).toEqual(['BNP Paribas']);
  });

  it('builds the index once per connectors array, not per keystroke, render or equal inline filters', () => {
    const { result, rerender } = renderHook(
      ({ data }: { data: readonly Connector[] }) =>
        useConnectorSearch({ connectors: data, filters: { capabilities: ['bank'] }, popularity: [LCL.uuid] }),
      { initialProps: { data: connectors } },
    );
    const first = result.current.results;
    rerender({ data: connectors });
    expect(result.current.results).toBe(first);
    act(() => result.current.setQuery('b'));
    act(() => result.current.setQuery('bn'));
    expect(core.createConnectorSearch).toHaveBeenCalledTimes(1);
    rerender({ data: [...connectors] });
    expect(core.createConnectorSearch).toHaveBeenCalledTimes(2);
  });

  it('survives an invalid locale tag', () => {
    const { result } = renderHook(() => useConnectorSearch({ connectors, locale: 'not a locale!' }));
    expect(result.current.results).toHaveLength(6);
  });

  it('works without data while it loads', () => {
    const { result } = renderHook(() => useConnectorSearch({ connectors: undefined, defaultQuery: 'bnp' }));
    expect(result.current.results).toEqual([]);
    expect(result.current.query).toBe('bnp');
    expect(result.current.getInputProps()['aria-expanded']).toBe(false);
  });
});

describe('useConnectorSearch: popular group', () => {
  it('lists the given uuids first, in their order, while the query is empty', () => {
    const { result } = renderHook(() =>
      useConnectorSearch({ connectors, popular: [LCL.uuid, 'unknown', SOCGEN.uuid] }),
    );
    expect(result.current.popularCount).toBe(2);
    expect(names(result.current).slice(0, 3)).toEqual(['LCL', 'Société Générale', 'Banque Kolb']);
    expect(result.current.results).toHaveLength(8);
    expect(result.current.matchCount).toBe(6);
    act(() => result.current.setQuery('l'));
    expect(result.current.popularCount).toBe(0);
  });

  it('takes the first N connectors of the data when given a number, within the chosen country', () => {
    const { result } = renderHook(() => useConnectorSearch({ connectors, popular: 2, defaultCountryCode: 'DE' }));
    expect(names(result.current).slice(0, 2)).toEqual(['Sparkasse KölnBonn', 'Deutsche Bank']);
    expect(result.current.popularCount).toBe(2);
  });
});

describe('useConnectorSearch: long lists', () => {
  const many = generateConnectors(5_000, 7);
  const visible = many.filter((connector) => connector.hidden !== true);

  it('first gives the first 100 results with the exact count, then all of them after a paint', async () => {
    const full = core.createConnectorSearch(many, { locale: 'en' }).search('');
    const { result } = renderHook(() => useConnectorSearch({ connectors: many, locale: 'en' }));
    expect(result.current.results).toEqual(full.slice(0, 100));
    expect(result.current.matchCount).toBe(visible.length);
    expect(result.current.isStale).toBe(true);
    await waitFor(() => expect(result.current.isStale).toBe(false));
    expect(result.current.results).toEqual(full);
    expect(result.current.matchCount).toBe(visible.length);
  });

  it('keeps the popular group, in its order, in the first results', async () => {
    const popular = [visible[4000]?.uuid ?? '', visible[10]?.uuid ?? ''];
    const { result } = renderHook(() => useConnectorSearch({ connectors: many, popular, locale: 'en' }));
    const groupOf = (current: UseConnectorSearchResult) =>
      current.results.slice(0, current.popularCount).map((item) => item.connector.uuid);
    expect(groupOf(result.current)).toEqual(popular);
    expect(result.current.results).toHaveLength(102);
    await waitFor(() => expect(result.current.isStale).toBe(false));
    expect(groupOf(result.current)).toEqual(popular);
    expect(result.current.results).toHaveLength(visible.length + 2);
  });

  it('searches the whole list as soon as something is typed', () => {
    const { result } = renderHook(() => useConnectorSearch({ connectors: many, defaultQuery: 'bank', locale: 'en' }));
    expect(result.current.results.length).toBe(result.current.matchCount);
    expect(result.current.matchCount).toBeGreaterThan(100);
  });
});

describe('useConnectorSearch: combobox', () => {
  it('gives the input, listbox and options their ARIA roles and links', () => {
    const { input } = renderPicker();
    const listbox = screen.getByRole('listbox', { name: 'Banks' });
    expect(input).toHaveAttribute('aria-autocomplete', 'list');
    expect(input).toHaveAttribute('aria-expanded', 'true');
    expect(input).toHaveAttribute('aria-controls', listbox.id);
    expect(input).not.toHaveAttribute('aria-activedescendant');
    expect(screen.getAllByRole('option')).toHaveLength(6);
    expect(screen.getByRole('option', { name: 'Banque Kolb' })).toHaveAttribute('aria-disabled', 'true');
    expect(screen.getByRole('option', { name: 'LCL' })).toHaveAttribute('aria-selected', 'false');
  });

  it('moves the active option with the arrows, wrapping around', async () => {
    const user = userEvent.setup();
    const { input } = renderPicker();
    await user.click(input);
    await user.keyboard('{ArrowDown}');
    expect(activeName(input)).toBe('Banque Kolb');
    await user.keyboard('{ArrowDown}');
    expect(activeName(input)).toBe('BNP Paribas');
    await user.keyboard('{ArrowUp}{ArrowUp}');
    expect(activeName(input)).toBe('Sparkasse KölnBonn');
    await user.keyboard('{ArrowDown}');
    expect(activeName(input)).toBe('Banque Kolb');
  });

  it('pages with PageDown / PageUp and stops at the ends', async () => {
    const user = userEvent.setup();
    const { input, get } = renderPicker({ pageSize: 4 });
    await user.click(input);
    await user.keyboard('{PageDown}');
    expect(get().activeIndex).toBe(3);
    await user.keyboard('{PageDown}');
    expect(get().activeIndex).toBe(5);
    await user.keyboard('{PageUp}');
    expect(get().activeIndex).toBe(1);
    await user.keyboard('{PageUp}');
    expect(get().activeIndex).toBe(0);
  });

  it('uses Home / End for the options when the query is empty or with Ctrl, and for the caret otherwise', async () => {
    const user = userEvent.setup();
    const { input, get } = renderPicker();
    await user.click(input);
    await user.keyboard('{End}');
    expect(get().activeIndex).toBe(5);
    await user.keyboard('{Home}');
    expect(get().activeIndex).toBe(0);
    await user.type(input, 'ba');
    // The active option followed its connector into the new results; two steps down from there (wrapping).
    const count = get().results.length;
    const down = (index: number) => (index < 0 || index >= count - 1 ? 0 : index + 1);
    const expected = down(down(get().activeIndex));
    await user.keyboard('{ArrowDown}{ArrowDown}{Home}');
    expect(get().activeIndex).toBe(expected);
    expect((input as HTMLInputElement).selectionStart).toBe(0);
    await user.keyboard('{Control>}{End}{/Control}');
    expect(get().activeIndex).toBe(get().results.length - 1);
    expect(get().activeSource).toBe('keyboard');
  });

  it('picks the active option with Enter', async () => {
    const user = userEvent.setup();
    const { input, onValueChange, onSelect } = renderPicker();
    await user.type(input, 'societe generale');
    await user.keyboard('{ArrowDown}{Enter}');
    expect(onValueChange).toHaveBeenCalledWith(SOCGEN.uuid);
    expect(onSelect).toHaveBeenCalledWith(SOCGEN);
    expect(screen.getByRole('option', { name: 'Société Générale' })).toHaveAttribute('aria-selected', 'true');
  });

  it('refuses to pick a restricted connector, by keyboard or by click', async () => {
    const user = userEvent.setup();
    const { input, onValueChange, onSelect } = renderPicker();
    await user.type(input, 'kolb');
    await user.keyboard('{ArrowDown}');
    expect(activeName(input)).toBe('Banque Kolb');
    await user.keyboard('{Enter}');
    await user.click(screen.getByRole('option', { name: 'Banque Kolb' }));
    expect(onValueChange).not.toHaveBeenCalled();
    expect(onSelect).not.toHaveBeenCalled();
  });

  it('leaves Enter alone without an active option', async () => {
    const user = userEvent.setup();
    const onKeyDown = vi.fn();
    render(
      // biome-ignore lint/a11y/noStaticElementInteractions: a listener that checks whether Enter went through
      <div onKeyDown={(event) => onKeyDown(event.defaultPrevented)}>
        <Picker connectors={connectors} />
      </div>,
    );
    await user.click(screen.getByRole('combobox'));
    await user.keyboard('{Enter}');
    expect(onKeyDown).toHaveBeenCalledWith(false);
  });

  it('clears the query with Escape, then the active option, then lets Escape through', async () => {
    const user = userEvent.setup();
    const onKeyDown = vi.fn();
    const state: { current: UseConnectorSearchResult | null } = { current: null };
    render(
      // biome-ignore lint/a11y/noStaticElementInteractions: a listener that checks whether Escape went through
      <div onKeyDown={(event) => onKeyDown(event.defaultPrevented)}>
        <Picker
          connectors={connectors}
          onState={(search) => {
            state.current = search;
          }}
        />
      </div>,
    );
    const input = screen.getByRole('combobox');
    await user.type(input, 'bnp');
    await user.keyboard('{ArrowDown}{Escape}');
    expect(input).toHaveValue('');
    expect(state.current?.activeIndex).toBe(-1);
    expect(onKeyDown).toHaveBeenLastCalledWith(true);
    await user.keyboard('{ArrowDown}');
    expect(state.current?.activeIndex).toBe(0);
    await user.keyboard('{Escape}');
    expect(state.current?.activeIndex).toBe(-1);
    expect(onKeyDown).toHaveBeenLastCalledWith(true);
    await user.keyboard('{Escape}');
    expect(onKeyDown).toHaveBeenLastCalledWith(false);
  });

  it('keeps the active option on its connector when the results change and it is still there', async () => {
    const user = userEvent.setup();
    const { input, get } = renderPicker();
    await user.click(input);
    await user.keyboard('{ArrowDown}{ArrowDown}');
    const active = get().activeResult?.connector;
    expect(active).toBeDefined();
    await user.type(input, (active?.name ?? '').slice(0, 3));
    expect(get().activeResult?.connector).toBe(active);
    expect(input).toHaveAttribute('aria-activedescendant', get().getOptionId(get().activeIndex));
  });

  it('forgets the active option when its connector leaves the results', async () => {
    const user = userEvent.setup();
    const { input, get } = renderPicker();
    await user.click(input);
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(get().activeIndex).toBe(1);
    expect(get().activeResult?.connector.name).not.toBe('LCL');
    await user.type(input, 'lcl');
    expect(get().activeIndex).toBe(-1);
    expect(input).not.toHaveAttribute('aria-activedescendant');
  });

  it('follows the pointer and picks on click', async () => {
    const user = userEvent.setup();
    const { get, onValueChange } = renderPicker();
    await user.pointer({ target: screen.getByRole('option', { name: 'LCL' }) });
    expect(get().activeResult?.connector.name).toBe('LCL');
    expect(get().activeSource).toBe('pointer');
    await user.click(screen.getByRole('option', { name: 'LCL' }));
    expect(onValueChange).toHaveBeenCalledWith(LCL.uuid);
  });

  it('keeps the focus in the input when an option is pressed', async () => {
    const user = userEvent.setup();
    const { input } = renderPicker();
    await user.click(input);
    await user.click(screen.getByRole('option', { name: 'LCL' }));
    expect(input).toHaveFocus();
  });

  it('ignores keys while an input method composes text', () => {
    const { input, get } = renderPicker();
    act(() => {
      input.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true, isComposing: true }));
    });
    expect(get().activeIndex).toBe(-1);
  });

  it('runs the caller’s handlers first and skips its own when they prevent the default', async () => {
    const user = userEvent.setup();
    render(<Custom />);
    const input = screen.getByRole('combobox');
    await user.click(input);
    await user.keyboard('{ArrowDown}');
    expect(input).toHaveAttribute('data-active', '-1');
  });
});

describe('useConnectorSearch: controlled state', () => {
  it('reports a new value without changing it until the parent does', async () => {
    const user = userEvent.setup();
    const onValueChange = vi.fn();
    const { input } = renderPicker({ value: null, onValueChange });
    await user.click(screen.getByRole('option', { name: 'LCL' }));
    expect(onValueChange).toHaveBeenCalledWith(LCL.uuid);
    expect(screen.getByRole('option', { name: 'LCL' })).toHaveAttribute('aria-selected', 'false');
    expect(input).toBeInTheDocument();
  });

  it('follows a controlled query and country', async () => {
    const user = userEvent.setup();
    render(<Controlled />);
    expect(screen.getAllByRole('option').map((option) => option.textContent)).toEqual(['Deutsche Bank']);
    await user.type(screen.getByRole('combobox'), '!');
    expect(screen.getByRole('status')).toHaveTextContent('deutsche!');
    await user.clear(screen.getByRole('combobox'));
    await user.click(screen.getByRole('button', { name: 'France' }));
    expect(screen.getAllByRole('option')).toHaveLength(4);
  });

  it('exposes the chosen connector', () => {
    const { result } = renderHook(() => useConnectorSearch({ connectors, defaultValue: BNP.uuid }));
    expect(result.current.selectedConnector).toBe(BNP);
    expect(result.current.selectIndex(result.current.results.findIndex((r) => r.connector === KOLB))).toBe(false);
    expect(result.current.value).toBe(BNP.uuid);
  });

  it('uses the given id for the parts', () => {
    const { result } = renderHook(() => useConnectorSearch({ connectors, id: 'bank' }));
    expect(result.current.inputId).toBe('bank-input');
    expect(result.current.listboxId).toBe('bank-listbox');
    expect(result.current.getOptionId(3)).toBe('bank-option-3');
  });
});

describe('useControllableState', () => {
  it('keeps its own state when uncontrolled and reports changes only', () => {
    const onChange = vi.fn();
    const { result } = renderHook(() => useControllableState({ value: undefined, defaultValue: 1, onChange }));
    const setter = result.current[1];
    act(() => result.current[1](2));
    expect(result.current[0]).toBe(2);
    act(() => result.current[1]((previous) => previous + 1));
    expect(result.current[0]).toBe(3);
    act(() => result.current[1](3));
    expect(onChange.mock.calls).toEqual([[2], [3]]);
    expect(result.current[1]).toBe(setter);
  });

  it('follows the value when controlled', () => {
    const onChange = vi.fn();
    const { result, rerender } = renderHook(
      ({ value }: { value: string | null }) => useControllableState({ value, defaultValue: 'x', onChange }),
      { initialProps: { value: null as string | null } },
    );
    act(() => result.current[1]('a'));
    expect(onChange).toHaveBeenCalledWith('a');
    expect(result.current[0]).toBeNull();
    rerender({ value: 'a' });
    expect(result.current[0]).toBe('a');
  });
});

/** A row memoized on its own props only: the getter is the same function on every render. */
const rowRenders = vi.fn();

const Row = memo(function Row({
  index,
  result,
  selected,
  getOptionProps,
}: {
  index: number;
  result: UseConnectorSearchResult['results'][number];
  selected: boolean;
  getOptionProps: UseConnectorSearchResult['getOptionProps'];
}) {
  rowRenders(result.connector.name);
  return <div {...getOptionProps({ index, result })}>{`${result.connector.name}${selected ? ' ✓' : ''}`}</div>;
});
function MemoPicker({ onSelect }: { onSelect: (connector: Connector) => void }) {
  const search = useConnectorSearch({ connectors, onSelect });
  return (
    <>
      <input aria-label="Search" {...search.getInputProps()} />
      <div {...search.getListboxProps({ 'aria-label': 'Banks' })}>
        {search.results.map((result, index) => (
          <Row
            key={result.connector.uuid}
            index={index}
            result={result}
            selected={result.connector.uuid === search.value}
            getOptionProps={search.getOptionProps}
          />
        ))}
      </div>
    </>
  );
}

describe('useConnectorSearch: prop getters', () => {
  it('keep their identity across renders, whatever changes', async () => {
    const { result } = renderHook(() => useConnectorSearch({ connectors }));
    const first = result.current;
    act(() => first.setQuery('bnp'));
    await waitFor(() => expect(names(result.current)).toEqual(['BNP Paribas']));
    act(() => result.current.setActiveIndex(0));
    act(() => result.current.setValue(BNP.uuid));
    act(() => result.current.setCountryCode('be'));
    const last = result.current;
    expect(last.activeIndex).toBe(0);
    expect(last.getInputProps).toBe(first.getInputProps);
    expect(last.getListboxProps).toBe(first.getListboxProps);
    expect(last.getOptionProps).toBe(first.getOptionProps);
    expect(last.setActiveIndex).toBe(first.setActiveIndex);
    expect(last.selectIndex).toBe(first.selectIndex);
  });

  it('give the current state even to a row that does not re-render', async () => {
    const user = userEvent.setup();
    const onSelect = vi.fn();
    rowRenders.mockClear();
    render(<MemoPicker onSelect={onSelect} />);
    const input = screen.getByRole('combobox', { name: 'Search' });
    rowRenders.mockClear();
    await user.click(input);
    await user.keyboard('{ArrowDown}{ArrowDown}');
    // Moving the active option re-renders no row: the input names it.
    expect(rowRenders).not.toHaveBeenCalled();
    expect(input).toHaveAttribute('aria-activedescendant', screen.getAllByRole('option')[1]?.id);
    await user.keyboard('{Enter}');
    expect(onSelect).toHaveBeenCalledTimes(1);
    // Only the chosen row re-renders, and reads the new value through the same getter.
    expect(rowRenders.mock.calls.flat()).toEqual([onSelect.mock.calls[0]?.[0].name]);
    expect(screen.getByRole('option', { selected: true })).toHaveTextContent('✓');
    // A click on another row, which never re-rendered since, picks that row.
    const other = screen
      .getAllByRole('option')
      .find((option) => option.getAttribute('aria-selected') === 'false' && !option.hasAttribute('aria-disabled'));
    if (!other) throw new Error('no other option');
    const otherName = other.textContent;
    await user.click(other);
    expect(onSelect).toHaveBeenCalledTimes(2);
    expect(onSelect.mock.calls[1]?.[0].name).toBe(otherName);
    expect(other).toHaveAttribute('aria-selected', 'true');
  });
});
