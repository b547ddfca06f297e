import type { Connection } from '@connector-kit/core';
import { type UseQueryResult, useQuery } from '@tanstack/react-query';
import type { ConnectionQueryKey, ConnectionsListQueryKey } from './keys.ts';
import { useConnectorsClient } from './provider.tsx';
import { type ConnectionsQueryParams, connectionQueryOptions, connectionsQueryOptions } from './query-options.ts';
import type { ConnectorsQueryHookOptions } from './types.ts';

export type UseConnectionsOptions = ConnectorsQueryHookOptions<Connection[], ConnectionsListQueryKey>;
export type UseConnectionOptions = ConnectorsQueryHookOptions<Connection, ConnectionQueryKey>;

/** The user's connections (`GET /users/me/connections`). */
export function useConnections(
  params: ConnectionsQueryParams = {},
  options: UseConnectionsOptions = {},
): UseQueryResult<Connection[], Error> {
  const client = useConnectorsClient();
  return useQuery({ ...connectionsQueryOptions(client, params), ...options });
}

/** One of the user's connections (`GET /users/me/connections/{id}`); nothing is requested while `id` is `null`. */
export function useConnection(
  id: number | null | undefined,
  params: ConnectionsQueryParams = {},
  options: UseConnectionOptions = {},
): UseQueryResult<Connection, Error> {
  const client = useConnectorsClient();
  return useQuery({ ...connectionQueryOptions(client, id, params), ...options });
}
