/**
 * A user's connections (`/users/me/connections`): creating one plays the bank's side of the sync, the test
 * connector's scenarios included; updates answer the states that ask the user for something (an OTP, new
 * credentials, a decoupled approval); time moves the states that only ask for patience.
 */
import { CONNECTION_EXPANDS, type ConnectionExpand, type Connector } from '@connector-kit/core';
import type { EmulatorContext } from '../context.ts';
import { TEST_CONNECTOR_UUID } from '../data/index.ts';
import {
  type Answer,
  csvParam,
  emptyAnswer,
  flagParam,
  HttpError,
  invalidValue,
  jsonAnswer,
  type Mutable,
  missingParameter,
  notFound,
  readFormValues,
  sleep,
} from '../http.ts';
import { type Call, pathParam, type RouteEntry } from '../router.ts';
import {
  type ConnectionRecord,
  connectionAccounts,
  connectionJson,
  connectionSources,
  credentialFields,
  requiredFields,
} from '../state/connections.ts';
import {
  OTP_CODE,
  type Refusal,
  SCENARIO_FIELD,
  SCENARIOS,
  type Scenario,
  SUCCESS,
  type SyncResult,
  WRONG_OTP_MESSAGE,
} from '../state/scenarios.ts';
import { presentConnector } from './connectors.ts';

const VALIDATING: SyncResult = { state: 'validating', errorMessage: null, extraFields: null };

/** The `expand` query parameter: the connection keys asked for (`CONNECTION_EXPANDS`); 400 for any other name. */
function expandParam(query: URLSearchParams): Set<ConnectionExpand> {
  const expand = new Set<ConnectionExpand>();
  for (const name of csvParam(query, 'expand') ?? []) {
    const known = CONNECTION_EXPANDS.find((candidate) => candidate === name);
    if (known === undefined) {
      throw invalidValue(`expand: unknown property "${name}" (expected one of ${CONNECTION_EXPANDS.join(', ')})`);
    }
    expand.add(known);
  }
  return expand;
}

/** The Powens error a refused sync answers, with the bank's text as `message`. */
function refusalError(refusal: Refusal): HttpError {
  return new HttpError(400, refusal.code, refusal.description, { body: { message: refusal.message } });
}

/** The state a connection is left in by a refused sync. */
function refusedResult(refusal: Refusal): SyncResult {
  return { state: refusal.state, errorMessage: refusal.message, extraFields: null };
}

/** A list field's value must be one it offers (a typo in a test connector scenario fails loudly). */
function checkListValues(connector: Connector, values: ReadonlyMap<string, string>): void {
  for (const field of connector.fields ?? []) {
    const value = values.get(field.name);
    if (field.type !== 'list' || value === undefined) continue;
    const allowed = (field.values ?? []).map((option) => option.value);
    if (allowed.length > 0 && !allowed.includes(value)) {
      throw invalidValue(`${field.name}: "${value}" is not one of ${allowed.join(', ')}`);
    }
  }
}

const given = (values: ReadonlyMap<string, string>, name: string) => (values.get(name) ?? '') !== '';

/** The test connector plays the scenario its `openapiwebsite` value picks; every other connector succeeds. */
function scenarioOf(connector: Connector, values: ReadonlyMap<string, string>): Scenario {
  if (connector.uuid.toLowerCase() !== TEST_CONNECTOR_UUID) return { result: SUCCESS };
  const value = values.get(SCENARIO_FIELD) || 'par';
  return SCENARIOS.get(value) ?? { result: SUCCESS };
}

/**
 * What an update of an existing connection does, or `null` when it leaves the state as it is (a sync of a
 * connection that waits for its user, its bank or time).
 */
function updateScenario(
  record: ConnectionRecord,
  connector: Connector | undefined,
  values: ReadonlyMap<string, string>,
): Scenario | null {
  if (connector !== undefined && values.has(SCENARIO_FIELD)) return scenarioOf(connector, values);
  switch (record.state) {
    case null:
      return { result: SUCCESS };
    case 'additionalInformationNeeded': {
      const otp = values.get('otp');
      if (otp === undefined) return null;
      if (otp.trim() === OTP_CODE) return { result: SUCCESS };
      return {
        result: { state: record.state, errorMessage: WRONG_OTP_MESSAGE, extraFields: record.extraFields },
      };
    }
    case 'wrongpass':
    case 'passwordExpired': {
      const needed = credentialFields(connector);
      const renewed = values.size > 0 && needed.every((field) => given(values, field.name));
      return renewed ? { result: SUCCESS } : null;
    }
    default:
      return null;
  }
}

export function connectionRoutes(context: EmulatorContext): RouteEntry[] {
  const { connections } = context;

  const connectorOf = (record: ConnectionRecord) =>
    context.connectors().find((connector) => connector.uuid === record.connectorUuid);

  function present(record: ConnectionRecord, expand: ReadonlySet<ConnectionExpand>): Mutable {
    const connector = connectorOf(record);
    const json: Mutable = { ...connectionJson(record, connector) };
    if (expand.has('connector')) json.connector = connector ? presentConnector(connector) : null;
    if (expand.has('sources')) json.sources = connectionSources(record, connector);
    if (expand.has('accounts')) json.accounts = connectionAccounts(record, connector);
    if (expand.has('all_accounts')) json.all_accounts = connectionAccounts(record, connector);
    return json;
  }

  /** The connection of the path, when it is the user's: another user's answers 404 like an unknown one. */
  function ownConnection(call: Call, userId: number): ConnectionRecord {
    const raw = pathParam(call, 'id');
    const record = /^\d+$/.test(raw) ? connections.get(Number(raw)) : undefined;
    if (record === undefined || record.userId !== userId) throw notFound(`No connection with id "${raw}"`);
    return record;
  }

  function connectorOfBody(values: ReadonlyMap<string, string>): Connector {
    const uuid = values.get('connector_uuid');
    if (uuid !== undefined) {
      const connector = context.connectors().find((candidate) => candidate.uuid.toLowerCase() === uuid.toLowerCase());
      if (connector === undefined) throw notFound(`No connector with UUID "${uuid}"`);
      return connector;
    }
    const id = values.get('id_connector');
    if (id === undefined) throw missingParameter('connector_uuid is required');
    if (!/^\d+$/.test(id)) throw invalidValue(`id_connector: "${id}" is not a connector id`);
    return context.findConnector(id);
  }

  /** The `?source=` of a connector, which must have it enabled; `null` when none is named. */
  function sourceParam(query: URLSearchParams, connector: Connector): string | null {
    const name = query.get('source');
    if (name === null) return null;
    const source = connector.sources?.find((candidate) => candidate.name === name);
    if (source === undefined) throw invalidValue(`source: connector "${connector.uuid}" has no source "${name}"`);
    if (source.disabled !== null && source.disabled !== undefined) {
      throw invalidValue(`source: "${name}" is disabled`);
    }
    return name;
  }

  async function createConnection(call: Call, userId: number): Promise<Answer> {
    const expand = expandParam(call.query);
    const values = await readFormValues(call.request);
    const connector = connectorOfBody(values);
    if (connector.restricted === true) {
      throw invalidValue(`Connector "${connector.uuid}" is restricted: it cannot be added by this client`);
    }
    const source = sourceParam(call.query, connector);
    checkListValues(connector, values);
    const missing = requiredFields(connector, source).filter((field) => !given(values, field.name));
    if (missing.length > 0) {
      throw missingParameter(`Missing fields: ${missing.map((field) => field.name).join(', ')}`);
    }
    const scenario = scenarioOf(connector, values);
    if (scenario.slow) await sleep(context.settings.slowScenarioMs, call.signal);
    if (scenario.refusal) throw refusalError(scenario.refusal);
    const record = connections.create(userId, connector, scenario.result, source);
    return jsonAnswer(200, present(record, expand));
  }

  async function updateConnection(call: Call, userId: number): Promise<Answer> {
    const record = ownConnection(call, userId);
    const expand = expandParam(call.query);
    const values = await readFormValues(call.request);
    // `resume` continues a decoupled connection: the approval it waits for is what decides.
    values.delete('resume');
    const connector = connectorOf(record);
    if (connector !== undefined) {
      sourceParam(call.query, connector);
      checkListValues(connector, values);
    }
    connections.settle(record);
    const scenario = updateScenario(record, connector, values);

    if (flagParam(call.query, 'background')) {
      const current: SyncResult = {
        state: record.state,
        errorMessage: record.errorMessage,
        extraFields: record.extraFields,
      };
      const outcome =
        scenario === null ? current : scenario.refusal ? refusedResult(scenario.refusal) : scenario.result;
      connections.apply(record, VALIDATING, outcome);
      return jsonAnswer(200, present(record, expand));
    }
    if (scenario?.slow) await sleep(context.settings.slowScenarioMs, call.signal);
    if (scenario?.refusal) {
      connections.apply(record, refusedResult(scenario.refusal));
      throw refusalError(scenario.refusal);
    }
    if (scenario) connections.apply(record, scenario.result);
    return jsonAnswer(200, present(record, expand));
  }

  function syncConnection(call: Call, userId: number): Answer {
    const record = ownConnection(call, userId);
    const expand = expandParam(call.query);
    const psuRequested = call.query.get('psu_requested');
    if (psuRequested !== null && !['true', 'false', '1', '0'].includes(psuRequested.toLowerCase())) {
      throw invalidValue(`psu_requested: "${psuRequested}" is not a boolean`);
    }
    connections.settle(record);
    if (record.state === null) connections.apply(record, SUCCESS);
    return jsonAnswer(200, present(record, expand));
  }

  return [
    {
      methods: ['GET'],
      scope: 'api',
      path: '/users/me/connections',
      fault: 'connections',
      auth: 'user',
      handle: (call, userId) => {
        const expand = expandParam(call.query);
        const usersConnections = connections.all().filter((record) => record.userId === userId);
        for (const record of usersConnections) connections.poll(record);
        return jsonAnswer(200, { connections: usersConnections.map((record) => present(record, expand)) });
      },
    },
    {
      methods: ['POST'],
      scope: 'api',
      path: '/users/me/connections',
      fault: 'connections',
      auth: 'user',
      handle: createConnection,
    },
    {
      methods: ['GET'],
      scope: 'api',
      path: '/users/me/connections/:id',
      fault: 'connection',
      auth: 'user',
      handle: (call, userId) => {
        const record = ownConnection(call, userId);
        const expand = expandParam(call.query);
        connections.poll(record);
        return jsonAnswer(200, present(record, expand));
      },
    },
    {
      methods: ['POST'],
      scope: 'api',
      path: '/users/me/connections/:id',
      fault: 'connection',
      auth: 'user',
      handle: updateConnection,
    },
    {
      methods: ['PUT'],
      scope: 'api',
      path: '/users/me/connections/:id',
      fault: 'connection',
      auth: 'user',
      handle: syncConnection,
    },
    {
      methods: ['DELETE'],
      scope: 'api',
      path: '/users/me/connections/:id',
      fault: 'connection',
      auth: 'user',
      handle: (call, userId) => {
        connections.remove(ownConnection(call, userId).id);
        return emptyAnswer(204);
      },
    },
  ];
}
