import { TEST_CONNECTOR_UUID } from '@connector-kit/mock-api';
import * as fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, type MockInstance, vi } from 'vitest';
import { assertProperty } from '../../../../test/reliability.ts';
import { type Connector, type ConnectorField, type ConnectorSource, connectorSchema } from '../schemas.ts';
import { anyText, brokenEntry, connectorPayload, mechanism, wrongType } from '../test/arbitraries.ts';
import { type FormStep, planConnectorForm } from './plan.ts';
import { buildFieldsSchema } from './schema.ts';

function source(name: string, priority: number, auth: string, extra: Partial<ConnectorSource> = {}): ConnectorSource {
  return {
    id: priority + 400,
    id_connector: 40,
    name,
    auth_mechanism: auth,
    available_auth_mechanisms: [auth],
    disabled: null,
    priority,
    account_usages: ['PRIV', 'ORGA'],
    ...extra,
  };
}

function field(name: string, sources: string[] | null, auth: string[] | null, extra: Partial<ConnectorField> = {}) {
  return {
    name,
    label: name,
    type: 'text',
    required: true,
    regex: null,
    values: null,
    connector_sources: sources,
    auth_mechanisms: auth,
    ...extra,
  } satisfies ConnectorField;
}

const website = field('openapiwebsite', ['openapi'], ['webauth', 'credentials'], {
  label: 'Scénario',
  type: 'list',
  values: [
    { label: 'Particulier', value: 'par' },
    { label: 'Professionnel', value: 'pro' },
    { label: 'Mot de passe erroné', value: 'wrongpass' },
  ],
});
const login = field('login', ['directaccess'], ['credentials'], { label: 'Identifiant' });
const password = field('password', ['directaccess'], ['credentials'], { label: 'Mot de passe', type: 'password' });
const birthdate = field('birthdate', ['directaccess'], ['credentials'], { type: 'date', required: false });
const flow = {
  name: 'flow',
  label: 'Parcours de validation',
  type: 'list',
  required: true,
  regex: null,
  auth_mechanisms: ['webauth'],
  values: [
    { label: 'Validation classique', value: 'legacy' },
    { label: 'Redirection vers la banque', value: 'redirect' },
    { label: 'Validation sur l’application mobile', value: 'decoupled' },
  ],
};

/** "Connecteur de test", as real-world-notes.md describes it. */
const testConnector: Connector = {
  id: 40,
  uuid: TEST_CONNECTOR_UUID,
  name: 'Connecteur de test',
  auth_mechanism: 'webauth',
  available_auth_mechanisms: ['webauth', 'credentials'],
  payment_settings: { available_validate_mechanisms: ['webauth'] },
  // Listed out of priority order on purpose.
  sources: [source('directaccess', 2, 'credentials'), source('openapi', 0, 'webauth')],
  fields: [website, login, password, birthdate],
  payment_fields: [flow],
};

const summary = (steps: FormStep[]) =>
  steps.map((s) => [s.source, s.authMechanism, s.webauth, s.fields.map((f) => f.name)]);

describe('planConnectorForm on the test connector', () => {
  it('plans credentials as openapi (its list field, through the bank) then directaccess (login, password)', () => {
    const plan = planConnectorForm(testConnector, { authMechanism: 'credentials' });
    expect(plan.authMechanism).toBe('credentials');
    expect(plan.availableAuthMechanisms).toEqual(['webauth', 'credentials']);
    expect(summary(plan.steps)).toEqual([
      ['openapi', 'webauth', true, ['openapiwebsite']],
      ['directaccess', 'credentials', false, ['login', 'password', 'birthdate']],
    ]);
    expect(plan.steps[0]?.fields[0]).toBe(website);
  });

  it('plans webauth as the openapi step alone: directaccess has nothing to ask for webauth', () => {
    const plan = planConnectorForm(testConnector, { authMechanism: 'webauth' });
    expect(summary(plan.steps)).toEqual([['openapi', 'webauth', true, ['openapiwebsite']]]);
  });

  it("defaults to the connector's auth_mechanism, then the first available one, then credentials", () => {
    expect(planConnectorForm(testConnector).authMechanism).toBe('webauth');
    expect(planConnectorForm({ ...testConnector, auth_mechanism: null }).authMechanism).toBe('webauth');
    expect(
      planConnectorForm({ ...testConnector, auth_mechanism: null, available_auth_mechanisms: ['credentials'] })
        .authMechanism,
    ).toBe('credentials');
    const bare = planConnectorForm({ uuid: 'x', name: 'x', auth_mechanism: null, available_auth_mechanisms: null });
    expect(bare.authMechanism).toBe('credentials');
    expect(bare.availableAuthMechanisms).toEqual(['credentials']);
  });

  it('honours a mechanism the connector does not list, and lists the default one first', () => {
    const plan = planConnectorForm(
      { ...testConnector, auth_mechanism: 'credentials', available_auth_mechanisms: ['webauth'] },
      { authMechanism: 'decoupled' },
    );
    expect(plan.authMechanism).toBe('decoupled');
    expect(plan.availableAuthMechanisms).toEqual(['credentials', 'webauth']);
    // No field lists `decoupled`: nothing to ask, but the webauth source still redirects.
    expect(summary(plan.steps)).toEqual([['openapi', 'webauth', true, []]]);
  });

  it('restricts to sourceNames', () => {
    const plan = planConnectorForm(testConnector, { authMechanism: 'credentials', sourceNames: ['directaccess'] });
    expect(summary(plan.steps)).toEqual([['directaccess', 'credentials', false, ['login', 'password', 'birthdate']]]);
    const none = planConnectorForm(testConnector, { authMechanism: 'credentials', sourceNames: [] });
    expect(summary(none.steps)).toEqual([[null, 'credentials', false, []]]);
  });

  it('skips disabled sources, and does not ask for their fields', () => {
    const connector = {
      ...testConnector,
      sources: [
        source('openapi', 0, 'webauth', { disabled: '2026-01-01 00:00:00' }),
        source('directaccess', 2, 'credentials'),
      ],
    };
    const plan = planConnectorForm(connector, { authMechanism: 'credentials' });
    expect(summary(plan.steps)).toEqual([['directaccess', 'credentials', false, ['login', 'password', 'birthdate']]]);
  });

  it('plans payment_fields for the validate mechanism, without sources', () => {
    const plan = planConnectorForm(testConnector, { kind: 'payment' });
    expect(plan.authMechanism).toBe('webauth');
    expect(plan.availableAuthMechanisms).toEqual(['webauth']);
    expect(summary(plan.steps)).toEqual([[null, 'webauth', true, ['flow']]]);
    expect(plan.steps[0]?.fields[0]).toBe(flow);
    expect(planConnectorForm(testConnector, { kind: 'payment', authMechanism: 'decoupled' }).steps[0]?.fields).toEqual(
      [],
    );
    const bare = planConnectorForm({ uuid: 'x', name: 'x', payment_fields: [flow] }, { kind: 'payment' });
    expect(bare.authMechanism).toBe('webauth');
    expect(bare.steps[0]?.fields).toEqual([flow]);
  });
});

describe('planConnectorForm rules', () => {
  it('puts every relevant field in one step when there are no sources', () => {
    for (const sources of [null, undefined, []]) {
      const plan = planConnectorForm({ ...testConnector, sources }, { authMechanism: 'credentials' });
      expect(summary(plan.steps)).toEqual([
        [null, 'credentials', false, ['openapiwebsite', 'login', 'password', 'birthdate']],
      ]);
    }
    const webauth = planConnectorForm({ ...testConnector, sources: null });
    expect(summary(webauth.steps)).toEqual([[null, 'webauth', true, ['openapiwebsite']]]);
  });

  it('reads fields without auth_mechanisms as relevant for every mechanism', () => {
    for (const auth of [null, undefined, []]) {
      const connector = {
        uuid: 'x',
        name: 'x',
        fields: [{ ...login, auth_mechanisms: auth, connector_sources: null }],
      };
      expect(planConnectorForm(connector, { authMechanism: 'webauth' }).steps[0]?.fields).toHaveLength(1);
    }
  });

  it('puts fields without sources, or with unknown sources, in the first step', () => {
    const connector = {
      ...testConnector,
      fields: [login, field('code', null, null), field('otp', ['elsewhere'], null), field('b', [], null), website],
    };
    const plan = planConnectorForm(connector, { authMechanism: 'credentials' });
    expect(summary(plan.steps)).toEqual([
      ['openapi', 'webauth', false, ['code', 'otp', 'b', 'openapiwebsite']],
      ['directaccess', 'credentials', false, ['login']],
    ]);
  });

  it('puts a field listed for several sources in the first of them only', () => {
    const shared = field('shared', ['directaccess', 'openapi'], null);
    const plan = planConnectorForm({ ...testConnector, fields: [shared, login] }, { authMechanism: 'credentials' });
    expect(summary(plan.steps)).toEqual([
      ['openapi', 'webauth', false, ['shared']],
      ['directaccess', 'credentials', false, ['login']],
    ]);
  });

  it('orders sources by priority, sources without one last, keeps the first of a duplicated name', () => {
    const connector = {
      uuid: 'x',
      name: 'x',
      sources: [
        source('c', Number.NaN, 'credentials'),
        source('b', 5, 'credentials'),
        { ...source('a', 1, 'credentials'), priority: null as unknown as number },
        source('d', -1, 'credentials'),
        source('b', 7, 'webauth'),
      ],
      fields: ['a', 'b', 'c', 'd'].map((s) => field(s, [s], null)),
    };
    expect(summary(planConnectorForm(connector).steps).map(([s, m]) => [s, m])).toEqual([
      ['d', 'credentials'],
      ['b', 'credentials'],
      ['c', 'credentials'],
      ['a', 'credentials'],
    ]);
  });

  it('keeps the first of two relevant fields with the same name', () => {
    const forWebauth = { ...website, name: 'site', auth_mechanisms: ['webauth'] };
    const forCredentials = { ...website, name: 'site', auth_mechanisms: ['credentials'], label: 'second' };
    const again = { ...website, name: 'site', label: 'third' };
    const connector = { ...testConnector, fields: [forWebauth, forCredentials, again] };
    expect(planConnectorForm(connector, { authMechanism: 'credentials' }).steps[0]?.fields).toEqual([forCredentials]);
    expect(planConnectorForm(connector, { authMechanism: 'webauth' }).steps[0]?.fields).toEqual([forWebauth]);
  });

  it('makes a webauth step of a webauth source with no credential field, even without fields', () => {
    const connector = { ...testConnector, fields: [login, password] };
    expect(summary(planConnectorForm(connector, { authMechanism: 'credentials' }).steps)).toEqual([
      ['openapi', 'webauth', true, []],
      ['directaccess', 'credentials', false, ['login', 'password']],
    ]);
    const withText = { ...testConnector, fields: [field('customer', ['openapi'], null)] };
    expect(summary(planConnectorForm(withText).steps)).toEqual([['openapi', 'webauth', false, ['customer']]]);
  });

  it('never plans zero steps', () => {
    const onlyCredentials = {
      ...testConnector,
      sources: [source('directaccess', 2, 'credentials')],
      fields: [login, password],
    };
    expect(summary(planConnectorForm(onlyCredentials, { authMechanism: 'webauth' }).steps)).toEqual([
      [null, 'webauth', true, []],
    ]);
  });

  it('tolerates any input shape', () => {
    const inputs: unknown[] = [
      null,
      undefined,
      42,
      'connector',
      [],
      {},
      { fields: 'nope', sources: 7, available_auth_mechanisms: 'webauth' },
      { fields: [null, 1, 'x', [], { name: 5 }, { name: 'ok', auth_mechanisms: 'credentials', connector_sources: 3 }] },
      { sources: [null, 1, { name: 3 }, { name: 'x', priority: '1', disabled: 0 }], fields: [{ name: '__proto__' }] },
      { payment_settings: 'x', payment_fields: [{ name: 'constructor' }] },
    ];
    for (const input of inputs) {
      for (const options of [undefined, null, {}, { kind: 'payment' }, { authMechanism: 5, sourceNames: 'x' }]) {
        const plan = planConnectorForm(input as Connector, options as never);
        expect(plan.steps.length).toBeGreaterThan(0);
        expect(typeof plan.authMechanism).toBe('string');
      }
    }
  });
});

describe('planConnectorForm properties', () => {
  const name = fc.oneof(fc.constantFrom('__proto__', 'constructor', 'toString', 'login', 'password', ''), fc.string());
  const mechanism = fc.oneof(fc.constantFrom('credentials', 'webauth', 'decoupled'), fc.string());
  const sourceName = fc.constantFrom('openapi', 'directaccess', 'other', '__proto__', 'missing');
  const nullable = <T>(arb: fc.Arbitrary<T>) => fc.oneof(arb, fc.constant(null), fc.constant(undefined));
  const fieldArb = fc.record(
    {
      name: fc.oneof(name, fc.integer() as fc.Arbitrary<unknown>),
      type: fc.oneof(fc.constantFrom('text', 'password', 'date', 'list', 'number'), fc.string()),
      required: nullable(fc.boolean()),
      auth_mechanisms: nullable(fc.array(mechanism, { maxLength: 3 })),
      connector_sources: nullable(fc.array(sourceName, { maxLength: 3 })),
      values: nullable(fc.array(fc.record({ label: fc.string(), value: fc.string() }), { maxLength: 3 })),
      regex: nullable(fc.string()),
    },
    { requiredKeys: [] },
  );
  const sourceArb = fc.record(
    {
      id: fc.integer(),
      name: sourceName,
      auth_mechanism: nullable(mechanism),
      disabled: nullable(fc.constantFrom('2026-01-01 00:00:00')),
      priority: nullable(fc.integer({ min: -2, max: 5 })),
    },
    { requiredKeys: [] },
  );
  const connectorArb = fc.record(
    {
      uuid: fc.string(),
      auth_mechanism: nullable(mechanism),
      available_auth_mechanisms: nullable(fc.array(mechanism, { maxLength: 3 })),
      sources: nullable(fc.array(sourceArb, { maxLength: 4 })),
      fields: nullable(fc.array(fc.oneof(fieldArb, fc.anything()), { maxLength: 8 })),
      payment_fields: nullable(fc.array(fieldArb, { maxLength: 4 })),
      payment_settings: nullable(fc.record({ available_validate_mechanisms: nullable(fc.array(mechanism)) })),
    },
    { requiredKeys: [] },
  );
  const optionsArb = fc.record(
    {
      authMechanism: nullable(mechanism),
      sourceNames: nullable(fc.array(sourceName, { maxLength: 3 })),
      kind: fc.constantFrom('connection', 'payment', undefined),
    },
    { requiredKeys: [] },
  );

  it('never throws, and asks for every relevant required field in exactly one step', () => {
    fc.assert(
      fc.property(connectorArb, optionsArb, (connector, options) => {
        const plan = planConnectorForm(connector as Connector, options as never);
        expect(plan.steps.length).toBeGreaterThan(0);
        const placed = plan.steps.flatMap((s) => s.fields);
        // No field is asked for twice, and no two fields share a name.
        expect(new Set(placed).size).toBe(placed.length);
        expect(new Set(placed.map((f) => f.name)).size).toBe(placed.length);

        // The fields that must be asked for: relevant, first of their name, and of a source being added (or of
        // no known source at all).
        const payment = options.kind === 'payment';
        const all = (payment ? connector.payment_fields : connector.fields) ?? [];
        const sources = payment ? [] : (connector.sources ?? []).filter((s) => typeof s.name === 'string');
        const added = sources
          .filter(
            (s) =>
              s.disabled == null &&
              (!options.sourceNames || (options.sourceNames as string[]).includes(s.name as string)),
          )
          .map((s) => s.name);
        const strings = (x: unknown) => (Array.isArray(x) ? x : []).filter((v) => typeof v === 'string' && v !== '');
        const seen = new Set<string>();
        for (const f of all as Partial<ConnectorField>[]) {
          if (f === null || typeof f !== 'object' || typeof f.name !== 'string' || seen.has(f.name)) continue;
          const mechanisms = strings(f.auth_mechanisms);
          if (mechanisms.length && !mechanisms.includes(plan.authMechanism)) continue;
          seen.add(f.name);
          const listed = strings(f.connector_sources);
          const known = listed.filter((s) => sources.some((source) => source.name === s));
          const asked = !listed.length || known.length < listed.length || known.some((s) => added.includes(s));
          const steps = plan.steps.filter((s) => s.fields.includes(f as ConnectorField));
          expect(steps).toHaveLength(asked ? 1 : 0);
        }
      }),
      { numRuns: 500 },
    );
  });
});

/** Runs per property on random payloads: enough to find the odd case, few enough for the suite to stay quick. */
const PAYLOAD_RUNS = 1000;

describe('planConnectorForm and the schema of its values, on random payloads', () => {
  // Unusable field patterns are reported once each with `console.warn`: random patterns would fill the output.
  let warn: MockInstance<typeof console.warn> | undefined;
  beforeEach(() => {
    warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
  });
  afterEach(() => {
    warn?.mockRestore();
  });

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
    assertProperty(
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
      { numRuns: PAYLOAD_RUNS },
    );
  });

  it('never throw on raw payloads that skipped the schema', () => {
    assertProperty(
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
      { numRuns: PAYLOAD_RUNS },
    );
  });
});
