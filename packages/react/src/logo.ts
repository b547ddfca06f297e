import type { Connector } from '@connector-kit/core';
import { createContext, useContext } from 'react';

/**
 * The address of a connector's logo, or `null` / `undefined` for none. Powens does not document one; integrators
 * use `https://<domain>.biapi.pro/2.0/logos/<connector uuid>-thumbnail.webp`, or a route of their own in front of it.
 */
export type GetLogoUrl = (connector: Pick<Connector, 'uuid' | 'name'>) => string | null | undefined;

/** The connector a logo is asked for: without a `uuid`, there is none. */
export type LogoConnector = Pick<Connector, 'name'> & { uuid?: string | undefined };

/** The `getLogoUrl` of the nearest `ConnectorsProvider`. */
export const LogoUrlContext = createContext<GetLogoUrl | null>(null);

const SAME_ORIGIN = 'https://same-origin.invalid';

/**
 * `url` when it is an http(s) address or one on the page's own origin (`/api/2.0/logos/…`), else `null`: a
 * `javascript:`, `data:` or `file:` address, or a relative one that leaves the origin (`//host/…`, `/\host/…`), never
 * reaches an `<img>`.
 */
export function safeLogoUrl(url: unknown): string | null {
  if (typeof url !== 'string' || url.trim() === '') return null;
  if (URL.canParse(url)) {
    const { protocol } = new URL(url);
    return protocol === 'https:' || protocol === 'http:' ? url : null;
  }
  return URL.canParse(url, SAME_ORIGIN) && new URL(url, SAME_ORIGIN).origin === SAME_ORIGIN ? url : null;
}

function hasUuid<T extends LogoConnector>(connector: T): connector is T & { uuid: string } {
  return typeof connector.uuid === 'string' && connector.uuid !== '';
}

/**
 * The address of a connector's logo: from `getLogoUrl` when given (`null` turns logos off), else from the
 * `getLogoUrl` of the nearest `ConnectorsProvider`. `null` when there is no resolver, no uuid, no address, or an
 * address that is neither http(s) nor on the page's origin. Works outside a provider (no logo then).
 */
export function useConnectorLogoUrl(
  connector: LogoConnector | null | undefined,
  getLogoUrl?: GetLogoUrl | null | undefined,
): string | null {
  const fromProvider = useContext(LogoUrlContext);
  const resolve = getLogoUrl === undefined ? fromProvider : getLogoUrl;
  if (resolve === null || connector === null || connector === undefined || !hasUuid(connector)) return null;
  return safeLogoUrl(resolve(connector));
}
