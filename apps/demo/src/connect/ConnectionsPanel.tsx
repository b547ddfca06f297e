import { type Connection, ConnectorsApiError } from '@connector-kit/core';
import { connectorKeys, useConnections, useConnectorsClient } from '@connector-kit/react';
import { ConnectorAvatar, ErrorState } from '@connector-kit/ui';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type Ref, useId } from 'react';
import type { DemoMessages } from '../i18n.ts';

export interface ConnectionsPanelProps {
  messages: DemoMessages;
  locale: string;
  /** Offers "Reconnect" on a connection that needs the person (any state but null). */
  onReconnect?: ((connection: Connection) => void) | undefined;
  /** Why the last reconnect could not start, with a way to try again. */
  reconnectError?: { error: unknown; retry: () => void } | null | undefined;
  headingLevel?: 2 | 3;
  headingRef?: Ref<HTMLHeadingElement> | undefined;
}

/** A Powens date (`2026-12-05 10:42:00`, UTC) in the page's language; the text as given when it is not one. */
function formatDate(value: string | null | undefined, locale: string): string | null {
  if (!value) return null;
  const date = new Date(`${value.replace(' ', 'T')}Z`);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/** No session yet means no Powens user yet: nothing is connected, which is not an error. */
const noSessionYet = (error: unknown) => error instanceof ConnectorsApiError && error.status === 401;

function ConnectionRow({
  connection,
  messages,
  locale,
  onReconnect,
}: {
  connection: Connection;
  messages: DemoMessages;
  locale: string;
  onReconnect: ((connection: Connection) => void) | undefined;
}) {
  const client = useConnectorsClient();
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: () => client.deleteConnection(connection.id),
    onSettled: () => queryClient.invalidateQueries({ queryKey: connectorKeys.connections(client) }),
  });
  const name = connection.connector?.name ?? messages.unknownBank;
  const updated = formatDate(connection.last_update ?? connection.created, locale);
  return (
    <li className="demo-connection">
      <ConnectorAvatar
        connector={{ name, color: connection.connector?.color ?? null, uuid: connection.connector_uuid ?? undefined }}
        size={36}
        locale={locale}
      />
      <div className="demo-connection__text">
        <span className="demo-connection__name">{name}</span>
        <span className="demo-connection__meta">
          {connection.state ? messages.connectionNeedsAttention(connection.state) : messages.connectionUpToDate}
          {updated ? ` · ${updated}` : ''}
        </span>
        {remove.isError ? <span className="demo-connection__error">{messages.removeFailed}</span> : null}
      </div>
      {connection.state && onReconnect ? (
        <button type="button" className="ck-button demo-connection__reconnect" onClick={() => onReconnect(connection)}>
          {messages.reconnectConnection}
          <span className="ck-visually-hidden"> {name}</span>
        </button>
      ) : null}
      <button
        type="button"
        className="ck-button ck-button--secondary demo-connection__remove"
        disabled={remove.isPending}
        onClick={() => remove.mutate()}
      >
        {messages.removeConnection}
        <span className="ck-visually-hidden"> {name}</span>
      </button>
    </li>
  );
}

/** The connections of this browser's Powens user, read through the demo server (which holds the user's token). */
export function ConnectionsPanel({
  messages,
  locale,
  onReconnect,
  reconnectError,
  headingLevel = 2,
  headingRef,
}: ConnectionsPanelProps) {
  const id = useId();
  // Before this browser's first connection there is no Powens user: the demo server answers an empty list. A session
  // that has since expired answers 401, which is the same nothing-connected-yet.
  const connections = useConnections(
    { expand: ['connector'] },
    { retry: (failures, error) => !noSessionYet(error) && failures < 2 },
  );
  const Heading = `h${headingLevel}` as const;
  const list = noSessionYet(connections.error) ? [] : connections.data;
  return (
    <section className="demo-card demo-connections" aria-labelledby={`${id}-title`}>
      <Heading id={`${id}-title`} ref={headingRef} tabIndex={-1} className="demo-connections__title">
        {messages.connectionsTitle}
      </Heading>
      <p className="demo-connections__intro">{messages.connectionsIntro}</p>
      {reconnectError ? <ErrorState error={reconnectError.error} onRetry={reconnectError.retry} /> : null}
      {connections.isError && !noSessionYet(connections.error) ? (
        <ErrorState error={connections.error} onRetry={() => void connections.refetch()} />
      ) : list === undefined ? (
        <p role="status" className="demo-connections__empty">
          {messages.loadingConnections}
        </p>
      ) : list.length === 0 ? (
        <p className="demo-connections__empty">{messages.noConnections}</p>
      ) : (
        <ul className="demo-connections__list">
          {list.map((connection) => (
            <ConnectionRow
              key={connection.id}
              connection={connection}
              messages={messages}
              locale={locale}
              onReconnect={onReconnect}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
