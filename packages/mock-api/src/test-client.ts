/**
 * Helpers for the emulator's own tests: an emulator with a signed-up user, requests as a client or a browser sends
 * them, answers read once, and the few things a test reads out of a page (its forms and buttons).
 */
import {
  createEmulator,
  DEFAULT_CLIENT_ID,
  DEFAULT_CLIENT_SECRET,
  type Emulator,
  type EmulatorOptions,
} from './emulator.ts';

export const ORIGIN = 'http://emulator.test';
export const APP_CALLBACK = 'https://app.example.test/callback';

export interface SendInit {
  /** A JSON body. */
  body?: unknown;
  /** An `application/x-www-form-urlencoded` body, as an HTML form posts it. */
  form?: Record<string, string>;
  token?: string;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

export interface Result {
  status: number;
  headers: Headers;
  text: string;
  // biome-ignore lint/suspicious/noExplicitAny: test assertions walk arbitrary JSON
  json: any;
  /** The `Location` header, or `null`. */
  location: string | null;
}

/** A request to `path` on the emulator's origin (or to an absolute URL). */
export function buildRequest(method: string, path: string, init: SendInit = {}): Request {
  const headers = new Headers(init.headers);
  if (init.token !== undefined) headers.set('Authorization', `Bearer ${init.token}`);
  let body: string | undefined;
  if (init.form !== undefined) {
    body = new URLSearchParams(init.form).toString();
    headers.set('Content-Type', 'application/x-www-form-urlencoded');
  } else if (init.body !== undefined) {
    body = JSON.stringify(init.body);
    headers.set('Content-Type', 'application/json');
  }
  return new Request(/^https?:/.test(path) ? path : `${ORIGIN}${path}`, {
    method,
    headers,
    ...(body === undefined ? {} : { body }),
    ...(init.signal ? { signal: init.signal } : {}),
  });
}

export async function readResult(response: Response): Promise<Result> {
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json, location: response.headers.get('location') };
}

export async function send(emulator: Emulator, method: string, path: string, init?: SendInit): Promise<Result> {
  return readResult(await emulator.handle(buildRequest(method, path, init)));
}

/** A user through `POST /auth/init`, permanent (with the client's secret) unless asked otherwise. */
export async function signUp(emulator: Emulator, permanent = true): Promise<{ id: number; token: string }> {
  const { json } = await send(emulator, 'POST', '/2.0/auth/init', {
    body: permanent ? { client_id: DEFAULT_CLIENT_ID, client_secret: DEFAULT_CLIENT_SECRET } : {},
  });
  return { id: json.id_user, token: json.auth_token };
}

/** What a test of one user works with: the emulator, the clock it reads (which the test moves), and the user. */
export interface SignedUpUser {
  emulator: Emulator;
  clock: { now: number };
  token: string;
  userId: number;
}

/**
 * An emulator on a clock of the test's own, starting at `start`, and a user signed up in it: permanent, or an
 * anonymous one when `options` bring clients of their own (the default client's secret is not known there).
 */
export async function setupSignedUpUser(
  options: EmulatorOptions = {},
  start = Date.UTC(2026, 0, 15, 9, 30),
): Promise<SignedUpUser> {
  const clock = { now: start };
  const emulator = createEmulator({ now: () => clock.now, ...options });
  const { id, token } = await signUp(emulator, options.clients === undefined);
  return { emulator, clock, token, userId: id };
}

/** A temporary code of the user (`singleAccess` by default: the Webview's). */
export async function codeOf(emulator: Emulator, token: string, type = 'singleAccess'): Promise<string> {
  const { json } = await send(emulator, 'GET', `/2.0/auth/token/code?type=${type}`, { token });
  return json.code;
}

/** `GET /webauth` with the usual parameters for a new connection to `connectorUuid`, a fresh code, and `extra`. */
export async function startWebauth(
  { emulator, token }: SignedUpUser,
  connectorUuid: string,
  extra: Record<string, string> = {},
): Promise<Result> {
  const query = new URLSearchParams({
    client_id: DEFAULT_CLIENT_ID,
    token: await codeOf(emulator, token),
    redirect_uri: APP_CALLBACK,
    connector_uuid: connectorUuid,
    ...extra,
  });
  return send(emulator, 'GET', `/2.0/webauth?${query}`);
}

/** The query of a redirect, as a plain object (every name must appear once). */
export function callbackQuery(location: string | null): Record<string, string> {
  if (location === null) throw new Error('expected a redirect');
  const url = new URL(location);
  const names = [...url.searchParams.keys()];
  if (new Set(names).size !== names.length) throw new Error(`a parameter appears twice in ${location}`);
  return Object.fromEntries(url.searchParams);
}

/** The address a redirect leads to, without its query. */
export function withoutQuery(location: string | null): string {
  if (location === null) throw new Error('expected a redirect');
  const url = new URL(location);
  return `${url.origin}${url.pathname}`;
}

export interface PageForm {
  method: string;
  action: string;
  /** `name=value` of each submit button. */
  buttons: string[];
}

/** The forms of a page, with their submit buttons. */
export function formsOf(page: string): PageForm[] {
  return [...page.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)].map(([, attributes = '', content = '']) => ({
    method: /method="([^"]*)"/.exec(attributes)?.[1] ?? '',
    action: /action="([^"]*)"/.exec(attributes)?.[1]?.replace(/&amp;/g, '&') ?? '',
    buttons: [...content.matchAll(/<button\b([^>]*)>/g)].map(([, buttonAttributes = '']) => {
      const name = /name="([^"]*)"/.exec(buttonAttributes)?.[1] ?? '';
      const value = /value="([^"]*)"/.exec(buttonAttributes)?.[1] ?? '';
      return `${name}=${value}`;
    }),
  }));
}

/** The text of the page's `<h1>`. */
export function headingOf(page: string): string | undefined {
  return /<h1>([\s\S]*?)<\/h1>/.exec(page)?.[1];
}
