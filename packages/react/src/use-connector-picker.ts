import { type ConnectorSearchFilters, countConnectorsByCountry } from '@connector-kit/core';
import { useEffect, useMemo, useRef } from 'react';
import { resolveDefaultCountry } from './default-country.ts';
import { lazyMap } from './lazy-map.ts';
import {
  type UseConnectorSearchOptions,
  type UseConnectorSearchResult,
  useConnectorSearch,
} from './use-connector-search.ts';
import { useControllableState } from './use-controllable-state.ts';

/** A search that ran, as `onSearch` reports it. */
export interface ConnectorSearchSummary {
  query: string;
  countryCode: string | null;
  resultCount: number;
}

/** Filters other than the country: the country is the picker's own state. */
export type ConnectorPickerFilters = Omit<ConnectorSearchFilters, 'countryCodes'>;

export interface UseConnectorPickerOptions extends Omit<UseConnectorSearchOptions, 'filters' | 'defaultCountryCode'> {
  /**
   * The first country when uncontrolled: a code, or `null` for every country. When absent, the region of the
   * browser's language if it has connectors (see `languages`), else every country; it follows the data until the
   * user chooses.
   */
  defaultCountryCode?: string | null | undefined;
  /** BCP 47 tags whose regions give the default country, most preferred first; `navigator.languages` by default. */
  languages?: readonly string[] | undefined;
  /** Capabilities, products, an allowlist of uuids (the country is `countryCode`). */
  filters?: ConnectorPickerFilters | undefined;
  /** Called once a search ran on typed text (not empty): the text, the country and how many connectors match. */
  onSearch?: ((summary: ConnectorSearchSummary) => void) | undefined;
}

export interface UseConnectorPickerResult extends UseConnectorSearchResult {
  /**
   * How many connectors each country has, among those that pass `filters` (by upper-case ISO 3166-1 alpha-2 code,
   * in order of first appearance): what a country select shows beside each country.
   */
  countryCounts: ReadonlyMap<string, number>;
  /** How many connectors pass `filters` in every country; `undefined` while the connectors load. */
  totalCount: number | undefined;
  /**
   * When nothing matches in the chosen country: how many connectors match the same text in every country (offer
   * "search all countries"); 0 otherwise.
   */
  otherCountriesCount: number;
}

const NO_COUNTS: ReadonlyMap<string, number> = new Map();

/**
 * The first of equal filters: filters written inline are a new object on every render, and would count the
 * countries again each time. The same object is never compared (memoized filters cost nothing, however long).
 */
function useStableFilters(filters: ConnectorPickerFilters | undefined): ConnectorPickerFilters | undefined {
  const kept = useRef(filters);
  if (kept.current !== filters && JSON.stringify(kept.current) !== JSON.stringify(filters)) kept.current = filters;
  return kept.current;
}

/**
 * Headless state of a whole connector picker: `useConnectorSearch` plus what a picker with a country select needs.
 * The countries and their counts, the default country (the app's, else the browser's region when it has
 * connectors), the count of matches in other countries when the chosen one has none, and a report of each search
 * (`onSearch`). `ConnectorPicker` renders this hook and nothing more: a picker of your own built on it behaves the
 * same.
 *
 * @example
 * ```tsx
 * const { data } = useConnectors({ expand: ['countries'] });
 * const picker = useConnectorPicker({ connectors: data?.connectors, onSelect });
 * <select value={picker.countryCode ?? ''} onChange={(event) => picker.setCountryCode(event.target.value || null)}>
 *   <option value="">All countries ({picker.totalCount})</option>
 *   {[...picker.countryCounts].map(([code, count]) => <option key={code} value={code}>{code} ({count})</option>)}
 * </select>
 * <input {...picker.getInputProps({ 'aria-label': 'Search for your bank' })} />
 * ```
 */
export function useConnectorPicker(options: UseConnectorPickerOptions): UseConnectorPickerResult {
  const { connectors, defaultCountryCode, languages, onSearch, countryCode: countryCodeProp } = options;
  const filters = useStableFilters(options.filters);

  // Counted when first read: by the default country below when it comes from the browser's language, else by the
  // country select's options, which render after the first paint.
  const countryCounts = useMemo<ReadonlyMap<string, number>>(
    () => (connectors ? lazyMap(() => countConnectorsByCountry(connectors, filters)) : NO_COUNTS),
    [connectors, filters],
  );

  // `undefined` until the user chooses a country: until then the default follows the data as it arrives.
  const onCountryCodeChange = options.onCountryCodeChange;
  const [chosenCountry, setChosenCountry] = useControllableState<string | null | undefined>({
    value: countryCodeProp,
    defaultValue: undefined,
    onChange: (next) => onCountryCodeChange?.(next ?? null),
  });
  const countryCode =
    chosenCountry !== undefined
      ? chosenCountry
      : resolveDefaultCountry({ defaultCountryCode, available: countryCounts, languages });

  const search = useConnectorSearch({
    ...options,
    filters,
    countryCode,
    onCountryCodeChange: setChosenCountry,
    defaultCountryCode: undefined,
  });
  const { searchIndex, searchedQuery, results, matchCount } = search;

  const totalCount = useMemo(
    () => (connectors ? searchIndex.count('', filters) : undefined),
    [connectors, searchIndex, filters],
  );
  const otherCountriesCount = useMemo(
    () =>
      results.length === 0 && countryCode !== null
        ? searchIndex.count(searchedQuery, { ...filters, countryCodes: undefined })
        : 0,
    [results.length, countryCode, searchIndex, searchedQuery, filters],
  );

  // Reported once the search ran on the text (the search runs on a deferred copy of what is typed).
  const report = useRef(onSearch);
  report.current = onSearch;
  const searching = connectors !== undefined && connectors !== null && searchedQuery.trim() !== '';
  useEffect(() => {
    if (searching) report.current?.({ query: searchedQuery, countryCode, resultCount: matchCount });
  }, [searching, searchedQuery, countryCode, matchCount]);

  return { ...search, countryCounts, totalCount, otherCountriesCount };
}
