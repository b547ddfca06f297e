import type { ConnectorRef, ConnectorSource } from '@connector-kit/core';
import { type UseQueryResult, useQuery } from '@tanstack/react-query';
import type { ConnectorSourcesParams, ConnectorSourcesQueryKey } from './keys.ts';
import { useConnectorsClient } from './provider.tsx';
import { connectorSourcesQueryOptions } from './query-options.ts';
import type { ConnectorsQueryHookOptions } from './types.ts';

export type UseConnectorSourcesOptions = ConnectorsQueryHookOptions<ConnectorSource[], ConnectorSourcesQueryKey>;

/**
 * The sources of a connector (`GET /connectors/{uuid}/sources`), optionally for some countries only. While `ref`
 * is `null`, `undefined` or `''` nothing is requested.
 */
export function useConnectorSources(
  ref: ConnectorRef | null | undefined,
  params: ConnectorSourcesParams = {},
  options: UseConnectorSourcesOptions = {},
): UseQueryResult<ConnectorSource[], Error> {
  const client = useConnectorsClient();
  return useQuery({ ...connectorSourcesQueryOptions(client, ref, params), ...options });
}
