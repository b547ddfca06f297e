// Every component renders in the browser (and in server rendering of client components): for React Server
// Components, this entry is a client boundary, so that a Server Component page can render them directly.
'use client';

// The types of the other packages that the components' props name: an app needs no second import for them.
export type {
  AuthMechanism,
  Connection,
  Connector,
  ConnectorField,
  ConnectorSearchFilter,
  ConnectorSearchFilters,
  ConnectorSearchRange,
  ConnectorSearchResult,
  Handoff,
  WebviewCallbackResult,
} from '@connector-kit/core';
export type {
  ConnectionFlowStepKind,
  ConnectorFormSubmission,
  ConnectorFormValues,
  ConnectorPickerFilters,
  ConnectorSearchActiveSource,
  ConnectorSearchSummary,
  ConnectorWebauthRequest,
  GetLogoUrl,
  UseConnectionFlowResult,
  UseConnectorFormOptions,
  UseConnectorSearchResult,
  UseWebviewCallbackOptions,
  UseWebviewHandoffOptions,
} from '@connector-kit/react';
export { ConnectorAvatar, type ConnectorAvatarProps } from './avatar/ConnectorAvatar.tsx';
export {
  ConnectCallback,
  type ConnectCallbackClassNames,
  type ConnectCallbackProps,
} from './connect-callback/ConnectCallback.tsx';
export { ConnectFlow, type ConnectFlowClassNames, type ConnectFlowProps } from './connect-flow/ConnectFlow.tsx';
export { ConnectionStepView, type ConnectionStepViewProps } from './connect-flow/ConnectionSteps.tsx';
export type { ConnectFlowEvent, ConnectFlowEventType, ConnectFlowPlace } from './connect-flow/events.ts';
export {
  CountrySelect,
  type CountrySelectClassNames,
  type CountrySelectProps,
} from './country-select/CountrySelect.tsx';
export { ErrorState, type ErrorStateProps } from './error-state/ErrorState.tsx';
export { ConnectorForm, type ConnectorFormProps } from './form/ConnectorForm.tsx';
export type { ConnectorFormClassNames } from './form/class-names.ts';
export type { FieldInputBaseProps } from './form/FieldShell.tsx';
export { ListField, type ListFieldProps, type ListOption } from './form/ListField.tsx';
export { PasswordField, type PasswordFieldProps } from './form/PasswordField.tsx';
export { DateField, type DateFieldProps, TextField, type TextFieldProps } from './form/TextField.tsx';
export type { CommonMessages } from './i18n/common.ts';
export type { BankOutcomeMessages, ConnectMessages, OutcomeMessages } from './i18n/connect.ts';
export { type LocaleContextValue, type LocaleOptions, LocaleProvider, useLocale } from './i18n/context.tsx';
export { type DescribedError, describeError } from './i18n/errors.ts';
export type { FormMessages } from './i18n/form.ts';
export {
  type DeepPartial,
  localeDirection,
  matchLocale,
  SUPPORTED_LOCALES,
  type SupportedLocale,
} from './i18n/locale.ts';
export type { Messages, MessagesOverride } from './i18n/messages.ts';
export type { PickerMessages } from './i18n/picker.ts';
export {
  ConnectorBadge,
  type ConnectorBadgeKind,
  type ConnectorBadgeProps,
  connectorBadgeKinds,
} from './picker/badges.tsx';
export { ConnectorList, type ConnectorListClassNames, type ConnectorListProps } from './picker/ConnectorList.tsx';
export {
  type ConnectorNotFoundContext,
  ConnectorPicker,
  type ConnectorPickerClassNames,
  type ConnectorPickerProps,
  ConnectorPickerView,
  type ConnectorPickerViewProps,
} from './picker/ConnectorPicker.tsx';
export { Highlight, type HighlightProps } from './picker/Highlight.tsx';
