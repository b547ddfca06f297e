import { connectorSchema, connectorSourceSchema } from '@connector-kit/core';
import { describe, expect, it } from 'vitest';
import { TEST_CONNECTOR_UUID } from './data/demo.ts';
import { createEmulator, DEFAULT_CONFIG_TOKEN } from './emulator.ts';

/* The `wrong-shape` fault breaks every answer it touches, whatever the objects carry besides their identifier. */

const BASE = 'https://emulator.test/2.0';

async function answer(method: string, path: string, body?: unknown) {
  const emulator = createEmulator({ faults: [{ kind: 'wrong-shape' }] });
  const response = await emulator.handle(
    new Request(`${BASE}${path}`, {
      method,
      ...(method === 'GET' ? {} : { headers: { Authorization: `Bearer ${DEFAULT_CONFIG_TOKEN}` } }),
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    }),
  );
  expect(response.status).toBe(200);
  return response.json();
}

describe('the wrong-shape fault', () => {
  it('takes its id from a source that also has a uuid of its own', async () => {
    const source = await answer('GET', `/connectors/${TEST_CONNECTOR_UUID}/sources/400`);
    expect(source).toHaveProperty('uuid');
    expect(source).not.toHaveProperty('id');
    expect(connectorSourceSchema.safeParse(source).success).toBe(false);

    const updated = await answer('PUT', `/connectors/${TEST_CONNECTOR_UUID}/sources/400`, { disabled: null });
    expect(connectorSourceSchema.safeParse(updated).success).toBe(false);
  });

  it('takes its uuid from a connector', async () => {
    const connector = await answer('GET', `/connectors/${TEST_CONNECTOR_UUID}?expand=sources`);
    expect(connectorSchema.safeParse(connector).success).toBe(false);
  });
});
