/** The Powens API (here, the emulator of the consumer tests), the same for the server and the browser. */
export const API_URL = process.env.NEXT_PUBLIC_CONNECTORS_API_URL ?? 'https://acme-sandbox.biapi.pro/2.0';
