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

/** The expands the admin table reads, for the list and for each connector read on its own. */
export const ADMIN_EXPAND = ['countries', 'sources'] as const satisfies readonly ConnectorExpand[];

export interface WriteFailure {
  /** What was attempted, e.g. `Hiding “BNP Paribas”`. */
  action: string;
  /** What happened, in a sentence: `failureSentence(action, error)`. */
  sentence: string;
  error: unknown;
  retry: () => void;
}

export interface AdminWrites {
  /** Keys (`connector uuid`, or `uuid/source id`) with a write in flight. */
  pending: ReadonlySet<string>;
  /** The last write that failed (its optimistic change has been rolled back), until dismissed or retried. */
  failure: WriteFailure | null;
  dismissFailure(): void;
  /** The outcome of the last write that succeeded, for a polite live region. */
  announcement: string;
  setHidden(connectors: readonly Connector[], hidden: boolean): void;
  updateSource(connector: Connector, source: ConnectorSource, body: ConnectorSourceUpdateRequest): void;
}

const quote = (name: string) => `“${name}”`;

/**
 * What a failed write means for the admin. An answer that arrived but could not be read (a 2xx with a broken body)
 * may come from a write the server did apply: the table is refreshed from the server instead of claiming an undo.
 */
export function failureSentence(action: string, error: unknown): string {
  return error instanceof ConnectorsError && error.kind === 'response'
    ? `${action}: the server's answer could not be read; the table shows what the server holds now.`
    : `${action} failed; the change was undone.`;
}

function describeConnectors(connectors: readonly Connector[]): string {
  const [first] = connectors;
  return connectors.length === 1 && first ? quote(first.name) : `${connectors.length} connectors`;
}

/**
 * The admin page's writes, through the library's mutation hooks (optimistic, rolled back on error): hide or unhide
 * one connector (`PUT /connectors/{uuid}`) or several (`PATCH /connectors`), and change a source
 * (`PUT /connectors/{uuid}/sources/{id}`).
 *
 * `remember` is called with the connectors about to be hidden: the list will leave them out, so the page keeps
 * them by UUID and reads them one by one.
 */
export function useAdminWrites(remember: (uuids: readonly string[]) => void): AdminWrites {
  const client = useConnectorsClient();
  const queryClient = useQueryClient();
  const updateConnector = useUpdateConnector().mutateAsync;
  const batchUpdate = useBatchUpdateConnectors().mutateAsync;
  const updateSourceAsync = useUpdateConnectorSource().mutateAsync;
  const [pending, setPending] = useState<ReadonlySet<string>>(() => new Set());
  const [failure, setFailure] = useState<WriteFailure | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const counter = useRef(0);

  const run = useCallback((action: string, keys: readonly string[], write: () => Promise<unknown>, done: string) => {
    const attempt = async (): Promise<void> => {
      setFailure(null);
      setPending((current) => new Set([...current, ...keys]));
      try {
        await write();
        // A counter keeps two identical messages in a row distinct for screen readers.
        counter.current += 1;
        setAnnouncement(`${done}${counter.current % 2 === 0 ? '' : '\u200b'}`);
      } catch (error) {
        const sentence = failureSentence(action, error);
        setFailure({ action, sentence, error, retry: () => void attempt() });
        counter.current += 1;
        setAnnouncement(`${sentence}${counter.current % 2 === 0 ? '' : '\u200b'}`);
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
      const verb = hidden ? 'Hiding' : 'Unhiding';
      const what = describeConnectors(connectors);
      const keys = connectors.map((connector) => connector.uuid);
      const [only] = connectors;
      const write =
        connectors.length === 1 && only
          ? () => updateConnector({ connector: only.uuid, body: { hidden } })
          : () => batchUpdate(Object.fromEntries(connectors.map((connector) => [connector.uuid, { hidden }])));
      run(`${verb} ${what}`, keys, write, `${what} ${hidden ? 'hidden' : 'visible again'}.`);
    },
    [client, queryClient, remember, run, updateConnector, batchUpdate],
  );

  const updateSource = useCallback(
    (connector: Connector, source: ConnectorSource, body: ConnectorSourceUpdateRequest) => {
      const change =
        body.auth_mechanism !== undefined
          ? `Switching source ${quote(source.name)} of ${quote(connector.name)} to ${body.auth_mechanism}`
          : body.disabled === null
            ? `Enabling source ${quote(source.name)} of ${quote(connector.name)}`
            : `Disabling source ${quote(source.name)} of ${quote(connector.name)}`;
      const done =
        body.auth_mechanism !== undefined
          ? `Source ${quote(source.name)} now uses ${body.auth_mechanism}.`
          : `Source ${quote(source.name)} ${body.disabled === null ? 'enabled' : 'disabled'}.`;
      run(
        change,
        [`${connector.uuid}/${source.id}`],
        () => updateSourceAsync({ connector: connector.uuid, sourceId: source.id, body }),
        done,
      );
    },
    [run, updateSourceAsync],
  );

  const dismissFailure = useCallback(() => setFailure(null), []);
  return { pending, failure, dismissFailure, announcement, setHidden, updateSource };
}
