import type { ConnectionExpand, ConnectorExpand, ConnectorRef, ConnectorsClient } from '@connector-kit/core';

/**
 * Anything that names the API a cache entry came from: a `ConnectorsClient`, or just its `baseUrl` (and its
 * `language`, since labels and country names come back in that language).
 */
export type ConnectorsClientScope = Pick<ConnectorsClient, 'baseUrl'> & { readonly language?: string | undefined };

/** What `GET /connectors` can be asked for. */
export interface ConnectorsListParams {
  /** ISO 3166-1 alpha-2 codes, in any case and order. */
  countryCodes?: readonly string[] | undefined;
  /** Only the connectors compatible with this payment. */
  idPayment?: string | number | undefined;
  expand?: readonly ConnectorExpand[] | undefined;
}

/**
 * List parameters in their one canonical form: upper-case, sorted, unique country codes; sorted, unique expands;
 * the payment id as a string; empty values left out. Equivalent parameters give equal objects.
 */
export interface NormalizedConnectorsListParams {
  countryCodes?: readonly string[];
  idPayment?: string;
  expand?: readonly ConnectorExpand[];
}

/** What `GET /connectors/{uuid}/sources` can be asked for. */
export interface ConnectorSourcesParams {
  countryCodes?: readonly string[] | undefined;
}

export interface NormalizedConnectorSourcesParams {
  countryCodes?: readonly string[];
}

export interface NormalizedConnectorParams {
  expand?: readonly ConnectorExpand[];
}

const ROOT = 'connector-kit';

/** Sorted, unique values; `undefined` when there are none. */
function sortedUnique<T extends string>(values: readonly T[] | undefined): readonly T[] | undefined {
  const unique = [...new Set(values)].sort();
  return unique.length > 0 ? unique : undefined;
}

/** Upper-case, trimmed, sorted, unique country codes; `undefined` when there are none. */
export function normalizeCountryCodes(codes: readonly string[] | undefined): readonly string[] | undefined {
  return sortedUnique(codes?.map((code) => code.trim().toUpperCase()).filter((code) => code !== ''));
}

/** Sorted, unique expands (of a connector or a connection); `undefined` when there are none. */
export function normalizeExpand<T extends ConnectorExpand | ConnectionExpand>(
  expand: readonly T[] | undefined,
): readonly T[] | undefined {
  return sortedUnique(expand);
}

export function normalizeConnectorsListParams(params: ConnectorsListParams = {}): NormalizedConnectorsListParams {
  const countryCodes = normalizeCountryCodes(params.countryCodes);
  const expand = normalizeExpand(params.expand);
  const idPayment = params.idPayment === undefined ? '' : String(params.idPayment).trim();
  return {
    ...(countryCodes ? { countryCodes } : {}),
    ...(idPayment !== '' ? { idPayment } : {}),
    ...(expand ? { expand } : {}),
  };
}

export function normalizeConnectorSourcesParams(params: ConnectorSourcesParams = {}): NormalizedConnectorSourcesParams {
  const countryCodes = normalizeCountryCodes(params.countryCodes);
  return countryCodes ? { countryCodes } : {};
}

function normalizeConnectorParams(expand: readonly ConnectorExpand[] | undefined): NormalizedConnectorParams {
  const normalized = normalizeExpand(expand);
  return normalized ? { expand: normalized } : {};
}

const scopes = new WeakMap<ConnectorsClientScope, string>();

/**
 * The API root a client talks to, as it appears in keys: without user name, password, query or fragment, so that
 * nothing secret a base URL might carry ends up in the cache; followed by the client's language, if any.
 */
function scopeOf(client: ConnectorsClientScope): string {
  const cached = scopes.get(client);
  if (cached !== undefined) return cached;
  let scope: string;
  try {
    const url = new URL(client.baseUrl);
    url.username = '';
    url.password = '';
    url.search = '';
    url.hash = '';
    scope = url.href.replace(/\/+$/, '');
  } catch {
    scope = client.baseUrl.replace(/[?#].*$/, '');
  }
  if (client.language) scope += ` (${client.language})`;
  scopes.set(client, scope);
  return scope;
}

/** A connector reference as it appears in keys. */
export function refKey(ref: ConnectorRef | null | undefined): string {
  return ref === null || ref === undefined ? '' : String(ref);
}

/**
 * Query keys of everything this library caches, TanStack Query style: each level is a prefix of the next, so
 * `invalidateQueries({ queryKey: connectorKeys.lists(client) })` reaches every list of that client.
 *
 * Every key but `all` starts with the client's API root: two clients for two domains never share an entry.
 * Parameters are normalized, so equivalent parameters share one entry. Keys hold no secret: the config token
 * stays inside the client.
 *
 * The parameter objects at the end of `list`, `detail` and `sources` are matched partially by query filters:
 * `connectorKeys.detail(client, uuid)` as a filter reaches that connector under every `expand`.
 */
export const connectorKeys = {
  /** Every entry of this library, for every client. */
  all: [ROOT] as const,
  /** Every entry of one client. */
  client: (client: ConnectorsClientScope) => [ROOT, scopeOf(client)] as const,
  /** Every connectors list of one client. */
  lists: (client: ConnectorsClientScope) => [ROOT, scopeOf(client), 'list'] as const,
  /** One connectors list. */
  list: (client: ConnectorsClientScope, params?: ConnectorsListParams) =>
    [ROOT, scopeOf(client), 'list', normalizeConnectorsListParams(params)] as const,
  /** Every single connector of one client. */
  details: (client: ConnectorsClientScope) => [ROOT, scopeOf(client), 'detail'] as const,
  /** One connector, with these expands. */
  detail: (client: ConnectorsClientScope, ref: ConnectorRef, expand?: readonly ConnectorExpand[]) =>
    [ROOT, scopeOf(client), 'detail', refKey(ref), normalizeConnectorParams(expand)] as const,
  /** The sources list of one connector. */
  sources: (client: ConnectorsClientScope, ref: ConnectorRef, params?: ConnectorSourcesParams) =>
    [ROOT, scopeOf(client), 'sources', refKey(ref), normalizeConnectorSourcesParams(params)] as const,
  /** One source of one connector. */
  source: (client: ConnectorsClientScope, ref: ConnectorRef, sourceId: number | null | undefined) =>
    [ROOT, scopeOf(client), 'source', refKey(ref), sourceId ?? null] as const,
  /**
   * Every connection of the client's user (`/users/me/connections`). The user token is not part of the key: give
   * each user a client of their own, or clear the cache when the user changes.
   */
  connections: (client: ConnectorsClientScope) => [ROOT, scopeOf(client), 'connections'] as const,
  /** The user's connections list, with these expands. */
  connectionList: (client: ConnectorsClientScope, expand?: readonly ConnectionExpand[]) =>
    [ROOT, scopeOf(client), 'connections', 'list', expandParams(expand)] as const,
  /** One connection, with these expands. */
  connection: (client: ConnectorsClientScope, id: number | null | undefined, expand?: readonly ConnectionExpand[]) =>
    [ROOT, scopeOf(client), 'connections', 'detail', id ?? null, expandParams(expand)] as const,
};

/**
 * What one cache entry's key says, field by field: what the entry holds (`kind`), the client's API root (`scope`)
 * and the parameters it was fetched with. The counterpart of `connectorKeys`, for code that walks the cache.
 */
export type ParsedConnectorKey =
  | { kind: 'list'; scope: string; params: NormalizedConnectorsListParams }
  | { kind: 'detail'; scope: string; ref: string; params: NormalizedConnectorParams }
  | { kind: 'sources'; scope: string; ref: string; params: NormalizedConnectorSourcesParams }
  | { kind: 'source'; scope: string; ref: string; sourceId: number | null }
  | { kind: 'connectionList'; scope: string; params: NormalizedConnectionParams }
  | { kind: 'connection'; scope: string; id: number | null; params: NormalizedConnectionParams };

/** The parameters at the end of a connections key. */
interface NormalizedConnectionParams {
  expand?: readonly ConnectionExpand[];
}

function isParams(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const isIdOrNull = (value: unknown): value is number | null => value === null || typeof value === 'number';

/**
 * Reads a query key made by `connectorKeys.list`, `detail`, `sources`, `source`, `connectionList` or `connection`.
 * Anything else gives `null`: keys of other libraries or of the app, and the prefixes (`lists`, `details`…), which
 * name a group of entries rather than one.
 */
export function parseConnectorKey(queryKey: readonly unknown[]): ParsedConnectorKey | null {
  const [root, scope, kind, ...rest] = queryKey;
  if (root !== ROOT || typeof scope !== 'string') return null;
  switch (kind) {
    case 'list': {
      const [params] = rest;
      return rest.length === 1 && isParams(params)
        ? { kind, scope, params: params as NormalizedConnectorsListParams }
        : null;
    }
    case 'detail':
    case 'sources': {
      const [ref, params] = rest;
      if (rest.length !== 2 || typeof ref !== 'string' || !isParams(params)) return null;
      return kind === 'detail'
        ? { kind, scope, ref, params: params as NormalizedConnectorParams }
        : { kind, scope, ref, params: params as NormalizedConnectorSourcesParams };
    }
    case 'source': {
      const [ref, sourceId] = rest;
      return rest.length === 2 && typeof ref === 'string' && isIdOrNull(sourceId)
        ? { kind, scope, ref, sourceId }
        : null;
    }
    case 'connections': {
      const [what, ...more] = rest;
      if (what === 'list') {
        const [params] = more;
        return more.length === 1 && isParams(params)
          ? { kind: 'connectionList', scope, params: params as NormalizedConnectionParams }
          : null;
      }
      if (what === 'detail') {
        const [id, params] = more;
        return more.length === 2 && isIdOrNull(id) && isParams(params)
          ? { kind: 'connection', scope, id, params: params as NormalizedConnectionParams }
          : null;
      }
      return null;
    }
    default:
      return null;
  }
}

/** Sorted, unique connection expands, as a parameters object (`{}` without any). */
function expandParams(expand: readonly ConnectionExpand[] | undefined): { expand?: readonly ConnectionExpand[] } {
  const normalized = normalizeExpand(expand);
  return normalized ? { expand: normalized } : {};
}

/** Mutation keys, for `useIsMutating` and `useMutationState`. */
export const connectorMutationKeys = {
  /** Every write of one client. */
  all: (client: ConnectorsClientScope) => [ROOT, scopeOf(client), 'mutation'] as const,
  updateConnector: (client: ConnectorsClientScope) => [ROOT, scopeOf(client), 'mutation', 'update-connector'] as const,
  batchUpdateConnectors: (client: ConnectorsClientScope) =>
    [ROOT, scopeOf(client), 'mutation', 'batch-update-connectors'] as const,
  updateConnectorSource: (client: ConnectorsClientScope) =>
    [ROOT, scopeOf(client), 'mutation', 'update-connector-source'] as const,
};

export type ConnectorsListQueryKey = ReturnType<typeof connectorKeys.list>;
export type ConnectorQueryKey = ReturnType<typeof connectorKeys.detail>;
export type ConnectorSourcesQueryKey = ReturnType<typeof connectorKeys.sources>;
export type ConnectorSourceQueryKey = ReturnType<typeof connectorKeys.source>;
export type ConnectionsListQueryKey = ReturnType<typeof connectorKeys.connectionList>;
export type ConnectionQueryKey = ReturnType<typeof connectorKeys.connection>;
