import type { Connector, ConnectorExpand, ConnectorRef } from '@connector-kit/core';
import { type UseQueryResult, useQuery, useQueryClient } from '@tanstack/react-query';
import { cachedConnector, initialDataFrom } from './cache-answers.ts';
import { type ConnectorQueryKey, normalizeExpand } from './keys.ts';
import { useConnectorsClient } from './provider.tsx';
import { connectorQueryOptions, isConnectorRef } from './query-options.ts';
import type { ConnectorsQueryHookOptions } from './types.ts';

export interface UseConnectorParams {
  expand?: readonly ConnectorExpand[] | undefined;
}
export type UseConnectorOptions = ConnectorsQueryHookOptions<Connector, ConnectorQueryKey>;

/**
 * One connector (`GET /connectors/{uuid}`), by UUID or by numeric id. While `ref` is `null`, `undefined` or `''`
 * nothing is requested and the query stays `pending` with `fetchStatus: 'idle'`.
 *
 * A connector already in a cached list fetched with every expand asked for is shown from there at once.
 */
export function useConnector(
  ref: ConnectorRef | null | undefined,
  { expand }: UseConnectorParams = {},
  options: UseConnectorOptions = {},
): UseQueryResult<Connector, Error> {
  const client = useConnectorsClient();
  const queryClient = useQueryClient();
  const normalized = normalizeExpand(expand);
  return useQuery({
    ...connectorQueryOptions(client, ref, { expand: normalized }),
    ...options,
    ...initialDataFrom(() => (isConnectorRef(ref) ? cachedConnector(queryClient, client, ref, normalized) : undefined)),
  });
}
