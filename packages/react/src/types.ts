import type { DataTag, QueryKey, UseQueryOptions } from '@tanstack/react-query';

/**
 * The `useQuery` options a data hook passes through (`enabled`, `placeholderData`, `refetchInterval`,
 * `staleTime`...). The key, the request and the cache seeding belong to the hook.
 */
export type ConnectorsQueryHookOptions<TData, TQueryKey extends QueryKey = QueryKey> = Omit<
  UseQueryOptions<TData, Error, TData, TQueryKey>,
  'queryKey' | 'queryFn' | 'initialData' | 'initialDataUpdatedAt'
>;

/**
 * What a query-option factory returns: options for `useQuery`, `prefetchQuery`, `fetchQuery`..., whose key is
 * tagged with the data type so that `queryClient.getQueryData(options.queryKey)` is typed.
 */
export type ConnectorsQueryOptions<TData, TQueryKey extends QueryKey> = UseQueryOptions<
  TData,
  Error,
  TData,
  TQueryKey
> & { queryKey: DataTag<TQueryKey, TData, Error> };
