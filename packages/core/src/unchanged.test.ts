import { demoConnectors, generateConnectors, TEST_CONNECTOR_UUID } from '@connector-kit/mock-api';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { createConnectorsClient } from './client.ts';
import { connectorSchema, connectorSourceSchema, connectorsListSchema } from './schemas.ts';
import { brokenEntry, connectorPayload } from './test/arbitraries.ts';
import { passesUnchanged } from './unchanged.ts';

/** What a body looks like once it has gone through JSON: no `undefined`, no functions. */
const viaJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value ?? null));

const valid = {
  uuid: TEST_CONNECTOR_UUID,
  name: 'Connecteur de test',
  hidden: null,
  beta: false,
  capabilities: ['bank'],
  countries: [{ id: 'fr', name: 'France' }],
  fields: [{ name: 'login', type: 'text', label: 'Identifiant', regex: null, required: true }],
  a_key_from_a_later_api_version: { nested: [1, 2] },
};

describe('passesUnchanged', () => {
  it('accepts a body that needs no repair, unknown keys included', () => {
    expect(passesUnchanged(connectorSchema, valid)).toBe(true);
    expect(passesUnchanged(connectorsListSchema, { connectors: [valid], total: 1 })).toBe(true);
    expect(passesUnchanged(connectorsListSchema, { banks: [valid] })).toBe(true);
  });

  it.each([
    ['a wrong-typed key', { ...valid, beta: 'yes' }],
    ['null where the schema drops it', { ...valid, restricted: null }],
    ['a missing label the schema fills in', { ...valid, fields: [{ name: 'login', type: 'text' }] }],
    ['an unknown field type kept as is, but no name', { ...valid, fields: [{ type: 'otp', label: 'Code' }] }],
    ['no uuid', { name: 'No uuid' }],
    ['an empty uuid', { ...valid, uuid: '' }],
    ['not an object', ['a list']],
  ])('sends %s to the parse', (_label, body) => {
    expect(passesUnchanged(connectorSchema, body)).toBe(false);
  });

  it('sends a list without `connectors` or `banks` to the parse (the refinement counts)', () => {
    expect(passesUnchanged(connectorsListSchema, { total: 0 })).toBe(false);
    expect(connectorsListSchema.safeParse({ total: 0 }).success).toBe(false);
  });

  it('never takes a shortcut for schema features it does not know', () => {
    expect(passesUnchanged(z.object({ a: z.string() }), { a: 'x' })).toBe(false);
    expect(passesUnchanged(z.looseObject({ a: z.string().transform((text) => text.trim()) }), { a: ' x ' })).toBe(
      false,
    );
    expect(passesUnchanged(z.string().max(2), 'x')).toBe(false);
  });

  it('lets almost every connector of the hand-made and generated data through', () => {
    const bodies = [...demoConnectors, ...generateConnectors(500, 3)].map(viaJson);
    const passing = bodies.filter((body) => passesUnchanged(connectorSchema, body));
    expect(passing.length / bodies.length).toBeGreaterThan(0.95);
    for (const body of passing) expect(connectorSchema.parse(body)).toEqual(body);
  });

  it('only lets through what the parse would return unchanged', () => {
    // Well-typed connectors, half of them with an odd key, besides the odd payloads of the other tests.
    const wellTyped = fc
      .tuple(
        fc.record(
          {
            uuid: fc.uuid(),
            name: fc.string(),
            beta: fc.boolean(),
            hidden: fc.option(fc.boolean(), { nil: null }),
            capabilities: fc.array(fc.string(), { maxLength: 3 }),
            countries: fc.array(fc.record({ id: fc.string(), name: fc.string() }), { maxLength: 2 }),
            fields: fc.array(
              fc.record({ name: fc.string(), type: fc.string(), label: fc.string(), regex: fc.option(fc.string()) }),
              { maxLength: 2 },
            ),
          },
          { requiredKeys: ['uuid'] },
        ),
        fc.option(
          fc.dictionary(fc.constantFrom('name', 'beta', 'countries', 'x_extra'), fc.jsonValue({ maxDepth: 1 })),
          { freq: 2 },
        ),
      )
      .map(([connector, odd]) => ({ ...connector, ...odd }));
    const payloads = fc.oneof(
      { weight: 3, arbitrary: wellTyped },
      { weight: 3, arbitrary: connectorPayload },
      { weight: 1, arbitrary: brokenEntry },
    );
    let passed = 0;
    fc.assert(
      fc.property(payloads, (raw) => {
        const body = viaJson(raw);
        if (!passesUnchanged(connectorSchema, body)) return;
        passed++;
        expect(connectorSchema.parse(body)).toEqual(body);
        const sources = (body as { sources?: unknown }).sources;
        if (Array.isArray(sources)) {
          for (const source of sources) expect(passesUnchanged(connectorSourceSchema, source)).toBe(true);
        }
      }),
      { numRuns: 1_000 },
    );
    // The property means something only if some payloads take the shortcut.
    expect(passed).toBeGreaterThan(100);
  });
});

describe('listConnectors with a body that needs no repair', () => {
  it('returns the connectors as the body had them', async () => {
    const body = { connectors: [valid, { ...valid, uuid: 'other' }], total: 2 };
    const client = createConnectorsClient({
      baseUrl: 'http://api.invalid/2.0',
      fetch: async () => Response.json(body),
    });
    const page = await client.listConnectors();
    expect(page).toEqual({ connectors: body.connectors, total: 2 });
  });

  it('still repairs a body that needs it', async () => {
    const client = createConnectorsClient({
      baseUrl: 'http://api.invalid/2.0',
      fetch: async () => Response.json({ connectors: [{ ...valid, beta: 'yes', name: 7 }] }),
    });
    const [connector] = (await client.listConnectors()).connectors;
    expect(connector?.beta).toBeUndefined();
    expect(connector?.name).toBe('');
  });
});
