import type { ConnectorRef, ConnectorSource, ConnectorSourceUpdateRequest } from '@connector-kit/core';
import type { UseMutationResult } from '@tanstack/react-query';
import { connectorMutationKeys } from './keys.ts';
import { connectorIdentity, patchSource, touchesSources } from './optimistic-updates.ts';
import { useOptimisticWrite } from './use-optimistic-write.ts';

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
  unknown
> {
  return useOptimisticWrite(
    connectorMutationKeys.updateConnectorSource,
    (client, { connector, sourceId, body }: UpdateConnectorSourceVariables) =>
      client.updateConnectorSource(connector, sourceId, body),
    ({ connector, sourceId, body }, queryClient, client) => {
      const identity = connectorIdentity(queryClient, client, connector);
      return {
        touches: touchesSources(identity),
        patch: () => patchSource(queryClient, client, identity, sourceId, body),
      };
    },
  );
}
