// Works without msw (an optional peer): its handlers are `@connector-kit/mock-api/msw`.

// The types of @connector-kit/core that the emulator's options name: an app needs no second import for them.
export type {
  Connector,
  ConnectorField,
} from '@connector-kit/core';
export { demoConnectors, generateConnectors, TEST_CONNECTOR_ID, TEST_CONNECTOR_UUID } from './data/index.ts';
export {
  createEmulator,
  DEFAULT_BASE_PATH,
  DEFAULT_CLIENT_ID,
  DEFAULT_CLIENT_SECRET,
  DEFAULT_CONFIG_TOKEN,
  type Emulator,
  type EmulatorClient,
  type EmulatorOptions,
  type EmulatorRoute,
  type Fault,
  type FaultKind,
} from './emulator.ts';
export { type ConnectorLogoKind, connectorLogoKind } from './images/logos.ts';
export type { EmulatedAccount, EmulatedConnection, EmulatedConnectionSource } from './state/connections.ts';
