/**
 * An emulator of the Powens API (spec/connectors-api.md, spec/connections-and-webview.md), written against the Fetch
 * API only (`Request` in, `Response` out) so the same code answers in a browser (MSW in Storybook), in Node tests
 * (MSW) and behind a loopback HTTP server (demo, e2e).
 *
 * It plays the other end of a whole bank connection, offline: the connectors routes and their logos, user tokens
 * (`/auth/*`), a user's connections with the states a bank puts them in, `/webauth` with an emulated bank page, an
 * emulated bank app for decoupled approvals, and an emulated Powens Webview. Writes really change what the next read returns, and
 * `reset()` restores the dataset and forgets users and connections. Faults (latency, error statuses, broken bodies,
 * timeouts, network failures, lost answers) can be injected per route to exercise a client's error handling.
 */
import type { Connector } from '@connector-kit/core';
import type { EmulatorContext, EmulatorSettings } from './context.ts';
import { demoConnectors } from './data/index.ts';
import { createFaultSet, type Fault, faultDelay, faultyResponse, injectedResponse } from './faults.ts';
import { notFound, sleep } from './http.ts';
import { answerRoute, createRouter } from './router.ts';
import { authRoutes } from './routes/auth.ts';
import { bankAppRoutes } from './routes/bank-app.ts';
import { connectionRoutes } from './routes/connections.ts';
import { connectorRoutes } from './routes/connectors.ts';
import { logoRoutes } from './routes/logos.ts';
import { webauthRoutes } from './routes/webauth.ts';
import { webviewRoutes } from './routes/webview.ts';
import { connectionJson, createConnectionStore, type EmulatedConnection } from './state/connections.ts';
import { resultOfState } from './state/scenarios.ts';
import { createUserStore } from './state/users.ts';

export type { EmulatorRoute, Fault, FaultKind } from './faults.ts';

/** A client application of the emulated Powens domain. */
export interface EmulatorClient {
  id: string;
  /** What `POST /auth/init` expects with `client_id` for a permanent user token. */
  secret: string;
  /**
   * The callback addresses the Webview and `/webauth` may send a user back to; when absent, any absolute http(s)
   * address without a query or a fragment.
   */
  redirectUris?: readonly string[];
  /** The name the pages show ("<name> wants to connect to your accounts"); the client id when absent. */
  name?: string;
}

export interface EmulatorOptions {
  /**
   * The dataset, instead of the default `demoConnectors`. It is deep-copied: the emulator never changes the caller's
   * objects.
   */
  connectors?: readonly Connector[];
  /** The config token the connector write endpoints expect as `Authorization: Bearer <token>`. */
  configToken?: string;
  /** A delay before every answer, in milliseconds. */
  latencyMs?: number;
  /** Faults active from the start (see `Emulator.setFaults`). */
  faults?: readonly Fault[];
  /** Path of the API root (default `/2.0`). The HTML pages (`/webview/…`, `/bank/…`) are at the origin's root. */
  basePath?: string;
  /** Called with a copy of every request the emulator receives, before it answers (for assertions in tests). */
  onRequest?: (request: Request) => void;
  /** The client applications (default: one, `DEFAULT_CLIENT_ID` with `DEFAULT_CLIENT_SECRET`, named "connector-kit demo"). */
  clients?: readonly EmulatorClient[];
  /** The clock of every expiry and date, in epoch milliseconds (default `Date.now`): tests move it instead of waiting. */
  now?: () => number;
  /** How long a `decoupled` connection waits before the bank app approves it on its own (default 10 000 ms). */
  decoupledApprovalMs?: number;
  /** How many GETs of a `validating` connection still show `validating` before it shows its outcome (default 2). */
  validatingPolls?: number;
  /** How long the test connector's `slow` scenario takes to answer (default 5 000 ms). */
  slowScenarioMs?: number;
}

export interface Emulator {
  /**
   * Answers one request. Rejects with a `TypeError` on a `network` or `lost-response` fault and with the abort reason
   * on an abort.
   */
  handle(request: Request): Promise<Response>;
  /** `handle` with the signature of `fetch`: a client in the same process calls the emulator with no server. */
  fetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response>;
  /** Restores the dataset and the faults given at creation, and forgets every user, token, connection and session. */
  reset(): void;
  /** Replaces the active faults. */
  setFaults(faults: readonly Fault[]): void;
  /** The current state of the connectors, writes included. */
  readonly connectors: readonly Connector[];
  /** Creates an anonymous user and its token (permanent unless `permanent: false`: then it lives 30 minutes). */
  createUser(options?: { permanent?: boolean }): { id: number; token: string };
  /** Gives a user a connection, in `state` (default null: it syncs), as if it had been made earlier. */
  addConnection(userId: number, options: { connectorUuid: string; state?: string | null }): EmulatedConnection;
  /** Puts a connection in a state, with the bank's text (a default one for the known states when absent). */
  setConnectionState(id: number, state: string | null, errorMessage?: string | null): EmulatedConnection;
  /** Approves a `decoupled` connection in the bank app, as `POST /bank/app/approve/{id}` does. */
  approveDecoupled(id: number): void;
  /** Every user's connections, as the API shows them. */
  readonly connections: readonly EmulatedConnection[];
}

export const DEFAULT_CONFIG_TOKEN = 'emulator-config-token';
export const DEFAULT_BASE_PATH = '/2.0';
export const DEFAULT_CLIENT_ID = 'connector-kit-demo';
export const DEFAULT_CLIENT_SECRET = 'emulator-client-secret';

/** The paths of the HTML pages, outside the API root (MSW handlers must reach them too). */
export const PAGE_PATH_PREFIXES = ['/webview', '/bank'] as const;

const DEFAULT_CLIENTS: readonly EmulatorClient[] = [
  { id: DEFAULT_CLIENT_ID, secret: DEFAULT_CLIENT_SECRET, name: 'connector-kit demo' },
];

function normalizeBasePath(basePath: string): string {
  const trimmed = basePath.replace(/\/+$/, '');
  if (trimmed === '') return '';
  return trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
}

export function createEmulator(options: EmulatorOptions = {}): Emulator {
  const dataset = options.connectors ?? demoConnectors;
  const latencyMs = options.latencyMs ?? 0;
  const onRequest = options.onRequest;
  const initialFaults = options.faults ?? [];
  const settings: EmulatorSettings = {
    configToken: options.configToken ?? DEFAULT_CONFIG_TOKEN,
    basePath: normalizeBasePath(options.basePath ?? DEFAULT_BASE_PATH),
    clients: options.clients ?? DEFAULT_CLIENTS,
    now: options.now ?? Date.now,
    decoupledApprovalMs: options.decoupledApprovalMs ?? 10_000,
    validatingPolls: options.validatingPolls ?? 2,
    slowScenarioMs: options.slowScenarioMs ?? 5_000,
  };

  let state: Connector[] = structuredClone([...dataset]);
  const faults = createFaultSet();
  faults.set(initialFaults);
  let requestCount = 0;

  const context: EmulatorContext = {
    settings,
    connectors: () => state,
    findConnector(ref) {
      const connector = /^\d+$/.test(ref)
        ? state.find((candidate) => candidate.id === Number(ref))
        : state.find((candidate) => candidate.uuid.toLowerCase() === ref.toLowerCase());
      if (!connector) throw notFound(`No connector with UUID or id "${ref}"`);
      return connector;
    },
    users: createUserStore(settings.now),
    connections: createConnectionStore(settings),
  };
  const webauth = webauthRoutes(context);
  const webview = webviewRoutes(context);
  const route = createRouter(
    [
      ...connectorRoutes(context),
      ...logoRoutes(context),
      ...authRoutes(context),
      ...connectionRoutes(context),
      ...webauth.routes,
      ...bankAppRoutes(context),
      ...webview.routes,
    ],
    settings.basePath,
  );

  async function handle(request: Request): Promise<Response> {
    const signal = request.signal;
    if (signal.aborted) throw signal.reason;
    const requestId = ++requestCount;
    onRequest?.(request.clone());

    const method = request.method.toUpperCase();
    const url = new URL(request.url);
    const match = route(method, url.pathname);
    const active = faults.take(match.kind === 'not-found' ? null : match.fault, method);
    const delay = latencyMs + faultDelay(active);
    if (delay > 0) await sleep(delay, signal);

    const fault = active.find((candidate) => candidate.kind !== 'latency');
    const injected = fault && injectedResponse(fault, requestId, signal);
    if (injected) return injected;
    return faultyResponse(await answerRoute(match, request, url, requestId, context), fault);
  }

  /** A connection by id, for the methods tests and demos call directly. */
  function recordOf(id: number) {
    const record = context.connections.get(id);
    if (record === undefined) throw new Error(`No connection with id ${id}`);
    return record;
  }

  const connectorOf = (uuid: string) => state.find((connector) => connector.uuid.toLowerCase() === uuid.toLowerCase());

  return {
    handle,
    fetch: (input, init) => handle(new Request(input, init)),
    reset() {
      state = structuredClone([...dataset]);
      faults.set(initialFaults);
      context.users.clear();
      context.connections.clear();
      webauth.reset();
      webview.reset();
    },
    setFaults: (next) => faults.set(next),
    get connectors() {
      return state;
    },
    createUser({ permanent = true } = {}) {
      const { id, token } = context.users.createUser(permanent);
      return { id, token };
    },
    addConnection(userId, { connectorUuid, state: initialState = null }) {
      if (!context.users.hasUser(userId)) throw new Error(`No user with id ${userId}`);
      const connector = connectorOf(connectorUuid);
      if (connector === undefined) throw new Error(`No connector with UUID "${connectorUuid}"`);
      const record = context.connections.create(userId, connector, resultOfState(initialState), null);
      return connectionJson(record, connector);
    },
    setConnectionState(id, nextState, errorMessage) {
      const record = recordOf(id);
      context.connections.apply(record, resultOfState(nextState, errorMessage));
      return connectionJson(record, connectorOf(record.connectorUuid));
    },
    approveDecoupled(id) {
      if (!context.connections.approve(recordOf(id))) {
        throw new Error(`Connection ${id} is not waiting for an approval in the bank app`);
      }
    },
    get connections() {
      return context.connections.all().map((record) => {
        context.connections.settle(record);
        return connectionJson(record, connectorOf(record.connectorUuid));
      });
    },
  };
}
