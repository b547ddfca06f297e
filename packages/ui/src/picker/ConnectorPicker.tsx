import type { Connector, ConnectorSearchFilter } from '@connector-kit/core';
import {
  type ConnectorPickerFilters,
  type ConnectorSearchSummary,
  type GetLogoUrl,
  useConnectorPicker,
  useConnectors,
} from '@connector-kit/react';
import { type ReactNode, useCallback, useId, useRef } from 'react';
import { cx } from '../class-names.ts';
import { CountrySelect, type CountrySelectClassNames } from '../country-select/CountrySelect.tsx';
import { ErrorState } from '../error-state/ErrorState.tsx';
import { type LocaleOptions, useLocale } from '../i18n/context.tsx';
import { CrossIcon, SearchIcon } from '../icons.tsx';
import { ConnectorList, type ConnectorListClassNames } from './ConnectorList.tsx';

/** Extra classes for each part of the picker, added to the built-in `ck-picker__*` ones. */
export interface ConnectorPickerClassNames {
  root?: string | undefined;
  /** The row that holds the country select and the search field. */
  controls?: string | undefined;
  search?: string | undefined;
  searchLabel?: string | undefined;
  /** The box around the input, its icon and the clear button. */
  field?: string | undefined;
  input?: string | undefined;
  clearButton?: string | undefined;
  /** The area below the controls: list, skeleton, error or empty state. */
  body?: string | undefined;
  loading?: string | undefined;
  error?: string | undefined;
  /** The line above the list that says a refresh failed, and its "Try again" button. */
  refresh?: string | undefined;
  refreshButton?: string | undefined;
  /** The "no bank found" and "no bank here" states. */
  message?: string | undefined;
  notFoundButton?: string | undefined;
  allCountriesButton?: string | undefined;
  countrySelect?: CountrySelectClassNames | undefined;
  list?: ConnectorListClassNames | undefined;
}

/** What the user was looking for when they said their bank is not listed. */
export interface ConnectorNotFoundContext {
  query: string;
  countryCode: string | null;
}

export interface ConnectorPickerProps extends LocaleOptions {
  /** The uuid of the chosen connector, `null` for none. Controlled when not `undefined`. */
  value?: string | null | undefined;
  defaultValue?: string | null | undefined;
  onValueChange?: ((uuid: string | null) => void) | undefined;
  /** Called every time the user picks a connector, even the one already chosen. */
  onSelect?: ((connector: Connector) => void) | undefined;

  /** The chosen country, `null` for every country. Controlled when not `undefined`. */
  countryCode?: string | null | undefined;
  /**
   * The first country when uncontrolled. When absent: the region of the browser's language if it has connectors,
   * else every country.
   */
  defaultCountryCode?: string | null | undefined;
  onCountryCodeChange?: ((countryCode: string | null) => void) | undefined;

  /** The search text. Controlled when not `undefined`. */
  query?: string | undefined;
  defaultQuery?: string | undefined;
  onQueryChange?: ((query: string) => void) | undefined;

  /** A "Popular" group above "All banks" while the query is empty: connector uuids, or the first N of the data. */
  popular?: readonly string[] | number | undefined;
  /** Capabilities, products, an allowlist of uuids (countries come from the country select). */
  filters?: ConnectorPickerFilters | undefined;
  /** Replaces the built-in matching (see `ConnectorSearchFilter`); keep its identity stable. */
  filter?: ConnectorSearchFilter | undefined;
  /** Shows a "My bank is not listed" button when the search finds nothing, and calls this when it is pressed. */
  onNotFound?: ((context: ConnectorNotFoundContext) => void) | undefined;
  /** Called when a search has run: the text searched (not empty), the country and how many banks match. */
  onSearch?: ((summary: ConnectorSearchSummary) => void) | undefined;
  /**
   * The address of each connector's logo: the `ConnectorsProvider`'s `getLogoUrl` when absent, initials only with
   * `null`. Keep its identity stable.
   */
  getLogoUrl?: GetLogoUrl | null | undefined;

  /** Base of the ids of the parts; generated when absent. */
  id?: string | undefined;
  className?: string | undefined;
  classNames?: ConnectorPickerClassNames | undefined;
}

export interface ConnectorPickerViewProps extends ConnectorPickerProps {
  /** The connectors, with the `countries` expand; `undefined` while they load. */
  connectors: readonly Connector[] | null | undefined;
  /** Shows the loading skeleton (when there are no connectors yet). */
  isLoading?: boolean | undefined;
  /**
   * The last fetch failed (leave it `undefined` while another runs). With no connectors to show: the error, with a
   * retry button. With connectors: they stay listed, under a discreet, announced "could not refresh" line with a
   * retry button.
   */
  error?: unknown;
  onRetry?: (() => void) | undefined;
}

const NO_CLASS_NAMES: ConnectorPickerClassNames = {};
const SKELETON_ROWS = [0, 1, 2, 3, 4, 5, 6];

/**
 * The connector picker without its data: give it `connectors` (with the `countries` expand) and the loading and
 * error states yourself. `ConnectorPicker` is this plus `useConnectors`.
 */
export function ConnectorPickerView({
  connectors,
  isLoading = false,
  error,
  onRetry,
  value,
  defaultValue,
  onValueChange,
  onSelect,
  countryCode,
  defaultCountryCode,
  onCountryCodeChange,
  query,
  defaultQuery,
  onQueryChange,
  popular,
  filters,
  filter,
  onNotFound,
  onSearch,
  getLogoUrl,
  id,
  locale: localeProp,
  dir,
  messages: messagesProp,
  className,
  classNames = NO_CLASS_NAMES,
}: ConnectorPickerViewProps) {
  const { locale, dir: direction, messages } = useLocale({ locale: localeProp, dir, messages: messagesProp });
  const generatedId = useId();
  const baseId = id ?? `ck-picker${generatedId}`;
  const inputRef = useRef<HTMLInputElement>(null);

  const picker = useConnectorPicker({
    connectors,
    countryCode,
    defaultCountryCode,
    onCountryCodeChange,
    query,
    defaultQuery,
    onQueryChange,
    value,
    defaultValue,
    onValueChange,
    onSelect,
    onSearch,
    popular,
    filters,
    filter,
    locale,
    id: baseId,
  });
  const { results, searchedQuery, size, setCountryCode, setQuery } = picker;

  // Nothing to list: say why, and offer a way on. (The list does not re-render while it has results.)
  let emptyContent: ReactNode = null;
  if (results.length === 0) {
    // With no connectors at all, say so whatever was typed.
    const typed = size > 0 ? searchedQuery.trim() : '';
    // Nothing here, but something elsewhere: one click widens the search instead of a dead end.
    const elsewhere = picker.otherCountriesCount;
    emptyContent = (
      <div className={cx('ck-picker__message', classNames.message)}>
        <p className="ck-picker__message-title">{typed ? messages.picker.noResults(typed) : messages.picker.empty}</p>
        {typed ? <p className="ck-picker__hint">{messages.picker.noResultsHint}</p> : null}
        {elsewhere > 0 || onNotFound ? (
          <div className="ck-picker__actions">
            {elsewhere > 0 ? (
              <button
                type="button"
                className={cx('ck-button ck-button--secondary', classNames.allCountriesButton)}
                onClick={() => {
                  setCountryCode(null);
                  inputRef.current?.focus();
                }}
              >
                {messages.picker.searchAllCountries(elsewhere)}
              </button>
            ) : null}
            {onNotFound ? (
              <button
                type="button"
                className={cx('ck-button ck-button--secondary', classNames.notFoundButton)}
                onClick={() => onNotFound({ query: picker.query, countryCode: picker.countryCode })}
              >
                {messages.picker.notListed}
              </button>
            ) : null}
          </div>
        ) : null}
      </div>
    );
  }

  let body: ReactNode;
  if (connectors) {
    // A refresh that failed leaves the list as it was. The live region stays rendered, empty while there is nothing to
    // say, so that screen readers announce the message when it appears.
    const refreshFailed = error !== undefined && error !== null && !isLoading;
    const refresh = (
      <div className={cx('ck-picker__refresh', refreshFailed && 'ck-picker__refresh--failed', classNames.refresh)}>
        <p role="status">{refreshFailed ? messages.picker.refreshFailed : ''}</p>
        {refreshFailed && onRetry ? (
          <button
            type="button"
            className={cx('ck-button ck-button--link', classNames.refreshButton)}
            onClick={() => {
              // The line goes away while the list refreshes: the search field keeps the focus.
              inputRef.current?.focus();
              onRetry();
            }}
          >
            {messages.common.retry}
          </button>
        ) : null}
      </div>
    );
    body = (
      <>
        {refresh}
        <ConnectorList
          results={results}
          popularCount={picker.popularCount}
          matchCount={picker.matchCount}
          activeIndex={picker.activeIndex}
          activeSource={picker.activeSource}
          value={picker.value}
          getOptionProps={picker.getOptionProps}
          id={picker.listboxId}
          empty={emptyContent}
          getLogoUrl={getLogoUrl}
          locale={localeProp}
          dir={direction}
          messages={messagesProp}
          className="ck-picker__list"
          classNames={classNames.list}
        />
      </>
    );
  } else if (error !== undefined && error !== null && !isLoading) {
    body = (
      <ErrorState
        error={error}
        onRetry={onRetry}
        locale={localeProp}
        dir={direction}
        messages={messagesProp}
        className={cx('ck-picker__error', classNames.error)}
      />
    );
  } else {
    body = (
      <div role="status" className={cx('ck-picker__loading', classNames.loading)}>
        <span className="ck-visually-hidden">{messages.common.loading}</span>
        <div aria-hidden="true" className="ck-picker__skeleton">
          {SKELETON_ROWS.map((row) => (
            <div key={row} className="ck-picker__skeleton-row">
              <span className="ck-picker__skeleton-avatar" />
              <span className="ck-picker__skeleton-text" />
            </div>
          ))}
        </div>
      </div>
    );
  }

  return (
    <div className={cx('ck ck-picker', className, classNames.root)} dir={direction}>
      <div className={cx('ck-picker__controls', classNames.controls)}>
        <CountrySelect
          id={`${baseId}-country`}
          counts={picker.countryCounts}
          total={picker.totalCount}
          countryCode={picker.countryCode}
          onCountryCodeChange={setCountryCode}
          disabled={!connectors}
          locale={localeProp}
          dir={direction}
          messages={messagesProp}
          className="ck-picker__country"
          classNames={classNames.countrySelect}
        />
        <div className={cx('ck-picker__search', classNames.search)}>
          <label htmlFor={picker.inputId} className={cx('ck-picker__label', classNames.searchLabel)}>
            {messages.picker.searchLabel}
          </label>
          <div className={cx('ck-picker__field', classNames.field)}>
            <SearchIcon size={20} className="ck-picker__icon" />
            <input
              ref={inputRef}
              {...picker.getInputProps({
                placeholder: messages.picker.searchPlaceholder,
                className: cx('ck-picker__input', classNames.input),
                enterKeyHint: 'search',
              })}
            />
            {picker.query !== '' ? (
              <button
                type="button"
                aria-label={messages.picker.clearSearch}
                className={cx('ck-picker__clear', classNames.clearButton)}
                onClick={() => {
                  setQuery('');
                  inputRef.current?.focus();
                }}
              >
                <CrossIcon size={18} />
              </button>
            ) : null}
          </div>
        </div>
      </div>
      <div className={cx('ck-picker__body', classNames.body)}>{body}</div>
    </div>
  );
}

/**
 * A bank picker: a country select, a search field and the list of connectors, fetched once with
 * `useConnectors({ expand: ['countries'] })` (every country at once: switching countries filters on the client and
 * never fetches again). Needs a `ConnectorsProvider` above it.
 *
 * The search is accent-, case- and punctuation-blind ("societe generale" finds "Société Générale") and takes words in
 * any order; the keyboard works as `useConnectorSearch` describes; restricted banks are listed with their reason but
 * cannot be picked. The loading, error (with retry), empty and no-match states all keep what the user typed and the
 * country they chose. A refresh that fails keeps the list on screen and says so, with a "Try again" button.
 */
export function ConnectorPicker(props: ConnectorPickerProps) {
  const { data, isPending, isFetching, isError, error, refetch } = useConnectors({ expand: ['countries'] });
  const retry = useCallback(() => void refetch(), [refetch]);
  return (
    <ConnectorPickerView
      {...props}
      connectors={data?.connectors}
      isLoading={data === undefined && (isPending || isFetching)}
      // The last fetch failed and no other runs: the first load (no data) or a refresh (`isRefetchError`).
      error={isError && !isFetching ? error : undefined}
      onRetry={retry}
    />
  );
}
