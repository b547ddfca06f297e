import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { planConnectorForm } from '../form/plan.ts';
import { buildFieldsSchema } from '../form/schema.ts';
import { type Connector, connectorSchema, connectorsListSchema } from '../schemas.ts';
import { createConnectorSearch } from '../search/search.ts';
import {
  anyText,
  brokenEntry,
  connectorPayload,
  EXTRA_KEY_PREFIX,
  isConnectorEntry,
  mechanism,
  wrongType,
} from '../test/arbitraries.ts';

/*
 * Random connector payloads through everything that reads them in core: the schemas, the search index, the form
 * planner and the schema of a form's values. Nothing throws, and what is kept is kept exactly.
 */

/** Runs per property: enough to find the odd case, few enough for the suite to stay quick. */
const RUNS = 1000;

// Unusable field patterns are reported once each with `console.warn`: random patterns would fill the output.
beforeEach(() => {
  vi.spyOn(console, 'warn').mockImplementation(() => {});
});
afterEach(() => {
  vi.restoreAllMocks();
});

const entries = fc.array(fc.oneof({ weight: 12, arbitrary: connectorPayload }, { weight: 1, arbitrary: brokenEntry }), {
  maxLength: 8,
});

/** Parses each entry on its own, keeping the connectors the schema accepts. */
function parseEach(payloads: readonly unknown[]): Connector[] {
  return payloads.flatMap((payload) => {
    const result = connectorSchema.safeParse(payload);
    return result.success ? [result.data] : [];
  });
}

describe('schemas', () => {
  it('never throw, accept every list whose entries all have a uuid, and keep unknown keys and values', () => {
    fc.assert(
      fc.property(
        entries,
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
      { numRuns: RUNS },
    );
  });

  it('never throw on any value at all', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        connectorsListSchema.safeParse(value);
        connectorsListSchema.safeParse({ connectors: [value] });
        connectorSchema.safeParse(value);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('search index', () => {
  /** What a search returns, as plain data to compare. */
  const summary = (results: ReturnType<ReturnType<typeof createConnectorSearch>['search']>) =>
    results.map((result) => [result.connector.uuid, result.score, result.disabled, result.matches]);

  const query = (connectors: Connector[]) =>
    fc.oneof(
      anyText,
      fc.constant(''),
      // A piece of a name, as someone typing it would.
      fc.tuple(fc.nat(), fc.nat(), fc.nat()).map(([which, from, length]) => {
        const name = connectors.length ? (connectors[which % connectors.length] as Connector).name : '';
        const start = name.length ? from % name.length : 0;
        return name.slice(start, start + 1 + (length % 12));
      }),
    );

  it('never throws, never lists a hidden connector, and gives the same results whatever the input order', () => {
    fc.assert(
      fc.property(
        entries
          .map(parseEach)
          .chain((connectors) =>
            fc.tuple(
              fc.constant(connectors),
              fc.shuffledSubarray(connectors, { minLength: connectors.length, maxLength: connectors.length }),
              fc.array(query(connectors), { minLength: 1, maxLength: 4 }),
              fc.oneof(fc.constant(undefined), fc.array(fc.constantFrom('FR', 'de', 'XX', '*', ''), { maxLength: 2 })),
              fc.oneof(fc.constant(undefined), fc.constantFrom('fr', 'de-AT', 'ar', 'not a locale!')),
            ),
          ),
        ([connectors, shuffled, queries, countryCodes, locale]) => {
          const build = (list: Connector[]) => {
            try {
              return createConnectorSearch(list, { locale });
            } catch (error) {
              // The one documented throw: an invalid locale tag, as Intl.Collator does.
              expect(error).toBeInstanceOf(RangeError);
              return createConnectorSearch(list);
            }
          };
          const index = build(connectors);
          const again = build(shuffled);
          for (const q of queries) {
            const results = index.search(q, { countryCodes });
            expect(summary(again.search(q, { countryCodes }))).toEqual(summary(results));
            expect(summary(index.search(q, { countryCodes }))).toEqual(summary(results));
            for (const result of results) {
              expect(result.connector.hidden).not.toBe(true);
              let end = 0;
              for (const range of result.matches) {
                expect(range.start).toBeGreaterThanOrEqual(end);
                expect(range.end).toBeGreaterThan(range.start);
                expect(range.end).toBeLessThanOrEqual(result.connector.name.length);
                end = range.end;
              }
            }
          }
        },
      ),
      { numRuns: RUNS },
    );
  });
});

describe('form planner and the schema of its values', () => {
  const options = fc.record(
    {
      authMechanism: fc.oneof(mechanism, fc.constant(null), fc.constant(undefined)),
      sourceNames: fc.oneof(fc.constant(undefined), fc.constant(null), fc.array(anyText, { maxLength: 2 })),
      kind: fc.constantFrom('connection', 'payment', undefined),
    },
    { requiredKeys: [] },
  );
  const values = fc.dictionary(
    fc.oneof(fc.constantFrom('login', 'password', '__proto__', 'constructor'), anyText),
    fc.oneof(anyText, wrongType),
    { maxKeys: 5 },
  );

  it('never throw on parsed connectors, and plan only fields the connector has', () => {
    fc.assert(
      fc.property(connectorPayload, options, values, (payload, planOptions, typed) => {
        const connector = connectorSchema.parse(payload);
        const plan = planConnectorForm(connector, planOptions as Parameters<typeof planConnectorForm>[1]);
        expect(plan.steps.length).toBeGreaterThan(0);
        expect(plan.availableAuthMechanisms.length).toBeGreaterThan(0);
        const pool = planOptions.kind === 'payment' ? connector.payment_fields : connector.fields;
        const planned = plan.steps.flatMap((step) => step.fields);
        for (const field of planned) expect(pool).toContain(field);
        expect(new Set(planned.map((field) => field.name)).size).toBe(planned.length);

        const schema = buildFieldsSchema(planned);
        schema.safeParse(typed);
        schema.safeParse(Object.fromEntries(planned.map((field) => [field.name, typed[field.name] ?? ''])));
      }),
      { numRuns: RUNS },
    );
  });

  it('never throw on raw payloads that skipped the schema', () => {
    fc.assert(
      fc.property(
        fc.oneof(connectorPayload, brokenEntry, fc.anything()),
        options,
        values,
        (raw, planOptions, typed) => {
          const plan = planConnectorForm(raw as Connector, planOptions as Parameters<typeof planConnectorForm>[1]);
          expect(plan.steps.length).toBeGreaterThan(0);
          const rawFields = (raw as { fields?: unknown } | null)?.fields;
          buildFieldsSchema(rawFields as Connector['fields']).safeParse(typed);
          buildFieldsSchema(plan.steps.flatMap((step) => step.fields)).safeParse(typed);
        },
      ),
      { numRuns: RUNS },
    );
  });
});
