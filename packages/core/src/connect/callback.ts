/**
 * The way back from Powens: the query the Webview (or `/webauth`) appends to the app's `redirect_uri`, read into a
 * discriminated result. Anyone can craft that URL, so nothing in it is trusted: the `state` must be the one the app
 * sent, every id must be an integer, a parameter given twice makes the callback invalid, and no input makes the
 * parser throw.
 */
import type { OpenEnum } from '../schemas.ts';

/** The failures Powens reports (`error=`), and the two this library adds when a callback cannot be trusted. */
export const WEBVIEW_CALLBACK_ERRORS = [
  'access_denied',
  'server_error',
  'tos_declined',
  'session_expired',
  'state_mismatch',
  'invalid_callback',
] as const;
export type WebviewCallbackError = OpenEnum<(typeof WEBVIEW_CALLBACK_ERRORS)[number]>;

/** The user finished: one connection or more were added (`connect`), reconnected, or kept (`manage`). */
export interface WebviewCallbackConnected {
  status: 'connected';
  connectionId: number;
  /** Every connection added in this visit, `connectionId` first. */
  connectionIds: number[];
  /** A new temporary code from the Webview (`null` from `/webauth`): for your server only, never log or store it. */
  code: string | null;
  state: string;
}

/** The user deleted the connection (`manage`). */
export interface WebviewCallbackDeleted {
  status: 'deleted';
  connectionId: number;
  state: string;
}

export interface WebviewCallbackFailed {
  status: 'error';
  /**
   * `access_denied` (the user cancelled), `server_error`, `tos_declined`, `session_expired` (the code was used or too
   * old); ours: `state_mismatch` (forged, replayed or stale: the app did not send this state, or no longer expects it)
   * and `invalid_callback` (the query does not make sense). Any other code Powens may add is kept as given.
   */
  error: WebviewCallbackError;
  /** Powens' `error_description`, technical text: not for end users. */
  description: string | null;
  state: string | null;
}

export type WebviewCallbackResult = WebviewCallbackConnected | WebviewCallbackDeleted | WebviewCallbackFailed;

export interface ParseWebviewCallbackOptions {
  /**
   * The state the app sent with this hand-off (see `createHandoffStore`). A callback with another state, or any
   * callback when this is `null` (no hand-off is pending), is `state_mismatch`.
   */
  expectedState: string | null | undefined;
}

/** The longest `error_description` kept: a crafted URL cannot fill the page. */
const MAX_DESCRIPTION_LENGTH = 500;
/** Codes are opaque, but never this long. */
const MAX_CODE_LENGTH = 4096;
const ID_PATTERN = /^[1-9]\d{0,15}$/;
/** What an error code looks like: Powens writes `access_denied`; anything else is not a code. */
const ERROR_CODE_PATTERN = /^[A-Za-z][A-Za-z0-9_.-]{0,63}$/;
/** Parameters that may appear once at most. */
const SINGLE_PARAMS = [
  'state',
  'error',
  'error_description',
  'connection_id',
  'connection_ids',
  'id_connection',
  'connection_deleted',
  'code',
];

function failed(error: WebviewCallbackError, state: string | null, description: string | null = null) {
  return { status: 'error', error, description, state } satisfies WebviewCallbackFailed;
}

/**
 * The query of a URL (`https://app/cb?…` or `/cb?…`), of a search string (`?…` or `…`), or parameters already parsed; `null`
 * when it cannot be read.
 */
export function callbackQuery(input: unknown): URLSearchParams | null {
  try {
    if (input instanceof URLSearchParams) return input;
    if (input instanceof URL) return input.searchParams;
    if (typeof input !== 'string') return null;
    if (/^[a-z][a-z0-9+.-]*:/i.test(input)) return new URL(input).searchParams;
    // A path with its query (`/callback?…`), or the query alone, without a fragment.
    const query = input.split('#', 1)[0] ?? '';
    return new URLSearchParams(query.includes('?') ? query.slice(query.indexOf('?') + 1) : query);
  } catch {
    return null;
  }
}

function idOf(value: string | null): number | null {
  return value !== null && ID_PATTERN.test(value) ? Number(value) : null;
}

/** Strings compared in time that depends on their length only. */
function sameText(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let index = 0; index < a.length; index++) difference |= a.charCodeAt(index) ^ b.charCodeAt(index);
  return difference === 0;
}

/**
 * Reads a Webview or `/webauth` callback. Never throws: anything it cannot trust is an `error` result.
 * - `state` other than `expectedState` (or no expected state): `state_mismatch`, whatever else the URL says.
 * - `error=<code>` (with `error_description`): that error.
 * - `connection_id` (Webview) or `id_connection` (`/webauth`), with `connection_deleted=true`: `deleted`; else
 *   `connected`, with `connection_ids` and `code` when given.
 * - Anything else, a parameter given twice, an id that is not a positive integer, both an error and a connection:
 *   `invalid_callback`.
 */
export function parseWebviewCallback(
  urlOrSearch: string | URL | URLSearchParams,
  options: ParseWebviewCallbackOptions,
): WebviewCallbackResult {
  const params = callbackQuery(urlOrSearch);
  if (params === null) return failed('invalid_callback', null);
  for (const name of SINGLE_PARAMS) if (params.getAll(name).length > 1) return failed('invalid_callback', null);

  const state = params.get('state');
  const expected = options?.expectedState;
  if (typeof expected !== 'string' || expected === '' || state === null || !sameText(state, expected)) {
    return failed('state_mismatch', state);
  }

  const error = params.get('error');
  const webviewId = params.get('connection_id');
  const webauthId = params.get('id_connection');
  if (error !== null) {
    if (webviewId !== null || webauthId !== null || !ERROR_CODE_PATTERN.test(error)) {
      return failed('invalid_callback', state);
    }
    const description = params.get('error_description')?.trim().slice(0, MAX_DESCRIPTION_LENGTH) || null;
    return failed(error, state, description);
  }

  if (webviewId !== null && webauthId !== null && webviewId !== webauthId) return failed('invalid_callback', state);
  const connectionId = idOf(webviewId ?? webauthId);
  if (connectionId === null) return failed('invalid_callback', state);

  const deleted = params.get('connection_deleted');
  if (deleted !== null && deleted !== 'true' && deleted !== 'false') return failed('invalid_callback', state);
  if (deleted === 'true') return { status: 'deleted', connectionId, state };

  const connectionIds = [connectionId];
  const list = params.get('connection_ids');
  if (list !== null && list !== '') {
    for (const item of list.split(',')) {
      const id = idOf(item.trim());
      if (id === null) return failed('invalid_callback', state);
      if (!connectionIds.includes(id)) connectionIds.push(id);
    }
  }
  const code = params.get('code');
  if (code !== null && (code === '' || code.length > MAX_CODE_LENGTH)) return failed('invalid_callback', state);
  return { status: 'connected', connectionId, connectionIds, code, state };
}
