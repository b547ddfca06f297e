export type { CacheSnapshot, OptimisticWrite } from './cache.ts';
export {
  type ConnectionQueryKey,
  type ConnectionsListQueryKey,
  type ConnectorQueryKey,
  type ConnectorSourceQueryKey,
  type ConnectorSourcesParams,
  type ConnectorSourcesQueryKey,
  type ConnectorsClientScope,
  type ConnectorsListParams,
  type ConnectorsListQueryKey,
  connectorKeys,
  connectorMutationKeys,
  type NormalizedConnectorSourcesParams,
  type NormalizedConnectorsListParams,
  normalizeConnectorSourcesParams,
  normalizeConnectorsListParams,
} from './keys.ts';
export {
  ConnectorsProvider,
  type ConnectorsProviderProps,
  connectorsRetryDelay,
  createConnectorsQueryClient,
  shouldRetryConnectorsQuery,
  useConnectorsClient,
} from './provider.tsx';
export {
  CONNECTORS_STALE_TIME,
  type ConnectionsQueryParams,
  type ConnectorQueryParams,
  connectionQueryOptions,
  connectionsQueryOptions,
  connectorQueryOptions,
  connectorSourceQueryOptions,
  connectorSourcesQueryOptions,
  connectorsQueryOptions,
} from './query-options.ts';
export type { ConnectorsQueryHookOptions, ConnectorsQueryOptions } from './types.ts';
export {
  type BatchUpdateConnectorsVariables,
  useBatchUpdateConnectors,
} from './use-batch-update-connectors.ts';
export {
  type ConnectingFlowStep,
  type ConnectionFlowAction,
  type ConnectionFlowStep,
  type ConnectionFlowStepKind,
  type ConnectionFlowTarget,
  type CredentialsFlowStep,
  type DecoupledFlowStep,
  type DoneFlowStep,
  type FieldsFlowStep,
  type UseConnectionFlowOptions,
  type UseConnectionFlowResult,
  useConnectionFlow,
  type ValidatingFlowStep,
} from './use-connection-flow.ts';
export {
  type UseConnectionOptions,
  type UseConnectionsOptions,
  useConnection,
  useConnections,
} from './use-connections.ts';
export { type UseConnectorOptions, type UseConnectorParams, useConnector } from './use-connector.ts';
export {
  type ConnectorFormSubmission,
  type ConnectorFormValues,
  type ConnectorWebauthRequest,
  connectorFieldKey,
  type UseConnectorFormOptions,
  type UseConnectorFormResult,
  useConnectorForm,
} from './use-connector-form.ts';
export {
  type ConnectorSearchActiveSource,
  type ConnectorSearchOptionPropsParams,
  type UseConnectorSearchOptions,
  type UseConnectorSearchResult,
  useConnectorSearch,
} from './use-connector-search.ts';
export { type UseConnectorSourceOptions, useConnectorSource } from './use-connector-source.ts';
export {
  type UseConnectorSourcesOptions,
  type UseConnectorSourcesParams,
  useConnectorSources,
} from './use-connector-sources.ts';
export { type UseConnectorsOptions, type UseConnectorsParams, useConnectors } from './use-connectors.ts';
export { type UseControllableStateParams, useControllableState } from './use-controllable-state.ts';
export { type UpdateConnectorVariables, useUpdateConnector } from './use-update-connector.ts';
export { type UpdateConnectorSourceVariables, useUpdateConnectorSource } from './use-update-connector-source.ts';
export {
  type UseWebviewCallbackOptions,
  type UseWebviewCallbackResult,
  useWebviewCallback,
} from './use-webview-callback.ts';
export {
  type HandoffConnector,
  type UseWebviewHandoffOptions,
  type UseWebviewHandoffResult,
  useWebviewHandoff,
  type WebviewCodeRequest,
  type WebviewHandoffRequest,
  type WebviewHandoffStatus,
} from './use-webview-handoff.ts';
