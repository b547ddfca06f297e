import type { ConnectorUpdateRequest } from '@connector-kit/core';
import { type UseMutationResult, useMutation, useQueryClient } from '@tanstack/react-query';
import {
  cancelQueriesOf,
  connectorIdentity,
  type OptimisticWrite,
  patchConnectors,
  refreshAfterWrite,
  restoreSnapshot,
  touchesConnectors,
} from './cache.ts';
import { connectorMutationKeys } from './keys.ts';
import { useConnectorsClient } from './provider.tsx';

/** Changes to apply, by connector UUID. */
export type BatchUpdateConnectorsVariables = Readonly<Record<string, ConnectorUpdateRequest>>;

/**
 * Updates several connectors in one request (`PATCH /connectors`; the client must hold a config token), e.g.
 * `mutate({ [uuidA]: { hidden: true }, [uuidB]: { hidden: false } })`.
 *
 * Same cache behaviour as `useUpdateConnector`, for every connector of the batch.
 */
export function useBatchUpdateConnectors(): UseMutationResult<
  void,
  Error,
  BatchUpdateConnectorsVariables,
  OptimisticWrite
> {
  const client = useConnectorsClient();
  const queryClient = useQueryClient();
  const changesOf = (updates: BatchUpdateConnectorsVariables) =>
    Object.entries(updates).map(([uuid, body]) => ({ identity: connectorIdentity(queryClient, client, uuid), body }));
  return useMutation({
    mutationKey: connectorMutationKeys.batchUpdateConnectors(client),
    mutationFn: (updates: BatchUpdateConnectorsVariables) => client.batchUpdateConnectors(updates),
    onMutate: async (updates) => {
      const changes = changesOf(updates);
      const touched = touchesConnectors(changes.map((change) => change.identity));
      await cancelQueriesOf(queryClient, client, touched);
      return { snapshot: patchConnectors(queryClient, client, changes), touches: touched };
    },
    onError: (_error, _variables, write) => restoreSnapshot(queryClient, write),
    onSettled: (_data, _error, updates, write) =>
      refreshAfterWrite(
        queryClient,
        client,
        write?.touches ?? touchesConnectors(changesOf(updates).map((change) => change.identity)),
      ),
  });
}
