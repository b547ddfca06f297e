import type { ConnectorRef, ConnectorSource } from '@connector-kit/core';
import { type UseQueryResult, useQuery } from '@tanstack/react-query';
import type { ConnectorSourceQueryKey } from './keys.ts';
import { useConnectorsClient } from './provider.tsx';
import { connectorSourceQueryOptions } from './query-options.ts';
import type { ConnectorsQueryHookOptions } from './types.ts';

export type UseConnectorSourceOptions = ConnectorsQueryHookOptions<ConnectorSource, ConnectorSourceQueryKey>;

/**
 * One source of a connector (`GET /connectors/{uuid}/sources/{id}`). While `ref` or `sourceId` is missing nothing
 * is requested.
 */
export function useConnectorSource(
  ref: ConnectorRef | null | undefined,
  sourceId: number | null | undefined,
  options: UseConnectorSourceOptions = {},
): UseQueryResult<ConnectorSource, Error> {
  const client = useConnectorsClient();
  return useQuery({ ...connectorSourceQueryOptions(client, ref, sourceId), ...options });
}
