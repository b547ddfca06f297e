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
export {
  type ConnectorsHandlersOptions,
  createConnectorsHandlers,
  createConnectorsHandlersFor,
  DEFAULT_HANDLERS_BASE_URL,
} from './msw.ts';
export type { EmulatedAccount, EmulatedConnection, EmulatedConnectionSource } from './state/connections.ts';
