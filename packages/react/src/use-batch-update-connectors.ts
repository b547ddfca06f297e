import type { ConnectorUpdateRequest } from '@connector-kit/core';
import type { UseMutationResult } from '@tanstack/react-query';
import { connectorMutationKeys } from './keys.ts';
import { connectorIdentity, patchConnectors, touchesConnectors } from './optimistic-updates.ts';
import { useOptimisticWrite } from './use-optimistic-write.ts';

/** Changes to apply, by connector UUID. */
export type BatchUpdateConnectorsVariables = Readonly<Record<string, ConnectorUpdateRequest>>;

/**
 * Updates several connectors in one request (`PATCH /connectors`; the client must hold a config token), e.g.
 * `mutate({ [uuidA]: { hidden: true }, [uuidB]: { hidden: false } })`.
 *
 * Same cache behaviour as `useUpdateConnector`, for every connector of the batch.
 */
export function useBatchUpdateConnectors(): UseMutationResult<void, Error, BatchUpdateConnectorsVariables, unknown> {
  return useOptimisticWrite(
    connectorMutationKeys.batchUpdateConnectors,
    (client, updates: BatchUpdateConnectorsVariables) => client.batchUpdateConnectors(updates),
    (updates, queryClient, client) => {
      const changes = Object.entries(updates).map(([uuid, body]) => ({
        identity: connectorIdentity(queryClient, client, uuid),
        body,
      }));
      return {
        touches: touchesConnectors(changes.map((change) => change.identity)),
        patch: () => patchConnectors(queryClient, client, changes),
      };
    },
  );
}
