// The hooks and the provider run in the browser (and in server rendering of client components): for React Server
// Components, this entry is a client boundary. `@connector-kit/react/queries` is the part a Server Component imports.
'use client';

// The types of @connector-kit/core that the hooks' signatures name (and those of `./queries.ts`, above): an app
// needs no second import for them.
export type {
  AuthMechanism,
  BankActionStep,
  ConnectorField,
  ConnectorFormKind,
  ConnectorFormPlan,
  ConnectorSearch,
  ConnectorSearchFilter,
  ConnectorSearchFilters,
  ConnectorSearchResult,
  ConnectorSourceUpdateRequest,
  ConnectorUpdateRequest,
  ErrorStep,
  FormStep,
  Handoff,
  HandoffStore,
  RetryLaterStep,
  WebauthStep,
  WebviewCallbackConnected,
  WebviewCallbackDeleted,
  WebviewCallbackResult,
  WebviewFlow,
} from '@connector-kit/core';
export { type ResolveDefaultCountryParams, resolveDefaultCountry } from './default-country.ts';
export { type GetLogoUrl, type LogoConnector, useConnectorLogoUrl } from './logo.ts';
export { type ConnectorOptionState, connectorOptionProps } from './option-props.ts';
export { ConnectorsProvider, type ConnectorsProviderProps, useConnectorsClient } from './provider.tsx';
// Everything a Server Component may import too (see `./queries.ts`).
export * from './queries.ts';
export type { ConnectorsQueryHookOptions } from './types.ts';
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
  type ConnectorPickerFilters,
  type ConnectorSearchSummary,
  type UseConnectorPickerOptions,
  type UseConnectorPickerResult,
  useConnectorPicker,
} from './use-connector-picker.ts';
export {
  type ConnectorSearchActiveSource,
  type ConnectorSearchOptionPropsParams,
  type UseConnectorSearchOptions,
  type UseConnectorSearchResult,
  useConnectorSearch,
} from './use-connector-search.ts';
export { type UseConnectorSourceOptions, useConnectorSource } from './use-connector-source.ts';
export { type UseConnectorSourcesOptions, useConnectorSources } from './use-connector-sources.ts';
export { type UseConnectorsOptions, useConnectors } from './use-connectors.ts';
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
