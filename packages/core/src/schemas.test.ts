import { TEST_CONNECTOR_UUID } from '@connector-kit/mock-api';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, type MockInstance, vi } from 'vitest';
import { assertProperty } from '../../../test/reliability.ts';
import {
  apiErrorBodySchema,
  connectorFieldSchema,
  connectorSchema,
  connectorSourceSchema,
  connectorsListSchema,
  paymentSettingsSchema,
} from './schemas.ts';
import { connectorEntries, EXTRA_KEY_PREFIX, isConnectorEntry, wrongType } from './test/arbitraries.ts';

/** A connector shaped like the real payloads described in real-world-notes.md. */
const realLooking = {
  id: 40,
  uuid: TEST_CONNECTOR_UUID,
  name: 'Connecteur de test',
  hidden: null,
  charged: true,
  code: null,
  beta: false,
  color: '12b2ff',
  slug: 'EXA',
  sync_frequency: null,
  months_to_fetch: null,
  siret: null,
  auth_mechanism: 'webauth',
  available_auth_mechanisms: ['webauth', 'credentials', 'decoupled'],
  transfer_mechanism: null,
  restricted: false,
  capabilities: ['bank', 'transfer'],
  account_usages: ['PRIV', 'ORGA'],
  products: ['bank', 'pay', 'insurance'],
  stability: { status: 'unstable', last_update: '2026-07-29 19:26:59' },
  categories: null,
  account_types: ['checking', 'card'],
  documents_type: ['bill'],
  fields: null,
  sources: null,
  countries: [{ id: 'FR', name: 'France' }],
  urls: null,
};

describe('connectorSchema', () => {
  it('accepts a real-looking payload and keeps the keys the reference does not list', () => {
    const connector = connectorSchema.parse(realLooking);
    expect(connector).toMatchObject({
      color: '12b2ff',
      account_usages: ['PRIV', 'ORGA'],
      categories: null,
      account_types: ['checking', 'card'],
      documents_type: ['bill'],
      fields: null,
    });
  });

  it('keeps enum values it does not know', () => {
    const connector = connectorSchema.parse(realLooking);
    expect(connector.available_auth_mechanisms).toContain('decoupled');
    expect(connector.products).toContain('insurance');
  });

  it('needs only a uuid', () => {
    expect(connectorSchema.parse({ uuid: 'u' })).toEqual({ uuid: 'u', name: '' });
    expect(connectorSchema.safeParse({ id: 1, name: 'No uuid' }).success).toBe(false);
    expect(connectorSchema.safeParse({ uuid: '' }).success).toBe(false);
  });

  it('drops a known key of the wrong type instead of failing the connector', () => {
    const connector = connectorSchema.parse({ uuid: 'u', name: 42, beta: 'yes', capabilities: [1, 2], color: 7 });
    expect(connector.name).toBe('');
    expect(connector.beta).toBeUndefined();
    expect(connector.capabilities).toBeUndefined();
    expect(connector.color).toBeUndefined();
  });
});

describe('connectorsListSchema', () => {
  it('accepts the current key with a total, and the deprecated key', () => {
    expect(connectorsListSchema.parse({ connectors: [realLooking], total: 1 }).total).toBe(1);
    expect(connectorsListSchema.parse({ banks: [realLooking] }).banks).toHaveLength(1);
  });

  it.each([
    ['no list at all', {}],
    ['a list that is not an array', { connectors: {} }],
    ['a connector without uuid', { connectors: [{ name: 'x' }] }],
    ['not an object', 'connectors'],
    ['null', null],
  ])('refuses %s', (_, body) => {
    expect(connectorsListSchema.safeParse(body).success).toBe(false);
  });
});

describe('nested objects', () => {
  it('falls back to a text field for unknown or broken field types', () => {
    expect(connectorFieldSchema.parse({ name: 'otp', type: 'number' }).type).toBe('number');
    expect(connectorFieldSchema.parse({ name: 'otp', type: null }).type).toBe('text');
  });

  it('accepts payment settings with nulls and extra keys', () => {
    const settings = paymentSettingsSchema.parse({
      maximum_amount: null,
      partial_status_tracking: null,
      bulk_execution_date_types: ['first_open_day'],
      is_app_to_app_used: { android: false, ios: null },
    });
    expect(settings.maximum_amount).toBeNull();
    expect(settings).toHaveProperty('bulk_execution_date_types');
  });

  it('accepts a source with the keys real payloads add', () => {
    const source = connectorSourceSchema.parse({
      id: 1,
      name: 'openapi',
      priority: 0,
      disabled: null,
      uuid: 'src',
      fallback: false,
      payment_settings: { maximum_amount: null },
    });
    expect(source).toMatchObject({ uuid: 'src', fallback: false });
  });

  it('reads a Powens error body', () => {
    expect(apiErrorBodySchema.parse({ code: 'bug', description: 'x', request_id: 123 }).request_id).toBe(123);
  });
});

/** Runs per property on random payloads: enough to find the odd case, few enough for the suite to stay quick. */
const PAYLOAD_RUNS = 1000;

describe('the schemas, on random payloads', () => {
  // Unusable field patterns are reported once each with `console.warn`: random patterns would fill the output.
  let warn: MockInstance<typeof console.warn> | undefined;
  beforeEach(() => {
    warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
  });
  afterEach(() => {
    warn?.mockRestore();
  });

  it('never throw, accept every list whose entries all have a uuid, and keep unknown keys and values', () => {
    assertProperty(
      fc.property(
        connectorEntries(),
        fc.oneof(fc.integer(), wrongType),
        fc.constantFrom('connectors', 'banks'),
        (list, total, key) => {
          const result = connectorsListSchema.safeParse({ [key]: list, total });
          expect(result.success).toBe(list.every(isConnectorEntry));
          if (!result.success) return;
          const parsed = (result.data.connectors ?? result.data.banks ?? []) as Record<string, unknown>[];
          expect(parsed).toHaveLength(list.length);
          for (const [i, raw] of (list as Record<string, unknown>[]).entries()) {
            const out = parsed[i] as Record<string, unknown>;
            expect(out.uuid).toBe(raw.uuid);
            // Keys the reference does not list pass through untouched.
            for (const name of Object.keys(raw).filter((k) => k.startsWith(EXTRA_KEY_PREFIX))) {
              expect(out[name]).toEqual(raw[name]);
            }
            // Enum-like values the reference does not list are kept as they are.
            if (typeof raw.auth_mechanism === 'string') expect(out.auth_mechanism).toBe(raw.auth_mechanism);
            // A value of the wrong type is dropped, never passed on.
            expect(typeof out.name).toBe('string');
            if (typeof raw.name === 'string') expect(out.name).toBe(raw.name);
            if (out.color !== undefined && out.color !== null) expect(typeof out.color).toBe('string');
            for (const list of ['fields', 'sources', 'countries', 'urls', 'products'] as const) {
              if (out[list] !== undefined && out[list] !== null) expect(Array.isArray(out[list])).toBe(true);
            }
          }
        },
      ),
      { numRuns: PAYLOAD_RUNS },
    );
  });

  it('never throw on any value at all', () => {
    assertProperty(
      fc.property(fc.anything(), (value) => {
        connectorsListSchema.safeParse(value);
        connectorsListSchema.safeParse({ connectors: [value] });
        connectorSchema.safeParse(value);
      }),
      { numRuns: PAYLOAD_RUNS },
    );
  });
});
