import type {
  Connection,
  ConnectionExpand,
  Connector,
  ConnectorExpand,
  ConnectorRef,
  ConnectorSource,
  ConnectorsClient,
  ConnectorsPage,
} from '@connector-kit/core';
import { queryOptions, skipToken } from '@tanstack/react-query';
import {
  type ConnectionQueryKey,
  type ConnectionsListQueryKey,
  type ConnectorQueryKey,
  type ConnectorSourceQueryKey,
  type ConnectorSourcesParams,
  type ConnectorSourcesQueryKey,
  type ConnectorsListParams,
  type ConnectorsListQueryKey,
  connectorKeys,
  normalizeConnectorSourcesParams,
  normalizeConnectorsListParams,
  normalizeExpand,
} from './keys.ts';
import type { ConnectorsQueryOptions } from './types.ts';

/** Connectors change rarely: data stays fresh for five minutes. */
export const CONNECTORS_STALE_TIME = 5 * 60 * 1000;

/** Whether a reference names a connector (the hooks wait while it does not). */
export function isConnectorRef(ref: ConnectorRef | null | undefined): ref is ConnectorRef {
  return ref !== null && ref !== undefined && ref !== '';
}

/**
 * `GET /connectors`: options for `useQuery`, `prefetchQuery`, `fetchQuery`, `getQueryData`...
 * The request is aborted when no component needs its answer anymore.
 */
export function connectorsQueryOptions(
  client: ConnectorsClient,
  params: ConnectorsListParams = {},
): ConnectorsQueryOptions<ConnectorsPage, ConnectorsListQueryKey> {
  const normalized = normalizeConnectorsListParams(params);
  return queryOptions<ConnectorsPage, Error, ConnectorsPage, ConnectorsListQueryKey>({
    queryKey: connectorKeys.list(client, normalized),
    queryFn: ({ signal }) => client.listConnectors({ ...normalized, signal }),
    staleTime: CONNECTORS_STALE_TIME,
  });
}

export interface ConnectorQueryParams {
  expand?: readonly ConnectorExpand[] | undefined;
}

/** `GET /connectors/{uuid}`. Without a reference (`null`, `undefined`, `''`) the query is skipped. */
export function connectorQueryOptions(
  client: ConnectorsClient,
  ref: ConnectorRef | null | undefined,
  { expand }: ConnectorQueryParams = {},
): ConnectorsQueryOptions<Connector, ConnectorQueryKey> {
  const normalized = normalizeExpand(expand);
  return queryOptions<Connector, Error, Connector, ConnectorQueryKey>({
    queryKey: connectorKeys.detail(client, ref ?? '', normalized),
    queryFn: isConnectorRef(ref)
      ? ({ signal }) => client.getConnector(ref, { ...(normalized ? { expand: normalized } : {}), signal })
      : skipToken,
    staleTime: CONNECTORS_STALE_TIME,
  });
}

/** `GET /connectors/{uuid}/sources`. Without a reference the query is skipped. */
export function connectorSourcesQueryOptions(
  client: ConnectorsClient,
  ref: ConnectorRef | null | undefined,
  params: ConnectorSourcesParams = {},
): ConnectorsQueryOptions<ConnectorSource[], ConnectorSourcesQueryKey> {
  const normalized = normalizeConnectorSourcesParams(params);
  return queryOptions<ConnectorSource[], Error, ConnectorSource[], ConnectorSourcesQueryKey>({
    queryKey: connectorKeys.sources(client, ref ?? '', normalized),
    queryFn: isConnectorRef(ref)
      ? ({ signal }) => client.listConnectorSources(ref, { ...normalized, signal })
      : skipToken,
    staleTime: CONNECTORS_STALE_TIME,
  });
}

/** `GET /connectors/{uuid}/sources/{id}`. Without a reference or a source id the query is skipped. */
export function connectorSourceQueryOptions(
  client: ConnectorsClient,
  ref: ConnectorRef | null | undefined,
  sourceId: number | null | undefined,
): ConnectorsQueryOptions<ConnectorSource, ConnectorSourceQueryKey> {
  return queryOptions<ConnectorSource, Error, ConnectorSource, ConnectorSourceQueryKey>({
    queryKey: connectorKeys.source(client, ref ?? '', sourceId),
    queryFn:
      isConnectorRef(ref) && sourceId !== null && sourceId !== undefined
        ? ({ signal }) => client.getConnectorSource(ref, sourceId, { signal })
        : skipToken,
    staleTime: CONNECTORS_STALE_TIME,
  });
}

export interface ConnectionsQueryParams {
  expand?: readonly ConnectionExpand[] | undefined;
}

/** `GET /users/me/connections` (the client needs the user's token, or a server route that adds it). */
export function connectionsQueryOptions(
  client: ConnectorsClient,
  { expand }: ConnectionsQueryParams = {},
): ConnectorsQueryOptions<Connection[], ConnectionsListQueryKey> {
  const normalized = normalizeExpand(expand);
  return queryOptions<Connection[], Error, Connection[], ConnectionsListQueryKey>({
    queryKey: connectorKeys.connectionList(client, normalized),
    queryFn: ({ signal }) => client.listConnections({ ...(normalized ? { expand: normalized } : {}), signal }),
  });
}

/** `GET /users/me/connections/{id}`. Without an id the query is skipped. */
export function connectionQueryOptions(
  client: ConnectorsClient,
  id: number | null | undefined,
  { expand }: ConnectionsQueryParams = {},
): ConnectorsQueryOptions<Connection, ConnectionQueryKey> {
  const key = connectorKeys.connection(client, id, expand);
  const params = key[5];
  return queryOptions<Connection, Error, Connection, ConnectionQueryKey>({
    queryKey: key,
    queryFn:
      id === null || id === undefined ? skipToken : ({ signal }) => client.getConnection(id, { ...params, signal }),
  });
}
