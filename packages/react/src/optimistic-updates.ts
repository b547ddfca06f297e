/**
 * The optimistic updates of the write hooks: patching what the query cache holds for one client the moment a write
 * starts, putting it back if the server refuses the write, and refreshing what the write touched once it settles.
 */
import type {
  Connector,
  ConnectorRef,
  ConnectorSource,
  ConnectorSourceUpdateRequest,
  ConnectorUpdateRequest,
} from '@connector-kit/core';
import type { Query, QueryClient, QueryKey } from '@tanstack/react-query';
import {
  type ConnectorIdentity,
  isConnector,
  isPage,
  isSameConnector,
  isSource,
  isSourceList,
  refIdentity,
} from './cache-data.ts';
import {
  type ConnectorsClientScope,
  connectorKeys,
  connectorMutationKeys,
  type ParsedConnectorKey,
  parseConnectorKey,
} from './keys.ts';

/** Every connector the cache holds for the client, in its lists and single connectors. */
function cachedConnectors(queryClient: QueryClient, client: ConnectorsClientScope): Connector[] {
  const found: Connector[] = [];
  for (const query of queryClient.getQueryCache().findAll({ queryKey: connectorKeys.client(client) })) {
    const data = query.state.data;
    const kind = parseConnectorKey(query.queryKey)?.kind;
    if (kind === 'list' && isPage(data)) found.push(...data.connectors);
    else if (kind === 'detail' && isConnector(data)) found.push(data);
  }
  return found;
}

/** A connector's identifiers: both when the cache holds it (a cached connector carries both), else the reference's. */
export function connectorIdentity(
  queryClient: QueryClient,
  client: ConnectorsClientScope,
  ref: ConnectorRef,
): ConnectorIdentity {
  const named = refIdentity(ref);
  return cachedConnectors(queryClient, client).find((connector) => isSameConnector(named, connector)) ?? named;
}

/** Whether a key was made with a reference to this connector (detail, sources and source keys carry one). */
function keyRefersTo(identity: ConnectorIdentity, key: ParsedConnectorKey): boolean {
  return 'ref' in key && isSameConnector(identity, refIdentity(key.ref));
}

/** Whether a single connector's entry is about this connector: by its key's reference, or by its data. */
function isDetailOf(identity: ConnectorIdentity, key: ParsedConnectorKey, data: unknown): boolean {
  return keyRefersTo(identity, key) || (isConnector(data) && isSameConnector(identity, data));
}

/** `list` with `change` applied to every item, or `list` itself when that changes none. */
function mapChanged<T>(list: T[], change: (item: T) => T): T[] {
  const next = list.map(change);
  return next.some((item, index) => item !== list[index]) ? next : list;
}

/** One cache entry as it was before an optimistic update. */
interface SavedEntry {
  queryKey: QueryKey;
  data: unknown;
  updatedAt: number;
}

/** What an optimistic update changed, to put back if the write fails. */
export type CacheSnapshot = readonly SavedEntry[];

/**
 * Applies `patch` to the data of every entry of the client whose key this library made, keeping each entry's
 * update time (an optimistic change is not news from the server). `patch` returns the data itself to leave an
 * entry alone. Returns the entries as they were.
 */
function patchQueries(
  queryClient: QueryClient,
  client: ConnectorsClientScope,
  patch: (data: unknown, key: ParsedConnectorKey) => unknown,
): CacheSnapshot {
  const saved: SavedEntry[] = [];
  for (const query of queryClient.getQueryCache().findAll({ queryKey: connectorKeys.client(client) })) {
    const { data, dataUpdatedAt } = query.state;
    const key = parseConnectorKey(query.queryKey);
    if (data === undefined || key === null) continue;
    const next = patch(data, key);
    if (next === data) continue;
    saved.push({ queryKey: query.queryKey, data, updatedAt: dataUpdatedAt });
    queryClient.setQueryData(query.queryKey, next, { updatedAt: dataUpdatedAt });
  }
  return saved;
}

/** What a write hook remembers between its optimistic update and the server's answer. */
export interface OptimisticWrite {
  /** The entries as they were before the optimistic update. */
  snapshot: CacheSnapshot;
  /** The queries the write may have changed on the server. */
  touches: (query: Query) => boolean;
}

/** Puts back what an optimistic update changed. */
export function restoreSnapshot(queryClient: QueryClient, write: OptimisticWrite | undefined): void {
  if (!write) return;
  for (const entry of [...write.snapshot].reverse()) {
    queryClient.setQueryData(entry.queryKey, entry.data, { updatedAt: entry.updatedAt });
  }
}

/** Pending connector writes, each with the connector it changes. */
export interface ConnectorChange {
  identity: ConnectorIdentity;
  body: ConnectorUpdateRequest;
}

function changeConnector(connector: Connector, body: ConnectorUpdateRequest): Connector {
  if (body.hidden === undefined || connector.hidden === body.hidden) return connector;
  return { ...connector, hidden: body.hidden };
}

/**
 * Optimistic connector writes: patched in every cached list and single connector that holds them. A connector
 * that becomes hidden leaves the lists, as the API leaves hidden connectors out of them.
 */
export function patchConnectors(
  queryClient: QueryClient,
  client: ConnectorsClientScope,
  changes: readonly ConnectorChange[],
): CacheSnapshot {
  const change = (connector: Connector) => {
    const pending = changes.find(({ identity }) => isSameConnector(identity, connector));
    return pending ? changeConnector(connector, pending.body) : connector;
  };
  return patchQueries(queryClient, client, (data, key) => {
    if (key.kind === 'detail' && isConnector(data)) return change(data);
    if (key.kind === 'list' && isPage(data)) {
      const changed = mapChanged(data.connectors, change);
      if (changed === data.connectors) return data;
      const connectors = changed.filter((connector) => connector.hidden !== true);
      const removed = changed.length - connectors.length;
      return { connectors, total: data.total === undefined ? undefined : data.total - removed };
    }
    return data;
  });
}

/** Whether a query of the client holds (or is about) one of these connectors. */
export function touchesConnectors(identities: readonly ConnectorIdentity[]) {
  return (query: Query): boolean => {
    const key = parseConnectorKey(query.queryKey);
    if (key?.kind === 'list') return true;
    return key?.kind === 'detail' && identities.some((identity) => isDetailOf(identity, key, query.state.data));
  };
}

function changeSource(source: ConnectorSource, body: ConnectorSourceUpdateRequest): ConnectorSource {
  let next = source;
  if (body.auth_mechanism !== undefined && body.auth_mechanism !== source.auth_mechanism) {
    next = { ...next, auth_mechanism: body.auth_mechanism };
  }
  if (body.disabled !== undefined && body.disabled !== source.disabled) {
    next = { ...next, disabled: body.disabled };
  }
  return next;
}

/** Whether a sources or source entry belongs to the connector: by the key's reference, or the sources' own. */
function isSourceEntryOf(identity: ConnectorIdentity, key: ParsedConnectorKey, data: unknown): boolean {
  if (keyRefersTo(identity, key)) return true;
  if (identity.id === undefined) return false;
  const sources = isSourceList(data) ? data : isSource(data) ? [data] : [];
  return sources.some((source) => source.id_connector === identity.id);
}

/**
 * An optimistic source write: patched in the connector's cached sources lists, in the source itself, and in the
 * `sources` expand of every cached list or single connector that holds the connector.
 */
export function patchSource(
  queryClient: QueryClient,
  client: ConnectorsClientScope,
  identity: ConnectorIdentity,
  sourceId: number,
  body: ConnectorSourceUpdateRequest,
): CacheSnapshot {
  const changeIn = (sources: ConnectorSource[]) =>
    mapChanged(sources, (source) => (source.id === sourceId ? changeSource(source, body) : source));
  const withSource = (connector: Connector): Connector => {
    if (!connector.sources || !isSameConnector(identity, connector)) return connector;
    const sources = changeIn(connector.sources);
    return sources === connector.sources ? connector : { ...connector, sources };
  };
  return patchQueries(queryClient, client, (data, key) => {
    switch (key.kind) {
      case 'sources':
        return isSourceList(data) && isSourceEntryOf(identity, key, data) ? changeIn(data) : data;
      case 'source':
        return isSource(data) && data.id === sourceId && isSourceEntryOf(identity, key, data)
          ? changeSource(data, body)
          : data;
      case 'detail':
        return isConnector(data) ? withSource(data) : data;
      case 'list': {
        if (!isPage(data)) return data;
        const connectors = mapChanged(data.connectors, withSource);
        return connectors === data.connectors ? data : { ...data, connectors };
      }
      default:
        return data;
    }
  });
}

/** Whether a query of the client holds the sources of this connector, in any form. */
export function touchesSources(identity: ConnectorIdentity) {
  return (query: Query): boolean => {
    const key = parseConnectorKey(query.queryKey);
    switch (key?.kind) {
      case 'sources':
      case 'source':
        return isSourceEntryOf(identity, key, query.state.data);
      case 'list':
        return key.params.expand?.includes('sources') === true;
      case 'detail':
        return isDetailOf(identity, key, query.state.data);
      default:
        return false;
    }
  };
}

/**
 * After a write, successful or not: marks what it touched as out of date and, once no other write of the client
 * is running, refetches every out-of-date query on screen, so the UI shows the server's state. Writes that overlap
 * leave the refetch to the last one, so that one's answer cannot undo another's optimistic change.
 */
export async function refreshAfterWrite(
  queryClient: QueryClient,
  client: ConnectorsClientScope,
  predicate: (query: Query) => boolean,
): Promise<void> {
  await queryClient.invalidateQueries({ queryKey: connectorKeys.client(client), predicate, refetchType: 'none' });
  if (queryClient.isMutating({ mutationKey: connectorMutationKeys.all(client) }) > 1) return;
  await queryClient.refetchQueries({
    queryKey: connectorKeys.client(client),
    type: 'active',
    predicate: (query) => query.state.isInvalidated,
  });
}
