import {
  buildWebauthUrl,
  buildWebviewUrl,
  type Connector,
  createHandoffStore,
  type HandoffStore,
  type WebviewFlow,
} from '@connector-kit/core';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';

/** The connector handed off: its uuid, and its name and color for the page the user comes back to. */
export type HandoffConnector = Pick<Connector, 'uuid' | 'name'> & Partial<Pick<Connector, 'color'>>;

/** What the app's server is asked for: a temporary code for this user, to hand over to Powens once. */
export interface WebviewCodeRequest {
  connector: HandoffConnector | null;
  /** Aborted when the user starts another hand-off or leaves the component. */
  signal: AbortSignal;
}

export interface UseWebviewHandoffOptions {
  /** Your Powens client id (public). */
  clientId: string;
  /** Your Powens domain: `acme-sandbox` or `acme-sandbox.biapi.pro`. */
  domain: string;
  /** Your page that reads the way back (`ConnectCallback`): absolute http(s), no query, no fragment. */
  redirectUri: string;
  /**
   * Your own call to your server, which holds the user's token and answers with a single-use code from
   * `GET /auth/token/code?type=singleAccess`. The browser never holds a permanent token.
   */
  getCode: (request: WebviewCodeRequest) => Promise<string>;
  /** Another Webview host (a staging one, the emulator's `<origin>/webview`). */
  webviewUrl?: string | undefined;
  /** The API root `/webauth` is on, when it is not `https://<domain>.biapi.pro/2.0` (the emulator). */
  baseUrl?: string | undefined;
  /** Webview filters sent with every hand-off. */
  connectorCapabilities?: readonly string[] | undefined;
  accountTypes?: readonly string[] | undefined;
  accountUsages?: readonly string[] | undefined;
  /** Prefilled values by connector uuid, then field name: only the chosen connector's are sent. */
  connectorFieldValues?: Readonly<Record<string, Readonly<Record<string, string>>>> | undefined;
  /** Where the callback page sends the user afterwards: this page (path, query and hash) by default. */
  returnPath?: string | undefined;
  /** Leaves the page; `location.assign` by default. */
  navigate?: ((url: string) => void) | undefined;
  /** The pending hand-offs; `createHandoffStore()` (sessionStorage) by default. */
  store?: HandoffStore | undefined;
}

export interface WebviewHandoffRequest {
  /** `webview` (default): the Powens Webview for this bank; `webauth`: the bank's own page, through `/webauth`. */
  target?: 'webview' | 'webauth' | undefined;
  /** The Webview flow (default `connect`); `reconnect` and `manage` need `connectionId`. */
  flow?: WebviewFlow | undefined;
  /** The connection to reconnect or manage (Webview), or to resume (`webauth`). */
  connectionId?: number | undefined;
  /** The country the user chose, passed to the Webview. */
  countryCode?: string | null | undefined;
  /** `webauth`: the connector source to add, by name. */
  source?: string | null | undefined;
  /** `reconnect`: ask the credentials again. */
  resetCredentials?: boolean | undefined;
}

export type WebviewHandoffStatus = 'idle' | 'pending' | 'leaving' | 'error';

export interface UseWebviewHandoffResult {
  /**
   * Asks your server for a code, keeps a single-use state, builds the address for this one bank and leaves the page.
   * Starting again (another bank, or the same) cancels a hand-off still asking for its code.
   */
  start: (connector: HandoffConnector, request?: WebviewHandoffRequest) => void;
  /** `pending` while the code is asked for, `leaving` once the browser was sent away, `error` when it failed. */
  status: WebviewHandoffStatus;
  /** Why the last hand-off failed: your `getCode`'s error, or a `TypeError` naming a bad option. */
  error: unknown;
  /** The connector of the current or last hand-off. */
  connector: HandoffConnector | null;
  /** Starts the last hand-off again. */
  retry: () => void;
  /** Back to `idle`, cancelling a hand-off in progress. */
  reset: () => void;
}

interface HandoffState {
  status: WebviewHandoffStatus;
  error: unknown;
  connector: HandoffConnector | null;
}

const IDLE: HandoffState = { status: 'idle', error: null, connector: null };

/** The address for one hand-off: the Webview for this bank, or its own page through `/webauth`. */
function handoffUrl(
  options: UseWebviewHandoffOptions,
  connector: HandoffConnector,
  request: WebviewHandoffRequest,
  code: string,
  state: string,
): string {
  const common = { clientId: options.clientId, code, redirectUri: options.redirectUri, state };
  if (request.target === 'webauth') {
    return buildWebauthUrl({
      ...common,
      ...(options.baseUrl === undefined ? { domain: options.domain } : { baseUrl: options.baseUrl }),
      ...(request.connectionId === undefined
        ? { connectorUuid: connector.uuid }
        : { connectionId: request.connectionId }),
      ...(request.source ? { source: request.source } : {}),
    });
  }
  const webview = { ...common, domain: options.domain, webviewUrl: options.webviewUrl };
  const flow = request.flow ?? 'connect';
  if (flow === 'reconnect') {
    // Without a connection, `buildWebviewUrl` names what is missing.
    const connectionId = request.connectionId as number;
    return buildWebviewUrl({ ...webview, flow, connectionId, resetCredentials: request.resetCredentials });
  }
  const prefilled = options.connectorFieldValues?.[connector.uuid];
  return buildWebviewUrl({
    ...webview,
    flow,
    connectorUuids: [connector.uuid],
    connectorCountry: request.countryCode ?? undefined,
    connectorCapabilities: options.connectorCapabilities,
    accountTypes: options.accountTypes,
    accountUsages: options.accountUsages,
    connectorFieldValues: prefilled ? { [connector.uuid]: prefilled } : undefined,
    ...(flow === 'manage' && request.connectionId !== undefined ? { connectionId: request.connectionId } : {}),
  });
}

function currentPath(): string {
  const location = globalThis.location;
  return location ? `${location.pathname}${location.search}${location.hash}` : '/';
}

/**
 * The hand-off to Powens for a client without Agent status: the user picked a bank in your app and finishes at Powens
 * (the Webview, or the bank's page through `/webauth`), then comes back to `redirectUri`, where `useWebviewCallback`
 * reads the outcome. The temporary code is used for the address only: it is kept in no state, cache or storage.
 *
 * When the browser comes back to this page from its back-forward cache, a hand-off that had left is `idle` again, so
 * the page offers to continue instead of leaving on its own.
 */
export function useWebviewHandoff(options: UseWebviewHandoffOptions): UseWebviewHandoffResult {
  const [state, setState] = useState<HandoffState>(IDLE);
  const latest = useRef(options);
  latest.current = options;
  const attempt = useRef<AbortController | null>(null);
  const last = useRef<{ connector: HandoffConnector; request: WebviewHandoffRequest } | null>(null);
  const defaultStore = useMemo(() => createHandoffStore(), []);

  const start = useCallback(
    (connector: HandoffConnector, request: WebviewHandoffRequest = {}) => {
      attempt.current?.abort();
      const controller = new AbortController();
      attempt.current = controller;
      last.current = { connector, request };
      setState({ status: 'pending', error: null, connector });

      const leave = async () => {
        const opts = latest.current;
        const code = await opts.getCode({ connector, signal: controller.signal });
        if (controller.signal.aborted) return;
        if (typeof code !== 'string' || code === '') throw new TypeError('getCode: expected a temporary code');
        const store = opts.store ?? defaultStore;
        const handoff = store.begin({
          flow: request.target === 'webauth' ? 'webauth' : (request.flow ?? 'connect'),
          connectorUuid: connector.uuid,
          connectorName: connector.name,
          connectorColor: connector.color ?? null,
          connectionId: request.connectionId ?? null,
          returnPath: opts.returnPath ?? currentPath(),
        });
        const url = handoffUrl(opts, connector, request, code, handoff.state);
        setState({ status: 'leaving', error: null, connector });
        (opts.navigate ?? ((address: string) => globalThis.location.assign(address)))(url);
      };

      leave().catch((error: unknown) => {
        if (!controller.signal.aborted) setState({ status: 'error', error, connector });
      });
    },
    [defaultStore],
  );

  const retry = useCallback(() => {
    if (last.current) start(last.current.connector, last.current.request);
  }, [start]);

  const reset = useCallback(() => {
    attempt.current?.abort();
    attempt.current = null;
    setState(IDLE);
  }, []);

  useEffect(() => {
    // Back from the Webview through the back-forward cache: the page is as it was left, "leaving".
    const onPageShow = (event: PageTransitionEvent) => {
      if (event.persisted)
        setState((current) => (current.status === 'leaving' ? { ...current, status: 'idle' } : current));
    };
    globalThis.addEventListener?.('pageshow', onPageShow);
    return () => {
      globalThis.removeEventListener?.('pageshow', onPageShow);
      attempt.current?.abort();
    };
  }, []);

  return { start, retry, reset, status: state.status, error: state.error, connector: state.connector };
}
