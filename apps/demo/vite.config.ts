import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { workspaceSources } from '../../vite.shared.ts';
import { demoServer } from './server/plugin.ts';

const host = '127.0.0.1';

export default defineConfig({
  root: import.meta.dirname,
  plugins: [workspaceSources(), react(), demoServer()],
  // The app calls its own origin only: no cross-origin access to the dev server or its API route.
  server: { host, cors: false },
  preview: { host, cors: false },
  build: {
    target: 'es2022',
    sourcemap: true,
    // React, the three packages and their peers load as one chunk of about 200 kB gzip: expected for this app.
    chunkSizeWarningLimit: 800,
  },
});
