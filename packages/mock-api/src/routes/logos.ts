/**
 * `GET <basePath>/logos/<connector uuid>-thumbnail.webp`: the address integrators use for a connector's logo with
 * Powens (not in its reference; see spec/connections-and-webview.md, "Logos"). Public, like the connector reads.
 */
import type { EmulatorContext } from '../context.ts';
import { type Answer, notFound } from '../http.ts';
import { BROKEN_LOGO, connectorLogo, connectorLogoKind } from '../images/logos.ts';
import { type Call, pathParam, type RouteEntry } from '../router.ts';

const LOGO_FILE = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})-thumbnail\.webp$/i;

/** A logo does not change: browsers may keep it for a day. */
const IMAGE_HEADERS = { 'Content-Type': 'image/webp', 'Cache-Control': 'public, max-age=86400' };

export function logoRoutes(context: EmulatorContext): RouteEntry[] {
  function logo(call: Call): Answer {
    const file = pathParam(call, 'file');
    const uuid = LOGO_FILE.exec(file)?.[1];
    if (uuid === undefined) throw notFound(`No logo named "${file}"`);
    const connector = context.findConnector(uuid);
    switch (connectorLogoKind(connector.uuid)) {
      case 'missing':
        throw notFound(`Connector ${connector.uuid} has no logo`);
      case 'broken':
        return { kind: 'bytes', status: 200, body: BROKEN_LOGO, headers: IMAGE_HEADERS };
      default:
        return { kind: 'bytes', status: 200, body: connectorLogo(connector), headers: IMAGE_HEADERS };
    }
  }

  return [{ methods: ['GET'], scope: 'api', path: '/logos/:file', fault: 'logo', auth: 'public', handle: logo }];
}
