import type * as z from 'zod';
import {
  type Connection,
  type ConnectionExpand,
  connectionSchema,
  connectionsListSchema,
} from './connections/schemas.ts';
import {
  ConnectorsApiError,
  ConnectorsNetworkError,
  ConnectorsResponseError,
  isAbortError,
  parseRetryAfter,
} from './errors.ts';
import {
  type ApiErrorBody,
  apiErrorBodySchema,
  type Connector,
  type ConnectorExpand,
  type ConnectorSource,
  type ConnectorSourceUpdateRequest,
  type ConnectorUpdateRequest,
  connectorSchema,
  connectorSourceSchema,
  connectorSourcesListSchema,
  connectorsListSchema,
} from './schemas.ts';
import { passesUnchanged } from './unchanged.ts';

/** A string, or a function that returns one (for example from your own session endpoint). */
export type TokenSource = string | (() => string | Promise<string>);

export interface ConnectorsClientOptions {
  /** Your Powens domain, `acme-sandbox` or `acme-sandbox.biapi.pro`: the client calls `https://<domain>.biapi.pro/2.0`. */
  domain?: string;
  /** Overrides `domain`: the API root, e.g. your own proxy or the emulator (`http://127.0.0.1:4010/2.0`). */
  baseUrl?: string;
  /** A `fetch` to use instead of the global one. */
  fetch?: typeof fetch;
  /**
   * The config token for the four write endpoints. Sent as `Authorization: Bearer …` on those only, never on a
   * read. It is a server secret: in a browser app, prefer a proxy that adds the header (see the README).
   */
  configToken?: TokenSource;
  /**
   * A user's token for the connections routes (`/users/me/...`): sent as `Authorization: Bearer …` there only, never
   * on a connector route. A permanent user token is a server secret too: in a browser app, leave it out and point
   * `baseUrl` at a route of your server that adds it (the demo's `server/connect.ts` does).
   */
  userToken?: TokenSource;
  /** Sent as `Accept-Language`. */
  language?: string;
  /** Per-request timeout in milliseconds (default 30,000). */
  timeoutMs?: number;
  /**
   * Timeout of the calls that talk to the bank (creating, updating and syncing a connection), which may take
   * minutes: default 5 minutes.
   */
  connectionTimeoutMs?: number;
}

export interface RequestOptions {
  signal?: AbortSignal;
  /** Overrides the client's `timeoutMs` for this call. */
  timeoutMs?: number;
}

export interface ListConnectorsOptions extends RequestOptions {
  /** ISO 3166-1 alpha-2 codes; sent comma-separated. */
  countryCodes?: readonly string[];
  /** Only the connectors compatible with this payment. */
  idPayment?: string | number;
  expand?: readonly ConnectorExpand[];
}

export interface GetConnectorOptions extends RequestOptions {
  expand?: readonly ConnectorExpand[];
}

export interface ListConnectorSourcesOptions extends RequestOptions {
  countryCodes?: readonly string[];
}

/** A connectors list, whichever route it came from (`connectors` or the deprecated `banks` key). */
export interface ConnectorsPage {
  connectors: Connector[];
  /** The `total` real payloads send beside the list, when present. */
  total: number | undefined;
}

/** A connector's UUID, or its numeric id (deprecated, not stable across domains). */
export type ConnectorRef = string | number;

export interface ConnectionRequestOptions extends RequestOptions {
  expand?: readonly ConnectionExpand[];
}

export interface CreateConnectionParams extends ConnectionRequestOptions {
  connectorUuid: string;
  /** The form's values by field name, as strings. */
  values: Readonly<Record<string, string>>;
  /** The connector source to add, by name (sources are added in priority order). */
  source?: string;
}

/** New field values (an OTP, new credentials), or `resume` for a connection waiting in the `decoupled` state. */
export type UpdateConnectionBody = { values: Readonly<Record<string, string>> } | { resume: true };

export interface UpdateConnectionOptions extends ConnectionRequestOptions {
  /** Answer at once and let the sync go on; poll the connection's `state` (see `waitForConnection`). */
  background?: boolean;
  source?: string;
}

export interface SyncConnectionOptions extends ConnectionRequestOptions {
  /** Whether the user is present, so that the bank may ask for a strong authentication (the API's default: true). */
  psuRequested?: boolean;
}

export interface ConnectorsClient {
  /** The API root every request goes to. */
  readonly baseUrl: string;
  /** The `Accept-Language` it sends: answers (field labels, country names) may differ by language. */
  readonly language: string | undefined;
  /** `GET /connectors` */
  listConnectors(options?: ListConnectorsOptions): Promise<ConnectorsPage>;
  /** `GET /connectors/{uuid}`; a numeric id is accepted too. */
  getConnector(connector: ConnectorRef, options?: GetConnectorOptions): Promise<Connector>;
  /** `PUT /connectors/{uuid}`, with the config token. */
  updateConnector(connector: ConnectorRef, body: ConnectorUpdateRequest, options?: RequestOptions): Promise<Connector>;
  /** `PATCH /connectors` with `{ [uuid]: body }`, with the config token. */
  batchUpdateConnectors(
    updates: Readonly<Record<string, ConnectorUpdateRequest>>,
    options?: RequestOptions,
  ): Promise<void>;
  /**
   * `PUT /connectors/{id1,id2,…}`, with the config token.
   * @deprecated the API deprecates this route: use `batchUpdateConnectors`.
   */
  batchUpdateConnectorsByIds(
    ids: readonly number[],
    body: ConnectorUpdateRequest,
    options?: RequestOptions,
  ): Promise<Connector | undefined>;
  /** `GET /connectors/{uuid}/sources` */
  listConnectorSources(connector: ConnectorRef, options?: ListConnectorSourcesOptions): Promise<ConnectorSource[]>;
  /** `GET /connectors/{uuid}/sources/{id}` */
  getConnectorSource(connector: ConnectorRef, sourceId: number, options?: RequestOptions): Promise<ConnectorSource>;
  /** `PUT /connectors/{uuid}/sources/{id}`, with the config token. */
  updateConnectorSource(
    connector: ConnectorRef,
    sourceId: number,
    body: ConnectorSourceUpdateRequest,
    options?: RequestOptions,
  ): Promise<ConnectorSource>;
  /** `POST /users/me/connections`, with the user token: may take minutes while the bank answers. */
  createConnection(params: CreateConnectionParams): Promise<Connection>;
  /** `GET /users/me/connections`, with the user token. */
  listConnections(options?: ConnectionRequestOptions): Promise<Connection[]>;
  /** `GET /users/me/connections/{id}`, with the user token. */
  getConnection(id: number, options?: ConnectionRequestOptions): Promise<Connection>;
  /** `POST /users/me/connections/{id}`: new values, or resume a `decoupled` connection. With the user token. */
  updateConnection(id: number, body: UpdateConnectionBody, options?: UpdateConnectionOptions): Promise<Connection>;
  /** `PUT /users/me/connections/{id}`: syncs the connection. With the user token. */
  syncConnection(id: number, options?: SyncConnectionOptions): Promise<Connection>;
  /** `DELETE /users/me/connections/{id}`, with the user token. */
  deleteConnection(id: number, options?: RequestOptions): Promise<void>;
  /**
   * `GET /banks`: connectors with the `bank` capability.
   * @deprecated the API deprecates this route: use `listConnectors`.
   */
  listBanks(options?: ListConnectorsOptions): Promise<ConnectorsPage>;
  /**
   * `GET /providers`: connectors with the `document` capability.
   * @deprecated the API deprecates this route: use `listConnectors`.
   */
  listProviders(options?: ListConnectorsOptions): Promise<ConnectorsPage>;
}

const DEFAULT_TIMEOUT_MS = 30_000;
const DEFAULT_CONNECTION_TIMEOUT_MS = 5 * 60_000;
const DOMAIN_PATTERN = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.biapi\.pro)?$/i;

/** The API root for a client's options. Throws a `TypeError` when neither a valid domain nor a base URL is given. */
export function resolveBaseUrl(options: Pick<ConnectorsClientOptions, 'domain' | 'baseUrl'>): string {
  if (options.baseUrl !== undefined) {
    let url: URL;
    try {
      url = new URL(options.baseUrl, globalThis.location?.href);
    } catch {
      throw new TypeError(`\`baseUrl\` is not a URL: ${JSON.stringify(options.baseUrl)}`);
    }
    // Paths are appended to the root: a query or a fragment would swallow them and send every call elsewhere.
    if (url.search !== '' || url.hash !== '' || /[?#]/.test(options.baseUrl)) {
      throw new TypeError('`baseUrl` must not have a query or a fragment: give the API root only');
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
      throw new TypeError('`baseUrl` must be an http(s) URL');
    }
    return url.href.replace(/\/+$/, '');
  }
  const domain = options.domain?.trim();
  if (!domain || !DOMAIN_PATTERN.test(domain)) {
    throw new TypeError('createConnectorsClient needs a `domain` such as "acme-sandbox", or a `baseUrl`');
  }
  const host = domain.toLowerCase().endsWith('.biapi.pro') ? domain : `${domain}.biapi.pro`;
  return `https://${host.toLowerCase()}/2.0`;
}

type Query = Record<string, string | undefined>;

interface Call<T> {
  method: 'GET' | 'PUT' | 'PATCH' | 'POST' | 'DELETE';
  /** The token the route takes: the config token (connector writes), the user's (`/users/me/...`), or none. */
  auth: 'config' | 'user' | 'none';
  path: string;
  query?: Query;
  body?: unknown;
  /** Turns the parsed JSON into the result; `null` when the body is empty. */
  read: (json: unknown) => T;
  options: RequestOptions | undefined;
}

/** Settles like `promise`, or rejects with the signal's reason as soon as it aborts. */
function untilAborted<T>(promise: T | Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    Promise.resolve(promise).then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

function csv(values: readonly (string | number)[] | undefined): string | undefined {
  return values && values.length > 0 ? values.join(',') : undefined;
}

/** A path segment; empty (refused by the path check) for a string that cannot be encoded, like a lone surrogate. */
function segment(value: string | number): string {
  try {
    return encodeURIComponent(String(value));
  } catch {
    return '';
  }
}

/**
 * Parses with a schema, turning a failure into an error that names the first problem. A body that needs no repair
 * is returned as it is, without the copy a parse makes.
 */
function parseWith<S extends z.ZodType>(schema: S, what: string): (json: unknown) => z.infer<S> {
  return (json) => {
    if (passesUnchanged(schema, json)) return json as z.infer<S>;
    const result = schema.safeParse(json);
    if (result.success) return result.data;
    const issue = result.error.issues[0];
    const where = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
    throw new ShapeError(`not a ${what}${where}${issue ? `: ${issue.message}` : ''}`);
  };
}

class ShapeError extends Error {}

/** An error body with every occurrence of `secret` (the token a call sent, should a server echo it) masked. */
function withoutSecret(body: ApiErrorBody, secret: string | undefined, name: string): ApiErrorBody {
  if (!secret) return body;
  const mask = <T>(value: T): T => (typeof value === 'string' ? value.split(secret).join(`[${name}]`) : value) as T;
  return {
    ...body,
    code: mask(body.code),
    description: mask(body.description),
    message: mask(body.message),
    request_id: mask(body.request_id),
  };
}

const readPage = (json: unknown): ConnectorsPage => {
  const list = parseWith(connectorsListSchema, 'connectors list')(json);
  return { connectors: list.connectors ?? list.banks ?? [], total: list.total };
};
const readConnector = parseWith(connectorSchema, 'connector');
const readSource = parseWith(connectorSourceSchema, 'connector source');
const readSources = (json: unknown) => parseWith(connectorSourcesListSchema, 'connector sources list')(json).sources;
const readConnection = parseWith(connectionSchema, 'connection');
const readConnections = (json: unknown) => parseWith(connectionsListSchema, 'connections list')(json).connections;

function listQuery(options: ListConnectorsOptions | undefined): Query {
  return {
    country_codes: csv(options?.countryCodes),
    id_payment: options?.idPayment === undefined ? undefined : String(options.idPayment),
    expand: csv(options?.expand),
  };
}

/** Creates a client for every endpoint of the connectors API. */
export function createConnectorsClient(options: ConnectorsClientOptions): ConnectorsClient {
  const baseUrl = resolveBaseUrl(options);
  const language = options.language;
  const defaultTimeout = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const connectionTimeout = options.connectionTimeoutMs ?? DEFAULT_CONNECTION_TIMEOUT_MS;
  const tokens = { config: options.configToken, user: options.userToken };

  async function call<T>({ method, auth, path, query, body, read, options: request }: Call<T>): Promise<T> {
    const doFetch = options.fetch ?? globalThis.fetch;
    const label = `${method} ${path}`;
    const url = new URL(baseUrl + path);
    // A reference such as `..` or `` would move the request to another endpoint (with the token, for a write).
    if (url.href !== baseUrl + path || /\/(\/|$)/.test(path)) {
      throw new TypeError(`${label}: not a valid connector or source reference`);
    }
    for (const [key, value] of Object.entries(query ?? {})) {
      if (value !== undefined) url.searchParams.set(key, value);
    }
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (language) headers['Accept-Language'] = language;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const timeout = AbortSignal.timeout(request?.timeoutMs ?? defaultTimeout);
    const signal = request?.signal ? AbortSignal.any([request.signal, timeout]) : timeout;
    const fail = (error: unknown): never => {
      if (request?.signal?.aborted) throw request.signal.reason ?? error;
      if (timeout.aborted) throw new ConnectorsNetworkError('timeout', label, { cause: error });
      if (isAbortError(error)) throw error;
      throw new ConnectorsNetworkError('network', label, { cause: error });
    };

    let token: string | undefined;
    const source = auth === 'none' ? undefined : tokens[auth];
    if (source !== undefined) {
      // The getter is the caller's own code: its errors pass through untouched, but it runs under the same
      // timeout and signal as the request.
      token =
        typeof source === 'function'
          ? await untilAborted(source(), signal).catch((error: unknown) =>
              signal.aborted ? fail(error) : Promise.reject(error),
            )
          : source;
      if (token) headers.Authorization = `Bearer ${token}`;
    }

    let response: Response;
    let text: string;
    try {
      // Under the signal even when the `fetch` given does not honour it: the timeout always ends the call.
      response = await untilAborted(
        doFetch(url.href, {
          method,
          headers,
          signal,
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        }),
        signal,
      );
      text = await untilAborted(response.text(), signal);
    } catch (error) {
      return fail(error);
    }

    let json: unknown = null;
    let jsonError: unknown;
    if (text.trim() !== '') {
      try {
        json = JSON.parse(text);
      } catch (error) {
        jsonError = error;
      }
    }

    if (!response.ok) {
      const errorBody = jsonError === undefined ? apiErrorBodySchema.safeParse(json) : undefined;
      throw new ConnectorsApiError(
        response.status,
        errorBody?.success
          ? withoutSecret(errorBody.data, token, auth === 'user' ? 'user token' : 'config token')
          : null,
        label,
        parseRetryAfter(response.headers.get('retry-after')),
      );
    }
    if (jsonError !== undefined) {
      throw new ConnectorsResponseError(response.status, label, 'not JSON', { cause: jsonError });
    }
    try {
      return read(json);
    } catch (error) {
      const reason = error instanceof ShapeError ? error.message : 'unexpected shape';
      throw new ConnectorsResponseError(response.status, label, reason, { cause: error });
    }
  }

  const connectorPath = (connector: ConnectorRef) => `/connectors/${segment(connector)}`;
  // Not an integer: an empty segment, which the path check refuses like any bad reference.
  const connectionPath = (id: number) => `/users/me/connections/${Number.isSafeInteger(id) && id > 0 ? id : ''}`;

  return {
    baseUrl,
    language,
    listConnectors: (opts) =>
      call({ method: 'GET', auth: 'none', path: '/connectors', query: listQuery(opts), read: readPage, options: opts }),
    listBanks: (opts) =>
      call({ method: 'GET', auth: 'none', path: '/banks', query: listQuery(opts), read: readPage, options: opts }),
    listProviders: (opts) =>
      call({ method: 'GET', auth: 'none', path: '/providers', query: listQuery(opts), read: readPage, options: opts }),
    getConnector: (connector, opts) =>
      call({
        method: 'GET',
        auth: 'none',
        path: connectorPath(connector),
        query: { expand: csv(opts?.expand) },
        read: readConnector,
        options: opts,
      }),
    updateConnector: (connector, body, opts) =>
      call({ method: 'PUT', auth: 'config', path: connectorPath(connector), body, read: readConnector, options: opts }),
    batchUpdateConnectors: (updates, opts) =>
      call({
        method: 'PATCH',
        auth: 'config',
        path: '/connectors',
        body: updates,
        read: () => undefined,
        options: opts,
      }),
    batchUpdateConnectorsByIds: (ids, body, opts) => {
      if (ids.length === 0 || !ids.every((id) => Number.isInteger(id) && id > 0)) {
        return Promise.reject(new TypeError('batchUpdateConnectorsByIds needs one or more positive integer ids'));
      }
      return call({
        method: 'PUT',
        auth: 'config',
        path: `/connectors/${ids.join(',')}`,
        body,
        read: (json) => (json === null ? undefined : readConnector(json)),
        options: opts,
      });
    },
    listConnectorSources: (connector, opts) =>
      call({
        method: 'GET',
        auth: 'none',
        path: `${connectorPath(connector)}/sources`,
        query: { country_codes: csv(opts?.countryCodes) },
        read: readSources,
        options: opts,
      }),
    getConnectorSource: (connector, sourceId, opts) =>
      call({
        method: 'GET',
        auth: 'none',
        path: `${connectorPath(connector)}/sources/${segment(sourceId)}`,
        read: readSource,
        options: opts,
      }),
    updateConnectorSource: (connector, sourceId, body, opts) =>
      call({
        method: 'PUT',
        auth: 'config',
        path: `${connectorPath(connector)}/sources/${segment(sourceId)}`,
        body,
        read: readSource,
        options: opts,
      }),
    createConnection: ({ connectorUuid, values, source, ...opts }) =>
      call({
        method: 'POST',
        auth: 'user',
        path: '/users/me/connections',
        query: { source, expand: csv(opts.expand) },
        // The connector last: a field cannot be named over it.
        body: { ...values, connector_uuid: connectorUuid },
        read: readConnection,
        options: { timeoutMs: connectionTimeout, ...opts },
      }),
    listConnections: (opts) =>
      call({
        method: 'GET',
        auth: 'user',
        path: '/users/me/connections',
        query: { expand: csv(opts?.expand) },
        read: readConnections,
        options: opts,
      }),
    getConnection: (id, opts) =>
      call({
        method: 'GET',
        auth: 'user',
        path: connectionPath(id),
        query: { expand: csv(opts?.expand) },
        read: readConnection,
        options: opts,
      }),
    updateConnection: (id, update, opts) =>
      call({
        method: 'POST',
        auth: 'user',
        path: connectionPath(id),
        query: {
          source: opts?.source,
          background: opts?.background ? 'true' : undefined,
          expand: csv(opts?.expand),
        },
        body: 'resume' in update ? { resume: 'true' } : { ...update.values },
        read: readConnection,
        options: { timeoutMs: connectionTimeout, ...opts },
      }),
    syncConnection: (id, opts) =>
      call({
        method: 'PUT',
        auth: 'user',
        path: connectionPath(id),
        query: {
          psu_requested: opts?.psuRequested === undefined ? undefined : String(opts.psuRequested),
          expand: csv(opts?.expand),
        },
        read: readConnection,
        options: { timeoutMs: connectionTimeout, ...opts },
      }),
    deleteConnection: (id, opts) =>
      call({ method: 'DELETE', auth: 'user', path: connectionPath(id), read: () => undefined, options: opts }),
  };
}
