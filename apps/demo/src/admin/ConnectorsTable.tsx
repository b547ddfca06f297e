import type { Connector, ConnectorSource, ConnectorSourceUpdateRequest } from '@connector-kit/core';
import { ConnectorAvatar } from '@connector-kit/ui';
import { Fragment, useEffect, useId, useRef, useState } from 'react';
import type { AdminMessages } from './messages.tsx';
import { SourcesPanel } from './SourcesPanel.tsx';

const COLUMNS = 7;

function CountriesCell({ connector, regionName }: { connector: Connector; regionName: (code: string) => string }) {
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

export interface ConnectorsTableProps {
  /** The rows on screen. */
  connectors: readonly Connector[];
  /** Whether the list is still loading for the first time. */
  isLoading: boolean;
  /** Whether the list is being refreshed while its rows are on screen. */
  isRefreshing: boolean;
  selected: ReadonlySet<string>;
  onToggle: (uuid: string, on: boolean) => void;
  onToggleAll: (connectors: readonly Connector[], on: boolean) => void;
  /** Keys (`connector uuid`, or `uuid/source id`) with a write in flight. */
  pending: ReadonlySet<string>;
  onSetHidden: (connectors: readonly Connector[], hidden: boolean) => void;
  onUpdateSource: (connector: Connector, source: ConnectorSource, body: ConnectorSourceUpdateRequest) => void;
  regionName: (code: string) => string;
  messages: AdminMessages;
  locale: string;
}

/** The connectors table: one row per connector, with its sources opening below it. */
export function ConnectorsTable({
  connectors,
  isLoading,
  isRefreshing,
  selected,
  onToggle,
  onToggleAll,
  pending,
  onSetHidden,
  onUpdateSource,
  regionName,
  messages,
  locale,
}: ConnectorsTableProps) {
  const id = useId();
  const [openSources, setOpenSources] = useState<string | null>(null);
  const allSelected = connectors.length > 0 && connectors.every((connector) => selected.has(connector.uuid));
  const someSelected = connectors.some((connector) => selected.has(connector.uuid));

  const selectAll = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (selectAll.current) selectAll.current.indeterminate = someSelected && !allSelected;
  }, [someSelected, allSelected]);

  return (
    <div className="demo-table-wrap">
      <table className="demo-table" aria-busy={isLoading || undefined}>
        <caption>
          {messages.connectorsCaption}
          <span className="demo-table__caption-note">
            {isLoading ? ` (${messages.loading})` : isRefreshing ? ` (${messages.refreshing})` : ''}
          </span>
        </caption>
        <thead>
          <tr>
            <th scope="col" className="demo-table__check">
              <input
                ref={selectAll}
                type="checkbox"
                aria-label={messages.selectAllShown}
                checked={allSelected}
                disabled={connectors.length === 0}
                onChange={(event) => onToggleAll(connectors, event.target.checked)}
              />
            </th>
            <th scope="col">{messages.connectorColumn}</th>
            <th scope="col">{messages.countriesColumn}</th>
            <th scope="col">{messages.visibility}</th>
            <th scope="col">{messages.restricted}</th>
            <th scope="col">{messages.sourcesColumn}</th>
            <th scope="col">
              <span className="ck-visually-hidden">{messages.actionColumn}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {connectors.length === 0 && !isLoading ? (
            <tr>
              <td colSpan={COLUMNS} className="demo-table__empty">
                {messages.noMatch}
              </td>
            </tr>
          ) : null}
          {connectors.map((connector) => {
            const hidden = connector.hidden === true;
            const busy = pending.has(connector.uuid);
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
                      aria-label={messages.selectConnector(connector.name)}
                      checked={selected.has(connector.uuid)}
                      onChange={(event) => onToggle(connector.uuid, event.target.checked)}
                    />
                  </td>
                  <th scope="row">
                    <span className="demo-connector">
                      <ConnectorAvatar connector={connector} size={28} locale={locale} />
                      <span className="demo-connector__text">
                        <span id={`${rowId}-name`} className="demo-connector__name">
                          {connector.name}
                        </span>
                        <code className="demo-connector__uuid">{connector.uuid}</code>
                      </span>
                    </span>
                  </th>
                  <td>
                    <CountriesCell connector={connector} regionName={regionName} />
                  </td>
                  <td>
                    {hidden ? (
                      <span className="ck-badge ck-badge--warning">{messages.hidden}</span>
                    ) : (
                      <span className="ck-badge">{messages.visible}</span>
                    )}
                  </td>
                  <td>{connector.restricted === true ? messages.yes : messages.no}</td>
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
                      {messages.sourcesButton(sourceCount)}
                    </button>
                  </td>
                  <td className="demo-table__action">
                    <button
                      type="button"
                      className="ck-button ck-button--secondary demo-button--small"
                      aria-label={(hidden ? messages.unhideConnector : messages.hideConnector)(connector.name)}
                      onClick={() => onSetHidden([connector], !hidden)}
                    >
                      {hidden ? messages.unhide : messages.hide}
                    </button>
                  </td>
                </tr>
                {open ? (
                  <tr className="demo-row demo-row--details">
                    <td colSpan={COLUMNS}>
                      <SourcesPanel
                        connector={connector}
                        id={sourcesId}
                        pending={pending}
                        onUpdate={onUpdateSource}
                        messages={messages}
                        locale={locale}
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
  );
}
