/**
 * The single-use state of a hand-off to Powens. Before the user leaves for the Webview or the bank, the app keeps a
 * random `state` with what it needs on the way back (the connector, the page to return to) in `sessionStorage`; the
 * callback must carry that state back and can use it once, within its lifetime. A forged callback (another state),
 * a replayed one (already used) and a stale one (expired) are all refused.
 *
 * Nothing secret is stored: no code, no token, no field value.
 */
import { callbackQuery, parseWebviewCallback, type WebviewCallbackResult } from './callback.ts';

/** How long a hand-off may take, from leaving the app to coming back: the temporary code's own lifetime. */
export const HANDOFF_TTL_MS = 30 * 60 * 1000;
/** The `sessionStorage` key of the pending hand-offs. */
export const HANDOFF_STORAGE_KEY = 'connector-kit:handoff';
/** Pending hand-offs kept at most: the oldest are dropped. */
const MAX_PENDING = 20;
const MAX_RETURN_PATH_LENGTH = 2048;

export type HandoffFlow = 'connect' | 'reconnect' | 'manage' | 'webauth';

/** What the app needs on the way back. */
export interface HandoffDetails {
  /** The Webview flow, or `webauth` for the bank's own page. */
  flow: HandoffFlow;
  /** The connector the user chose, when there is one. */
  connectorUuid?: string | null | undefined;
  /** Its name and brand color, to say "<name> is connected" with its avatar, without a request. */
  connectorName?: string | null | undefined;
  connectorColor?: string | null | undefined;
  /** The connection being reconnected, managed or resumed. */
  connectionId?: number | null | undefined;
  /** Where to go afterwards: a path on this origin (`/connect`, `/settings?tab=banks#accounts`). */
  returnPath: string;
}

export interface Handoff {
  state: string;
  flow: HandoffFlow;
  connectorUuid: string | null;
  connectorName: string | null;
  connectorColor: string | null;
  connectionId: number | null;
  returnPath: string;
  /** Milliseconds since the epoch. */
  createdAt: number;
  expiresAt: number;
}

export type HandoffClaim =
  | { status: 'valid'; handoff: Handoff }
  /** The hand-off existed but ran past its lifetime. */
  | { status: 'expired'; handoff: Handoff }
  /** No pending hand-off has this state: never sent, or already used. */
  | { status: 'unknown' };

/** The part of the Web Storage API the store uses. */
export type HandoffStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export interface HandoffStoreOptions {
  /** `sessionStorage` by default: per tab, gone when the tab closes. */
  storage?: HandoffStorage | undefined;
  key?: string | undefined;
  ttlMs?: number | undefined;
  now?: (() => number) | undefined;
}

export interface HandoffStore {
  /** Keeps a new pending hand-off and returns it, with its fresh random `state`. */
  begin(details: HandoffDetails): Handoff;
  /** Takes the hand-off of a state out of the store: a second claim of the same state is `unknown`. */
  claim(state: string | null | undefined): HandoffClaim;
}

/** A random state: 32 bytes (256 bits) from `crypto.getRandomValues`, base64url. */
export function createHandoffState(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

/** A path on this origin, never another site (`//evil.test`, `/\evil.test`, `https://…`). */
export function isSafeReturnPath(path: unknown): path is string {
  return (
    typeof path === 'string' &&
    path.length <= MAX_RETURN_PATH_LENGTH &&
    path.startsWith('/') &&
    !path.startsWith('//') &&
    !path.startsWith('/\\') &&
    // Control characters and backslashes let some browsers read the path as another host.
    !/[\p{Cc}\\]/u.test(path)
  );
}

const FLOWS: readonly string[] = ['connect', 'reconnect', 'manage', 'webauth'];

/** A stored entry as a `Handoff`, or `null` when storage holds something else (an old version, a hand edit). */
function readHandoff(value: unknown): Handoff | null {
  if (value === null || typeof value !== 'object') return null;
  const entry = value as Record<string, unknown>;
  const text = (key: string) => (typeof entry[key] === 'string' ? (entry[key] as string) : null);
  const time = (key: string) => (typeof entry[key] === 'number' && Number.isFinite(entry[key]) ? entry[key] : null);
  const state = text('state');
  const flow = text('flow');
  const createdAt = time('createdAt');
  const expiresAt = time('expiresAt');
  const returnPath = entry.returnPath;
  const connectionId = entry.connectionId;
  if (!state || !flow || !FLOWS.includes(flow) || createdAt === null || expiresAt === null) return null;
  if (!isSafeReturnPath(returnPath)) return null;
  return {
    state,
    flow: flow as HandoffFlow,
    connectorUuid: text('connectorUuid'),
    connectorName: text('connectorName'),
    connectorColor: text('connectorColor'),
    connectionId: typeof connectionId === 'number' && Number.isSafeInteger(connectionId) ? connectionId : null,
    returnPath,
    createdAt,
    expiresAt,
  };
}

function defaultStorage(): HandoffStorage {
  const storage = (globalThis as { sessionStorage?: HandoffStorage }).sessionStorage;
  if (!storage) throw new Error('connector-kit: a hand-off needs sessionStorage, which this environment lacks');
  return storage;
}

/**
 * The pending hand-offs of this tab, in `sessionStorage` unless told otherwise. `begin` throws when the storage
 * cannot be written (the callback could not be checked); `claim` never throws.
 */
export function createHandoffStore(options: HandoffStoreOptions = {}): HandoffStore {
  const key = options.key ?? HANDOFF_STORAGE_KEY;
  const ttlMs = options.ttlMs ?? HANDOFF_TTL_MS;
  const now = options.now ?? Date.now;
  const storage = () => options.storage ?? defaultStorage();

  function load(): Handoff[] {
    try {
      const parsed: unknown = JSON.parse(storage().getItem(key) ?? '[]');
      return Array.isArray(parsed) ? parsed.map(readHandoff).filter((entry) => entry !== null) : [];
    } catch {
      return [];
    }
  }

  function save(pending: readonly Handoff[]): void {
    if (pending.length === 0) storage().removeItem(key);
    else storage().setItem(key, JSON.stringify(pending));
  }

  return {
    begin(details) {
      if (!FLOWS.includes(details?.flow))
        throw new TypeError('begin: `flow` must be connect, reconnect, manage or webauth');
      if (!isSafeReturnPath(details.returnPath)) {
        throw new TypeError('begin: `returnPath` must be a path on this origin, starting with a single "/"');
      }
      const createdAt = now();
      const handoff: Handoff = {
        state: createHandoffState(),
        flow: details.flow,
        connectorUuid: details.connectorUuid ?? null,
        connectorName: details.connectorName ?? null,
        connectorColor: details.connectorColor ?? null,
        connectionId: details.connectionId ?? null,
        returnPath: details.returnPath,
        createdAt,
        expiresAt: createdAt + ttlMs,
      };
      const kept = load().filter((entry) => entry.expiresAt > createdAt);
      save([...kept, handoff].slice(-MAX_PENDING));
      return handoff;
    },
    claim(state) {
      if (typeof state !== 'string' || state === '') return { status: 'unknown' };
      let pending: Handoff[];
      try {
        pending = load();
        const handoff = pending.find((entry) => entry.state === state);
        if (!handoff) return { status: 'unknown' };
        save(pending.filter((entry) => entry !== handoff));
        return handoff.expiresAt > now() ? { status: 'valid', handoff } : { status: 'expired', handoff };
      } catch {
        return { status: 'unknown' };
      }
    },
  };
}

export interface WebviewCallback {
  result: WebviewCallbackResult;
  /** The hand-off this callback answers: `null` when forged or replayed (then `result` is `state_mismatch`). */
  handoff: Handoff | null;
}

/**
 * Reads a callback against the pending hand-offs: claims the one its `state` names (so the same URL is refused
 * the next time), then parses the callback with that state as the expected one. An expired hand-off gives
 * `session_expired` (the user took too long); an unknown state gives `state_mismatch`. Never throws.
 */
export function readWebviewCallback(urlOrSearch: string | URL | URLSearchParams, store: HandoffStore): WebviewCallback {
  // A state given twice is never claimed: the parser refuses such a callback anyway.
  const states = callbackQuery(urlOrSearch)?.getAll('state') ?? [];
  const state = states.length === 1 ? (states[0] ?? null) : null;
  const claim = store.claim(state);
  if (claim.status === 'expired') {
    return {
      result: { status: 'error', error: 'session_expired', description: 'The hand-off expired', state },
      handoff: claim.handoff,
    };
  }
  const handoff = claim.status === 'valid' ? claim.handoff : null;
  return { result: parseWebviewCallback(urlOrSearch, { expectedState: handoff?.state ?? null }), handoff };
}
