import type { ConnectorsPage } from '@connector-kit/core';
import { type UseQueryResult, useQuery, useQueryClient } from '@tanstack/react-query';
import { cachedConnectorsPage, initialDataFrom } from './cache-answers.ts';
import { type ConnectorsListParams, type ConnectorsListQueryKey, normalizeConnectorsListParams } from './keys.ts';
import { useConnectorsClient } from './provider.tsx';
import { connectorsQueryOptions } from './query-options.ts';
import type { ConnectorsQueryHookOptions } from './types.ts';

export type UseConnectorsOptions = ConnectorsQueryHookOptions<ConnectorsPage, ConnectorsListQueryKey>;

/**
 * The connectors of the domain (`GET /connectors`), hidden ones left out as the API does.
 *
 * Equivalent parameters share one cache entry (country codes in any case or order). A list the cache can already
 * answer is not requested: a filter seen before is served from the cache while fresh, and a country filter is
 * answered from a cached list of the same client without a country filter, with the same `idPayment` and with
 * the `countries` expand and every expand asked for.
 *
 * A refresh that fails keeps the list it had: `data` stays, `isRefetchError` is true (until a fetch succeeds) and
 * `refetch()` tries again. `ConnectorPicker` then says "Could not refresh" with a "Try again" button.
 */
export function useConnectors(
  params: ConnectorsListParams = {},
  options: UseConnectorsOptions = {},
): UseQueryResult<ConnectorsPage, Error> {
  const client = useConnectorsClient();
  const queryClient = useQueryClient();
  const normalized = normalizeConnectorsListParams(params);
  return useQuery({
    ...connectorsQueryOptions(client, normalized),
    ...options,
    ...initialDataFrom(() => cachedConnectorsPage(queryClient, client, normalized)),
  });
}
