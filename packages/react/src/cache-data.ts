/**
 * What the query cache holds for a client, as both cache modules read it: checks of the data's shape (an entry
 * may hold anything an app put there), and the identity of a connector, which keys and data give in two forms.
 */
import type { Connector, ConnectorRef, ConnectorSource, ConnectorsPage } from '@connector-kit/core';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isPage(data: unknown): data is ConnectorsPage {
  return isRecord(data) && Array.isArray(data.connectors);
}

export function isConnector(data: unknown): data is Connector {
  return isRecord(data) && typeof data.uuid === 'string';
}

export function isSource(data: unknown): data is ConnectorSource {
  return isRecord(data) && typeof data.id === 'number';
}

export function isSourceList(data: unknown): data is ConnectorSource[] {
  return Array.isArray(data) && data.every(isSource);
}

/** A connector's identifiers, both when the cache knows them: a write names it by one, cache keys by either. */
export interface ConnectorIdentity {
  uuid?: string | undefined;
  id?: number | undefined;
}

/** The identifier a reference gives: a numeric id, or else a UUID. */
export function refIdentity(ref: ConnectorRef): ConnectorIdentity {
  const value = String(ref);
  return /^\d+$/.test(value) ? { id: Number(value) } : { uuid: value };
}

/** Whether a connector (or another identity) is the one `identity` names: same UUID, in any case, or same id. */
export function isSameConnector(identity: ConnectorIdentity, other: ConnectorIdentity): boolean {
  return (
    (identity.uuid !== undefined && identity.uuid.toLowerCase() === other.uuid?.toLowerCase()) ||
    (identity.id !== undefined && identity.id === other.id)
  );
}
