import '@connector-kit/ui/styles.css';
import { createConnectorsClient } from '@connector-kit/core';
import { ConnectorsProvider } from '@connector-kit/react';
import { ConnectFlow } from '@connector-kit/ui';
import { StrictMode, useState, version } from 'react';
import { createRoot } from 'react-dom/client';

const client = createConnectorsClient({ baseUrl: import.meta.env.VITE_CONNECTORS_API_URL });

function App() {
  const [submitted, setSubmitted] = useState(null);
  return (
    <main>
      <h1>Connect your bank</h1>
      <p>React {version}</p>
      <ConnectFlow defaultCountryCode="FR" onSubmit={(submission) => setSubmitted(submission.connector.name)} />
      {submitted ? <p role="status">Sent to {submitted}</p> : null}
    </main>
  );
}

createRoot(document.getElementById('root')).render(
  <StrictMode>
    <ConnectorsProvider client={client}>
      <App />
    </ConnectorsProvider>
  </StrictMode>,
);
