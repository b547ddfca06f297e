/**
 * Users' connections: what the emulator keeps of each, how time moves their state on (a decoupled approval, a
 * `validating` sync), and the `Connection` JSON the API shows.
 */
import type { Connector, ConnectorField, ConnectorSource } from '@connector-kit/core';
import { powensDate } from '../http.ts';
import { OTP_FIELD, SUCCESS, type SyncResult } from './scenarios.ts';

/** A connection as the API shows it (`GET /users/me/connections/{id}`), without expands. */
export interface EmulatedConnection {
  id: number;
  id_user: number;
  id_connector: number;
  connector_uuid: string;
  /** `null` when the last sync succeeded. */
  state: string | null;
  /** The same value as `state`. */
  error: string | null;
  /** The bank's text for the user (French), or `null`. */
  error_message: string | null;
  /** What to ask the user, for the states that ask for fields (`wrongpass`, `additionalInformationNeeded`). */
  fields?: ConnectorField[];
  /** The last successful sync, `YYYY-MM-DD HH:MM:SS` in UTC; `null` before the first one. */
  last_update: string | null;
  created: string;
  active: boolean;
  last_push: string | null;
  expire: string | null;
  next_try: string | null;
}

/** A bank account of a connection (the `accounts` and `all_accounts` expands). */
export interface EmulatedAccount {
  id: number;
  id_connection: number;
  name: string;
  iban: string;
  balance: number;
  currency: { id: string };
  type: 'checking' | 'savings';
}

/** A connection source (the `sources` expand). */
export interface EmulatedConnectionSource {
  id: number;
  id_connection: number;
  id_connector_source: number;
  name: string;
  state: string | null;
  last_update: string | null;
  disabled: string | null;
  created: string;
  next_try: string | null;
  access_expire: string | null;
}

export interface ConnectionRecord {
  id: number;
  userId: number;
  connectorId: number;
  connectorUuid: string;
  /** The source named when it was created (`?source=`). */
  source: string | null;
  state: string | null;
  errorMessage: string | null;
  extraFields: readonly ConnectorField[] | null;
  created: number;
  lastUpdate: number | null;
  /** A `decoupled` connection: when the approval was asked for, and whether the bank app gave it. */
  decoupled: { since: number; approved: boolean } | null;
  /** A `validating` connection: the GETs that still show `validating`, and the state it ends in. */
  validation: { pollsLeft: number; outcome: SyncResult } | null;
}

export interface ConnectionStoreSettings {
  now: () => number;
  decoupledApprovalMs: number;
  validatingPolls: number;
}

export interface ConnectionStore {
  create(userId: number, connector: Connector, result: SyncResult, source: string | null): ConnectionRecord;
  get(id: number): ConnectionRecord | undefined;
  /** Every connection, oldest first. */
  all(): ConnectionRecord[];
  remove(id: number): void;
  /** Leaves the connection in `result`; `validating` ends in `outcome` after the polls. */
  apply(record: ConnectionRecord, result: SyncResult, outcome?: SyncResult): void;
  /** Moves time on: a decoupled connection whose approval came (or whose delay passed) continues and succeeds. */
  settle(record: ConnectionRecord): void;
  /** A GET of the connection: `settle`, and one poll less for a `validating` one. */
  poll(record: ConnectionRecord): void;
  /** Whether a decoupled connection still waits for the bank app. */
  awaitsApproval(record: ConnectionRecord): boolean;
  /** Approves a decoupled connection in the bank app (the bank goes on: state null); `false` when it was not waiting. */
  approve(record: ConnectionRecord): boolean;
  clear(): void;
}

export function createConnectionStore(settings: ConnectionStoreSettings): ConnectionStore {
  const { now } = settings;
  let nextId = 1;
  const records = new Map<number, ConnectionRecord>();

  function apply(record: ConnectionRecord, result: SyncResult, outcome: SyncResult = SUCCESS): void {
    record.state = result.state;
    record.errorMessage = result.errorMessage;
    record.extraFields = result.extraFields;
    record.decoupled = result.state === 'decoupled' ? { since: now(), approved: false } : null;
    record.validation = result.state === 'validating' ? { pollsLeft: settings.validatingPolls, outcome } : null;
    if (result.state === null) record.lastUpdate = now();
  }

  function awaitsApproval(record: ConnectionRecord): boolean {
    const pending = record.decoupled;
    if (record.state !== 'decoupled' || pending === null) return false;
    return !pending.approved && now() - pending.since < settings.decoupledApprovalMs;
  }

  function settle(record: ConnectionRecord): void {
    if (record.state === 'decoupled' && record.decoupled !== null && !awaitsApproval(record)) apply(record, SUCCESS);
  }

  return {
    create(userId, connector, result, source) {
      const record: ConnectionRecord = {
        id: nextId++,
        userId,
        connectorId: connector.id ?? 0,
        connectorUuid: connector.uuid,
        source,
        state: null,
        errorMessage: null,
        extraFields: null,
        created: now(),
        lastUpdate: null,
        decoupled: null,
        validation: null,
      };
      apply(record, result);
      records.set(record.id, record);
      return record;
    },
    get: (id) => records.get(id),
    all: () => [...records.values()],
    remove(id) {
      records.delete(id);
    },
    apply,
    settle,
    poll(record) {
      settle(record);
      const validation = record.validation;
      if (record.state !== 'validating' || validation === null) return;
      if (validation.pollsLeft > 0) validation.pollsLeft -= 1;
      else apply(record, validation.outcome);
    },
    awaitsApproval,
    approve(record) {
      settle(record);
      if (!awaitsApproval(record) || record.decoupled === null) return false;
      record.decoupled.approved = true;
      settle(record);
      return true;
    },
    clear() {
      nextId = 1;
      records.clear();
    },
  };
}

/** A field is asked for `credentials` when it lists that mechanism, or none. */
function isCredentialsField(field: ConnectorField): boolean {
  const mechanisms = field.auth_mechanisms ?? [];
  return mechanisms.length === 0 || mechanisms.includes('credentials');
}

function enabledSources(connector: Connector): ConnectorSource[] {
  return (connector.sources ?? []).filter((source) => source.disabled === null || source.disabled === undefined);
}

/** A credential: a required field of the `credentials` mechanism that is not a choice in a list. */
function isCredential(field: ConnectorField): boolean {
  return field.required !== false && field.type !== 'list' && isCredentialsField(field);
}

/**
 * The credentials a new connection must carry: of `source` when one is named, else of any enabled source (a field
 * that lists no source belongs to every source). A list field is a choice with a default, never required.
 */
export function requiredFields(connector: Connector, source: string | null): ConnectorField[] {
  const enabled = new Set(enabledSources(connector).map((candidate) => candidate.name));
  return (connector.fields ?? []).filter((field) => {
    if (!isCredential(field)) return false;
    const sources = field.connector_sources ?? [];
    if (sources.length === 0) return true;
    return source === null ? sources.some((name) => enabled.has(name)) : sources.includes(source);
  });
}

/** What a `wrongpass` connection asks for again: the connector's required credentials (login, password). */
export function credentialFields(connector: Connector | undefined): ConnectorField[] {
  return (connector?.fields ?? []).filter(isCredential).map((field) => structuredClone(field));
}

/** The fields a connection in `state` asks for, or `undefined` when its state asks for none. */
function fieldsOf(record: ConnectionRecord, connector: Connector | undefined): ConnectorField[] | undefined {
  if (record.state === 'wrongpass') return credentialFields(connector);
  if (record.state === 'additionalInformationNeeded') {
    return (record.extraFields ?? [OTP_FIELD]).map((field) => structuredClone(field));
  }
  return undefined;
}

export function connectionJson(record: ConnectionRecord, connector: Connector | undefined): EmulatedConnection {
  const fields = fieldsOf(record, connector);
  return {
    id: record.id,
    id_user: record.userId,
    id_connector: record.connectorId,
    connector_uuid: record.connectorUuid,
    state: record.state,
    error: record.state,
    error_message: record.errorMessage,
    ...(fields === undefined ? {} : { fields }),
    last_update: record.lastUpdate === null ? null : powensDate(record.lastUpdate),
    created: powensDate(record.created),
    active: true,
    last_push: null,
    expire: null,
    next_try: null,
  };
}

/** One connection source per enabled source of the connector. */
export function connectionSources(
  record: ConnectionRecord,
  connector: Connector | undefined,
): EmulatedConnectionSource[] {
  const created = powensDate(record.created);
  const lastUpdate = record.lastUpdate === null ? null : powensDate(record.lastUpdate);
  return (connector ? enabledSources(connector) : []).map((source, index) => ({
    id: record.id * 100 + index + 1,
    id_connection: record.id,
    id_connector_source: source.id,
    name: source.name,
    state: record.state,
    last_update: lastUpdate,
    disabled: null,
    created,
    next_try: null,
    access_expire: null,
  }));
}

/** The remainder of a long decimal string divided by 97 (IBAN and RIB checks). */
function mod97(digits: string): number {
  let remainder = 0;
  for (const digit of digits) remainder = (remainder * 10 + Number(digit)) % 97;
  return remainder;
}

/** A French IBAN with valid RIB key and check digits. */
function frenchIban(bankCode: string, branchCode: string, accountNumber: string): string {
  const ribKey = 97 - mod97(`${bankCode}${branchCode}${accountNumber}00`);
  const bban = `${bankCode}${branchCode}${accountNumber}${String(ribKey).padStart(2, '0')}`;
  // "FR00" moved to the end, letters as numbers: F = 15, R = 27.
  const check = 98 - mod97(`${bban}152700`);
  return `FR${String(check).padStart(2, '0')}${bban}`;
}

/** Two plausible accounts for a connection that syncs (`state` null); none otherwise. */
export function connectionAccounts(record: ConnectionRecord, connector: Connector | undefined): EmulatedAccount[] {
  if (record.state !== null) return [];
  const bankCode = /^\d{5}$/.test(connector?.code ?? '') ? (connector?.code ?? '') : '30004';
  const account = (suffix: number) => `${String(record.id).padStart(9, '0')}${String(suffix).padStart(2, '0')}`;
  return [
    {
      id: record.id * 10 + 1,
      id_connection: record.id,
      name: 'Compte de dépôt',
      iban: frenchIban(bankCode, '00001', account(1)),
      balance: 1523.47 + record.id,
      currency: { id: 'EUR' },
      type: 'checking',
    },
    {
      id: record.id * 10 + 2,
      id_connection: record.id,
      name: 'Livret A',
      iban: frenchIban(bankCode, '00001', account(2)),
      balance: 8210.5,
      currency: { id: 'EUR' },
      type: 'savings',
    },
  ];
}
