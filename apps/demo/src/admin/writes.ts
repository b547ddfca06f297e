import {
  type Connector,
  type ConnectorExpand,
  type ConnectorSource,
  type ConnectorSourceUpdateRequest,
  ConnectorsError,
} from '@connector-kit/core';
import {
  connectorQueryOptions,
  useBatchUpdateConnectors,
  useConnectorsClient,
  useUpdateConnector,
  useUpdateConnectorSource,
} from '@connector-kit/react';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useRef, useState } from 'react';
import type { WriteMessages } from './messages.tsx';

/** The expands the admin table reads, for the list and for each connector read on its own. */
export const ADMIN_EXPAND = ['countries', 'sources'] as const satisfies readonly ConnectorExpand[];

/** A write of the admin page, as its sentences name it. */
export type WriteAction =
  | { kind: 'hide' | 'unhide'; connectors: readonly Connector[] }
  | { kind: 'switch-source'; connector: Connector; source: ConnectorSource; mechanism: string }
  | { kind: 'enable-source' | 'disable-source'; connector: Connector; source: ConnectorSource };

export interface WriteFailure {
  /** What was attempted. */
  action: WriteAction;
  error: unknown;
  retry: () => void;
}

export interface AdminWrites {
  /** Keys (`connector uuid`, or `uuid/source id`) with a write in flight. */
  pending: ReadonlySet<string>;
  /** The last write that failed (its optimistic change has been rolled back), until dismissed or retried. */
  failure: WriteFailure | null;
  dismissFailure(): void;
  /** The outcome of the last write, for a polite live region. */
  announcement: string;
  setHidden(connectors: readonly Connector[], hidden: boolean): void;
  updateSource(connector: Connector, source: ConnectorSource, body: ConnectorSourceUpdateRequest): void;
}

/** The connectors a hide or unhide names: one by its quoted name, several by their number. */
function describeConnectors(messages: WriteMessages, connectors: readonly Connector[]): string {
  const [first] = connectors;
  return connectors.length === 1 && first ? messages.quote(first.name) : messages.connectors(connectors.length);
}

/** What was attempted, e.g. `Hiding “BNP Paribas”`. */
export function attemptText(messages: WriteMessages, action: WriteAction): string {
  const { quote } = messages;
  switch (action.kind) {
    case 'hide':
      return messages.hiding(describeConnectors(messages, action.connectors));
    case 'unhide':
      return messages.unhiding(describeConnectors(messages, action.connectors));
    case 'switch-source':
      return messages.switchingSource(quote(action.source.name), quote(action.connector.name), action.mechanism);
    case 'enable-source':
      return messages.enablingSource(quote(action.source.name), quote(action.connector.name));
    case 'disable-source':
      return messages.disablingSource(quote(action.source.name), quote(action.connector.name));
  }
}

/** What a write that succeeded did, e.g. `“BNP Paribas” hidden.` */
export function doneText(messages: WriteMessages, action: WriteAction): string {
  const { quote } = messages;
  switch (action.kind) {
    case 'hide':
      return messages.hidden(describeConnectors(messages, action.connectors), action.connectors.length);
    case 'unhide':
      return messages.visibleAgain(describeConnectors(messages, action.connectors), action.connectors.length);
    case 'switch-source':
      return messages.sourceSwitched(quote(action.source.name), action.mechanism);
    case 'enable-source':
      return messages.sourceEnabled(quote(action.source.name));
    case 'disable-source':
      return messages.sourceDisabled(quote(action.source.name));
  }
}

/**
 * What a failed write means for the admin. An answer that arrived but could not be read (a 2xx with a broken body)
 * may come from a write the server did apply: the table is refreshed from the server instead of claiming an undo.
 */
export function failureSentence(messages: WriteMessages, action: WriteAction, error: unknown): string {
  const attempt = attemptText(messages, action);
  return error instanceof ConnectorsError && error.kind === 'response'
    ? messages.unreadable(attempt)
    : messages.failed(attempt);
}

/**
 * The admin page's writes, through the library's mutation hooks (optimistic, rolled back on error): hide or unhide
 * one connector (`PUT /connectors/{uuid}`) or several (`PATCH /connectors`), and change a source
 * (`PUT /connectors/{uuid}/sources/{id}`).
 *
 * `remember` is called with the connectors about to be hidden: the list will leave them out, so the page keeps
 * them by UUID and reads them one by one.
 */
export function useAdminWrites(remember: (uuids: readonly string[]) => void, messages: WriteMessages): AdminWrites {
  const client = useConnectorsClient();
  const queryClient = useQueryClient();
  const updateConnector = useUpdateConnector().mutateAsync;
  const batchUpdate = useBatchUpdateConnectors().mutateAsync;
  const updateSourceAsync = useUpdateConnectorSource().mutateAsync;
  const [pending, setPending] = useState<ReadonlySet<string>>(() => new Set());
  const [failure, setFailure] = useState<WriteFailure | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const announcementCount = useRef(0);
  // Outcomes are announced in the language shown when they arrive.
  const messagesRef = useRef(messages);
  messagesRef.current = messages;

  const startWrite = useCallback((action: WriteAction, keys: readonly string[], write: () => Promise<unknown>) => {
    const announce = (text: string) => {
      // A counter keeps two identical messages in a row distinct for screen readers.
      announcementCount.current += 1;
      setAnnouncement(`${text}${announcementCount.current % 2 === 0 ? '' : '\u200b'}`);
    };
    const attempt = async (): Promise<void> => {
      setFailure(null);
      setPending((current) => new Set([...current, ...keys]));
      try {
        await write();
        announce(doneText(messagesRef.current, action));
      } catch (error) {
        setFailure({ action, error, retry: () => void attempt() });
        announce(failureSentence(messagesRef.current, action, error));
      } finally {
        setPending((current) => {
          const next = new Set(current);
          for (const key of keys) next.delete(key);
          return next;
        });
      }
    };
    void attempt();
  }, []);

  const setHidden = useCallback(
    (connectors: readonly Connector[], hidden: boolean) => {
      if (connectors.length === 0) return;
      if (hidden) {
        remember(connectors.map((connector) => connector.uuid));
        // Each connector's own entry starts from what the table shows, so that it stays on screen, marked hidden,
        // when the optimistic update takes it out of the list.
        for (const connector of connectors) {
          const { queryKey } = connectorQueryOptions(client, connector.uuid.toLowerCase(), { expand: ADMIN_EXPAND });
          if (queryClient.getQueryData(queryKey) === undefined) queryClient.setQueryData(queryKey, connector);
        }
      }
      const keys = connectors.map((connector) => connector.uuid);
      const [only] = connectors;
      const write =
        connectors.length === 1 && only
          ? () => updateConnector({ connector: only.uuid, body: { hidden } })
          : () => batchUpdate(Object.fromEntries(connectors.map((connector) => [connector.uuid, { hidden }])));
      startWrite({ kind: hidden ? 'hide' : 'unhide', connectors }, keys, write);
    },
    [client, queryClient, remember, startWrite, updateConnector, batchUpdate],
  );

  const updateSource = useCallback(
    (connector: Connector, source: ConnectorSource, body: ConnectorSourceUpdateRequest) => {
      const action: WriteAction =
        body.auth_mechanism !== undefined
          ? { kind: 'switch-source', connector, source, mechanism: body.auth_mechanism }
          : { kind: body.disabled === null ? 'enable-source' : 'disable-source', connector, source };
      startWrite(action, [`${connector.uuid}/${source.id}`], () =>
        updateSourceAsync({ connector: connector.uuid, sourceId: source.id, body }),
      );
    },
    [startWrite, updateSourceAsync],
  );

  const dismissFailure = useCallback(() => setFailure(null), []);
  return { pending, failure, dismissFailure, announcement, setHidden, updateSource };
}
