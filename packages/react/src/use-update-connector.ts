import type { Connector, ConnectorRef, ConnectorUpdateRequest } from '@connector-kit/core';
import type { UseMutationResult } from '@tanstack/react-query';
import { connectorMutationKeys } from './keys.ts';
import { connectorIdentity, patchConnectors, touchesConnectors } from './optimistic-updates.ts';
import { useOptimisticWrite } from './use-optimistic-write.ts';

export interface UpdateConnectorVariables {
  /** The connector's UUID (or numeric id). */
  connector: ConnectorRef;
  body: ConnectorUpdateRequest;
}

/**
 * Updates a connector (`PUT /connectors/{uuid}`; the client must hold a config token).
 *
 * The change shows at once in every cached list and connector that holds it (hiding a connector takes it out of
 * the lists), is rolled back if the server refuses it, and the affected queries are refetched once it settles.
 */
export function useUpdateConnector(): UseMutationResult<Connector, Error, UpdateConnectorVariables, unknown> {
  return useOptimisticWrite(
    connectorMutationKeys.updateConnector,
    (client, { connector, body }: UpdateConnectorVariables) => client.updateConnector(connector, body),
    ({ connector, body }, queryClient, client) => {
      const identity = connectorIdentity(queryClient, client, connector);
      return {
        touches: touchesConnectors([identity]),
        patch: () => patchConnectors(queryClient, client, [{ identity, body }]),
      };
    },
  );
}
