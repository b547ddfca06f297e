'use client';

import { createConnectorsClient } from '@connector-kit/core';
import { ConnectorsProvider, createConnectorsQueryClient } from '@connector-kit/react';
import { type ReactNode, useState } from 'react';
import { API_URL } from './api';

/** One client and one query client per browser tab (and per request while rendering on the server). */
export function Providers({ children }: { children: ReactNode }) {
  const [client] = useState(() => createConnectorsClient({ baseUrl: API_URL }));
  const [queryClient] = useState(() => createConnectorsQueryClient());
  return (
    <ConnectorsProvider client={client} queryClient={queryClient}>
      {children}
    </ConnectorsProvider>
  );
}
