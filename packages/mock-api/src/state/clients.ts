/**
 * Client applications: their credentials for `/auth/init`, and the callback addresses the Webview and `/webauth`
 * may send a user back to. A page never redirects to an address it has not checked.
 */
import type { EmulatorClient } from '../emulator.ts';
import { HttpError, invalidValue, missingParameter } from '../http.ts';

export function findClient(clients: readonly EmulatorClient[], id: string | null): EmulatorClient {
  if (id === null || id === '') throw missingParameter('client_id is required');
  const client = clients.find((candidate) => candidate.id === id);
  if (client === undefined) throw new HttpError(400, 'invalidClient', `Unknown client_id "${id}"`);
  return client;
}

/** The name pages show for a client ("… wants to connect to your accounts"). */
export function clientName(client: EmulatorClient): string {
  return client.name ?? client.id;
}

/**
 * Checks a `redirect_uri`: absolute http(s), without a query or a fragment, and one the client registered when it
 * registered any. Answers 400, never a redirect, when it is not.
 */
export function checkRedirectUri(client: EmulatorClient, raw: string | null): URL {
  if (raw === null || raw === '') throw missingParameter('redirect_uri is required');
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw invalidValue('redirect_uri: expected an absolute URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw invalidValue('redirect_uri: expected http or https');
  if (raw.includes('?') || raw.includes('#')) throw invalidValue('redirect_uri: must not have a query or a fragment');
  const registered = client.redirectUris;
  if (registered !== undefined && !registered.some((candidate) => sameAddress(candidate, url))) {
    throw invalidValue('redirect_uri: not one of the addresses registered for this client');
  }
  return url;
}

function sameAddress(candidate: string, url: URL): boolean {
  try {
    return new URL(candidate).href === url.href;
  } catch {
    return false;
  }
}

/**
 * The callback address: `redirect_uri` with `params` (in order) and the app's `state` last, left out when the app
 * sent none.
 */
export function callbackUrl(redirectUri: URL, params: readonly (readonly [string, string])[], state: string | null) {
  const url = new URL(redirectUri.href);
  for (const [name, value] of params) url.searchParams.append(name, value);
  if (state !== null) url.searchParams.append('state', state);
  return url.href;
}

/** Compares two secrets in a time that does not depend on where they differ. */
export function sameSecret(given: string, expected: string): boolean {
  const encoder = new TextEncoder();
  const left = encoder.encode(given);
  const right = encoder.encode(expected);
  let difference = left.length ^ right.length;
  for (let index = 0; index < right.length; index++) difference |= (left[index] ?? 0) ^ (right[index] ?? 0);
  return difference === 0;
}
