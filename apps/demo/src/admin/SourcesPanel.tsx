import type { Connector, ConnectorSource, ConnectorSourceUpdateRequest } from '@connector-kit/core';
import { useConnectorSources } from '@connector-kit/react';
import { ErrorState } from '@connector-kit/ui';
import { powensDateTime } from './rows.ts';

const MECHANISM_LABELS: Record<string, string> = {
  credentials: 'credentials (form)',
  webauth: 'webauth (bank’s page)',
};

function mechanismLabel(mechanism: string): string {
  return MECHANISM_LABELS[mechanism] ?? mechanism;
}

function formatDisabled(value: string): string {
  const date = new Date(`${value.replace(' ', 'T')}${/[zZ]|[+-]\d{2}:?\d{2}$/.test(value) ? '' : 'Z'}`);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

export interface SourcesPanelProps {
  connector: Connector;
  id: string;
  pending: ReadonlySet<string>;
  onUpdate: (connector: Connector, source: ConnectorSource, body: ConnectorSourceUpdateRequest) => void;
}

/** The sources of one connector: switch a source's authentication mechanism, disable or enable it. */
export function SourcesPanel({ connector, id, pending, onUpdate }: SourcesPanelProps) {
  const { data: sources, error, isPending, refetch } = useConnectorSources(connector.uuid);
  const captionId = `${id}-caption`;

  if (sources === undefined) {
    return (
      <div id={id} className="demo-sources">
        {isPending ? (
          <p role="status" className="demo-muted">
            Loading the sources of {connector.name}…
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
        <p className="demo-muted">{connector.name} has no sources.</p>
      ) : (
        <table className="demo-table demo-table--compact" aria-labelledby={captionId}>
          <caption id={captionId}>Sources of {connector.name}</caption>
          <thead>
            <tr>
              <th scope="col">Source</th>
              <th scope="col">Authentication</th>
              <th scope="col">Status</th>
              <th scope="col">
                <span className="ck-visually-hidden">Action</span>
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
                        {current ? mechanismLabel(current) : 'none'}{' '}
                        <span className="demo-muted">(the only one available)</span>
                      </span>
                    ) : (
                      <select
                        className="demo-select demo-select--small"
                        aria-label={`Authentication of source ${source.name || source.id}`}
                        value={current}
                        onChange={(event) => onUpdate(connector, source, { auth_mechanism: event.target.value })}
                      >
                        {current === '' ? <option value="">none</option> : null}
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
                        Disabled since {formatDisabled(source.disabled ?? '')}
                      </span>
                    ) : (
                      <span className="ck-badge">Enabled</span>
                    )}
                  </td>
                  <td className="demo-table__action">
                    <button
                      type="button"
                      className="ck-button ck-button--secondary demo-button--small"
                      aria-label={`${disabled ? 'Enable' : 'Disable'} source ${source.name || source.id}`}
                      onClick={() =>
                        onUpdate(connector, source, { disabled: disabled ? null : powensDateTime(new Date()) })
                      }
                    >
                      {disabled ? 'Enable' : 'Disable'}
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
