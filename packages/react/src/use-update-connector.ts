import type { Connector, ConnectorRef, ConnectorUpdateRequest } from '@connector-kit/core';
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
export function useUpdateConnector(): UseMutationResult<Connector, Error, UpdateConnectorVariables, OptimisticWrite> {
  const client = useConnectorsClient();
  const queryClient = useQueryClient();
  const touches = (connector: ConnectorRef) => touchesConnectors([connectorIdentity(queryClient, client, connector)]);
  return useMutation({
    mutationKey: connectorMutationKeys.updateConnector(client),
    mutationFn: ({ connector, body }: UpdateConnectorVariables) => client.updateConnector(connector, body),
    onMutate: async ({ connector, body }) => {
      const identity = connectorIdentity(queryClient, client, connector);
      const touched = touchesConnectors([identity]);
      await cancelQueriesOf(queryClient, client, touched);
      return { snapshot: patchConnectors(queryClient, client, [{ identity, body }]), touches: touched };
    },
    onError: (_error, _variables, write) => restoreSnapshot(queryClient, write),
    onSettled: (_data, _error, { connector }, write) =>
      refreshAfterWrite(queryClient, client, write?.touches ?? touches(connector)),
  });
}
