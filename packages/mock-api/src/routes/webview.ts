/**
 * The emulated Powens Webview (`<origin>/webview/connect|reconnect|manage`): it checks what the app passed, uses the
 * temporary code once, then serves a single-use session page (`/webview/session/<id>`, so a reload does not use the
 * code again) whose buttons end at the app's `redirect_uri` with Powens' callback parameters.
 */
import type { Connector, ConnectorField } from '@connector-kit/core';
import type { EmulatorContext } from '../context.ts';
import type { EmulatorClient } from '../emulator.ts';
import { csvParam, HttpError, invalidValue, missingParameter, randomToken, readFormValues } from '../http.ts';
import {
  errorPage,
  fieldControl,
  html,
  pageAnswer,
  redirectAnswer,
  type SafeHtml,
  shownParameters,
} from '../pages/html.ts';
import type { Call, RouteEntry } from '../router.ts';
import { callbackUrl, checkRedirectUri, clientName, findClient } from '../state/clients.ts';
import type { ConnectionRecord } from '../state/connections.ts';
import { SUCCESS } from '../state/scenarios.ts';
import { hasCountry, includesString } from './connectors.ts';
import type { RouteModule } from './module.ts';

type WebviewFlow = 'connect' | 'reconnect' | 'manage';

const FLOWS: readonly WebviewFlow[] = ['connect', 'reconnect', 'manage'];

/** How long a Webview session page stays usable: as long as the code that opened it. */
const WEBVIEW_SESSION_LIFETIME_MS = 30 * 60 * 1000;

interface WebviewSession {
  id: string;
  flow: WebviewFlow;
  userId: number;
  client: EmulatorClient;
  redirectUri: URL;
  state: string | null;
  /** The parameters the app passed, without the code. */
  query: URLSearchParams;
  expiresAt: number;
  used: boolean;
  /** connect: the bank the user picked from the list. */
  chosenUuid: string | null;
  /** reconnect and manage: the `connection_id` the app passed. */
  connectionId: number | null;
}

/** The `error` and `error_description` of each way a visit ends without a connection. */
const FAILURES = {
  cancel: ['access_denied', 'The user cancelled.'],
  decline: ['tos_declined', 'The user declined the terms of service.'],
  expired: ['session_expired', 'The temporary code is unknown, expired or already used.'],
  gone: ['server_error', 'The connection no longer exists.'],
} as const;

/** The form name of a connector field (prefixed, so that no field can take a button's name). */
const fieldInputName = (field: ConnectorField) => `field.${field.name}`;

/** A connector's fields, each name once. */
function connectorFields(connector: Connector): ConnectorField[] {
  const seen = new Set<string>();
  return (connector.fields ?? []).filter((field) => {
    if (seen.has(field.name)) return false;
    seen.add(field.name);
    return true;
  });
}

/** The callback of a visit that ends without a connection. */
function failureUrl(redirectUri: URL, failure: keyof typeof FAILURES, state: string | null): string {
  const [error, description] = FAILURES[failure];
  return callbackUrl(
    redirectUri,
    [
      ['error', error],
      ['error_description', description],
    ],
    state,
  );
}

export function webviewRoutes(context: EmulatorContext): RouteModule {
  const { users, connections, settings } = context;
  const sessions = new Map<string, WebviewSession>();

  const connectorByUuid = (uuid: string) =>
    context.connectors().find((connector) => connector.uuid.toLowerCase() === uuid.toLowerCase());

  const connectorOfRecord = (record: ConnectionRecord) =>
    context.connectors().find((connector) => connector.uuid === record.connectorUuid);

  /** An integer id parameter, `null` when absent. */
  function idParam(query: URLSearchParams, name: string): number | null {
    const raw = query.get(name);
    if (raw === null) return null;
    if (!/^\d+$/.test(raw)) throw invalidValue(`${name}: "${raw}" is not a connection id`);
    return Number(raw);
  }

  /** Checks what the app passed, in the order that never redirects to an unchecked address nor wastes a code. */
  function start(flow: WebviewFlow, call: Call) {
    const { query } = call;
    const client = findClient(settings.clients, query.get('client_id'));
    const redirectUri = checkRedirectUri(client, query.get('redirect_uri'));
    if ((query.get('domain') ?? '') === '') throw missingParameter('domain is required');
    const state = query.get('state');
    for (const uuid of csvParam(query, 'connector_uuids') ?? []) {
      if (connectorByUuid(uuid) === undefined) throw invalidValue(`connector_uuids: no connector with UUID "${uuid}"`);
    }
    const connectionId = flow === 'connect' ? null : idParam(query, 'connection_id');
    if (flow === 'reconnect' && connectionId === null) throw missingParameter('connection_id is required');

    const code = query.get('code') ?? '';
    const userId = users.peekCode(code);
    if (userId === null) return redirectAnswer(302, failureUrl(redirectUri, 'expired', state));
    if (connectionId !== null && connections.get(connectionId)?.userId !== userId) {
      throw invalidValue(`connection_id: ${connectionId} is not a connection of this user`);
    }
    users.redeemCode(code);
    const kept = new URLSearchParams(shownParameters(query));
    const session: WebviewSession = {
      id: randomToken(),
      flow,
      userId,
      client,
      redirectUri,
      state,
      query: kept,
      expiresAt: settings.now() + WEBVIEW_SESSION_LIFETIME_MS,
      used: false,
      chosenUuid: null,
      connectionId,
    };
    sessions.set(session.id, session);
    return redirectAnswer(303, `${call.url.origin}/webview/session/${encodeURIComponent(session.id)}`);
  }

  function activeSession(call: Call): WebviewSession {
    const session = sessions.get(call.params.get('id') ?? '');
    if (session === undefined) throw new HttpError(400, 'invalidSession', 'This Webview session is unknown.');
    if (session.used) throw new HttpError(400, 'invalidSession', 'This Webview session was already used.');
    if (settings.now() >= session.expiresAt) {
      throw new HttpError(400, 'invalidSession', 'This Webview session expired.');
    }
    return session;
  }

  /** connect: the one bank the app named, else the one the user picked; `null` while the user has to pick. */
  function chosenConnector(session: WebviewSession): { connector: Connector; fromList: boolean } | null {
    const uuids = csvParam(session.query, 'connector_uuids') ?? [];
    const [only] = uuids;
    const uuid = uuids.length === 1 ? only : session.chosenUuid;
    const connector = uuid === undefined || uuid === null ? undefined : connectorByUuid(uuid);
    return connector === undefined ? null : { connector, fromList: uuids.length !== 1 };
  }

  /** connect: the banks offered, filtered by `connector_uuids`, `connector_country` and `connector_capabilities`. */
  function offeredConnectors(session: WebviewSession): Connector[] {
    const uuids = (csvParam(session.query, 'connector_uuids') ?? []).map((uuid) => uuid.toLowerCase());
    const country = session.query.get('connector_country')?.trim().toUpperCase() ?? '';
    const capabilities = csvParam(session.query, 'connector_capabilities') ?? [];
    return context
      .connectors()
      .filter(
        (connector) =>
          (uuids.length > 0 ? uuids.includes(connector.uuid.toLowerCase()) : connector.hidden !== true) &&
          (country === '' || hasCountry(connector.countries, new Set([country]))) &&
          capabilities.every((capability) => includesString(connector.capabilities, capability)),
      )
      .sort((left, right) => left.name.localeCompare(right.name, 'fr'));
  }

  /** The user's connections a manage session shows: the one the app named, or all of them. */
  function managedConnections(session: WebviewSession): ConnectionRecord[] {
    return connections
      .all()
      .filter(
        (record) =>
          record.userId === session.userId && (session.connectionId === null || record.id === session.connectionId),
      );
  }

  function page(call: Call, session: WebviewSession, heading: string, body: SafeHtml) {
    return pageAnswer({
      heading,
      body,
      origin: call.url.origin,
      redirectOrigin: session.redirectUri.origin,
      received: [...session.query],
    });
  }

  const formAction = (session: WebviewSession) => `/webview/session/${encodeURIComponent(session.id)}`;

  function fieldsHtml(session: WebviewSession, connector: Connector, prefill: boolean): SafeHtml {
    const controls = connectorFields(connector).map((field, index) =>
      fieldControl(
        field,
        `field-${index}`,
        fieldInputName(field),
        prefill ? session.query.get(`${connector.uuid}.${field.name}`) : null,
      ),
    );
    return html`${controls}`;
  }

  function bankChoicePage(call: Call, session: WebviewSession) {
    const offered = offeredConnectors(session);
    const choices = offered.map(
      (connector) =>
        html`<li><button type="submit" class="choice" name="choose" value="${connector.uuid}">${connector.name}</button></li>`,
    );
    return page(
      call,
      session,
      'Choose your bank',
      html`<p><strong>${clientName(session.client)}</strong> wants to connect to your accounts.</p>
<form method="post" action="${formAction(session)}">
${offered.length > 0 ? html`<ul class="plain">${choices}</ul>` : html`<p class="muted">No bank matches these criteria.</p>`}
<div class="actions"><button type="submit" name="action" value="cancel" class="secondary">Cancel</button></div>
</form>`,
    );
  }

  function connectPage(call: Call, session: WebviewSession) {
    const chosen = chosenConnector(session);
    if (chosen === null) return bankChoicePage(call, session);
    const { connector, fromList } = chosen;
    return page(
      call,
      session,
      `Connect ${connector.name}`,
      html`<p><strong>${clientName(session.client)}</strong> wants to connect to your accounts at ${connector.name}.</p>
<form method="post" action="${formAction(session)}">
${fieldsHtml(session, connector, true)}
<p class="muted">By connecting, you accept the terms of use of the account information service.</p>
<div class="actions">
<button type="submit" name="action" value="connect">Connect</button>
<button type="submit" name="action" value="cancel" class="secondary" formnovalidate>Cancel</button>
<button type="submit" name="action" value="decline" class="secondary" formnovalidate>Decline the terms</button>
${fromList ? html`<button type="submit" name="action" value="back" class="secondary" formnovalidate>Choose another bank</button>` : null}
</div>
</form>`,
    );
  }

  function reconnectPage(call: Call, session: WebviewSession) {
    const record = session.connectionId === null ? undefined : connections.get(session.connectionId);
    if (record === undefined) throw new HttpError(400, 'notFound', 'The connection no longer exists.');
    connections.settle(record);
    const connector = connectorOfRecord(record);
    const name = connector?.name ?? `Connection #${record.id}`;
    const resetCredentials = session.query.get('reset_credentials') === 'true';
    return page(
      call,
      session,
      `Reconnect ${name}`,
      html`<div class="card"><p>Connection #${record.id} · state: <code>${record.state ?? 'ok'}</code></p>${
        record.errorMessage === null ? null : html`<p>${record.errorMessage}</p>`
      }</div>
<form method="post" action="${formAction(session)}">
${resetCredentials && connector ? fieldsHtml(session, connector, false) : null}
<div class="actions">
<button type="submit" name="action" value="reconnect">Reconnect</button>
<button type="submit" name="action" value="cancel" class="secondary" formnovalidate>Cancel</button>
</div>
</form>`,
    );
  }

  function managePage(call: Call, session: WebviewSession) {
    const items = managedConnections(session).map((record) => {
      connections.settle(record);
      const name = connectorOfRecord(record)?.name ?? '';
      return html`<li class="card"><div class="row"><div><strong>${name}</strong><br><span class="muted">Connection #${record.id} · state: <code>${record.state ?? 'ok'}</code></span></div>
<button type="submit" name="delete" value="${record.id}" class="danger">Delete<span class="visually-hidden"> ${name}, connection #${record.id}</span></button></div></li>`;
    });
    return page(
      call,
      session,
      'Manage your connections',
      html`<form method="post" action="${formAction(session)}">
${items.length > 0 ? html`<ul class="plain">${items}</ul>` : html`<p class="muted">No connection yet.</p>`}
<div class="actions"><button type="submit" name="action" value="done">Done</button></div>
</form>`,
    );
  }

  function showSession(call: Call) {
    const session = activeSession(call);
    if (session.flow === 'connect') return connectPage(call, session);
    if (session.flow === 'reconnect') return reconnectPage(call, session);
    return managePage(call, session);
  }

  /** Ends the session at the app's `redirect_uri`. */
  function finish(session: WebviewSession, params: [string, string][]) {
    session.used = true;
    return redirectAnswer(303, callbackUrl(session.redirectUri, params, session.state));
  }

  function fail(session: WebviewSession, failure: keyof typeof FAILURES) {
    session.used = true;
    return redirectAnswer(303, failureUrl(session.redirectUri, failure, session.state));
  }

  /** A new `requestAccess` code for the app, as the Webview gives on success. */
  const newCode = (session: WebviewSession) => users.issueCode(session.userId, 'standard');

  const backToSession = (call: Call, session: WebviewSession) =>
    redirectAnswer(303, `${call.url.origin}${formAction(session)}`);

  function submitConnect(call: Call, session: WebviewSession, form: ReadonlyMap<string, string>) {
    const picked = form.get('choose');
    if (picked !== undefined) {
      const offered = offeredConnectors(session).some((connector) => connector.uuid === picked);
      if (!offered) throw invalidValue('This bank is not offered here');
      session.chosenUuid = picked;
      return backToSession(call, session);
    }
    const action = form.get('action');
    if (action === 'cancel') return fail(session, 'cancel');
    if (action === 'decline') return fail(session, 'decline');
    if (action === 'back') {
      session.chosenUuid = null;
      return backToSession(call, session);
    }
    const chosen = chosenConnector(session);
    if (action !== 'connect' || chosen === null) throw invalidValue('Unknown action');
    const record = connections.create(session.userId, chosen.connector, SUCCESS, null);
    return finish(session, [
      ['connection_id', String(record.id)],
      ['connection_ids', String(record.id)],
      ['code', newCode(session)],
    ]);
  }

  function submitReconnect(session: WebviewSession, form: ReadonlyMap<string, string>) {
    const action = form.get('action');
    if (action === 'cancel') return fail(session, 'cancel');
    if (action !== 'reconnect') throw invalidValue('Unknown action');
    const record = session.connectionId === null ? undefined : connections.get(session.connectionId);
    if (record === undefined || record.userId !== session.userId) return fail(session, 'gone');
    connections.apply(record, SUCCESS);
    return finish(session, [
      ['connection_id', String(record.id)],
      ['code', newCode(session)],
    ]);
  }

  function submitManage(session: WebviewSession, form: ReadonlyMap<string, string>) {
    const deleted = form.get('delete');
    if (deleted !== undefined) {
      const record = managedConnections(session).find((candidate) => String(candidate.id) === deleted);
      if (record === undefined) throw invalidValue('This connection is not managed here');
      connections.remove(record.id);
      return finish(session, [
        ['connection_id', String(record.id)],
        ['connection_deleted', 'true'],
      ]);
    }
    if (form.get('action') !== 'done') throw invalidValue('Unknown action');
    return finish(session, session.connectionId === null ? [] : [['connection_id', String(session.connectionId)]]);
  }

  async function submitSession(call: Call) {
    const session = activeSession(call);
    const form = await readFormValues(call.request);
    if (session.flow === 'connect') return submitConnect(call, session, form);
    if (session.flow === 'reconnect') return submitReconnect(session, form);
    return submitManage(session, form);
  }

  const renderError = (error: HttpError, call: Call) => errorPage(error, call.url.origin, shownParameters(call.query));

  const routes: RouteEntry[] = FLOWS.map((flow) => ({
    methods: ['GET'],
    scope: 'site',
    path: `/webview/${flow}`,
    fault: null,
    auth: 'none',
    renderError,
    handle: (call: Call) => start(flow, call),
  }));
  routes.push(
    {
      methods: ['GET'],
      scope: 'site',
      path: '/webview/session/:id',
      fault: null,
      auth: 'none',
      renderError,
      handle: showSession,
    },
    {
      methods: ['POST'],
      scope: 'site',
      path: '/webview/session/:id',
      fault: null,
      auth: 'none',
      renderError,
      handle: submitSession,
    },
  );
  return { routes, reset: () => sessions.clear() };
}
