/**
 * fast-check arbitraries of what the connectors API might send: connector payloads that are valid, partial, with
 * enum values the reference does not list, with keys it does not list, with values of the wrong type and nulls.
 */
import fc from 'fast-check';
import { type Connector, connectorSchema } from '../schemas.ts';

/** Text of every kind: plain, any code unit (lone surrogates), graphemes, and some known troublemakers. */
export const anyText: fc.Arbitrary<string> = fc.oneof(
  fc.string({ maxLength: 24 }),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 8 }),
  fc.constantFrom(
    '',
    ' ',
    'Société Générale',
    'Banque Populaire Rives de Paris',
    'ß Straße',
    'İstanbul Bankası',
    '½ ¼',
    'Œuvre',
    '<img src=x onerror="window.__pwned=1">',
    '<script>window.__pwned=1</script>',
    'javascript:alert(1)',
    '\u202Eknab\u202C',
    'Ba\u200Bnk\u200D',
    '🏦👩‍👩‍👧‍👦🇫🇷',
    'a\u0301\u0302\u0303',
    '__proto__',
    'constructor',
    'W'.repeat(2000),
  ),
);

/** A value of some other type than the one expected. */
export const wrongType: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.integer(), { maxLength: 2 }),
  fc.dictionary(fc.string({ maxLength: 4 }), fc.integer(), { maxKeys: 2 }),
);

/** Mostly the expected value; sometimes another type, `null`, or absent (`undefined`). */
export function maybe<T>(arbitrary: fc.Arbitrary<T>): fc.Arbitrary<T | unknown> {
  return fc.oneof(
    { weight: 6, arbitrary },
    { weight: 1, arbitrary: wrongType },
    { weight: 1, arbitrary: fc.constant(null) },
    { weight: 1, arbitrary: fc.constant(undefined) },
  );
}

const listOf = <T>(arbitrary: fc.Arbitrary<T>, maxLength = 4) => fc.array(arbitrary, { maxLength });

export const mechanism: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('credentials', 'webauth', 'decoupled', 'WEBAUTH', ''),
  fc.string({ maxLength: 6 }),
);
const fieldType = fc.oneof(
  fc.constantFrom('text', 'password', 'date', 'list', 'number', 'otp', 'email', 'tel', ''),
  fc.string({ maxLength: 6 }),
);
export const fieldRegex: fc.Arbitrary<string | null> = fc.oneof(
  fc.constantFrom(
    null,
    '^\\d{6}$',
    '(?i)^[a-z0-9]{6,20}$',
    '[[:alpha:]]+',
    '(a+)+$',
    '^(a|aa)+$',
    '(',
    '\\',
    'a{2,1}',
    '(?P<x>a)(?P=x)',
    '(?<=a)b',
    '\\d{11}',
  ),
  fc.string({ maxLength: 10 }),
);
const sourceName = fc.oneof(fc.constantFrom('openapi', 'directaccess', 'directaccess-pro', 'missing', ''), anyText);

const fieldValue = fc.record({ label: maybe(anyText), value: maybe(anyText) }, { requiredKeys: [] });

export const fieldPayload = fc.record(
  {
    name: fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom('login', 'password', 'birthday', '__proto__', 'a.b', 'x[0]', '') },
      { weight: 3, arbitrary: anyText },
      { weight: 1, arbitrary: wrongType },
    ),
    label: maybe(anyText),
    type: maybe(fieldType),
    required: maybe(fc.boolean()),
    regex: maybe(fieldRegex),
    values: maybe(listOf(fc.oneof({ weight: 4, arbitrary: fieldValue }, { weight: 1, arbitrary: wrongType }), 6)),
    auth_mechanisms: maybe(listOf(mechanism, 3)),
    connector_sources: maybe(listOf(sourceName, 3)),
  },
  { requiredKeys: [] },
);

const sourcePayload = fc.record(
  {
    id: fc.oneof({ weight: 4, arbitrary: fc.integer() }, { weight: 1, arbitrary: wrongType }),
    name: maybe(sourceName),
    auth_mechanism: maybe(mechanism),
    available_auth_mechanisms: maybe(listOf(mechanism, 3)),
    disabled: maybe(fc.constantFrom(null, '2026-01-01 00:00:00')),
    priority: maybe(fc.integer({ min: -3, max: 5 })),
  },
  { requiredKeys: [] },
);

const countryPayload = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record(
      {
        id: fc.oneof(
          { weight: 4, arbitrary: fc.constantFrom('FR', 'DE', 'BE', 'fr', ' es ', 'XX', '*', '', '1', 'ZZZ') },
          { weight: 1, arbitrary: anyText },
          { weight: 1, arbitrary: wrongType },
        ),
        name: maybe(anyText),
      },
      { requiredKeys: ['id'] },
    ),
  },
  { weight: 1, arbitrary: wrongType },
);

const hexColor = fc
  .array(fc.constantFrom(...'0123456789abcdefABCDEF'), { minLength: 6, maxLength: 6 })
  .map((digits) => digits.join(''));

/** Keys the reference does not list: they must come back untouched. */
export const EXTRA_KEY_PREFIX = 'x_';
const extraKeys = fc.dictionary(
  fc.string({ minLength: 1, maxLength: 8 }).map((key) => `${EXTRA_KEY_PREFIX}${key}`),
  fc.jsonValue({ maxDepth: 2 }),
  { maxKeys: 3 },
);

/** A connector as the API could send it: always a non-empty string `uuid`, anything else may be odd or missing. */
export const connectorPayload: fc.Arbitrary<Record<string, unknown>> = fc
  .tuple(
    fc.record(
      {
        id: maybe(fc.integer({ min: 1, max: 100_000 })),
        uuid: fc.uuid(),
        name: maybe(anyText),
        hidden: maybe(fc.boolean()),
        restricted: maybe(fc.boolean()),
        beta: maybe(fc.boolean()),
        charged: maybe(fc.boolean()),
        color: maybe(fc.oneof(hexColor, anyText)),
        slug: maybe(anyText),
        code: maybe(anyText),
        auth_mechanism: maybe(mechanism),
        available_auth_mechanisms: maybe(listOf(mechanism, 3)),
        capabilities: maybe(listOf(fc.oneof(fc.constantFrom('bank', 'document', 'transfer'), anyText), 3)),
        products: maybe(listOf(fc.constantFrom('bank', 'wealth', 'bill', 'pay', 'crypto'), 3)),
        stability: maybe(
          fc.record({ status: maybe(fc.constantFrom('stable', 'unstable', 'flaky')), last_update: maybe(anyText) }),
        ),
        countries: maybe(listOf(countryPayload, 3)),
        fields: maybe(listOf(fc.oneof({ weight: 5, arbitrary: fieldPayload }, { weight: 1, arbitrary: wrongType }), 6)),
        payment_fields: maybe(listOf(fieldPayload, 3)),
        payment_settings: maybe(fc.record({ available_validate_mechanisms: maybe(listOf(mechanism, 2)) })),
        sources: maybe(
          listOf(fc.oneof({ weight: 5, arbitrary: sourcePayload }, { weight: 1, arbitrary: wrongType }), 3),
        ),
        urls: maybe(listOf(anyText, 2)),
      },
      { requiredKeys: ['uuid'] },
    ),
    extraKeys,
  )
  .map(([connector, extra]) => ({ ...connector, ...extra }));

/** An entry of a connectors list that is not a connector at all: no uuid, a uuid of another type, not an object. */
export const brokenEntry: fc.Arbitrary<unknown> = fc.oneof(
  wrongType,
  fc.record({ name: anyText }),
  fc.record({ uuid: fc.oneof(fc.constant(''), fc.integer(), fc.constant(null)), name: anyText }),
);

/** Whether an entry of a connectors list is one the schema must accept. */
export function isConnectorEntry(entry: unknown): boolean {
  if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) return false;
  const uuid = (entry as { uuid?: unknown }).uuid;
  return typeof uuid === 'string' && uuid.length > 0;
}

/** A connectors list as the API might send it: mostly connectors, now and then an entry that is not one. */
export const connectorEntries = (maxLength = 8): fc.Arbitrary<unknown[]> =>
  fc.array(fc.oneof({ weight: 12, arbitrary: connectorPayload }, { weight: 1, arbitrary: brokenEntry }), {
    maxLength,
  });

/** Parses each entry on its own, keeping the connectors the schema accepts. */
export function parseEach(payloads: readonly unknown[]): Connector[] {
  return payloads.flatMap((payload) => {
    const result = connectorSchema.safeParse(payload);
    return result.success ? [result.data] : [];
  });
}
