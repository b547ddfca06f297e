/**
 * Reading and patching what the query cache holds for one client: answering a query from a broader cached one,
 * and the optimistic updates of the write hooks with their rollback.
 */
import {
  CONNECTOR_EXPANDS,
  type Connector,
  type ConnectorExpand,
  type ConnectorRef,
  type ConnectorSource,
  type ConnectorSourceUpdateRequest,
  type ConnectorsPage,
  type ConnectorUpdateRequest,
} from '@connector-kit/core';
import type { Query, QueryClient, QueryKey } from '@tanstack/react-query';
import {
  type ConnectorsClientScope,
  connectorKeys,
  connectorMutationKeys,
  type NormalizedConnectorsListParams,
} from './keys.ts';

/** Data found in the cache, with the time the server sent it (0 when it is known to be out of date). */
export interface CachedAnswer<T> {
  data: T;
  updatedAt: number;
}

/**
 * `initialData` and `initialDataUpdatedAt` for `useQuery`, computed at most once from `lookup` (TanStack Query
 * calls both when it creates the cache entry).
 */
export function initialDataFrom<T>(lookup: () => CachedAnswer<T> | undefined) {
  let done = false;
  let answer: CachedAnswer<T> | undefined;
  const get = () => {
    if (!done) {
      answer = lookup();
      done = true;
    }
    return answer;
  };
  return {
    initialData: () => get()?.data,
    initialDataUpdatedAt: () => get()?.updatedAt,
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isPage(data: unknown): data is ConnectorsPage {
  return isRecord(data) && Array.isArray(data.connectors);
}

function isConnector(data: unknown): data is Connector {
  return isRecord(data) && typeof data.uuid === 'string';
}

function isSource(data: unknown): data is ConnectorSource {
  return isRecord(data) && typeof data.id === 'number';
}

function isSourceList(data: unknown): data is ConnectorSource[] {
  return Array.isArray(data) && data.every(isSource);
}

/** The normalized parameters at the end of a list key. */
function listParamsOf(queryKey: QueryKey): NormalizedConnectorsListParams | undefined {
  const params = queryKey[3];
  return queryKey[2] === 'list' && isRecord(params) ? (params as NormalizedConnectorsListParams) : undefined;
}

/** The time to hand down with data read from a query: 0 when the query is known to be out of date. */
function answerTime(query: Query): number {
  return query.state.isInvalidated ? 0 : query.state.dataUpdatedAt;
}

/** A copy of a connector that keeps only the expanded properties in `keep`, as the API would answer it. */
function withExpands(connector: Connector, keep: ReadonlySet<ConnectorExpand>): Connector {
  if (CONNECTOR_EXPANDS.every((name) => keep.has(name) || !(name in connector))) return connector;
  const copy: Record<string, unknown> = { ...connector };
  for (const name of CONNECTOR_EXPANDS) if (!keep.has(name)) delete copy[name];
  return copy as Connector;
}

function hasAll(available: readonly ConnectorExpand[] | undefined, wanted: ReadonlySet<ConnectorExpand>): boolean {
  for (const name of wanted) if (!available?.includes(name)) return false;
  return true;
}

/** The most recent cached connectors list of the client that `accepts` (given its parameters and page). */
function freshestList(
  queryClient: QueryClient,
  client: ConnectorsClientScope,
  accepts: (params: NormalizedConnectorsListParams, page: ConnectorsPage) => boolean,
): CachedAnswer<ConnectorsPage> | undefined {
  let best: CachedAnswer<ConnectorsPage> | undefined;
  for (const query of queryClient.getQueryCache().findAll({ queryKey: connectorKeys.lists(client) })) {
    const params = listParamsOf(query.queryKey);
    const data = query.state.data;
    const updatedAt = answerTime(query);
    if (params && isPage(data) && accepts(params, data) && (!best || updatedAt > best.updatedAt)) {
      best = { data, updatedAt };
    }
  }
  return best;
}

/**
 * A connectors list answered from a broader list of the same client already in the cache: one without a country
 * filter, with the same payment id, and with every expand asked for (plus `countries` to filter on). The API's
 * country filter keeps the connectors that have one of the countries, which is what is applied here.
 */
export function cachedConnectorsPage(
  queryClient: QueryClient,
  client: ConnectorsClientScope,
  params: NormalizedConnectorsListParams,
): CachedAnswer<ConnectorsPage> | undefined {
  const expand = new Set(params.expand ?? []);
  const needed = new Set(expand);
  if (params.countryCodes) needed.add('countries');
  const list = freshestList(
    queryClient,
    client,
    (source) =>
      source.countryCodes === undefined && source.idPayment === params.idPayment && hasAll(source.expand, needed),
  );
  if (!list) return undefined;
  const page = list.data;
  const codes = params.countryCodes ? new Set(params.countryCodes) : undefined;
  const connectors = page.connectors
    .filter(
      (connector) =>
        codes === undefined || (connector.countries ?? []).some((country) => codes.has(country.id.toUpperCase())),
    )
    .map((connector) => withExpands(connector, expand));
  return {
    data: { connectors, total: codes === undefined ? page.total : connectors.length },
    updatedAt: list.updatedAt,
  };
}

/** A connector's identifiers, both when the cache knows them: a write names it by one, cache keys by either. */
export interface ConnectorIdentity {
  uuid?: string | undefined;
  id?: number | undefined;
}

/** The identifier a reference gives: a numeric id, or else a UUID. */
function refIdentity(ref: ConnectorRef): ConnectorIdentity {
  const value = String(ref);
  return /^\d+$/.test(value) ? { id: Number(value) } : { uuid: value };
}

/** Whether a connector (or another identity) is the one `identity` names: same UUID, in any case, or same id. */
function isSameConnector(identity: ConnectorIdentity, other: ConnectorIdentity): boolean {
  return (
    (identity.uuid !== undefined && identity.uuid.toLowerCase() === other.uuid?.toLowerCase()) ||
    (identity.id !== undefined && identity.id === other.id)
  );
}

/** Whether a detail, sources or source key was made with a reference to this connector. */
function keyNames(identity: ConnectorIdentity, queryKey: QueryKey): boolean {
  const ref = queryKey[3];
  return typeof ref === 'string' && isSameConnector(identity, refIdentity(ref));
}

/**
 * A connector answered from a cached list of the same client that was fetched with every expand asked for.
 * Lists leave hidden connectors out, so a hidden one is never found here.
 */
export function cachedConnector(
  queryClient: QueryClient,
  client: ConnectorsClientScope,
  ref: ConnectorRef,
  expand: readonly ConnectorExpand[] | undefined,
): CachedAnswer<Connector> | undefined {
  const wanted = new Set(expand ?? []);
  const identity = refIdentity(ref);
  const isWanted = (connector: Connector) => isSameConnector(identity, connector);
  const list = freshestList(
    queryClient,
    client,
    (source, page) => hasAll(source.expand, wanted) && page.connectors.some(isWanted),
  );
  const found = list?.data.connectors.find(isWanted);
  if (!list || !found) return undefined;
  return { data: withExpands(found, wanted), updatedAt: list.updatedAt };
}

function cachedConnectors(queryClient: QueryClient, client: ConnectorsClientScope): Connector[] {
  const found: Connector[] = [];
  for (const query of queryClient.getQueryCache().findAll({ queryKey: connectorKeys.client(client) })) {
    const data = query.state.data;
    const kind = query.queryKey[2];
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

/** Whether a single connector's query is about this connector: by its key's reference, or by its data. */
function isDetailOf(identity: ConnectorIdentity, query: Query): boolean {
  const data = query.state.data;
  return keyNames(identity, query.queryKey) || (isConnector(data) && isSameConnector(identity, data));
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
 * Applies `patch` to the data of every query of the client that `select` picks, keeping each entry's update
 * time (an optimistic change is not news from the server). Returns the entries as they were.
 */
function patchQueries(
  queryClient: QueryClient,
  client: ConnectorsClientScope,
  patch: (data: unknown, queryKey: QueryKey) => unknown,
): CacheSnapshot {
  const saved: SavedEntry[] = [];
  for (const query of queryClient.getQueryCache().findAll({ queryKey: connectorKeys.client(client) })) {
    const { data, dataUpdatedAt } = query.state;
    if (data === undefined) continue;
    const next = patch(data, query.queryKey);
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
  return patchQueries(queryClient, client, (data, queryKey) => {
    const kind = queryKey[2];
    if (kind === 'detail' && isConnector(data)) return change(data);
    if (kind === 'list' && isPage(data)) {
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
    const kind = query.queryKey[2];
    return kind === 'list' || (kind === 'detail' && identities.some((identity) => isDetailOf(identity, query)));
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
function isSourceEntryOf(identity: ConnectorIdentity, queryKey: QueryKey, data: unknown): boolean {
  if (keyNames(identity, queryKey)) return true;
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
  return patchQueries(queryClient, client, (data, queryKey) => {
    const kind = queryKey[2];
    if (kind === 'sources' && isSourceList(data) && isSourceEntryOf(identity, queryKey, data)) return changeIn(data);
    if (kind === 'source' && isSource(data) && data.id === sourceId && isSourceEntryOf(identity, queryKey, data)) {
      return changeSource(data, body);
    }
    if (kind === 'detail' && isConnector(data)) return withSource(data);
    if (kind === 'list' && isPage(data)) {
      const connectors = mapChanged(data.connectors, withSource);
      return connectors === data.connectors ? data : { ...data, connectors };
    }
    return data;
  });
}

/** Whether a query of the client holds the sources of this connector, in any form. */
export function touchesSources(identity: ConnectorIdentity) {
  return (query: Query): boolean => {
    const { queryKey } = query;
    switch (queryKey[2]) {
      case 'sources':
      case 'source':
        return isSourceEntryOf(identity, queryKey, query.state.data);
      case 'list':
        return listParamsOf(queryKey)?.expand?.includes('sources') === true;
      case 'detail':
        return isDetailOf(identity, query);
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
