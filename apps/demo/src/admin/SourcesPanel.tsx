import type { Connector, ConnectorSource, ConnectorSourceUpdateRequest } from '@connector-kit/core';
import { useConnectorSources } from '@connector-kit/react';
import { ErrorState } from '@connector-kit/ui';
import type { AdminMessages } from './messages.tsx';
import { powensDateTime } from './rows.ts';

/** A source's `disabled` date (a Powens DateTime, UTC) in the page's language. */
function formatDisabled(value: string, locale: string): string {
  const date = new Date(`${value.replace(' ', 'T')}${/[zZ]|[+-]\d{2}:?\d{2}$/.test(value) ? '' : 'Z'}`);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

export interface SourcesPanelProps {
  connector: Connector;
  id: string;
  pending: ReadonlySet<string>;
  onUpdate: (connector: Connector, source: ConnectorSource, body: ConnectorSourceUpdateRequest) => void;
  messages: AdminMessages;
  locale: string;
}

/** The sources of one connector: switch a source's authentication mechanism, disable or enable it. */
export function SourcesPanel({ connector, id, pending, onUpdate, messages, locale }: SourcesPanelProps) {
  const { data: sources, error, isPending, refetch } = useConnectorSources(connector.uuid);
  const captionId = `${id}-caption`;
  const sourceMessages = messages.sources;
  const mechanismLabel = (mechanism: string) => sourceMessages.mechanisms[mechanism] ?? mechanism;

  if (sources === undefined) {
    return (
      <div id={id} className="demo-sources">
        {isPending ? (
          <p role="status" className="demo-muted">
            {sourceMessages.loading(connector.name)}
          </p>
        ) : (
          <ErrorState error={error} onRetry={() => void refetch()} />
        )}
      </div>
    );
  }

  return (
    <div id={id} className="demo-sources">
      {sources.length === 0 ? (
        <p className="demo-muted">{sourceMessages.empty(connector.name)}</p>
      ) : (
        <table className="demo-table demo-table--compact" aria-labelledby={captionId}>
          <caption id={captionId}>{sourceMessages.caption(connector.name)}</caption>
          <thead>
            <tr>
              <th scope="col">{sourceMessages.sourceColumn}</th>
              <th scope="col">{sourceMessages.authenticationColumn}</th>
              <th scope="col">{sourceMessages.statusColumn}</th>
              <th scope="col">
                <span className="ck-visually-hidden">{messages.actionColumn}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {sources.map((source) => {
              const busy = pending.has(`${connector.uuid}/${source.id}`);
              const available = source.available_auth_mechanisms ?? [];
              const current = source.auth_mechanism ?? '';
              const options = current && !available.includes(current) ? [current, ...available] : available;
              const disabled = typeof source.disabled === 'string' && source.disabled !== '';
              return (
                <tr key={source.id} aria-busy={busy || undefined}>
                  <th scope="row">
                    <code>{source.name || `#${source.id}`}</code>
                  </th>
                  <td>
                    {options.length < 2 ? (
                      <span>
                        {current ? mechanismLabel(current) : sourceMessages.noMechanism}{' '}
                        <span className="demo-muted">{sourceMessages.onlyMechanism}</span>
                      </span>
                    ) : (
                      <select
                        className="demo-select demo-select--small"
                        aria-label={sourceMessages.authenticationOf(source.name || String(source.id))}
                        value={current}
                        onChange={(event) => onUpdate(connector, source, { auth_mechanism: event.target.value })}
                      >
                        {current === '' ? <option value="">{sourceMessages.noMechanism}</option> : null}
                        {options.map((mechanism) => (
                          <option key={mechanism} value={mechanism}>
                            {mechanismLabel(mechanism)}
                          </option>
                        ))}
                      </select>
                    )}
                  </td>
                  <td>
                    {disabled ? (
                      <span className="ck-badge ck-badge--warning">
                        {sourceMessages.disabledSince(formatDisabled(source.disabled ?? '', locale))}
                      </span>
                    ) : (
                      <span className="ck-badge">{sourceMessages.enabled}</span>
                    )}
                  </td>
                  <td className="demo-table__action">
                    <button
                      type="button"
                      className="ck-button ck-button--secondary demo-button--small"
                      aria-label={(disabled ? sourceMessages.enableSource : sourceMessages.disableSource)(
                        source.name || String(source.id),
                      )}
                      onClick={() =>
                        onUpdate(connector, source, { disabled: disabled ? null : powensDateTime(new Date()) })
                      }
                    >
                      {disabled ? sourceMessages.enable : sourceMessages.disable}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </div>
  );
}
