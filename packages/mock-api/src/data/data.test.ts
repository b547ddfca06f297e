import type { Connector, ConnectorField } from '@connector-kit/core';
import { CONNECTOR_FIELD_TYPES, connectorSchema } from '@connector-kit/core';
import { describe, expect, it } from 'vitest';
import { demoConnectors, GENERATED_ID_OFFSET, generateConnectors, TEST_CONNECTOR_UUID } from './index.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** Real patterns of woob modules (full match), with values each must accept and reject. */
const FIELD_REGEXES: readonly [module: string, field: string, regex: string, accepts: string[], rejects: string[]][] = [
  ['bnp', 'password', '^(\\d{6})$', ['123456'], ['12345', '1234567', '12345a']],
  ['bp', 'login', '\\d{10}[a-zA-Z0-9]?', ['0123456789', '0123456789A'], ['012345678', '0123456789AB']],
  ['boursorama', 'login', '^[0-9]+$', ['1', '123456789'], ['', '12a']],
  ['ing', 'login', '^(\\d{1,10})$', ['1', '1234567890'], ['12345678901', 'abc']],
  ['cragr', 'login', '\\d{11}', ['12345678901'], ['1234567890', '123456789012']],
  ['caissedepargne', 'nuser', '[A-Z0-9]{0,8}', ['', 'AB12'], ['ab12', 'ABCDEFGHI']],
  ['banquepopulaire', 'cdetab', '\\d{5}', ['12345'], ['1234', '123456']],
  ['ccf', 'login', '^\\d{9}$', ['123456789'], ['12345678']],
  ['orangebank', 'login', '^[0-9]{8}$', ['12345678'], ['1234567']],
  ['oney', 'login', '([0-9]{9}|.+@.+\\..+)', ['123456789', 'jean@example.fr'], ['12345678', 'jean@example']],
  ['orange', 'password', '\\S{8,36}', ['abcdefgh'], ['abc defgh', 'abcdefg']],
  ['freemobile', 'login', '^(\\d{8}|)$', ['12345678', ''], ['1234567']],
  ['ladresse', 'login', '[A-Z]\\d{6}', ['A123456'], ['a123456', 'A12345']],
  ['ameli', 'password', '^\\d{4,13}', ['1234', '1234567890123'], ['123', '12345678901234']],
];

function allFields(connectors: readonly Connector[]): ConnectorField[] {
  return connectors.flatMap((connector) => connector.fields ?? []);
}

function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Shape invariants every connector of every dataset honours. */
function expectWellFormed(connector: Connector): void {
  expect(connector.uuid).toMatch(UUID);
  expect(connector.color).toMatch(/^[0-9a-f]{6}$/);
  expect(connector.slug).toMatch(/^[A-Z]{3}$/);
  expect(connector.name.length).toBeGreaterThan(0);
  for (const usage of connector.account_usages ?? []) expect(usage).toBe(usage.toUpperCase());
  expect(Array.isArray(connector.sources)).toBe(true);
  expect(Array.isArray(connector.fields)).toBe(true);
  expect(Array.isArray(connector.payment_fields)).toBe(true);
  expect(connector.countries?.length).toBeGreaterThan(0);
  expect(connector.urls?.length).toBeGreaterThan(0);
  const sourceNames = new Set((connector.sources ?? []).map((source) => source.name));
  const priorities = (connector.sources ?? []).map((source) => source.priority);
  expect(new Set(priorities).size).toBe(priorities.length);
  for (const source of connector.sources ?? []) expect(source.id_connector).toBe(connector.id);
  const fieldNames = (connector.fields ?? []).map((f) => f.name);
  expect(new Set(fieldNames).size).toBe(fieldNames.length);
  for (const f of connector.fields ?? []) {
    for (const name of f.connector_sources ?? []) expect(sourceNames).toContain(name);
    if (f.type === 'list') expect(f.values?.length).toBeGreaterThan(0);
  }
  const enabled = (connector.sources ?? []).filter((source) => source.disabled === null);
  expect(new Set(connector.available_auth_mechanisms)).toEqual(new Set(enabled.map((source) => source.auth_mechanism)));
  expect(connector.products?.includes('pay') ?? false).toBe(connector.payment_settings !== undefined);
  expect(['stable', 'unstable']).toContain(connector.stability?.status);
}

describe('demoConnectors', () => {
  it('holds at least 160 connectors over at least 9 countries', () => {
    expect(demoConnectors.length).toBeGreaterThanOrEqual(160);
    const countries = new Set(demoConnectors.flatMap((c) => (c.countries ?? []).map((country) => country.id)));
    expect(countries.size).toBeGreaterThanOrEqual(9);
    for (const code of ['FR', 'DE', 'ES', 'IT', 'NL', 'BE', 'PT', 'GB', 'LU', 'IE', 'AT']) {
      expect(countries).toContain(code);
    }
  });

  it('parses with connectorSchema without losing or changing anything, unknown keys included', () => {
    for (const connector of demoConnectors) {
      const parsed = connectorSchema.parse(connector);
      expect(parsed).toEqual(connector);
      expect(Object.keys(parsed).sort()).toEqual(Object.keys(connector).sort());
      expect(parsed.account_types).toEqual(connector.account_types);
      expect(parsed.categories).toBeNull();
    }
    const withExtras = demoConnectors.filter((c) => 'former_names' in c || 'maintenance' in c || 'fints_url' in c);
    expect(withExtras.length).toBeGreaterThanOrEqual(3);
    for (const connector of withExtras) expect(connectorSchema.parse(connector)).toEqual(connector);
  });

  it('has unique uuids, ids and source ids, all well-formed', () => {
    const uuids = demoConnectors.map((c) => c.uuid);
    const ids = demoConnectors.map((c) => c.id);
    const sourceIds = demoConnectors.flatMap((c) => (c.sources ?? []).map((source) => source.id));
    expect(new Set(uuids).size).toBe(uuids.length);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(sourceIds).size).toBe(sourceIds.length);
    expect(ids).toEqual(ids.map((_, index) => index + 1));
    for (const connector of demoConnectors) expectWellFormed(connector);
  });

  it('includes the test connector exactly as the sandbox serves it', () => {
    const test = demoConnectors.find((c) => c.uuid === TEST_CONNECTOR_UUID);
    expect(test).toBeDefined();
    expect(test).toMatchObject({
      id: 40,
      name: 'Connecteur de test',
      auth_mechanism: 'webauth',
      available_auth_mechanisms: ['webauth', 'credentials'],
      countries: [{ id: 'FR', name: 'France' }],
    });
    expect(test?.sources?.map(({ name, priority, auth_mechanism }) => ({ name, priority, auth_mechanism }))).toEqual([
      { name: 'openapi', priority: 0, auth_mechanism: 'webauth' },
      { name: 'directaccess', priority: 2, auth_mechanism: 'credentials' },
    ]);
    const fields = test?.fields ?? [];
    expect(fields).toHaveLength(4);
    const [website, login, password] = fields;
    expect(website).toMatchObject({
      name: 'openapiwebsite',
      type: 'list',
      connector_sources: ['openapi'],
      auth_mechanisms: ['webauth', 'credentials'],
    });
    expect(website?.values?.map(({ value, label }) => [value, label])).toEqual([
      ['par', 'Particulier'],
      ['pro', 'Professionnel'],
      ['wrongpass', 'Mot de passe erroné'],
      ['otp', 'Code à usage unique (SMS)'],
      ['decoupled', "Validation sur l'application mobile"],
      ['scarequired', 'Authentification forte requise'],
      ['actionneeded', 'Action requise sur le site de la banque'],
      ['passwordexpired', 'Mot de passe expiré'],
      ['ratelimiting', 'Limite de synchronisation atteinte'],
      ['websiteunavailable', 'Site de la banque indisponible'],
      ['validating', 'Validation en cours'],
      ['slow', 'Banque lente'],
    ]);
    expect(login).toMatchObject({
      name: 'login',
      type: 'text',
      connector_sources: ['directaccess'],
      auth_mechanisms: ['credentials'],
    });
    expect(password).toMatchObject({
      name: 'password',
      type: 'password',
      connector_sources: ['directaccess'],
      auth_mechanisms: ['credentials'],
    });
    expect(test?.payment_fields).toHaveLength(1);
    expect(test?.payment_fields?.[0]?.type).toBe('list');
    expect(test?.payment_fields?.[0]?.values?.map((v) => v.value)).toEqual(['legacy', 'redirect', 'decoupled']);
    expect(test?.products).toContain('pay');
  });

  it('has fields of every known type, and of types the reference page does not list', () => {
    const fields = allFields(demoConnectors);
    const types = new Set(fields.map((f) => f.type));
    for (const type of CONNECTOR_FIELD_TYPES) expect(types).toContain(type);
    expect(types).toContain('number');
    expect(types).toContain('otp');
    const known: readonly string[] = CONNECTOR_FIELD_TYPES;
    const withUnknown = demoConnectors.filter((c) => (c.fields ?? []).some((f) => !known.includes(f.type)));
    expect(withUnknown.length).toBeGreaterThanOrEqual(2);
  });

  it('carries every real woob pattern on a field of that name, and the copies are faithful', () => {
    const fields = allFields(demoConnectors);
    for (const [module, name, regex, accepts, rejects] of FIELD_REGEXES) {
      const carriers = fields.filter((f) => f.regex === regex && f.name === name);
      expect(carriers.length, `${module}.${name}`).toBeGreaterThan(0);
      const full = new RegExp(`^(?:${regex})$`);
      for (const value of accepts) expect(full.test(value), `${regex} accepts ${value}`).toBe(true);
      for (const value of rejects) expect(full.test(value), `${regex} rejects ${value}`).toBe(false);
    }
  });

  it('covers the auth, source and flag cases a picker and a form must handle', () => {
    const both = demoConnectors.filter((c) => c.available_auth_mechanisms?.length === 2);
    const webauthOnly = demoConnectors.filter((c) => c.available_auth_mechanisms?.join() === 'webauth');
    const credentialsOnly = demoConnectors.filter((c) => c.available_auth_mechanisms?.join() === 'credentials');
    expect(both.length).toBeGreaterThan(10);
    expect(webauthOnly.length).toBeGreaterThan(10);
    expect(credentialsOnly.length).toBeGreaterThan(10);
    for (const connector of webauthOnly.filter((c) => !(c.sources ?? []).some((s) => s.disabled !== null))) {
      expect((connector.fields ?? []).some((f) => f.auth_mechanisms?.join() === 'credentials')).toBe(false);
    }
    expect(demoConnectors.filter((c) => c.beta).length).toBeGreaterThanOrEqual(3);
    expect(demoConnectors.filter((c) => c.restricted).length).toBeGreaterThanOrEqual(3);
    expect(demoConnectors.filter((c) => c.hidden).length).toBeGreaterThanOrEqual(3);
    expect(demoConnectors.filter((c) => c.hidden === null).length).toBeGreaterThanOrEqual(1);
    expect(demoConnectors.filter((c) => c.stability?.status === 'unstable').length).toBeGreaterThanOrEqual(3);
    const disabled = demoConnectors.flatMap((c) => (c.sources ?? []).filter((s) => s.disabled !== null));
    expect(disabled.length).toBeGreaterThanOrEqual(3);
    for (const source of disabled) expect(source.disabled).toBe('2025-01-01 00:00:00');
    const sourceNames = new Set(demoConnectors.flatMap((c) => (c.sources ?? []).map((s) => s.name)));
    expect([...sourceNames].sort()).toEqual(['directaccess', 'directaccess-pro', 'openapi']);
    const prefixed = allFields(demoConnectors).filter((f) => /^(openapi|directaccess)website$/.test(f.name));
    expect(prefixed.length).toBeGreaterThan(5);
    const providers = demoConnectors.filter(
      (c) => c.capabilities?.includes('document') && c.products?.includes('bill'),
    );
    expect(providers.map((c) => c.name)).toEqual(expect.arrayContaining(['EDF', 'Orange', 'Free Mobile', 'Ameli']));
  });

  it('has varied payment settings', () => {
    const payable = demoConnectors.filter((c) => c.payment_settings);
    expect(payable.length).toBeGreaterThan(20);
    expect(payable.some((c) => c.payment_settings?.maximum_amount === null)).toBe(true);
    expect(payable.some((c) => c.payment_settings?.partial_status_tracking === null)).toBe(true);
    expect(payable.some((c) => 'bulk_execution_date_types' in (c.payment_settings ?? {}))).toBe(true);
    expect(payable.some((c) => (c.payment_fields ?? []).length > 0)).toBe(true);
    for (const connector of payable) {
      const openapi = connector.sources?.find((s) => s.name === 'openapi');
      expect(openapi?.payment_settings).toEqual(connector.payment_settings);
    }
  });

  it('has names with accents and special letters', () => {
    const names = demoConnectors.map((c) => c.name);
    for (const name of [
      'Société Générale',
      'Crédit Agricole Île-de-France',
      "Caisse d'Épargne Hauts de France",
      'Banque Populaire Auvergne Rhône Alpes',
      'BNP Paribas Fortis',
      'Sparkasse KölnBonn',
      'Caixa Geral de Depósitos',
    ]) {
      expect(names).toContain(name);
    }
    expect(names.some((name) => name.includes('ł'))).toBe(true);
  });
});

describe('generateConnectors', () => {
  it('is deterministic, and another seed gives other connectors', () => {
    const first = generateConnectors(500, 42);
    expect(generateConnectors(500, 42)).toEqual(first);
    const other = generateConnectors(500, 7);
    expect(other).not.toEqual(first);
    expect(other.map((c) => c.name)).not.toEqual(first.map((c) => c.name));
    expect(new Set([...first, ...other].map((c) => c.uuid)).size).toBe(1000);
  });

  it('keeps a shorter run a prefix of a longer one', () => {
    expect(generateConnectors(1000, 3).slice(0, 200)).toEqual(generateConnectors(200, 3));
  });

  it('parses with connectorSchema unchanged and is well-formed', () => {
    for (const connector of generateConnectors(2000, 1)) {
      expect(connectorSchema.parse(connector)).toEqual(connector);
      expectWellFormed(connector);
    }
  });

  it('makes 20,000 connectors with unique uuids and ids, clear of the demo ids', () => {
    const connectors = generateConnectors(20_000, 2026);
    expect(connectors).toHaveLength(20_000);
    expect(new Set(connectors.map((c) => c.uuid)).size).toBe(20_000);
    expect(new Set(connectors.map((c) => c.id)).size).toBe(20_000);
    const demoIds = new Set(demoConnectors.map((c) => c.id));
    expect(connectors.some((c) => demoIds.has(c.id))).toBe(false);
    expect(connectors[0]?.id).toBe(GENERATED_ID_OFFSET);
    const demoUuids = new Set(demoConnectors.map((c) => c.uuid));
    expect(connectors.some((c) => demoUuids.has(c.uuid))).toBe(false);
  });

  it('makes searchable bank-like names over many countries, a quarter of the accented ones without accents', () => {
    const connectors = generateConnectors(20_000, 5);
    const folded = connectors.map((c) => fold(c.name));
    for (const query of ['societe g', 'sparkasse', 'credit agricole', 'caja rural', 'cassa di risparmio']) {
      expect(folded.filter((name) => name.includes(query)).length, query).toBeGreaterThan(10);
    }
    const countries = new Set(connectors.flatMap((c) => (c.countries ?? []).map((country) => country.id)));
    expect(countries.size).toBeGreaterThanOrEqual(12);
    const societe = connectors.filter((c) => fold(c.name).includes('societe generale'));
    const plain = societe.filter((c) => c.name.includes('Societe Generale'));
    expect(plain.length / societe.length).toBeGreaterThan(0.15);
    expect(plain.length / societe.length).toBeLessThan(0.35);
  });

  it('sprinkles beta, restricted, hidden and unstable connectors and every kind of source', () => {
    const connectors = generateConnectors(5000, 9);
    const share = (predicate: (c: Connector) => boolean) => connectors.filter(predicate).length / connectors.length;
    expect(share((c) => c.beta === true)).toBeGreaterThan(0.01);
    expect(share((c) => c.restricted === true)).toBeGreaterThan(0.005);
    expect(share((c) => c.hidden === true)).toBeGreaterThan(0.005);
    expect(share((c) => c.stability?.status === 'unstable')).toBeGreaterThan(0.01);
    expect(share((c) => c.payment_settings !== undefined)).toBeGreaterThan(0.03);
    expect(share((c) => c.hidden === true)).toBeLessThan(0.1);
  });

  it('returns nothing for zero and rejects an invalid count', () => {
    expect(generateConnectors(0, 1)).toEqual([]);
    expect(() => generateConnectors(-1, 1)).toThrow(RangeError);
    expect(() => generateConnectors(1.5, 1)).toThrow(RangeError);
  });
});
