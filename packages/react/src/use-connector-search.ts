import {
  type Connector,
  type ConnectorSearch,
  type ConnectorSearchFilter,
  type ConnectorSearchFilters,
  type ConnectorSearchResult,
  createConnectorSearch,
  foldText,
} from '@connector-kit/core';
import {
  type ChangeEvent,
  type HTMLAttributes,
  type InputHTMLAttributes,
  type KeyboardEvent,
  startTransition,
  useCallback,
  useDeferredValue,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
} from 'react';
import { activeIndexAfterKey } from './combobox-keys.ts';
import { callerFirst, connectorOptionProps } from './option-props.ts';
import { useControllableState } from './use-controllable-state.ts';

/** What moved the active option last: the keyboard (scroll it into view), the pointer (it is under it already). */
export type ConnectorSearchActiveSource = 'keyboard' | 'pointer';

export interface UseConnectorSearchOptions {
  /**
   * The connectors to search, e.g. `useConnectors({ expand: ['countries'] }).data?.connectors`. The index is built once
   * per array (keep the same array between renders: React Query does); `undefined` while loading.
   * The country filter needs the `countries` expand.
   */
  connectors: readonly Connector[] | null | undefined;

  /** The chosen country (ISO 3166-1 alpha-2), `null` for every country. Controlled when not `undefined`. */
  countryCode?: string | null | undefined;
  /** The first country when uncontrolled; every country by default. */
  defaultCountryCode?: string | null | undefined;
  onCountryCodeChange?: ((countryCode: string | null) => void) | undefined;

  /** The text typed in the search input. Controlled when not `undefined`. */
  query?: string | undefined;
  defaultQuery?: string | undefined;
  onQueryChange?: ((query: string) => void) | undefined;

  /** The uuid of the chosen connector, `null` for none. Controlled when not `undefined`. */
  value?: string | null | undefined;
  defaultValue?: string | null | undefined;
  /** Called when the user picks another connector. */
  onValueChange?: ((uuid: string | null) => void) | undefined;
  /** Called every time the user picks a connector (with Enter or a click), even the one already chosen. */
  onSelect?: ((connector: Connector) => void) | undefined;

  /**
   * A "popular" group listed above the others while the query is empty: connector uuids (in this order), or a number
   * N for the first N connectors in the data's order. Only connectors that pass the filters (country included) are
   * shown; they are also listed again, in their place, among all connectors.
   */
  popular?: readonly string[] | number | undefined;
  /** Connector uuids, most popular first: breaks ties of the search score (see `createConnectorSearch`). */
  popularity?: readonly string[] | undefined;
  /** Capabilities, products, an allowlist of uuids, countries (used when no country is chosen). */
  filters?: ConnectorSearchFilters | undefined;
  /**
   * Replaces the built-in matching and scoring (see `ConnectorSearchFilter`). The index is rebuilt when its identity
   * changes: define it outside the component or wrap it in `useCallback`.
   */
  filter?: ConnectorSearchFilter | undefined;
  /** Locale(s) of the alphabetical order; the runtime's default when absent or invalid. */
  locale?: string | readonly string[] | undefined;
  /** Base of the ids of the input, listbox and options; generated when absent. */
  id?: string | undefined;
  /** How many options PageUp and PageDown move by (default 10). */
  pageSize?: number | undefined;
}

export interface ConnectorSearchOptionPropsParams<E extends HTMLElement = HTMLElement> extends HTMLAttributes<E> {
  /** Position of the option in `results`. */
  index: number;
  /** `results[index]`. */
  result: ConnectorSearchResult;
}

export interface UseConnectorSearchResult {
  /** What is typed. */
  query: string;
  setQuery: (query: string) => void;
  /** The query the results are for; lags behind `query` while a search runs in the background. */
  searchedQuery: string;
  /**
   * `true` while the results are being brought up to date with the query or country, and while a long list shows
   * its first results only (see `results`).
   */
  isStale: boolean;

  countryCode: string | null;
  setCountryCode: (countryCode: string | null) => void;

  /**
   * The options, in display order: the popular group first when it is shown (see `popularCount`), then every
   * connector that matches. Hidden connectors are never listed; restricted ones are, with `disabled: true`.
   *
   * A list of more than 100 connectors is first shown with its first 100 results (after the popular group), so
   * that the browser paints them before the whole index is sorted; the full results follow once it is, in tasks of a
   * few milliseconds after that paint (`isStale` is `true` in between, `matchCount` is exact throughout).
   */
  results: readonly ConnectorSearchResult[];
  /** How many of the first `results` form the popular group; 0 when no group is shown. */
  popularCount: number;
  /** How many connectors match (the popular group is not counted twice). */
  matchCount: number;
  /** How many connectors can be searched at all (hidden ones are not). */
  size: number;
  /**
   * The index behind the results, for searches of your own with other filters (e.g. "how many matches in every
   * country?"). A new index is built when `connectors`, `locale`, `popularity` or `filter` change.
   */
  searchIndex: ConnectorSearch;

  /**
   * Position in `results` of the option the keyboard is on, `-1` for none. When the results change it follows its
   * connector, or is reset when that connector is no longer among them.
   */
  activeIndex: number;
  /** What set the active option; scroll it into view when it is the keyboard. `null` when there is none. */
  activeSource: ConnectorSearchActiveSource | null;
  /**
   * Moves the active option (`-1` for none; out-of-range indexes count as none). `source` says what moved it:
   * `'keyboard'` by default, which a list takes as "scroll it into view"; pass `'pointer'` from hover handlers.
   */
  setActiveIndex: (index: number, source?: ConnectorSearchActiveSource) => void;
  activeResult: ConnectorSearchResult | null;

  /** The uuid of the chosen connector, or `null`. */
  value: string | null;
  /** The chosen connector, when it is among `connectors`. */
  selectedConnector: Connector | null;
  /** Picks the option at `index` of `results`; a disabled (restricted) option is refused. Returns whether it was picked. */
  selectIndex: (index: number) => boolean;
  setValue: (uuid: string | null) => void;

  inputId: string;
  listboxId: string;
  /** The id of the option at `index`, for `aria-activedescendant`. */
  getOptionId: (index: number) => string;

  /** Props of the text input: the combobox. Your own handlers run first; call `preventDefault()` to skip ours. */
  getInputProps: (props?: InputHTMLAttributes<HTMLInputElement>) => InputHTMLAttributes<HTMLInputElement>;
  /** Props of the element that holds the options (give it a label: `aria-label` or `aria-labelledby`). */
  getListboxProps: <E extends HTMLElement = HTMLElement>(props?: HTMLAttributes<E>) => HTMLAttributes<E>;
  /**
   * Props of one option: id, role, `aria-selected`, `aria-disabled` and the pointer handlers. Like the other getters
   * it keeps its identity across renders, so a memoized row can call it itself; re-render the row when its
   * selection changes (pass it `selected`, for example).
   */
  getOptionProps: <E extends HTMLElement = HTMLElement>(
    params: ConnectorSearchOptionPropsParams<E>,
  ) => HTMLAttributes<E>;
}

/** The empty list every default shares. */
const EMPTY: readonly never[] = Object.freeze([]);
const DEFAULT_PAGE_SIZE = 10;

function sameList(a: readonly unknown[] | undefined, b: readonly unknown[] | undefined): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
}

const FILTER_LISTS = ['countryCodes', 'capabilities', 'products', 'uuids'] as const;

function sameFilters(a: ConnectorSearchFilters | undefined, b: ConnectorSearchFilters | undefined): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined) return false;
  return FILTER_LISTS.every((name) => sameList(a[name], b[name]));
}

function sameListOrValue<T>(a: T | readonly unknown[], b: T | readonly unknown[]): boolean {
  return Array.isArray(a) && Array.isArray(b) ? sameList(a, b) : Object.is(a, b);
}

/**
 * Keeps the first of equal values, so that a list or an object written inline (`filters={{ products: ['pay'] }}`)
 * does not start a new search on every render.
 */
function useStableValue<T>(value: T, equal: (a: T, b: T) => boolean): T {
  const ref = useRef(value);
  if (!equal(ref.current, value)) ref.current = value;
  return ref.current;
}

/**
 * A list longer than this paints this many results first, before the whole index is sorted (folding and sorting
 * 1,000 names costs more than rendering the rows a screen shows): more than a tall screen shows.
 */
const PREVIEW_LIMIT = 100;

/** How long each task that prepares the index after the first paint may take, in ms. */
const PREPARE_SLICE_MS = 8;

/** Calls `callback` once the browser has painted the current frame; returns a function that cancels it. */
function afterNextPaint(callback: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  if (typeof requestAnimationFrame !== 'function') {
    timer = setTimeout(callback);
    return () => clearTimeout(timer);
  }
  // A frame's paint follows its animation frame callbacks: a task queued from one runs after that paint.
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(callback);
  });
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}

function buildIndex(
  connectors: readonly Connector[],
  locale: string | readonly string[] | undefined,
  popularity: readonly string[] | undefined,
  filter: ConnectorSearchFilter | undefined,
): ConnectorSearch {
  try {
    return createConnectorSearch(connectors, { locale, popularity, filter });
  } catch (error) {
    // An invalid locale tag: fall back to the runtime's collation rather than break the picker.
    if (error instanceof RangeError) return createConnectorSearch(connectors, { popularity, filter });
    throw error;
  }
}

/** The matches of an empty query among the `popular` uuids, found without sorting the index. */
function popularMatches(
  index: ConnectorSearch,
  filters: ConnectorSearchFilters,
  popular: readonly string[],
): ConnectorSearchResult[] {
  const allowed = filters.uuids;
  const uuids = allowed ? popular.filter((uuid) => allowed.includes(uuid)) : popular;
  return index.search('', { ...filters, uuids }, { limit: uuids.length });
}

/** The popular group among the matches of an empty query, in the order `popular` gives. */
function popularGroup(
  matches: readonly ConnectorSearchResult[],
  connectors: readonly Connector[],
  popular: readonly string[] | number,
): ConnectorSearchResult[] {
  const [uuids, wanted] =
    typeof popular === 'number'
      ? [connectors.map((connector) => connector.uuid), Math.floor(popular)]
      : [popular, popular.length];
  const byUuid = new Map(matches.map((result) => [result.connector.uuid, result]));
  const group: ConnectorSearchResult[] = [];
  for (const uuid of uuids) {
    if (group.length >= wanted) break;
    const result = byUuid.get(uuid);
    if (result !== undefined) {
      byUuid.delete(uuid); // a uuid listed twice joins the group once
      group.push(result);
    }
  }
  return group;
}

interface ActiveState {
  /** The results the index points into. */
  results: readonly ConnectorSearchResult[];
  index: number;
  /** The connector of the active option, to find it again in results that changed. */
  uuid: string | null;
  source: ConnectorSearchActiveSource | null;
}

/** Where the active option stands in `results`: the same place, or the same connector's new place, or nowhere. */
function locateActive(active: ActiveState, results: readonly ConnectorSearchResult[]): number {
  if (active.index < 0 || active.uuid === null) return -1;
  if (active.results === results) return active.index < results.length ? active.index : -1;
  return results.findIndex((result) => result.connector.uuid === active.uuid);
}

/**
 * Headless state of a connector picker: what is typed, the chosen country, the results, the active option and the
 * chosen connector, with prop getters for a WAI-ARIA combobox (an input with `role="combobox"` that controls a
 * `role="listbox"` of `role="option"`; focus stays in the input and `aria-activedescendant` names the active option).
 *
 * Searching never blocks typing: the input shows every keystroke at once, and the search runs on a deferred copy of
 * the query and country (`useDeferredValue`), so React can drop the work of a stale keystroke. The index is built
 * once per `connectors` array (and locale, `popularity`, `filter`); a keystroke costs one search, and a list that
 * renders only the visible options (see `ConnectorList`) keeps rendering cheap.
 *
 * Keyboard, in the input:
 * - ArrowDown / ArrowUp: next / previous option, wrapping around; from no active option, the first / the last.
 * - PageDown / PageUp: `pageSize` options down / up, stopping at the ends.
 * - Ctrl+Home / Ctrl+End (or ⌘+Home / ⌘+End): the first / last option. Plain Home and End move the text caret as in
 *   any text field, except when the query is empty, where there is no caret to move: then they go to the first /
 *   last option too.
 * - Enter: picks the active option (`onValueChange`, `onSelect`); a restricted option cannot be picked. Without an
 *   active option Enter is left alone (a surrounding form may use it).
 * - Escape: clears the query; when the query is already empty, it forgets the active option; when there is neither,
 *   it is left alone (so that a surrounding dialog can close).
 * Restricted options can be reached with the arrows, so that their reason (the option's description) is read out.
 *
 * When the results change (typing, another country), the active option follows its connector if it is still among
 * them, and is forgotten otherwise, so Enter never picks an option the user has not seen — and a quick ArrowDown
 * right after typing is not lost when the last results arrive. `activeIndex` and `activeSource` let a virtualized list scroll the active option into
 * view:
 * ```ts
 * useEffect(() => {
 *   if (search.activeSource === 'keyboard' && search.activeIndex >= 0) virtualizer.scrollToIndex(search.activeIndex);
 * }, [search.activeIndex, search.activeSource, virtualizer]);
 * ```
 *
 * @example
 * ```tsx
 * const { data } = useConnectors({ expand: ['countries'] });
 * const search = useConnectorSearch({ connectors: data?.connectors, defaultCountryCode: 'FR', onSelect });
 * <input {...search.getInputProps({ 'aria-label': 'Search for your bank' })} />
 * <ul {...search.getListboxProps({ 'aria-label': 'Banks' })}>
 *   {search.results.map((result, index) => (
 *     <li key={index} {...search.getOptionProps({ index, result })}>{result.connector.name}</li>
 *   ))}
 * </ul>
 * ```
 */
export function useConnectorSearch(options: UseConnectorSearchOptions): UseConnectorSearchResult {
  const { connectors, onSelect, filter, id, pageSize = DEFAULT_PAGE_SIZE } = options;

  const [query, setQueryState] = useControllableState<string>({
    value: options.query,
    defaultValue: options.defaultQuery ?? '',
    onChange: options.onQueryChange,
  });
  const [countryCode, setCountryCodeState] = useControllableState<string | null>({
    value: options.countryCode,
    defaultValue: options.defaultCountryCode ?? null,
    onChange: options.onCountryCodeChange,
  });
  const [value, setValue] = useControllableState<string | null>({
    value: options.value,
    defaultValue: options.defaultValue ?? null,
    onChange: options.onValueChange,
  });

  const data = connectors ?? EMPTY;
  const locale = useStableValue(options.locale, sameListOrValue);
  const popularity = useStableValue(options.popularity, sameList);
  const popular = useStableValue(options.popular, sameListOrValue);
  const filters = useStableValue(options.filters, sameFilters);

  const index = useMemo(() => buildIndex(data, locale, popularity, filter), [data, locale, popularity, filter]);
  // A long list paints its first rows first: sorting all of it can wait until the browser has shown them.
  const [sortedIndex, setSortedIndex] = useState<ConnectorSearch | null>(null);

  // Typing renders the input at once; the search and the list follow in a render React may interrupt.
  const searchedQuery = useDeferredValue(query);
  const searchedCountry = useDeferredValue(countryCode);

  const searchFilters = useMemo<ConnectorSearchFilters>(
    () => ({
      ...filters,
      countryCodes: searchedCountry ? [searchedCountry] : filters?.countryCodes,
    }),
    [filters, searchedCountry],
  );

  const emptyQuery = useMemo(() => foldText(searchedQuery) === '', [searchedQuery]);
  // (A popular group given as a count needs every match in data order: such a list is sorted at once.)
  const previewing = emptyQuery && index !== sortedIndex && index.size > PREVIEW_LIMIT && typeof popular !== 'number';
  useEffect(() => {
    if (!previewing) return;
    // The index is folded a slice at a time, one task each, so that a keystroke waits for a slice at most.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const cancel = afterNextPaint(function step() {
      if (index.prepare(PREPARE_SLICE_MS)) startTransition(() => setSortedIndex(index));
      else timer = setTimeout(step);
    });
    return () => {
      cancel();
      clearTimeout(timer);
    };
  }, [previewing, index]);

  const matches = useMemo(
    () => index.search(searchedQuery, searchFilters, previewing ? { limit: PREVIEW_LIMIT } : undefined),
    [index, searchedQuery, searchFilters, previewing],
  );
  const matchCount = useMemo(
    () => (previewing ? index.count(searchedQuery, searchFilters) : matches.length),
    [previewing, index, searchedQuery, searchFilters, matches],
  );

  const { results, popularCount } = useMemo(() => {
    if (!emptyQuery || popular === undefined) return { results: matches, popularCount: 0 };
    const pool = previewing && typeof popular !== 'number' ? popularMatches(index, searchFilters, popular) : matches;
    const group = popularGroup(pool, data, popular);
    return { results: group.length > 0 ? group.concat(matches) : matches, popularCount: group.length };
  }, [emptyQuery, popular, previewing, index, searchFilters, matches, data]);

  // The active option follows its connector through new results, or is forgotten.
  const [active, setActive] = useState<ActiveState>({ results: EMPTY, index: -1, uuid: null, source: null });
  const activeIndex = useMemo(() => locateActive(active, results), [active, results]);
  const activeSource = activeIndex >= 0 ? active.source : null;
  const activeResult = results[activeIndex] ?? null; // `results[-1]` is undefined

  const generatedId = useId();
  const baseId = id ?? `ck-search${generatedId}`;
  const inputId = `${baseId}-input`;
  const listboxId = `${baseId}-listbox`;
  const getOptionId = useCallback((position: number) => `${baseId}-option-${position}`, [baseId]);

  // The prop getters and handlers read the latest state here, so that their identity never changes: memoized rows
  // can call `getOptionProps` themselves and re-render only when their own props change.
  const latest = useRef({ results, value, onSelect, setValue, query, activeIndex, pageSize, getOptionId });
  latest.current = { results, value, onSelect, setValue, query, activeIndex, pageSize, getOptionId };

  const setActiveIndex = useCallback((next: number, source: ConnectorSearchActiveSource = 'keyboard') => {
    const current = latest.current.results;
    const clamped = next >= 0 && next < current.length ? Math.floor(next) : -1;
    const uuid = current[clamped]?.connector.uuid ?? null;
    setActive((previous) =>
      previous.results === current && previous.index === clamped && previous.source === source
        ? previous
        : { results: current, index: clamped, uuid, source },
    );
  }, []);

  const selectIndex = useCallback((position: number): boolean => {
    const { results: current, onSelect: notify, setValue: choose } = latest.current;
    const result = current[position];
    if (result === undefined || result.disabled) return false;
    choose(result.connector.uuid);
    notify?.(result.connector);
    return true;
  }, []);

  const setQuery = useCallback((next: string) => setQueryState(next), [setQueryState]);
  const setCountryCode = useCallback(
    (next: string | null) => setCountryCodeState(next ? next.trim().toUpperCase() : null),
    [setCountryCodeState],
  );

  const selectedConnector = useMemo(
    () => (value === null ? null : (data.find((connector) => connector.uuid === value) ?? null)),
    [data, value],
  );

  const handleKeyDown = useCallback(
    (event: KeyboardEvent<HTMLInputElement>) => {
      if (event.nativeEvent.isComposing || event.altKey) return;
      const { results: current, query: typed, activeIndex: position, pageSize: page } = latest.current;
      const next = activeIndexAfterKey(event.key, {
        activeIndex: position,
        count: current.length,
        pageSize: page,
        homeEndMoveOption: event.ctrlKey || event.metaKey || typed === '',
      });
      if (next !== null) {
        event.preventDefault();
        if (next >= 0) setActiveIndex(next, 'keyboard');
        return;
      }
      if (event.key === 'Enter') {
        if (position >= 0 && current[position] !== undefined) {
          event.preventDefault();
          selectIndex(position);
        }
      } else if (event.key === 'Escape') {
        if (typed === '' && position < 0) return;
        event.preventDefault();
        if (typed !== '') setQuery('');
        setActiveIndex(-1);
      }
    },
    [setActiveIndex, selectIndex, setQuery],
  );

  const handleChange = useCallback((event: ChangeEvent<HTMLInputElement>) => setQuery(event.target.value), [setQuery]);

  const getInputProps = useCallback<UseConnectorSearchResult['getInputProps']>(
    (props = {}) => {
      const { onChange, onKeyDown, ...rest } = props;
      const { results: current, query: typed, activeIndex: position } = latest.current;
      return {
        id: inputId,
        type: 'text',
        autoComplete: 'off',
        autoCorrect: 'off',
        autoCapitalize: 'none',
        spellCheck: false,
        ...rest,
        role: 'combobox',
        'aria-autocomplete': 'list',
        'aria-expanded': current.length > 0,
        'aria-controls': listboxId,
        'aria-activedescendant': position >= 0 ? getOptionId(position) : undefined,
        value: typed,
        onChange: callerFirst(onChange, handleChange),
        onKeyDown: callerFirst(onKeyDown, handleKeyDown),
      };
    },
    [inputId, listboxId, getOptionId, handleChange, handleKeyDown],
  );

  const getListboxProps = useCallback(
    <E extends HTMLElement = HTMLElement>(props: HTMLAttributes<E> = {}): HTMLAttributes<E> => ({
      ...props,
      id: listboxId,
      role: 'listbox',
    }),
    [listboxId],
  );

  const getOptionProps = useCallback(
    <E extends HTMLElement = HTMLElement>({
      index: position,
      result,
      ...props
    }: ConnectorSearchOptionPropsParams<E>): HTMLAttributes<E> =>
      connectorOptionProps<E>(
        {
          id: latest.current.getOptionId(position),
          selected: result.connector.uuid === latest.current.value,
          disabled: result.disabled,
          onPick: () => {
            setActiveIndex(position, 'pointer');
            selectIndex(position);
          },
          onPointerMove: () => {
            if (position !== latest.current.activeIndex) setActiveIndex(position, 'pointer');
          },
        },
        props,
      ),
    [setActiveIndex, selectIndex],
  );

  return {
    query,
    setQuery,
    searchedQuery,
    isStale: query !== searchedQuery || countryCode !== searchedCountry || previewing,
    countryCode,
    setCountryCode,
    results,
    popularCount,
    matchCount,
    size: index.size,
    searchIndex: index,
    activeIndex,
    activeSource,
    setActiveIndex,
    activeResult,
    value,
    selectedConnector,
    selectIndex,
    setValue,
    inputId,
    listboxId,
    getOptionId,
    getInputProps,
    getListboxProps,
    getOptionProps,
  };
}
