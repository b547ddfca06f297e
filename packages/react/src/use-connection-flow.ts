import {
  type BankActionStep,
  type Connection,
  type Connector,
  type ConnectorField,
  ConnectorsApiError,
  type ConnectorsClient,
  ConnectorsError,
  type ErrorStep,
  nextConnectionStep,
  type RetryLaterStep,
  type WebauthStep,
  waitForConnection,
} from '@connector-kit/core';
import { type QueryClient, useMutation, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { connectorKeys } from './keys.ts';
import { useConnectorsClient } from './provider.tsx';

/** What a flow connects: a new connection to a connector, or an existing connection (a reconnect). */
export type ConnectionFlowTarget =
  | { connectorUuid: string; connectionId?: undefined }
  | { connectionId: number; connectorUuid?: string | undefined };

export interface UseConnectionFlowOptions {
  /**
   * The connector, with its `fields` and `sources`: a creation refused with `wrongpass` asks its credential fields
   * again, and its secret fields are the ones cleared then.
   */
  connector?: Connector | null | undefined;
  /** How long the person has to approve in the bank's app before the flow offers to try again (default 5 minutes). */
  decoupledTimeoutMs?: number | undefined;
  /** How long a `validating` connection is polled before the flow offers to try again (default 5 minutes). */
  validatingTimeoutMs?: number | undefined;
  /** The first wait between two polls (default 2 s; each next one is longer, up to 10 s). */
  pollIntervalMs?: number | undefined;
  /** Called once the connection is synced (`state` null). */
  onConnected?: ((connection: Connection) => void) | undefined;
}

/** Which call the flow is making while it shows "Connecting…". */
export type ConnectionFlowAction = 'create' | 'update' | 'resume' | 'sync' | 'load';

/** The credentials form: at first, and again after `wrongpass` with the bank's message. */
export interface CredentialsFlowStep {
  kind: 'credentials';
  /** `wrongpass`: the bank refused the credentials; `null` for a first attempt. */
  reason: 'wrongpass' | null;
  message: string | null;
  connection: Connection | null;
}

/** A call to the bank is on its way (it may take minutes). */
export interface ConnectingFlowStep {
  kind: 'connecting';
  action: ConnectionFlowAction;
  /** When the call started (`Date.now()`), for an elapsed time. */
  startedAt: number;
  connection: Connection | null;
}

/** Questions from the bank: an OTP, a security question. */
export interface FieldsFlowStep {
  kind: 'fields';
  fields: ConnectorField[];
  message: string | null;
  connection: Connection;
}

/** Approve in the bank's app: the flow polls and moves on by itself, or `resume()` when the person says so. */
export interface DecoupledFlowStep {
  kind: 'decoupled';
  connection: Connection;
  message: string | null;
  startedAt: number;
  /** The approval did not come in time: `retry()` waits again. */
  timedOut: boolean;
}

/** Powens is working on it: the flow polls. */
export interface ValidatingFlowStep {
  kind: 'validating';
  connection: Connection;
  message: string | null;
  startedAt: number;
  timedOut: boolean;
}

export interface DoneFlowStep {
  kind: 'done';
  connection: Connection;
}

export type ConnectionFlowStep =
  | CredentialsFlowStep
  | ConnectingFlowStep
  | FieldsFlowStep
  | DecoupledFlowStep
  | ValidatingFlowStep
  | WebauthStep
  | BankActionStep
  | RetryLaterStep
  | ErrorStep
  | DoneFlowStep;

export type ConnectionFlowStepKind = ConnectionFlowStep['kind'];

export interface UseConnectionFlowResult {
  step: ConnectionFlowStep;
  /** The connection once there is one. */
  connection: Connection | null;
  /**
   * Sends the credentials: creates the connection, or updates the existing one (a reconnect, or new credentials
   * after `wrongpass`). The values stay in memory for a retry only, and are dropped once connected or unmounted.
   */
  submitCredentials: (values: Readonly<Record<string, string>>, options?: { source?: string | null }) => void;
  /** Answers the bank's questions (`fields`). */
  submitFields: (values: Readonly<Record<string, string>>) => void;
  /** "I have approved": resumes a `decoupled` connection. */
  resume: () => void;
  /** Tries the step again: the last call, another wait for the approval or the validation, a sync. */
  retry: () => void;
  /** Stops a call or a wait in progress and goes back to the credentials form. */
  cancel: () => void;
  /**
   * The values to show in the credentials form again: those last sent, without the secret ones (passwords, one-time
   * codes), so that after `wrongpass` the login is kept and the password cleared.
   */
  keptValues: Readonly<Record<string, string>>;
}

const DEFAULT_WAIT_MS = 5 * 60_000;
/** Field types whose values are never kept for the form. */
const SECRET_TYPES = new Set(['password']);

type Action =
  | { type: 'create'; source: string | null }
  | { type: 'update'; source: string | null }
  | { type: 'fields' }
  | { type: 'resume' }
  | { type: 'sync' }
  | { type: 'load' };

function isConnection(value: unknown): value is Connection {
  return value !== null && typeof value === 'object' && Number.isSafeInteger((value as { id?: unknown }).id);
}

/** Puts a connection into every cached list and its own entry, then lets the lists refresh. */
function remember(queryClient: QueryClient, client: ConnectorsClient, connection: Connection): void {
  const lists = [...connectorKeys.connections(client), 'list'];
  queryClient.setQueriesData<Connection[]>({ queryKey: lists }, (list) =>
    list ? [...list.filter((entry) => entry.id !== connection.id), connection] : list,
  );
  void queryClient.invalidateQueries({ queryKey: lists });
  void queryClient.invalidateQueries({ queryKey: connectorKeys.connection(client, connection.id).slice(0, 5) });
}

/**
 * Whether a failure leaves it unknown if the server did the work: no answer came back, or a gateway in front of the
 * API (the app's own server, a proxy) says the API did not answer it (502, 504).
 */
function outcomeUnknown(error: unknown): boolean {
  if (error instanceof ConnectorsApiError) return error.status === 502 || error.status === 504;
  return error instanceof ConnectorsError
    ? error.kind === 'network' || error.kind === 'timeout'
    : error instanceof Error && error.name === 'AbortError';
}

/**
 * The direct path's state machine for a client with Agent status: credentials to a live connection through every
 * strong-authentication state (`nextConnectionStep`), and a reconnect of an existing connection. Calls go through a
 * React Query mutation whose variables hold no field value; the user's connections in the cache are updated.
 *
 * A creation whose answer never came (network, timeout, cancel) may still have created the connection: before
 * creating again, the flow looks for a connection to the same connector that was not there before, and goes on
 * with it instead of making a second one.
 */
export function useConnectionFlow(
  target: ConnectionFlowTarget,
  options: UseConnectionFlowOptions = {},
): UseConnectionFlowResult {
  const client = useConnectorsClient();
  const queryClient = useQueryClient();
  const latest = useRef(options);
  latest.current = options;
  const connectorUuid = target.connectorUuid ?? options.connector?.uuid ?? null;

  const [step, setStep] = useState<ConnectionFlowStep>(() =>
    target.connectionId === undefined
      ? { kind: 'credentials', reason: null, message: null, connection: null }
      : { kind: 'connecting', action: 'load', startedAt: Date.now(), connection: null },
  );
  const [keptValues, setKeptValues] = useState<Readonly<Record<string, string>>>({});
  const connection = useRef<Connection | null>(null);
  const values = useRef<Readonly<Record<string, string>>>({});
  const lastAction = useRef<Action | null>(null);
  const knownIds = useRef<Set<number> | null>(null);
  const uncertainCreation = useRef(false);
  const controller = useRef<AbortController | null>(null);

  /** Moves to the step a connection or an error asks for. */
  const settle = useCallback(
    (outcome: Connection | unknown) => {
      if (isConnection(outcome)) {
        connection.current = outcome;
        remember(queryClient, client, outcome);
      }
      const next = nextConnectionStep(outcome, { connector: latest.current.connector });
      const current = connection.current;
      const now = Date.now();
      switch (next.kind) {
        case 'done':
          values.current = {};
          setStep({ kind: 'done', connection: next.connection });
          latest.current.onConnected?.(next.connection);
          return;
        case 'fields':
          if (next.reason === 'wrongpass') {
            setStep({ kind: 'credentials', reason: 'wrongpass', message: next.message, connection: current });
          } else {
            setStep({
              kind: 'fields',
              fields: next.fields,
              message: next.message,
              connection: next.connection ?? (current as Connection),
            });
          }
          return;
        case 'decoupled':
          setStep({
            kind: 'decoupled',
            connection: next.connection,
            message: next.message,
            startedAt: now,
            timedOut: false,
          });
          return;
        case 'validating':
          setStep({
            kind: 'validating',
            connection: next.connection,
            message: next.message,
            startedAt: now,
            timedOut: false,
          });
          return;
        default:
          setStep({ ...next, connection: next.connection ?? current });
      }
    },
    [client, queryClient],
  );

  /** A connection to this connector made by a creation whose answer was lost, if there is one. */
  const findLostCreation = useCallback(
    async (signal: AbortSignal): Promise<Connection | null> => {
      if (!uncertainCreation.current || knownIds.current === null || connectorUuid === null) return null;
      const list = await client.listConnections({ signal });
      const known = knownIds.current;
      return list.find((entry) => entry.connector_uuid === connectorUuid && !known.has(entry.id)) ?? null;
    },
    [client, connectorUuid],
  );

  const perform = useCallback(
    async (action: Action, signal: AbortSignal): Promise<Connection> => {
      const id = connection.current?.id;
      switch (action.type) {
        case 'load':
          return client.getConnection(target.connectionId as number, { signal });
        case 'create': {
          if (id !== undefined) {
            return client.updateConnection(id, { values: values.current }, { signal, ...sourceOf(action.source) });
          }
          const lost = await findLostCreation(signal);
          if (lost) return lost;
          if (knownIds.current === null && connectorUuid !== null) {
            // What exists before the first attempt, to recognize a connection made by an attempt whose answer is lost.
            // Without that list, a lost answer cannot be told apart from an older connection: none is adopted.
            const before = await client.listConnections({ signal }).catch(() => null);
            knownIds.current = before ? new Set(before.map((entry) => entry.id)) : null;
          }
          uncertainCreation.current = true;
          const created = await client.createConnection({
            connectorUuid: connectorUuid as string,
            values: values.current,
            signal,
            ...sourceOf(action.source),
          });
          uncertainCreation.current = false;
          return created;
        }
        case 'update':
        case 'fields':
          return client.updateConnection(id as number, { values: values.current }, { signal });
        case 'resume':
          return client.updateConnection(id as number, { resume: true }, { signal });
        case 'sync':
          return client.syncConnection(id as number, { signal });
      }
    },
    [client, connectorUuid, findLostCreation, target.connectionId],
  );

  // One mutation for every call of the flow; its variables name the call and hold no field value.
  const mutation = useMutation({
    mutationFn: ({ action, signal }: { action: Action; signal: AbortSignal }) => perform(action, signal),
  });
  const { mutateAsync } = mutation;

  const start = useCallback(
    (action: Action) => {
      controller.current?.abort();
      const request = new AbortController();
      controller.current = request;
      lastAction.current = action;
      const display: ConnectionFlowAction =
        action.type === 'fields' ? 'update' : action.type === 'create' && connection.current ? 'update' : action.type;
      setStep({ kind: 'connecting', action: display, startedAt: Date.now(), connection: connection.current });
      mutateAsync({ action, signal: request.signal }).then(
        (result) => {
          if (!request.signal.aborted) settle(result);
        },
        (error: unknown) => {
          if (request.signal.aborted) return;
          if (action.type === 'create' && !outcomeUnknown(error)) uncertainCreation.current = false;
          settle(error);
        },
      );
    },
    [mutateAsync, settle],
  );

  const submitCredentials = useCallback(
    (submitted: Readonly<Record<string, string>>, { source = null }: { source?: string | null } = {}) => {
      values.current = { ...submitted };
      const secret = new Set(
        (latest.current.connector?.fields ?? [])
          .filter((field) => SECRET_TYPES.has(String(field?.type)))
          .map((field) => field.name),
      );
      setKeptValues(Object.fromEntries(Object.entries(submitted).filter(([name]) => !secret.has(name))));
      start(connection.current ? { type: 'update', source } : { type: 'create', source });
    },
    [start],
  );

  const submitFields = useCallback(
    (submitted: Readonly<Record<string, string>>) => {
      values.current = { ...submitted };
      start({ type: 'fields' });
    },
    [start],
  );

  const resume = useCallback(() => start({ type: 'resume' }), [start]);

  const stepRef = useRef(step);
  stepRef.current = step;

  const retry = useCallback(() => {
    const current = stepRef.current;
    if ((current.kind === 'decoupled' || current.kind === 'validating') && current.timedOut) {
      setStep({ ...current, startedAt: Date.now(), timedOut: false });
      return;
    }
    // After acting at the bank, or waiting: a connection is synced again; a refused creation is sent again.
    if ((current.kind === 'bank-action' || current.kind === 'retry-later') && connection.current) {
      start({ type: 'sync' });
      return;
    }
    if (lastAction.current) start(lastAction.current);
    else setStep({ kind: 'credentials', reason: null, message: null, connection: connection.current });
  }, [start]);

  const cancel = useCallback(() => {
    controller.current?.abort();
    controller.current = null;
    setStep({ kind: 'credentials', reason: null, message: null, connection: connection.current });
  }, []);

  // A reconnect opens on the step its connection's state asks for.
  const loaded = useRef(false);
  useEffect(() => {
    if (target.connectionId === undefined || loaded.current) return;
    loaded.current = true;
    start({ type: 'load' });
  }, [target.connectionId, start]);

  // An approval or a validation is awaited by polling: the flow moves on as soon as the state changes.
  const waitingFor = step.kind === 'decoupled' || step.kind === 'validating' ? step : null;
  useEffect(() => {
    if (!waitingFor || waitingFor.timedOut) return;
    const request = new AbortController();
    const { decoupledTimeoutMs, validatingTimeoutMs, pollIntervalMs } = latest.current;
    const limit = (waitingFor.kind === 'decoupled' ? decoupledTimeoutMs : validatingTimeoutMs) ?? DEFAULT_WAIT_MS;
    const awaited = waitingFor.kind;
    waitForConnection(client, waitingFor.connection.id, {
      signal: request.signal,
      timeoutMs: Math.max(1, waitingFor.startedAt + limit - Date.now()),
      ...(pollIntervalMs === undefined ? {} : { intervalMs: pollIntervalMs }),
      until: (polled) => polled.state?.toLowerCase() !== awaited.toLowerCase(),
    }).then(
      (polled) => {
        if (!request.signal.aborted) settle(polled);
      },
      (error: unknown) => {
        if (request.signal.aborted) return;
        if (error instanceof ConnectorsError && error.kind === 'timeout') {
          setStep((current) => (current === waitingFor ? { ...waitingFor, timedOut: true } : current));
        } else {
          settle(error);
        }
      },
    );
    return () => request.abort();
  }, [waitingFor, client, settle]);

  // Leaving the flow stops what it was doing and forgets the values.
  useEffect(
    () => () => {
      controller.current?.abort();
      values.current = {};
    },
    [],
  );

  return useMemo(
    () => ({
      step,
      connection: 'connection' in step ? (step.connection ?? connection.current) : connection.current,
      submitCredentials,
      submitFields,
      resume,
      retry,
      cancel,
      keptValues,
    }),
    [step, submitCredentials, submitFields, resume, retry, cancel, keptValues],
  );
}

function sourceOf(source: string | null): { source?: string } {
  return source ? { source } : {};
}
