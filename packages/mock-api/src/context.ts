/** What the route modules share: the emulator's settings and its state, as of the request being answered. */
import type { Connector } from '@connector-kit/core';
import type { EmulatorClient } from './emulator.ts';
import type { ConnectionStore } from './state/connections.ts';
import type { UserStore } from './state/users.ts';

export interface EmulatorSettings {
  configToken: string;
  /** Normalized: `''` or `/2.0`, without a trailing slash. */
  basePath: string;
  clients: readonly EmulatorClient[];
  now: () => number;
  decoupledApprovalMs: number;
  validatingPolls: number;
  slowScenarioMs: number;
}

export interface EmulatorContext {
  settings: EmulatorSettings;
  /** The current connectors, writes included (replaced by `reset()`: always read through this getter). */
  connectors(): Connector[];
  /** A connector by UUID (case-insensitive) or numeric id; an `HttpError` 404 when there is none. */
  findConnector(ref: string): Connector;
  users: UserStore;
  connections: ConnectionStore;
}
