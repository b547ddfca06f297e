/**
 * Answering a query from a broader one the query cache already holds: a country-filtered list, or a single
 * connector, from a cached list of the same client. Handed to `useQuery` as initial data.
 */
import {
  CONNECTOR_EXPANDS,
  type Connector,
  type ConnectorExpand,
  type ConnectorRef,
  type ConnectorsPage,
} from '@connector-kit/core';
import type { Query, QueryClient } from '@tanstack/react-query';
import { isPage, isSameConnector, refIdentity } from './cache-data.ts';
import {
  type ConnectorsClientScope,
  connectorKeys,
  type NormalizedConnectorsListParams,
  parseConnectorKey,
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
  let looked = false;
  let answer: CachedAnswer<T> | undefined;
  const lookupOnce = () => {
    if (!looked) {
      answer = lookup();
      looked = true;
    }
    return answer;
  };
  return {
    initialData: () => lookupOnce()?.data,
    initialDataUpdatedAt: () => lookupOnce()?.updatedAt,
  };
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
    const key = parseConnectorKey(query.queryKey);
    const data = query.state.data;
    const updatedAt = answerTime(query);
    if (key?.kind === 'list' && isPage(data) && accepts(key.params, data) && (!best || updatedAt > best.updatedAt)) {
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
