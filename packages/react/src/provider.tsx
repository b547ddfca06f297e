import type { ConnectorsClient } from '@connector-kit/core';
import { type QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createContext, type ReactNode, useContext, useState } from 'react';
import { type GetLogoUrl, LogoUrlContext } from './logo.ts';
import { createConnectorsQueryClient } from './query-client.ts';

const ConnectorsClientContext = createContext<ConnectorsClient | null>(null);

export interface ConnectorsProviderProps {
  /** The API client every hook below uses (see `createConnectorsClient`). */
  client: ConnectorsClient;
  /**
   * The query cache to use, e.g. your app's own. Without one, the provider creates one, once, with
   * `createConnectorsQueryClient()`.
   */
  queryClient?: QueryClient | undefined;
  /**
   * The address of a connector's logo, for every avatar below (see `useConnectorLogoUrl`); initials only when
   * absent. Keep its identity stable: a new function renders every avatar again.
   */
  getLogoUrl?: GetLogoUrl | undefined;
  children?: ReactNode;
}

/** Makes a connectors client, a query cache and the logo addresses available to every hook of this package. */
export function ConnectorsProvider({ client, queryClient, getLogoUrl, children }: ConnectorsProviderProps) {
  // Created lazily and kept for the provider's lifetime, only when the caller gives none.
  const [own] = useState<{ queryClient?: QueryClient }>(() => ({}));
  let activeQueryClient = queryClient;
  if (!activeQueryClient) {
    own.queryClient ??= createConnectorsQueryClient();
    activeQueryClient = own.queryClient;
  }
  return (
    <QueryClientProvider client={activeQueryClient}>
      <ConnectorsClientContext.Provider value={client}>
        <LogoUrlContext.Provider value={getLogoUrl ?? null}>{children}</LogoUrlContext.Provider>
      </ConnectorsClientContext.Provider>
    </QueryClientProvider>
  );
}

/** The client of the nearest `ConnectorsProvider`. Throws outside of one. */
export function useConnectorsClient(): ConnectorsClient {
  const client = useContext(ConnectorsClientContext);
  if (client === null) {
    throw new Error(
      'useConnectorsClient: no ConnectorsProvider above this component. Wrap your app (or the part that uses ' +
        'connector-kit hooks) in <ConnectorsProvider client={createConnectorsClient(...)}>.',
    );
  }
  return client;
}
