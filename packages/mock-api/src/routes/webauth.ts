/**
 * `/webauth` and the emulated bank's page: the app sends its user to `/webauth` with a temporary code, the emulator
 * redirects to a page of "the bank" on its own origin, and the user's Approve or Deny goes back to the app's
 * `redirect_uri` as Powens' callback does.
 */
import type { Connector } from '@connector-kit/core';
import type { EmulatorContext } from '../context.ts';
import type { EmulatorClient } from '../emulator.ts';
import { HttpError, invalidValue, notFound, randomToken, readFormValues } from '../http.ts';
import { errorPage, html, pageAnswer, redirectAnswer, shownParameters } from '../pages/html.ts';
import type { Call } from '../router.ts';
import { callbackUrl, checkRedirectUri, clientName, findClient } from '../state/clients.ts';
import { SUCCESS } from '../state/scenarios.ts';
import type { RouteModule } from './module.ts';

/** How long the user has on the bank's page. */
const BANK_SESSION_LIFETIME_MS = 10 * 60 * 1000;

/** A visit to the bank's page, single-use. */
interface BankSession {
  id: string;
  userId: number;
  client: EmulatorClient;
  redirectUri: URL;
  state: string | null;
  connector: Connector;
  /** The connection to recover or resume (`id_connection`), or `null` for a new one (`connector_uuid`). */
  connectionId: number | null;
  source: string | null;
  expiresAt: number;
  used: boolean;
  /** The `/webauth` parameters, shown on the page (without the code). */
  received: [string, string][];
}

export function webauthRoutes(context: EmulatorContext): RouteModule {
  const { users, connections, settings } = context;
  const sessions = new Map<string, BankSession>();

  /** The connector of a new connection, or of the connection to recover, checked before the code is used. */
  function connectorOf(query: URLSearchParams): { connector: Connector; connectionId: number | null } {
    const uuid = query.get('connector_uuid');
    const rawConnection = query.get('id_connection');
    if ((uuid === null) === (rawConnection === null)) {
      throw invalidValue('Exactly one of connector_uuid and id_connection is required');
    }
    if (uuid !== null) {
      const connector = context.connectors().find((candidate) => candidate.uuid.toLowerCase() === uuid.toLowerCase());
      if (connector === undefined) throw notFound(`No connector with UUID "${uuid}"`);
      return { connector, connectionId: null };
    }
    const connectionId = /^\d+$/.test(rawConnection ?? '') ? Number(rawConnection) : Number.NaN;
    const record = connections.get(connectionId);
    const connector = record && context.connectors().find((candidate) => candidate.uuid === record.connectorUuid);
    if (connector === undefined) throw notFound(`No connection with id "${rawConnection}"`);
    return { connector, connectionId };
  }

  function startWebauth(call: Call) {
    const { query } = call;
    const client = findClient(settings.clients, query.get('client_id'));
    const redirectUri = checkRedirectUri(client, query.get('redirect_uri'));
    const state = query.get('state');
    const { connector, connectionId } = connectorOf(query);
    const source = query.get('source');
    if (source !== null && !connector.sources?.some((candidate) => candidate.name === source)) {
      throw invalidValue(`source: connector "${connector.uuid}" has no source "${source}"`);
    }
    const code = query.get('token') ?? '';
    const userId = users.peekCode(code);
    if (userId === null) {
      const description = 'The temporary code is unknown, expired or already used.';
      return redirectAnswer(
        302,
        callbackUrl(
          redirectUri,
          [
            ['error', 'session_expired'],
            ['error_description', description],
          ],
          state,
        ),
      );
    }
    if (connectionId !== null && connections.get(connectionId)?.userId !== userId) {
      throw notFound(`No connection with id "${connectionId}" for this user`);
    }
    users.redeemCode(code);
    const session: BankSession = {
      id: randomToken(),
      userId,
      client,
      redirectUri,
      state,
      connector,
      connectionId,
      source,
      expiresAt: settings.now() + BANK_SESSION_LIFETIME_MS,
      used: false,
      received: shownParameters(query),
    };
    sessions.set(session.id, session);
    return redirectAnswer(302, `${call.url.origin}/bank/authorize?session=${encodeURIComponent(session.id)}`);
  }

  /** The session of the page; a 400 page when it is unknown, used or expired. */
  function activeSession(call: Call): BankSession {
    const session = sessions.get(call.query.get('session') ?? '');
    if (session === undefined) throw new HttpError(400, 'invalidSession', 'This bank session is unknown.');
    if (session.used) throw new HttpError(400, 'invalidSession', 'This bank session was already used.');
    if (settings.now() >= session.expiresAt) throw new HttpError(400, 'invalidSession', 'This bank session expired.');
    return session;
  }

  function bankPage(call: Call) {
    const session = activeSession(call);
    const asked =
      session.connectionId === null
        ? html`<p><strong>${clientName(session.client)}</strong> wants to connect to your accounts.</p>`
        : html`<p><strong>${clientName(session.client)}</strong> wants to renew its access to your accounts (connection #${session.connectionId}).</p>`;
    const source = session.source === null ? null : html`<p>Source: <code>${session.source}</code></p>`;
    return pageAnswer({
      heading: `${session.connector.name} — emulated bank`,
      body: html`<div class="card">${asked}${source}<p class="muted">Signed in as user #${session.userId}.</p></div>
<form method="post" action="/bank/authorize?session=${encodeURIComponent(session.id)}">
<div class="actions">
<button type="submit" name="decision" value="approve">Approve</button>
<button type="submit" name="decision" value="deny" class="secondary">Deny</button>
</div>
</form>`,
      origin: call.url.origin,
      redirectOrigin: session.redirectUri.origin,
      received: session.received,
    });
  }

  async function decide(call: Call) {
    const session = activeSession(call);
    const decision = (await readFormValues(call.request)).get('decision');
    if (decision !== 'approve' && decision !== 'deny') throw invalidValue('decision: expected approve or deny');
    session.used = true;
    const callback = (params: [string, string][]) =>
      redirectAnswer(303, callbackUrl(session.redirectUri, params, session.state));
    if (decision === 'deny') {
      return callback([
        ['error', 'access_denied'],
        ['error_description', 'The user denied access at the bank.'],
      ]);
    }
    if (session.connectionId === null) {
      const record = connections.create(session.userId, session.connector, SUCCESS, session.source);
      return callback([['id_connection', String(record.id)]]);
    }
    const record = connections.get(session.connectionId);
    if (record === undefined || record.userId !== session.userId) {
      return callback([
        ['error', 'server_error'],
        ['error_description', 'The connection no longer exists.'],
      ]);
    }
    connections.apply(record, SUCCESS);
    return callback([['id_connection', String(record.id)]]);
  }

  const renderError = (error: HttpError, call: Call) => errorPage(error, call.url.origin, shownParameters(call.query));

  return {
    routes: [
      { methods: ['GET'], scope: 'api', path: '/webauth', fault: 'webauth', auth: 'none', handle: startWebauth },
      {
        methods: ['GET'],
        scope: 'site',
        path: '/bank/authorize',
        fault: null,
        auth: 'none',
        renderError,
        handle: bankPage,
      },
      {
        methods: ['POST'],
        scope: 'site',
        path: '/bank/authorize',
        fault: null,
        auth: 'none',
        renderError,
        handle: decide,
      },
    ],
    reset: () => sessions.clear(),
  };
}
