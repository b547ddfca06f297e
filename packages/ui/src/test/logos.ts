import type { Connector } from '@connector-kit/core';
import { type ConnectorLogoKind, connectorLogoKind, type Emulator } from '@connector-kit/mock-api';
import { cdp } from 'vitest/browser';

/**
 * Where the browser tests' logos live. Chromium never sends these requests out: `serveLogos` answers them through
 * the DevTools protocol with what the emulator answers, so an `<img>` loads the emulator's real bytes, 404s and
 * broken bodies.
 */
export const LOGO_ORIGIN = 'https://logos.emulator.test';
export const LOGO_API = `${LOGO_ORIGIN}/2.0`;

/** The Powens logo address of a connector, on the emulator. */
export const logoUrlOf = (connector: Pick<Connector, 'uuid'>) => `${LOGO_API}/logos/${connector.uuid}-thumbnail.webp`;

/** A connector of the dataset whose logo is of that kind. */
export function connectorWithLogo(connectors: readonly Connector[], kind: ConnectorLogoKind, skip = 0): Connector {
  const found = connectors.filter((connector) => connectorLogoKind(connector.uuid) === kind)[skip];
  if (!found) throw new Error(`no connector with a logo that is ${kind}`);
  return found;
}

interface RequestPaused {
  requestId: string;
  request: { url: string; method: string };
}

function base64(bytes: ArrayBuffer): string {
  let binary = '';
  for (const byte of new Uint8Array(bytes)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/**
 * Answers every request to `LOGO_ORIGIN` with `emulator` until the returned function is called; `requested` lists
 * the addresses asked for, in order.
 */
export async function serveLogos(emulator: Emulator): Promise<{ requested: string[]; stop: () => Promise<void> }> {
  const session = cdp();
  const requested: string[] = [];
  const onPaused = async ({ requestId, request }: RequestPaused) => {
    requested.push(request.url);
    const response = await emulator.handle(new Request(request.url, { method: request.method }));
    await session.send('Fetch.fulfillRequest', {
      requestId,
      responseCode: response.status,
      responseHeaders: [...response.headers].map(([name, value]) => ({ name, value })),
      body: base64(await response.arrayBuffer()),
    });
  };
  session.on('Fetch.requestPaused', onPaused);
  await session.send('Fetch.enable', { patterns: [{ urlPattern: `${LOGO_ORIGIN}/*`, requestStage: 'Request' }] });
  return {
    requested,
    stop: async () => {
      await session.send('Fetch.disable');
      session.off('Fetch.requestPaused', onPaused);
    },
  };
}
