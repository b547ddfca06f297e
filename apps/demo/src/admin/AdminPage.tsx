import type { Connector } from '@connector-kit/core';
import { connectorQueryOptions, useConnectors, useConnectorsClient } from '@connector-kit/react';
import { ConnectorAvatar, ErrorState, LocaleProvider } from '@connector-kit/ui';
import { type UseQueryResult, useQueries } from '@tanstack/react-query';
import { type FormEvent, Fragment, type Ref, useEffect, useId, useMemo, useRef, useState } from 'react';
import {
  type AdminFilters,
  countryOptions,
  filterRows,
  isUuid,
  mergeRows,
  NO_FILTERS,
  type RestrictedFilter,
  type Visibility,
} from './rows.ts';
import { SourcesPanel } from './SourcesPanel.tsx';
import { useRememberedConnectors } from './session.ts';
import { ADMIN_EXPAND, useAdminWrites } from './writes.ts';

const PAGE_SIZE = 50;
const COLUMNS = 7;

const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });
const regionName = (code: string) => {
  try {
    return regionNames.of(code) ?? code;
  } catch {
    return code;
  }
};

/** The connectors read one by one, and the lookups that failed (with no data to show). */
function combineSingles(results: UseQueryResult<Connector, Error>[]) {
  return {
    connectors: results.map((result) => result.data),
    failures: results.map((result) =>
      result.data === undefined && result.error ? { error: result.error, retry: () => void result.refetch() } : null,
    ),
  };
}

function CountriesCell({ connector }: { connector: Connector }) {
  const countries = connector.countries ?? [];
  if (countries.length === 0) return <span className="demo-muted">—</span>;
  const names = countries.map((country) => regionName(country.id));
  const shown = names.slice(0, 2).join(', ');
  return names.length > 2 ? (
    <span title={names.join(', ')}>
      {shown} <span className="demo-muted">+{names.length - 2}</span>
    </span>
  ) : (
    <span>{shown}</span>
  );
}

/** The form that adds a connector to the table by UUID: a hidden connector can be read, not listed. */
function LookupForm({ onLookup }: { onLookup: (uuid: string) => void }) {
  const id = useId();
  const [value, setValue] = useState('');
  const [invalid, setInvalid] = useState(false);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!isUuid(value)) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    onLookup(value.trim());
    setValue('');
  };
  return (
    <form className="demo-lookup" onSubmit={onSubmit} noValidate>
      <div className="demo-field">
        <label htmlFor={`${id}-uuid`}>Connector UUID</label>
        <input
          id={`${id}-uuid`}
          className="demo-input demo-input--mono"
          value={value}
          onChange={(event) => setValue(event.target.value)}
          aria-invalid={invalid || undefined}
          aria-describedby={invalid ? `${id}-error` : `${id}-hint`}
          spellCheck={false}
          autoComplete="off"
        />
        {invalid ? (
          <p id={`${id}-error`} className="demo-field__error">
            Enter a UUID such as 338178e6-3d01-564f-9a7b-52ca442459bf.
          </p>
        ) : (
          <p id={`${id}-hint`} className="demo-field__hint">
            Reads one connector, hidden or not, and keeps it in this table for the session.
          </p>
        )}
      </div>
      <button type="submit" className="ck-button ck-button--secondary">
        Look up
      </button>
    </form>
  );
}

/**
 * Connector management: hide or unhide connectors one at a time or as a selection, and change their sources.
 * Every write goes through the demo server, which holds the config token.
 */
export function AdminPage({ headingRef }: { headingRef?: Ref<HTMLHeadingElement> | undefined }) {
  const id = useId();
  const client = useConnectorsClient();
  const list = useConnectors({ expand: ADMIN_EXPAND });
  const remembered = useRememberedConnectors();
  const writes = useAdminWrites(remembered.remember);

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

  const [filters, setFilters] = useState<AdminFilters>(NO_FILTERS);
  const [limit, setLimit] = useState(PAGE_SIZE);
  const [selected, setSelected] = useState<ReadonlySet<string>>(() => new Set());
  const [openSources, setOpenSources] = useState<string | null>(null);
  const setFilter = <K extends keyof AdminFilters>(name: K, value: AdminFilters[K]) => {
    setFilters((current) => ({ ...current, [name]: value }));
    setLimit(PAGE_SIZE);
  };

  const filtered = useMemo(() => filterRows(rows, filters), [rows, filters]);
  const shown = filtered.slice(0, limit);
  const countries = useMemo(() => countryOptions(rows, regionName), [rows]);
  const selectedRows = rows.filter((connector) => selected.has(connector.uuid));
  const toHide = selectedRows.filter((connector) => connector.hidden !== true);
  const toUnhide = selectedRows.filter((connector) => connector.hidden === true);
  const allShownSelected = shown.length > 0 && shown.every((connector) => selected.has(connector.uuid));
  const someShownSelected = shown.some((connector) => selected.has(connector.uuid));

  const selectAll = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (selectAll.current) selectAll.current.indeterminate = someShownSelected && !allShownSelected;
  }, [someShownSelected, allShownSelected]);

  const toggle = (uuid: string, on: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(uuid);
      else next.delete(uuid);
      return next;
    });
  const toggleShown = (on: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      for (const connector of shown) {
        if (on) next.add(connector.uuid);
        else next.delete(connector.uuid);
      }
      return next;
    });
  // The selection a batch write started from: it is cleared while the write runs, and given back if the write
  // fails, as the change itself is undone.
  const batchSelection = useRef<{ uuids: readonly string[]; selection: ReadonlySet<string> } | null>(null);
  const batch = (connectors: readonly Connector[], hidden: boolean) => {
    batchSelection.current = { uuids: connectors.map((connector) => connector.uuid), selection: selected };
    writes.setHidden(connectors, hidden);
    setSelected(new Set());
  };
  useEffect(() => {
    const started = batchSelection.current;
    if (!started || started.uuids.some((uuid) => writes.pending.has(uuid))) return;
    batchSelection.current = null;
    if (writes.failure) setSelected((current) => (current.size === 0 ? started.selection : current));
  }, [writes.pending, writes.failure]);

  const hiddenCount = rows.filter((connector) => connector.hidden === true).length;
  const summary =
    list.data === undefined
      ? ''
      : `${filtered.length} of ${rows.length} connectors match the filters${hiddenCount > 0 ? `; ${hiddenCount} of the ${rows.length} are hidden` : ''}.`;

  return (
    // The console is for the operators of the app, in English; the components inside follow it.
    <LocaleProvider locale="en">
      <div className="demo-page demo-admin" lang="en" dir="ltr">
        <h1 ref={headingRef} tabIndex={-1} className="demo-page__title">
          Manage connectors
        </h1>
        <p className="demo-lead">
          Hide a bank from your users, or change how one of its sources connects. Each change shows at once and is
          undone if the API refuses it. Writes go to this app’s own server at <code>/api/2.0</code>, which adds the
          config token before forwarding them: the token never reaches this page. Hidden connectors are not in the API’s
          list: <a href="#hidden-connectors">see how this page finds them</a>.
        </p>

        <search className="demo-filters" aria-label="Filter connectors">
          <div className="demo-field demo-field--grow">
            <label htmlFor={`${id}-query`}>Search</label>
            <input
              id={`${id}-query`}
              type="search"
              className="demo-input"
              value={filters.query}
              onChange={(event) => setFilter('query', event.target.value)}
              placeholder="Name, slug, bank code or UUID"
              autoComplete="off"
            />
          </div>
          <div className="demo-field">
            <label htmlFor={`${id}-country`}>Country</label>
            <select
              id={`${id}-country`}
              className="demo-select"
              value={filters.country}
              onChange={(event) => setFilter('country', event.target.value)}
            >
              <option value="">All countries</option>
              {countries.map((country) => (
                <option key={country.code} value={country.code}>
                  {country.name}
                </option>
              ))}
            </select>
          </div>
          <div className="demo-field">
            <label htmlFor={`${id}-visibility`}>Visibility</label>
            <select
              id={`${id}-visibility`}
              className="demo-select"
              value={filters.visibility}
              onChange={(event) => setFilter('visibility', event.target.value as Visibility)}
            >
              <option value="all">All</option>
              <option value="visible">Visible</option>
              <option value="hidden">Hidden</option>
            </select>
          </div>
          <div className="demo-field">
            <label htmlFor={`${id}-restricted`}>Restricted</label>
            <select
              id={`${id}-restricted`}
              className="demo-select"
              value={filters.restricted}
              onChange={(event) => setFilter('restricted', event.target.value as RestrictedFilter)}
            >
              <option value="any">Any</option>
              <option value="yes">Restricted</option>
              <option value="no">Not restricted</option>
            </select>
          </div>
        </search>

        <div className="demo-toolbar">
          <p className="demo-toolbar__count" role="status">
            {selected.size > 0 ? `${selected.size} selected. ` : ''}
            {summary}
          </p>
          <div className="demo-toolbar__actions">
            <button
              type="button"
              className="ck-button ck-button--secondary"
              disabled={toHide.length === 0}
              onClick={() => batch(toHide, true)}
            >
              Hide selected{toHide.length > 0 ? ` (${toHide.length})` : ''}
            </button>
            <button
              type="button"
              className="ck-button ck-button--secondary"
              disabled={toUnhide.length === 0}
              onClick={() => batch(toUnhide, false)}
            >
              Unhide selected{toUnhide.length > 0 ? ` (${toUnhide.length})` : ''}
            </button>
            <button
              type="button"
              className="ck-button ck-button--link"
              disabled={selected.size === 0}
              onClick={() => setSelected(new Set())}
            >
              Clear selection
            </button>
          </div>
        </div>

        {writes.failure ? (
          <div className="demo-failure demo-failure--write">
            <p className="demo-failure__title">{writes.failure.sentence}</p>
            <div className="demo-failure__body">
              <ErrorState error={writes.failure.error} onRetry={writes.failure.retry} />
              <button type="button" className="ck-button ck-button--secondary" onClick={writes.dismissFailure}>
                Dismiss
              </button>
            </div>
          </div>
        ) : null}
        <p className="ck-visually-hidden" role="status">
          {writes.announcement}
        </p>

        {list.data === undefined && list.error ? (
          <ErrorState error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <div className="demo-table-wrap">
            <table className="demo-table" aria-busy={list.data === undefined || undefined}>
              <caption>
                Connectors
                <span className="demo-table__caption-note">
                  {list.data === undefined ? ' (loading…)' : list.isFetching ? ' (refreshing…)' : ''}
                </span>
              </caption>
              <thead>
                <tr>
                  <th scope="col" className="demo-table__check">
                    <input
                      ref={selectAll}
                      type="checkbox"
                      aria-label="Select every connector shown"
                      checked={allShownSelected}
                      disabled={shown.length === 0}
                      onChange={(event) => toggleShown(event.target.checked)}
                    />
                  </th>
                  <th scope="col">Connector</th>
                  <th scope="col">Countries</th>
                  <th scope="col">Visibility</th>
                  <th scope="col">Restricted</th>
                  <th scope="col">Sources</th>
                  <th scope="col">
                    <span className="ck-visually-hidden">Action</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {shown.length === 0 && list.data !== undefined ? (
                  <tr>
                    <td colSpan={COLUMNS} className="demo-table__empty">
                      No connector matches these filters.
                    </td>
                  </tr>
                ) : null}
                {shown.map((connector) => {
                  const hidden = connector.hidden === true;
                  const busy = writes.pending.has(connector.uuid);
                  const rowId = `${id}-${connector.uuid}`;
                  const sourcesId = `${rowId}-sources`;
                  const open = openSources === connector.uuid;
                  const sourceCount = connector.sources?.length ?? 0;
                  return (
                    <Fragment key={connector.uuid}>
                      <tr className={hidden ? 'demo-row demo-row--hidden' : 'demo-row'} aria-busy={busy || undefined}>
                        <td className="demo-table__check">
                          <input
                            type="checkbox"
                            aria-label={`Select ${connector.name}`}
                            checked={selected.has(connector.uuid)}
                            onChange={(event) => toggle(connector.uuid, event.target.checked)}
                          />
                        </td>
                        <th scope="row">
                          <span className="demo-connector">
                            <ConnectorAvatar connector={connector} size={28} locale="en" />
                            <span className="demo-connector__text">
                              <span id={`${rowId}-name`} className="demo-connector__name">
                                {connector.name}
                              </span>
                              <code className="demo-connector__uuid">{connector.uuid}</code>
                            </span>
                          </span>
                        </th>
                        <td>
                          <CountriesCell connector={connector} />
                        </td>
                        <td>
                          {hidden ? (
                            <span className="ck-badge ck-badge--warning">Hidden</span>
                          ) : (
                            <span className="ck-badge">Visible</span>
                          )}
                        </td>
                        <td>{connector.restricted === true ? 'Yes' : 'No'}</td>
                        <td>
                          <button
                            type="button"
                            className="ck-button ck-button--link"
                            aria-expanded={open}
                            aria-controls={open ? sourcesId : undefined}
                            id={`${rowId}-sources-button`}
                            aria-labelledby={`${rowId}-sources-button ${rowId}-name`}
                            onClick={() => setOpenSources(open ? null : connector.uuid)}
                          >
                            Sources ({sourceCount})
                          </button>
                        </td>
                        <td className="demo-table__action">
                          <button
                            type="button"
                            className="ck-button ck-button--secondary demo-button--small"
                            aria-label={`${hidden ? 'Unhide' : 'Hide'} ${connector.name}`}
                            onClick={() => writes.setHidden([connector], !hidden)}
                          >
                            {hidden ? 'Unhide' : 'Hide'}
                          </button>
                        </td>
                      </tr>
                      {open ? (
                        <tr className="demo-row demo-row--details">
                          <td colSpan={COLUMNS}>
                            <SourcesPanel
                              connector={connector}
                              id={sourcesId}
                              pending={writes.pending}
                              onUpdate={writes.updateSource}
                            />
                          </td>
                        </tr>
                      ) : null}
                    </Fragment>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
        {filtered.length > shown.length ? (
          <button
            type="button"
            className="ck-button ck-button--secondary demo-more"
            onClick={() => setLimit((current) => current + PAGE_SIZE)}
          >
            Show {Math.min(PAGE_SIZE, filtered.length - shown.length)} more ({filtered.length - shown.length} not shown)
          </button>
        ) : null}

        <section className="demo-note" aria-labelledby="hidden-connectors">
          <h2 id="hidden-connectors" tabIndex={-1} className="demo-note__title">
            Where hidden connectors come from
          </h2>
          <p>
            The API leaves hidden connectors out of its list, and no endpoint lists them. This table shows the listed
            connectors, plus those hidden from this tab during the session and those you look up by UUID (a single
            connector can be read even when hidden). A connector hidden elsewhere stays out of this table until you look
            it up.
          </p>
          <LookupForm onLookup={(uuid) => remembered.remember([uuid])} />
          {failedLookups.map((lookup) => (
            <div key={lookup.uuid} className="demo-failure">
              <p>
                Could not read connector <code>{lookup.uuid}</code>.
              </p>
              <ErrorState error={lookup.error} onRetry={lookup.retry} />
              <button
                type="button"
                className="ck-button ck-button--link"
                onClick={() => remembered.forget(lookup.uuid)}
              >
                Forget this UUID
              </button>
            </div>
          ))}
        </section>
      </div>
    </LocaleProvider>
  );
}
