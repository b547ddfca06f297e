import type { ConnectorRef, ConnectorSource, ConnectorSourceUpdateRequest } from '@connector-kit/core';
import { type UseMutationResult, useMutation, useQueryClient } from '@tanstack/react-query';
import {
  cancelQueriesOf,
  connectorIdentity,
  type OptimisticWrite,
  patchSource,
  refreshAfterWrite,
  restoreSnapshot,
  touchesSources,
} from './cache.ts';
import { connectorMutationKeys } from './keys.ts';
import { useConnectorsClient } from './provider.tsx';

export interface UpdateConnectorSourceVariables {
  /** The connector's UUID (or numeric id). */
  connector: ConnectorRef;
  sourceId: number;
  body: ConnectorSourceUpdateRequest;
}

/**
 * Updates a connector source (`PUT /connectors/{uuid}/sources/{id}`; the client must hold a config token), e.g.
 * to disable it or change its authentication mechanism.
 *
 * The change shows at once in the cached sources of the connector, in the source itself and in the `sources`
 * expand of cached connectors; it is rolled back if the server refuses it, and refetched once it settles.
 */
export function useUpdateConnectorSource(): UseMutationResult<
  ConnectorSource,
  Error,
  UpdateConnectorSourceVariables,
  OptimisticWrite
> {
  const client = useConnectorsClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: connectorMutationKeys.updateConnectorSource(client),
    mutationFn: ({ connector, sourceId, body }: UpdateConnectorSourceVariables) =>
      client.updateConnectorSource(connector, sourceId, body),
    onMutate: async ({ connector, sourceId, body }) => {
      const identity = connectorIdentity(queryClient, client, connector);
      const touched = touchesSources(identity);
      await cancelQueriesOf(queryClient, client, touched);
      return { snapshot: patchSource(queryClient, client, identity, sourceId, body), touches: touched };
    },
    onError: (_error, _variables, write) => restoreSnapshot(queryClient, write),
    onSettled: (_data, _error, { connector }, write) =>
      refreshAfterWrite(
        queryClient,
        client,
        write?.touches ?? touchesSources(connectorIdentity(queryClient, client, connector)),
      ),
  });
}
