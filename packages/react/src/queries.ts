/**
 * `@connector-kit/react/queries`: what needs no React at all, so that a Server Component can import it (the main
 * entry is a client boundary): the query keys, the query options and the query client with this library's
 * defaults. A page prefetches the connector list on the server with the same key the picker reads in the browser.
 */

// The types of @connector-kit/core that these signatures name: an app needs no second import for them.
export type {
  Connection,
  ConnectionExpand,
  Connector,
  ConnectorExpand,
  ConnectorRef,
  ConnectorSource,
  ConnectorsClient,
  ConnectorsPage,
} from '@connector-kit/core';
export {
  type ConnectionQueryKey,
  type ConnectionsListQueryKey,
  type ConnectorQueryKey,
  type ConnectorSourceQueryKey,
  type ConnectorSourcesParams,
  type ConnectorSourcesQueryKey,
  type ConnectorsClientScope,
  type ConnectorsListParams,
  type ConnectorsListQueryKey,
  connectorKeys,
  connectorMutationKeys,
  type NormalizedConnectorParams,
  type NormalizedConnectorSourcesParams,
  type NormalizedConnectorsListParams,
} from './keys.ts';
export {
  connectorsRetryDelay,
  createConnectorsQueryClient,
  shouldRetryConnectorsQuery,
} from './query-client.ts';
export {
  CONNECTORS_STALE_TIME,
  type ConnectionsQueryParams,
  type ConnectorQueryParams,
  connectionQueryOptions,
  connectionsQueryOptions,
  connectorQueryOptions,
  connectorSourceQueryOptions,
  connectorSourcesQueryOptions,
  connectorsQueryOptions,
} from './query-options.ts';
export type { ConnectorsQueryOptions } from './types.ts';
