// Every entry point of the four packages, as an app imports them; checked by `tsc` under each module mode.
import '@connector-kit/ui/styles.css';
import {
  type Connection,
  type Connector,
  createConnectorsClient,
  nextConnectionStep,
  parseWebviewCallback,
} from '@connector-kit/core';
import { createEmulator, demoConnectors } from '@connector-kit/mock-api';
import { createConnectorsHandlers } from '@connector-kit/mock-api/msw';
import { startMockServer } from '@connector-kit/mock-api/server';
import {
  ConnectorsProvider,
  type UseConnectionFlowResult,
  useConnectionFlow,
  useConnectors,
} from '@connector-kit/react';
import { connectorKeys, connectorsQueryOptions, createConnectorsQueryClient } from '@connector-kit/react/queries';
import {
  ConnectFlow,
  type ConnectFlowEvent,
  type ConnectFlowProps,
  ConnectorForm,
  type ConnectorFormSubmission,
  ConnectorPicker,
} from '@connector-kit/ui';
import { fr } from '@connector-kit/ui/locales';

const client = createConnectorsClient({ domain: 'acme-sandbox' });
const queryClient = createConnectorsQueryClient();
export const listKey = connectorKeys.lists(client);
export const listOptions = connectorsQueryOptions(client, { expand: ['countries'] });
export const emulator = createEmulator({ connectors: demoConnectors });
export const handlers = createConnectorsHandlers();
export const startServer = () => startMockServer({ port: 0 });
export const step = (connection: Connection) => nextConnectionStep(connection);
export const callback = parseWebviewCallback('?code=x&connection_id=1&state=s', { expectedState: 's' });

function onSubmit(submission: ConnectorFormSubmission): void {
  const connector: Connector = submission.connector;
  void connector.uuid;
}
function onEvent(event: ConnectFlowEvent): void {
  if (event.type === 'connected') void event.connectionId;
}
const flowProps: ConnectFlowProps = { onSubmit, onEvent, messages: fr, locale: 'fr' };

function Status() {
  const connectors = useConnectors({ expand: ['countries'] });
  const flow: UseConnectionFlowResult = useConnectionFlow({ connectorUuid: 'x' });
  return (
    <p>
      {connectors.data?.connectors.length ?? 0} {flow.step.kind}
    </p>
  );
}

export function App({ connector }: { connector: Connector }) {
  return (
    <ConnectorsProvider client={client} queryClient={queryClient}>
      <Status />
      <ConnectorPicker onSelect={(picked) => picked.uuid} />
      <ConnectorForm connector={connector} onSubmit={onSubmit} />
      <ConnectFlow {...flowProps} />
    </ConnectorsProvider>
  );
}
