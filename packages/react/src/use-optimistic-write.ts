import type { ConnectorsClient } from '@connector-kit/core';
import {
  type Query,
  type QueryClient,
  type QueryKey,
  type UseMutationResult,
  useMutation,
  useQueryClient,
} from '@tanstack/react-query';
import { type ConnectorsClientScope, connectorKeys } from './keys.ts';
import { type CacheSnapshot, type OptimisticWrite, refreshAfterWrite, restoreSnapshot } from './optimistic-updates.ts';
import { useConnectorsClient } from './provider.tsx';

/** What a write does to the cache of its client. */
export interface WritePlan {
  /** The queries the write may change on the server. */
  touches: (query: Query) => boolean;
  /** Applies the optimistic update; returns the entries as they were. */
  patch: () => CacheSnapshot;
}

/**
 * A write hook with optimistic cache updates: stops the fetches the write touches (so that an answer sent before it
 * cannot overwrite it), patches the cache at once, puts it back if the server refuses the write, and once the write
 * settles refreshes what it touched (see `refreshAfterWrite`).
 */
export function useOptimisticWrite<TData, TVariables>(
  mutationKey: (client: ConnectorsClientScope) => QueryKey,
  write: (client: ConnectorsClient, variables: TVariables) => Promise<TData>,
  plan: (variables: TVariables, queryClient: QueryClient, client: ConnectorsClient) => WritePlan,
): UseMutationResult<TData, Error, TVariables, OptimisticWrite> {
  const client = useConnectorsClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: mutationKey(client),
    mutationFn: (variables: TVariables) => write(client, variables),
    onMutate: async (variables) => {
      const { touches, patch } = plan(variables, queryClient, client);
      await queryClient.cancelQueries({ queryKey: connectorKeys.client(client), predicate: touches });
      return { snapshot: patch(), touches };
    },
    onError: (_error, _variables, written) => restoreSnapshot(queryClient, written),
    onSettled: (_data, _error, variables, written) =>
      refreshAfterWrite(queryClient, client, written?.touches ?? plan(variables, queryClient, client).touches),
  });
}
