/**
 * The connectors routes (spec/connectors-api.md): the public reads, the writes that need the config token, and the
 * deprecated aliases.
 */
import { CONNECTOR_EXPANDS, type Connector, type ConnectorExpand, type ConnectorSource } from '@connector-kit/core';
import type { EmulatorContext } from '../context.ts';
import {
  type Answer,
  csvParam,
  invalidValue,
  isRecord,
  jsonAnswer,
  type Mutable,
  notFound,
  readJsonBody,
} from '../http.ts';
import { type Call, pathParam, type RouteEntry } from '../router.ts';

function countryCodesParam(params: URLSearchParams): Set<string> | undefined {
  const codes = csvParam(params, 'country_codes');
  if (codes === undefined || codes.length === 0) return undefined;
  for (const code of codes) {
    if (!/^[a-z]{2}$/i.test(code)) {
      throw invalidValue(`country_codes: "${code}" is not an ISO 3166-1 alpha-2 code`);
    }
  }
  return new Set(codes.map((code) => code.toUpperCase()));
}

/** The `expand` query parameter: the connector keys asked for (`CONNECTOR_EXPANDS`); 400 for any other name. */
function expandParam(params: URLSearchParams): Set<ConnectorExpand> {
  const names = csvParam(params, 'expand') ?? [];
  const expand = new Set<ConnectorExpand>();
  for (const name of names) {
    const known = CONNECTOR_EXPANDS.find((candidate) => candidate === name);
    if (known === undefined) {
      throw invalidValue(`expand: unknown property "${name}" (expected one of ${CONNECTOR_EXPANDS.join(', ')})`);
    }
    expand.add(known);
  }
  return expand;
}

/** Whether a connector (or source) `countries` list holds one of `codes` (upper case). */
export function hasCountry(countries: unknown, codes: ReadonlySet<string>): boolean {
  if (!Array.isArray(countries)) return false;
  return countries.some(
    (country) => isRecord(country) && typeof country.id === 'string' && codes.has(country.id.toUpperCase()),
  );
}

export function includesString(list: unknown, value: string): boolean {
  return Array.isArray(list) && list.includes(value);
}

/** The connector as the API shows it: expandable keys only when asked for (an empty list when the data has none). */
export function presentConnector(connector: Connector, expand: ReadonlySet<ConnectorExpand> = new Set()): Mutable {
  const out: Mutable = { ...connector };
  for (const key of CONNECTOR_EXPANDS) {
    if (!expand.has(key)) delete out[key];
    else if (out[key] === undefined) out[key] = [];
  }
  return out;
}

/** A Powens DateTime: `2026-07-29 19:26:59`, or an ISO 8601 date, date-time, with or without an offset. */
function isDateTime(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(
    value,
  );
  if (!match) return false;
  const [, year, month, day, hours = '0', minutes = '0', seconds = '0'] = match;
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  return (
    date.getUTCMonth() === Number(month) - 1 &&
    date.getUTCDate() === Number(day) &&
    Number(hours) < 24 &&
    Number(minutes) < 60 &&
    Number(seconds) < 60
  );
}

/** Checks a ConnectorUpdateRequest and returns the changes it asks for; `where` prefixes the names in messages. */
function connectorUpdate(body: unknown, where: string): Mutable {
  if (!isRecord(body)) throw invalidValue(`${where ? where.slice(0, -1) : 'body'}: expected a JSON object`);
  const changes: Mutable = {};
  if (body.hidden !== undefined) {
    if (typeof body.hidden !== 'boolean') throw invalidValue(`${where}hidden: expected a boolean`);
    changes.hidden = body.hidden;
  }
  if (body.sync_periodicity !== undefined) {
    const value = body.sync_periodicity;
    if (value !== null && (typeof value !== 'number' || !Number.isFinite(value) || value < 0)) {
      throw invalidValue(`${where}sync_periodicity: expected a non-negative number or null`);
    }
    // The deprecated connector property `sync_frequency` reports the same setting.
    changes.sync_periodicity = value;
    changes.sync_frequency = value;
  }
  return changes;
}

function applySourceUpdate(source: ConnectorSource, body: unknown): void {
  if (!isRecord(body)) throw invalidValue('Expected a JSON object');
  const changes: Mutable = {};
  if (body.auth_mechanism !== undefined) {
    const mechanism = body.auth_mechanism;
    const available = source.available_auth_mechanisms ?? [];
    if (typeof mechanism !== 'string' || !available.includes(mechanism)) {
      throw invalidValue(
        `auth_mechanism: expected one of the source's available_auth_mechanisms (${available.join(', ') || 'none'})`,
      );
    }
    changes.auth_mechanism = mechanism;
  }
  if (body.disabled !== undefined) {
    const disabled = body.disabled;
    if (disabled !== null && (typeof disabled !== 'string' || !isDateTime(disabled))) {
      throw invalidValue('disabled: expected a DateTime string or null');
    }
    changes.disabled = disabled;
  }
  Object.assign(source, changes);
}

function findSource(connector: Connector, rawId: string): ConnectorSource {
  if (!/^\d+$/.test(rawId)) throw invalidValue(`sourceId: "${rawId}" is not an integer`);
  const source = connector.sources?.find((candidate) => candidate.id === Number(rawId));
  if (!source) throw notFound(`Connector "${connector.uuid}" has no source with id ${rawId}`);
  return source;
}

export function connectorRoutes(context: EmulatorContext): RouteEntry[] {
  function listConnectors(params: URLSearchParams, keep: (connector: Connector) => boolean, key: string): Answer {
    const countries = countryCodesParam(params);
    const idPayment = params.get('id_payment');
    if (idPayment !== null && !/^[1-9]\d*$/.test(idPayment.trim())) {
      throw invalidValue(`id_payment: "${idPayment}" is not a payment id`);
    }
    const expand = expandParam(params);
    const connectors = context
      .connectors()
      .filter(
        (connector) =>
          connector.hidden !== true &&
          keep(connector) &&
          (countries === undefined || hasCountry(connector.countries, countries)) &&
          (idPayment === null || includesString(connector.products, 'pay')),
      )
      .map((connector) => presentConnector(connector, expand));
    return jsonAnswer(200, { [key]: connectors, total: connectors.length });
  }

  /** `PATCH /connectors`: every change is checked before any is applied. */
  async function batchUpdate(call: Call): Promise<Answer> {
    const body = await readJsonBody(call.request);
    if (!isRecord(body)) throw invalidValue('Expected an object with connector UUIDs as keys');
    const planned: [Connector, Mutable][] = [];
    for (const [uuid, update] of Object.entries(body)) {
      const changes = connectorUpdate(update, `${uuid}.`);
      const connector = context.connectors().find((candidate) => candidate.uuid.toLowerCase() === uuid.toLowerCase());
      if (!connector) throw notFound(`No connector with UUID "${uuid}"`);
      planned.push([connector, changes]);
    }
    for (const [connector, changes] of planned) Object.assign(connector, changes);
    return jsonAnswer(200, {});
  }

  /** `PUT /connectors/{ref}`, and the deprecated `PUT /connectors/{id1,id2,...}` that answers the first. */
  async function updateConnectors(call: Call): Promise<Answer> {
    const ref = pathParam(call, 'ref');
    const expand = expandParam(call.query);
    if (!ref.includes(',')) {
      const connector = context.findConnector(ref);
      Object.assign(connector, connectorUpdate(await readJsonBody(call.request), ''));
      return jsonAnswer(200, presentConnector(connector, expand));
    }
    const ids = ref.split(',').map((id) => id.trim());
    for (const id of ids) {
      if (!/^\d+$/.test(id)) throw invalidValue(`connectorIds: "${id}" is not a connector id`);
    }
    const connectors = ids.map(context.findConnector);
    const changes = connectorUpdate(await readJsonBody(call.request), '');
    for (const connector of connectors) Object.assign(connector, changes);
    const [first] = connectors;
    return jsonAnswer(200, first ? presentConnector(first, expand) : {});
  }

  function listSources(call: Call): Answer {
    const connector = context.findConnector(pathParam(call, 'ref'));
    const countries = countryCodesParam(call.query);
    const sources = (connector.sources ?? []).filter(
      (source) => countries === undefined || !('countries' in source) || hasCountry(source.countries, countries),
    );
    return jsonAnswer(200, { sources });
  }

  const sourceOf = (call: Call) =>
    findSource(context.findConnector(pathParam(call, 'ref')), pathParam(call, 'sourceId'));

  return [
    {
      methods: ['GET'],
      scope: 'api',
      path: '/connectors',
      fault: 'list',
      auth: 'public',
      handle: (call) => listConnectors(call.query, () => true, 'connectors'),
    },
    { methods: ['PATCH'], scope: 'api', path: '/connectors', fault: 'batch', auth: 'config', handle: batchUpdate },
    {
      methods: ['GET'],
      scope: 'api',
      path: '/banks',
      fault: 'aliases',
      auth: 'public',
      handle: (call) => listConnectors(call.query, (c) => includesString(c.capabilities, 'bank'), 'banks'),
    },
    {
      methods: ['GET'],
      scope: 'api',
      path: '/providers',
      fault: 'aliases',
      auth: 'public',
      handle: (call) => listConnectors(call.query, (c) => includesString(c.capabilities, 'document'), 'banks'),
    },
    {
      methods: ['GET'],
      scope: 'api',
      path: '/connectors/:ref',
      fault: 'connector',
      auth: 'public',
      handle: (call) =>
        jsonAnswer(200, presentConnector(context.findConnector(pathParam(call, 'ref')), expandParam(call.query))),
    },
    {
      methods: ['PUT'],
      scope: 'api',
      path: '/connectors/:ref',
      fault: (params) => (params.get('ref')?.includes(',') ? 'batch' : 'update'),
      auth: 'config',
      handle: updateConnectors,
    },
    {
      methods: ['GET'],
      scope: 'api',
      path: '/connectors/:ref/sources',
      fault: 'sources',
      auth: 'public',
      handle: listSources,
    },
    {
      methods: ['GET'],
      scope: 'api',
      path: '/connectors/:ref/sources/:sourceId',
      fault: 'source',
      auth: 'public',
      handle: (call) => jsonAnswer(200, sourceOf(call)),
    },
    {
      methods: ['PUT'],
      scope: 'api',
      path: '/connectors/:ref/sources/:sourceId',
      fault: 'source',
      auth: 'config',
      handle: async (call) => {
        const source = sourceOf(call);
        applySourceUpdate(source, await readJsonBody(call.request));
        return jsonAnswer(200, source);
      },
    },
  ];
}
