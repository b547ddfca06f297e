import { createConnectorsClient } from '@connector-kit/core';
import { connectorsQueryOptions, createConnectorsQueryClient } from '@connector-kit/react/queries';
import { ConnectorPicker } from '@connector-kit/ui';
import { dehydrate, HydrationBoundary } from '@tanstack/react-query';
import { API_URL } from '../api';

// Rendered for each request: the list is as fresh as the API's.
export const dynamic = 'force-dynamic';

/** The connector list fetched on the server and handed to the browser's cache: the picker asks for nothing. */
export default async function PrefetchPage() {
  const queryClient = createConnectorsQueryClient();
  const client = createConnectorsClient({ baseUrl: API_URL });
  await queryClient.prefetchQuery(connectorsQueryOptions(client, { expand: ['countries'] }));
  return (
    <main>
      <h1>Find your bank</h1>
      <HydrationBoundary state={dehydrate(queryClient)}>
        <ConnectorPicker defaultCountryCode="FR" />
      </HydrationBoundary>
    </main>
  );
}
