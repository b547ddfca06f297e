/**
 * The emulated bank app, where a user approves a `decoupled` connection: an HTML page listing the pending approvals,
 * and the control route behind its buttons, which scripts and tests may call directly.
 */
import type { EmulatorContext } from '../context.ts';
import { emptyAnswer, HttpError, notFound } from '../http.ts';
import { errorPage, html, pageAnswer, redirectAnswer } from '../pages/html.ts';
import { type Call, pathParam, type RouteEntry } from '../router.ts';

export function bankAppRoutes(context: EmulatorContext): RouteEntry[] {
  const { connections } = context;

  function bankAppPage(call: Call) {
    const pending = connections.all().filter((record) => {
      connections.settle(record);
      return connections.awaitsApproval(record);
    });
    const items = pending.map((record) => {
      const name = context.connectors().find((connector) => connector.uuid === record.connectorUuid)?.name ?? '';
      return html`<li class="card"><div class="row"><div><strong>${name}</strong><br><span class="muted">Connection #${record.id} · user #${record.userId}</span></div>
<form method="post" action="/bank/app/approve/${record.id}"><button type="submit">Approve<span class="visually-hidden"> ${name}, connection #${record.id}</span></button></form></div></li>`;
    });
    return pageAnswer({
      heading: 'Emulated bank app',
      body: html`<p>Sign-ins waiting for your approval, as a bank's mobile app shows them.</p>
${items.length > 0 ? html`<ul class="plain">${items}</ul>` : html`<p class="muted">Nothing to approve.</p>`}`,
      origin: call.url.origin,
    });
  }

  function approve(call: Call) {
    const raw = pathParam(call, 'connectionId');
    const record = /^\d+$/.test(raw) ? connections.get(Number(raw)) : undefined;
    if (record === undefined) throw notFound(`No connection with id "${raw}"`);
    if (!connections.approve(record)) {
      throw new HttpError(409, 'conflict', `Connection ${record.id} is not waiting for an approval`);
    }
    const fromPage = (call.request.headers.get('accept') ?? '').includes('text/html');
    return fromPage ? redirectAnswer(303, `${call.url.origin}/bank/app`) : emptyAnswer(204);
  }

  return [
    {
      methods: ['GET'],
      scope: 'site',
      path: '/bank/app',
      fault: null,
      auth: 'none',
      renderError: (error, call) => errorPage(error, call.url.origin, []),
      handle: bankAppPage,
    },
    {
      methods: ['POST'],
      scope: 'site',
      path: '/bank/app/approve/:connectionId',
      fault: null,
      auth: 'none',
      handle: approve,
    },
  ];
}
