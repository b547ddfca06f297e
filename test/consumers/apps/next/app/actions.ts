'use server';

import { createConnectorsClient } from '@connector-kit/core';
import type { ConnectorFormSubmission } from '@connector-kit/ui';
import { API_URL } from './api';

/**
 * The connector form's `onSubmit`, run on the server: the user's token never reaches the browser. (A real app
 * reads the signed-in user's token from its own session.)
 */
export async function connectBank(submission: ConnectorFormSubmission): Promise<void> {
  const client = createConnectorsClient({ baseUrl: API_URL, userToken: process.env.POWENS_USER_TOKEN });
  await client.createConnection({ connectorUuid: submission.connector.uuid, values: submission.values });
}
