import { apiErrorBodySchema, ConnectorsApiError, ConnectorsNetworkError } from '@connector-kit/core';
import type { UseWebviewHandoffOptions } from '@connector-kit/react';
import { type UseQueryResult, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { ConnectPageConfig } from '../../server/connect.ts';
import { CALLBACK_PATH } from '../preferences.ts';

/** What the demo server tells the page about the hand-off (`GET /api/connect/config`): public values only. */
export type ConnectConfig = ConnectPageConfig;

/** A failed call to the demo server, as the components describe errors (status, Powens code). */
async function failure(response: Response, request: string): Promise<ConnectorsApiError> {
  const body = apiErrorBodySchema.safeParse(await response.json().catch(() => null));
  return new ConnectorsApiError(response.status, body.success ? body.data : null, request);
}

async function call<T>(path: string, init: RequestInit, read: (json: unknown) => T): Promise<T> {
  const request = `${init.method ?? 'GET'} ${path}`;
  let response: Response;
  try {
    response = await fetch(path, { ...init, headers: { Accept: 'application/json' } });
  } catch (error) {
    if (init.signal?.aborted) throw error;
    throw new ConnectorsNetworkError('network', request, { cause: error });
  }
  if (!response.ok) throw await failure(response, request);
  return read(await response.json());
}

function readConfig(json: unknown): ConnectConfig {
  const value = json as Partial<ConnectConfig> | null;
  if (!value || typeof value.domain !== 'string' || typeof value.webviewUrl !== 'string') {
    throw new TypeError('GET /api/connect/config: unexpected answer');
  }
  return {
    clientId: typeof value.clientId === 'string' ? value.clientId : null,
    domain: value.domain,
    webviewUrl: value.webviewUrl,
    apiUrl: typeof value.apiUrl === 'string' ? value.apiUrl : '',
    webview: value.webview === true,
  };
}

const CONNECT_CONFIG_KEY = ['connector-kit-demo', 'connect-config'] as const;

/**
 * The demo server's single-use code for this browser's Powens user (`POST /api/connect/code`). The server holds the
 * user's token and the client secret; the page only ever sees this code, which goes straight into the address.
 */
export function getCode({ signal }: { signal: AbortSignal }): Promise<string> {
  return call('/api/connect/code', { method: 'POST', signal }, (json) => {
    const code = (json as { code?: unknown } | null)?.code;
    if (typeof code !== 'string' || code === '') throw new TypeError('POST /api/connect/code: no code');
    return code;
  });
}

/** The hand-off options for this page, once the server said how it is set up; `null` while it is unknown. */
export function useConnectConfig(): UseQueryResult<ConnectConfig, Error> {
  return useQuery({
    queryKey: CONNECT_CONFIG_KEY,
    queryFn: ({ signal }) => call('/api/connect/config', { signal }, readConfig),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useHandoffOptions(): {
  config: UseQueryResult<ConnectConfig, Error>;
  options: UseWebviewHandoffOptions | null;
} {
  const config = useConnectConfig();
  const data = config.data;
  const options = useMemo<UseWebviewHandoffOptions | null>(() => {
    if (!data?.webview || data.clientId === null) return null;
    return {
      clientId: data.clientId,
      domain: data.domain,
      webviewUrl: data.webviewUrl,
      baseUrl: data.apiUrl,
      redirectUri: `${window.location.origin}${CALLBACK_PATH}`,
      returnPath: '/#/connect',
      getCode,
    };
  }, [data]);
  return { config, options };
}
