/**
 * The addresses that hand a user off to Powens: the hosted Webview (`connect`, `reconnect`, `manage`) and the
 * bank's own page through `/webauth`. Parameter names are Powens' own; lists are comma-joined and every value is
 * percent-encoded. Bad input is refused with a `TypeError` that names the problem, before anything is sent.
 */
import { resolveBaseUrl } from '../client.ts';

/** The hosted Webview's address. */
export const POWENS_WEBVIEW_URL = 'https://webview.powens.com';

export type WebviewFlow = 'connect' | 'reconnect' | 'manage';

export interface WebviewCommonOptions {
  /** Your Powens domain: `acme-sandbox` or `acme-sandbox.biapi.pro`. */
  domain: string;
  /** Your client id (public). */
  clientId: string;
  /** A temporary code from `GET /auth/token/code?type=singleAccess`, fetched by your server for this user. */
  code: string;
  /** Where the Webview sends the user back: an absolute http(s) URL without a query or a fragment. */
  redirectUri: string;
  /** An opaque value the callback must carry back (see `createHandoffStore`). */
  state?: string | undefined;
  /** Another Webview host (a staging one, or the emulator's `<origin>/webview`); `https://webview.powens.com` by default. */
  webviewUrl?: string | undefined;
}

/** Which connectors the Webview offers, and what it fills in (connect and manage). */
export interface WebviewConnectorOptions {
  /** With exactly one uuid, the Webview opens that bank directly. */
  connectorUuids?: readonly string[] | undefined;
  connectorCapabilities?: readonly string[] | undefined;
  /** An ISO 3166-1 alpha-2 code. */
  connectorCountry?: string | undefined;
  /** Prefilled values, by connector uuid then field name: one `<uuid>.<field>` parameter each. */
  connectorFieldValues?: Readonly<Record<string, Readonly<Record<string, string>>>> | undefined;
  accountTypes?: readonly string[] | undefined;
  accountUsages?: readonly string[] | undefined;
}

export interface WebviewConnectOptions extends WebviewCommonOptions, WebviewConnectorOptions {
  flow: 'connect';
  /** How many connections the user may add in this visit. */
  maxConnections?: number | undefined;
  accountIbans?: readonly string[] | undefined;
}

export interface WebviewReconnectOptions extends WebviewCommonOptions {
  flow: 'reconnect';
  connectionId: number | string;
  /** Ask for the credentials again. */
  resetCredentials?: boolean | undefined;
}

export interface WebviewManageOptions extends WebviewCommonOptions, WebviewConnectorOptions {
  flow: 'manage';
  connectionId?: number | string | undefined;
}

export type BuildWebviewUrlOptions = WebviewConnectOptions | WebviewReconnectOptions | WebviewManageOptions;

export interface BuildWebauthUrlOptions {
  /** Your Powens domain; or `baseUrl`. */
  domain?: string | undefined;
  /** The API root instead of `domain` (the emulator, a staging host): `…/webauth` is appended. */
  baseUrl?: string | undefined;
  clientId: string;
  /** A temporary code from `GET /auth/token/code`, sent as `token`. */
  code: string;
  redirectUri: string;
  /** A new connection to this connector; or `connectionId`. */
  connectorUuid?: string | undefined;
  /** An existing connection to recover or resume; or `connectorUuid`. */
  connectionId?: number | string | undefined;
  /** The connector source to add, by name. */
  source?: string | undefined;
  state?: string | undefined;
}

/** The options each flow accepts beyond the common ones; anything else is a mistake worth naming. */
const CONNECTOR_OPTIONS = [
  'connectorUuids',
  'connectorCapabilities',
  'connectorCountry',
  'connectorFieldValues',
  'accountTypes',
  'accountUsages',
] as const;
const FLOW_OPTIONS: Record<WebviewFlow, readonly string[]> = {
  connect: [...CONNECTOR_OPTIONS, 'maxConnections', 'accountIbans'],
  reconnect: ['connectionId', 'resetCredentials'],
  manage: [...CONNECTOR_OPTIONS, 'connectionId'],
};
const COMMON_OPTIONS = ['flow', 'domain', 'clientId', 'code', 'redirectUri', 'state', 'webviewUrl'];

/** Query parameters in order; a list is kept as its items, to be joined with literal commas. */
type Params = [name: string, value: string | readonly string[]][];

function fail(what: string, problem: string): never {
  throw new TypeError(`${what}: ${problem}`);
}

function requiredText(what: string, name: string, value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '') fail(what, `\`${name}\` is required`);
  return value;
}

function optionalText(what: string, name: string, value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value === '') fail(what, `\`${name}\` must be a non-empty string`);
  return value;
}

/** An absolute http(s) URL without a query or a fragment (Powens appends its own query to it). */
function checkRedirectUri(what: string, value: unknown): string {
  const text = requiredText(what, 'redirectUri', value);
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return fail(what, '`redirectUri` must be an absolute http(s) URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') fail(what, '`redirectUri` must be an http(s) URL');
  if (url.search !== '' || text.includes('?')) fail(what, '`redirectUri` must not have a query string');
  if (url.hash !== '' || text.includes('#')) fail(what, '`redirectUri` must not have a fragment');
  if (url.username !== '' || url.password !== '') fail(what, '`redirectUri` must not carry credentials');
  return text;
}

/** An absolute http(s) address without a query or a fragment, without its trailing slashes. */
function checkHost(what: string, name: string, value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return fail(what, `\`${name}\` must be an absolute http(s) URL`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') fail(what, `\`${name}\` must be an http(s) URL`);
  if (url.search !== '' || url.hash !== '' || value.includes('?') || value.includes('#')) {
    fail(what, `\`${name}\` must not have a query or a fragment`);
  }
  return url.href.replace(/\/+$/, '');
}

function checkList(what: string, name: string, value: unknown): readonly string[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) fail(what, `\`${name}\` must be an array of strings`);
  for (const item of value) {
    if (typeof item !== 'string' || item.trim() === '') fail(what, `\`${name}\` must hold non-empty strings`);
    if (item.includes(',')) fail(what, `\`${name}\` items cannot contain a comma (the list is comma-joined)`);
  }
  return value.length > 0 ? (value as string[]) : undefined;
}

function checkId(what: string, name: string, value: unknown): string {
  const text = typeof value === 'number' ? String(value) : value;
  if (typeof text !== 'string' || !/^[1-9]\d{0,15}$/.test(text)) fail(what, `\`${name}\` must be a positive integer`);
  return text;
}

/** `acme-sandbox` → `acme-sandbox.biapi.pro`, the form the Webview's `domain` parameter takes. */
function checkDomain(what: string, value: unknown): string {
  const text = requiredText(what, 'domain', value).trim();
  let root: string;
  try {
    root = resolveBaseUrl({ domain: text });
  } catch {
    return fail(what, '`domain` must look like "acme-sandbox" or "acme-sandbox.biapi.pro"');
  }
  return new URL(root).host;
}

/**
 * `name=value&…`, each name and value percent-encoded; a list's items are joined with literal commas. Text that
 * cannot be encoded (a lone surrogate) is refused with a `TypeError` naming the parameter, like any other bad value.
 */
function encodeQuery(what: string, params: Params): string {
  const encodeText = (name: string, text: string) => {
    try {
      return encodeURIComponent(text);
    } catch {
      return fail(what, `\`${name}\` contains text that cannot be encoded (a lone surrogate)`);
    }
  };
  const encode = (name: string, value: string | readonly string[]) =>
    typeof value === 'string' ? encodeText(name, value) : value.map((item) => encodeText(name, item)).join(',');
  return params.map(([name, value]) => `${encodeText(name, name)}=${encode(name, value)}`).join('&');
}

function push(params: Params, name: string, value: string | readonly string[] | undefined): void {
  if (value !== undefined) params.push([name, value]);
}

function connectorParams(what: string, options: WebviewConnectorOptions, params: Params): void {
  push(params, 'connector_uuids', checkList(what, 'connectorUuids', options.connectorUuids));
  push(params, 'connector_capabilities', checkList(what, 'connectorCapabilities', options.connectorCapabilities));
  const country = optionalText(what, 'connectorCountry', options.connectorCountry);
  if (country !== undefined && !/^[A-Za-z]{2}$/.test(country)) {
    fail(what, '`connectorCountry` must be an ISO 3166-1 alpha-2 code');
  }
  push(params, 'connector_country', country?.toUpperCase());
  push(params, 'account_types', checkList(what, 'accountTypes', options.accountTypes));
  push(params, 'account_usages', checkList(what, 'accountUsages', options.accountUsages));
  const prefilled = options.connectorFieldValues;
  if (prefilled === undefined) return;
  if (prefilled === null || typeof prefilled !== 'object') fail(what, '`connectorFieldValues` must be an object');
  for (const [uuid, values] of Object.entries(prefilled)) {
    if (uuid.trim() === '' || uuid.includes('.')) fail(what, `\`connectorFieldValues\` has a bad connector uuid`);
    if (values === null || typeof values !== 'object') fail(what, `\`connectorFieldValues.${uuid}\` must be an object`);
    for (const [field, value] of Object.entries(values)) {
      if (field === '') fail(what, `\`connectorFieldValues.${uuid}\` has an empty field name`);
      if (typeof value !== 'string') fail(what, `\`connectorFieldValues.${uuid}.${field}\` must be a string`);
      params.push([`${uuid}.${field}`, value]);
    }
  }
}

/**
 * The Powens Webview address for one flow: `https://webview.powens.com/<flow>?domain=…&client_id=…&code=…&redirect_uri=…`
 * and the flow's options. Throws a `TypeError` naming the problem for a missing client id, domain or code, a
 * `redirectUri` that is not an absolute http(s) URL or has a query or a fragment, a missing `connectionId` on
 * `reconnect`, or an option the flow does not take.
 */
export function buildWebviewUrl(options: BuildWebviewUrlOptions): string {
  const what = 'buildWebviewUrl';
  if (options === null || typeof options !== 'object') fail(what, 'options are required');
  const flow: unknown = options.flow;
  if (flow !== 'connect' && flow !== 'reconnect' && flow !== 'manage') {
    fail(what, '`flow` must be "connect", "reconnect" or "manage"');
  }
  for (const [name, value] of Object.entries(options)) {
    if (value !== undefined && !COMMON_OPTIONS.includes(name) && !FLOW_OPTIONS[flow].includes(name)) {
      fail(what, `\`${name}\` is not an option of the ${flow} flow`);
    }
  }
  const params: Params = [
    ['domain', checkDomain(what, options.domain)],
    ['client_id', requiredText(what, 'clientId', options.clientId)],
    ['code', requiredText(what, 'code', options.code)],
    ['redirect_uri', checkRedirectUri(what, options.redirectUri)],
  ];
  push(params, 'state', optionalText(what, 'state', options.state));

  if (options.flow === 'reconnect') {
    params.push(['connection_id', checkId(what, 'connectionId', options.connectionId)]);
    if (options.resetCredentials === true) params.push(['reset_credentials', 'true']);
  } else {
    connectorParams(what, options, params);
    if (options.flow === 'connect') {
      const max = options.maxConnections;
      if (max !== undefined) params.push(['max_connections', checkId(what, 'maxConnections', max)]);
      push(params, 'account_ibans', checkList(what, 'accountIbans', options.accountIbans));
    } else if (options.connectionId !== undefined) {
      params.push(['connection_id', checkId(what, 'connectionId', options.connectionId)]);
    }
  }

  const host = checkHost(
    what,
    'webviewUrl',
    optionalText(what, 'webviewUrl', options.webviewUrl) ?? POWENS_WEBVIEW_URL,
  );
  return `${host}/${flow}?${encodeQuery(what, params)}`;
}

/**
 * The `/webauth` address that sends the user to the bank's own page, for a new connection (`connectorUuid`) or an
 * existing one (`connectionId`): `https://<domain>.biapi.pro/2.0/webauth?client_id=…&token=…&redirect_uri=…`.
 * Throws a `TypeError` naming the problem, as `buildWebviewUrl` does; also when both or neither of
 * `connectorUuid` and `connectionId` are given.
 */
export function buildWebauthUrl(options: BuildWebauthUrlOptions): string {
  const what = 'buildWebauthUrl';
  if (options === null || typeof options !== 'object') fail(what, 'options are required');
  let root: string;
  try {
    root = resolveBaseUrl({
      ...(options.domain === undefined ? {} : { domain: options.domain }),
      ...(options.baseUrl === undefined ? {} : { baseUrl: options.baseUrl }),
    });
  } catch (error) {
    return fail(what, error instanceof Error ? error.message : 'a `domain` or a `baseUrl` is required');
  }
  root = checkHost(what, options.baseUrl === undefined ? 'domain' : 'baseUrl', root);
  const hasConnector = options.connectorUuid !== undefined;
  const hasConnection = options.connectionId !== undefined;
  if (hasConnector === hasConnection) fail(what, 'give exactly one of `connectorUuid` and `connectionId`');
  const params: Params = [
    ['client_id', requiredText(what, 'clientId', options.clientId)],
    ['token', requiredText(what, 'code', options.code)],
    ['redirect_uri', checkRedirectUri(what, options.redirectUri)],
  ];
  if (hasConnector) params.push(['connector_uuid', requiredText(what, 'connectorUuid', options.connectorUuid)]);
  else params.push(['id_connection', checkId(what, 'connectionId', options.connectionId)]);
  push(params, 'source', optionalText(what, 'source', options.source));
  push(params, 'state', optionalText(what, 'state', options.state));
  return `${root}/webauth?${encodeQuery(what, params)}`;
}
