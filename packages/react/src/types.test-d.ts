import type { Connector, ConnectorSource, ConnectorsClient, ConnectorsPage } from '@connector-kit/core';
import { QueryClient, type UseMutationResult, type UseQueryResult } from '@tanstack/react-query';
import { expectTypeOf, test } from 'vitest';
import {
  type BatchUpdateConnectorsVariables,
  connectorKeys,
  connectorQueryOptions,
  connectorSourceQueryOptions,
  connectorSourcesQueryOptions,
  connectorsQueryOptions,
  type UpdateConnectorSourceVariables,
  type UpdateConnectorVariables,
  useBatchUpdateConnectors,
  useConnector,
  useConnectorSource,
  useConnectorSources,
  useConnectors,
  useUpdateConnector,
  useUpdateConnectorSource,
} from './index.ts';

declare const client: ConnectorsClient;
const queryClient = new QueryClient();

test('query options carry their data type to the cache', () => {
  expectTypeOf(
    queryClient.getQueryData(connectorsQueryOptions(client, { countryCodes: ['FR'] }).queryKey),
  ).toEqualTypeOf<ConnectorsPage | undefined>();
  expectTypeOf(queryClient.getQueryData(connectorQueryOptions(client, 'uuid').queryKey)).toEqualTypeOf<
    Connector | undefined
  >();
  expectTypeOf(queryClient.getQueryData(connectorSourcesQueryOptions(client, 'uuid').queryKey)).toEqualTypeOf<
    ConnectorSource[] | undefined
  >();
  expectTypeOf(queryClient.getQueryData(connectorSourceQueryOptions(client, 'uuid', 1).queryKey)).toEqualTypeOf<
    ConnectorSource | undefined
  >();
});

test('keys are readonly tuples that start with the API root', () => {
  expectTypeOf(connectorKeys.lists(client)).toEqualTypeOf<readonly ['connector-kit', string, 'list']>();
  expectTypeOf(connectorKeys.all).toEqualTypeOf<readonly ['connector-kit']>();
});

test('hooks return typed results', () => {
  expectTypeOf(useConnectors).returns.toEqualTypeOf<UseQueryResult<ConnectorsPage, Error>>();
  expectTypeOf(useConnector).returns.toEqualTypeOf<UseQueryResult<Connector, Error>>();
  expectTypeOf(useConnectorSources).returns.toEqualTypeOf<UseQueryResult<ConnectorSource[], Error>>();
  expectTypeOf(useConnectorSource).returns.toEqualTypeOf<UseQueryResult<ConnectorSource, Error>>();
  expectTypeOf(useConnector).parameter(0).toEqualTypeOf<string | number | null | undefined>();

  expectTypeOf(useUpdateConnector).returns.toExtend<UseMutationResult<Connector, Error, UpdateConnectorVariables>>();
  expectTypeOf(useBatchUpdateConnectors).returns.toExtend<
    UseMutationResult<void, Error, BatchUpdateConnectorsVariables>
  >();
  expectTypeOf(useUpdateConnectorSource).returns.toExtend<
    UseMutationResult<ConnectorSource, Error, UpdateConnectorSourceVariables>
  >();
});

test('hook options pass through but cannot replace the key or the request', () => {
  expectTypeOf(useConnectors).toBeCallableWith({ countryCodes: ['fr'] }, { enabled: false, staleTime: 0 });
  // @ts-expect-error the key belongs to the hook
  useConnectors({}, { queryKey: ['x'] });
  // @ts-expect-error the request belongs to the hook
  useConnector('uuid', {}, { queryFn: () => Promise.resolve({} as Connector) });
});

test('query options work with the query client too', async () => {
  await queryClient.prefetchQuery(connectorsQueryOptions(client, { expand: ['countries'] }));
  expectTypeOf(await queryClient.fetchQuery(connectorsQueryOptions(client))).toEqualTypeOf<ConnectorsPage>();
  expectTypeOf(await queryClient.fetchQuery(connectorQueryOptions(client, 'uuid'))).toEqualTypeOf<Connector>();
  expectTypeOf(await queryClient.ensureQueryData(connectorSourcesQueryOptions(client, 'uuid'))).toEqualTypeOf<
    ConnectorSource[]
  >();
});
