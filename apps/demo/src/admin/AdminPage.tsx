import type { Connector } from '@connector-kit/core';
import { connectorQueryOptions, useConnectors, useConnectorsClient } from '@connector-kit/react';
import { ErrorState, type SupportedLocale } from '@connector-kit/ui';
import { type UseQueryResult, useQueries } from '@tanstack/react-query';
import { type Ref, useMemo, useState } from 'react';
import { ConnectorsTable } from './ConnectorsTable.tsx';
import { FilterBar } from './FilterBar.tsx';
import { HiddenConnectorsNote } from './HiddenConnectorsNote.tsx';
import { adminMessages } from './messages.tsx';
import { RefreshFailureNotice, WriteFailureNotice } from './Notices.tsx';
import { regionNamer } from './regions.ts';
import { type AdminFilters, countryOptions, filterRows, mergeRows, NO_FILTERS } from './rows.ts';
import { SelectionToolbar } from './SelectionToolbar.tsx';
import { useConnectorSelection } from './selection.ts';
import { useRememberedConnectors } from './session.ts';
import { ADMIN_EXPAND, useAdminWrites } from './writes.ts';

const PAGE_SIZE = 50;
/** The anchor of the note on hidden connectors, which the lead links to. */
const HIDDEN_NOTE_ID = 'hidden-connectors';

/**
 * The connectors read one by one, the lookups that failed with no data to show, and the refreshes that failed
 * while their data is on screen.
 */
function combineSingles(results: UseQueryResult<Connector, Error>[]) {
  return {
    connectors: results.map((result) => result.data),
    failures: results.map((result) =>
      result.data === undefined && result.error ? { error: result.error, retry: () => void result.refetch() } : null,
    ),
    failedRefreshes: results.flatMap((result) =>
      result.isRefetchError && !result.isFetching ? [() => void result.refetch()] : [],
    ),
  };
}

export interface AdminPageProps {
  /** The page's language (English by default): its own strings, country names and dates. */
  locale?: SupportedLocale | undefined;
  headingRef?: Ref<HTMLHeadingElement> | undefined;
}

/**
 * Connector management: hide or unhide connectors one at a time or as a selection, and change their sources.
 * Every write goes through the demo server, which holds the config token. The components inside follow the
 * enclosing `LocaleProvider`.
 */
export function AdminPage({ locale = 'en', headingRef }: AdminPageProps) {
  const messages = adminMessages[locale];
  const regionName = useMemo(() => regionNamer(locale), [locale]);
  const client = useConnectorsClient();
  const list = useConnectors({ expand: ADMIN_EXPAND });
  const remembered = useRememberedConnectors();
  const writes = useAdminWrites(remembered.remember, messages.writes);
  const selection = useConnectorSelection(writes);

  const listed = list.data?.connectors;
  const listedUuids = useMemo(() => new Set((listed ?? []).map((c) => c.uuid.toLowerCase())), [listed]);
  const singleUuids = remembered.uuids.filter((uuid) => !listedUuids.has(uuid));
  const singles = useQueries({
    queries: singleUuids.map((uuid) => connectorQueryOptions(client, uuid, { expand: ADMIN_EXPAND })),
    combine: combineSingles,
  });
  const rows = useMemo(() => mergeRows(listed, singles.connectors), [listed, singles.connectors]);
  const failedLookups = singles.failures.flatMap((failure, index) => {
    const uuid = singleUuids[index];
    return failure && uuid !== undefined ? [{ uuid, error: failure.error, retry: failure.retry }] : [];
  });
  const failedRefreshes = [
    ...(list.isRefetchError && !list.isFetching ? [() => void list.refetch()] : []),
    ...singles.failedRefreshes,
  ];

  const [filters, setFilters] = useState<AdminFilters>(NO_FILTERS);
  const [limit, setLimit] = useState(PAGE_SIZE);
  const setFilter = <K extends keyof AdminFilters>(name: K, value: AdminFilters[K]) => {
    setFilters((current) => ({ ...current, [name]: value }));
    setLimit(PAGE_SIZE);
  };

  const filtered = useMemo(() => filterRows(rows, filters), [rows, filters]);
  const shown = filtered.slice(0, limit);
  const countries = useMemo(() => countryOptions(rows, regionName), [rows, regionName]);
  const selectedRows = rows.filter((connector) => selection.selected.has(connector.uuid));
  const hiddenCount = rows.filter((connector) => connector.hidden === true).length;

  return (
    <div className="demo-page demo-admin">
      <h1 ref={headingRef} tabIndex={-1} className="demo-page__title">
        {messages.title}
      </h1>
      <p className="demo-lead">
        {messages.intro(<code>/api/2.0</code>, (label) => (
          <a href={`#${HIDDEN_NOTE_ID}`}>{label}</a>
        ))}
      </p>

      <FilterBar filters={filters} onChange={setFilter} countries={countries} messages={messages} />

      <SelectionToolbar
        selectedCount={selection.selected.size}
        summary={list.data === undefined ? '' : messages.summary(filtered.length, rows.length, hiddenCount)}
        toHide={selectedRows.filter((connector) => connector.hidden !== true)}
        toUnhide={selectedRows.filter((connector) => connector.hidden === true)}
        onSetHidden={selection.setHidden}
        onClear={selection.clear}
        messages={messages}
      />

      {writes.failure ? (
        <WriteFailureNotice failure={writes.failure} onDismiss={writes.dismissFailure} messages={messages} />
      ) : null}
      <p className="ck-visually-hidden" role="status">
        {writes.announcement}
      </p>
      <RefreshFailureNotice
        onRetry={
          failedRefreshes.length > 0
            ? () => {
                for (const refetch of failedRefreshes) refetch();
              }
            : null
        }
        messages={messages}
      />

      {list.data === undefined && list.error ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <ConnectorsTable
          connectors={shown}
          isLoading={list.data === undefined}
          isRefreshing={list.isFetching}
          selected={selection.selected}
          onToggle={selection.toggle}
          onToggleAll={selection.toggleAll}
          pending={writes.pending}
          onSetHidden={writes.setHidden}
          onUpdateSource={writes.updateSource}
          regionName={regionName}
          messages={messages}
          locale={locale}
        />
      )}
      {filtered.length > shown.length ? (
        <button
          type="button"
          className="ck-button ck-button--secondary demo-more"
          onClick={() => setLimit((current) => current + PAGE_SIZE)}
        >
          {messages.showMore(Math.min(PAGE_SIZE, filtered.length - shown.length), filtered.length - shown.length)}
        </button>
      ) : null}

      <HiddenConnectorsNote
        titleId={HIDDEN_NOTE_ID}
        onLookup={(uuid) => remembered.remember([uuid])}
        onForget={remembered.forget}
        failedLookups={failedLookups}
        messages={messages}
      />
    </div>
  );
}
