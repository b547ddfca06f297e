import * as fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { errorText } from '../../../../test/secrets.ts';
import type { ConnectorField } from '../schemas.ts';
import { buildFieldsSchema, FIELD_ERROR_KEYS, type FieldErrorKey } from './schema.ts';

function field(name: string, extra: Partial<ConnectorField> = {}): ConnectorField {
  return { name, label: name, type: 'text', required: true, regex: null, values: null, ...extra };
}

/** The error key of each failing field, or the parsed values. */
function check(fields: ConnectorField[], values: unknown) {
  const result = buildFieldsSchema(fields).safeParse(values);
  if (result.success) return { data: result.data };
  const errors: Record<string, string> = Object.create(null);
  for (const issue of result.error.issues) errors[issue.path.join('.')] = issue.message;
  return { errors };
}

let warn: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
});
afterEach(() => {
  warn.mockRestore();
});

describe('buildFieldsSchema', () => {
  it('exports the error keys', () => {
    expect(FIELD_ERROR_KEYS).toEqual(['required', 'pattern', 'date', 'list']);
  });

  it('requires a non-empty value, trimmed but for passwords', () => {
    const fields = [field('login'), field('password', { type: 'password' })];
    expect(check(fields, { login: '', password: '' })).toEqual({ errors: { login: 'required', password: 'required' } });
    expect(check(fields, { login: '  \t', password: '  ' })).toEqual({ errors: { login: 'required' } });
    expect(check(fields, {})).toEqual({ errors: { login: 'required', password: 'required' } });
    expect(check(fields, { login: null, password: 12 })).toEqual({
      errors: { login: 'required', password: 'required' },
    });
    // Values are never transformed.
    expect(check(fields, { login: ' jean ', password: ' s3cret ' })).toEqual({
      data: { login: ' jean ', password: ' s3cret ' },
    });
  });

  it('lets an optional field be empty, without applying its regex', () => {
    const fields = [
      field('nuser', { required: false, regex: '[A-Z0-9]{1,8}' }),
      field('cdetab', { required: null as never, regex: '\\d{5}' }),
    ];
    expect(check(fields, {})).toEqual({ data: { nuser: '', cdetab: '' } });
    expect(check(fields, { nuser: '  ', cdetab: '' })).toEqual({ data: { nuser: '  ', cdetab: '' } });
    expect(check(fields, { nuser: 'ab12', cdetab: '1234' })).toEqual({
      errors: { nuser: 'pattern', cdetab: 'pattern' },
    });
    expect(check(fields, { nuser: 'AB12', cdetab: '12345' })).toEqual({ data: { nuser: 'AB12', cdetab: '12345' } });
  });

  it('checks the regex synchronously, as a full match', () => {
    const fields = [field('password', { type: 'password', regex: '^(\\d{6})$' }), field('login', { regex: '\\d{11}' })];
    const schema = buildFieldsSchema(fields);
    expect(schema.safeParse({ password: '123456', login: '12345678901' }).success).toBe(true);
    expect(check(fields, { password: '12345a', login: '123456789012' })).toEqual({
      errors: { password: 'pattern', login: 'pattern' },
    });
  });

  it('ignores a regex it cannot honour', () => {
    const fields = [field('login', { regex: '(?(1)a|b)' })];
    expect(check(fields, { login: 'anything' })).toEqual({ data: { login: 'anything' } });
    expect(warn).toHaveBeenCalledTimes(1);
  });

  it('validates dates as real ISO calendar dates', () => {
    const fields = [field('birthdate', { type: 'date' })];
    for (const date of [
      '2024-02-29',
      '2000-02-29',
      '2023-01-31',
      '2023-12-31',
      '2023-04-30',
      '1970-01-01',
      '0001-01-01',
    ]) {
      expect(check(fields, { birthdate: date }), date).toEqual({ data: { birthdate: date } });
    }
    for (const date of [
      '2024-02-30',
      '2023-02-29',
      '1900-02-29',
      '2023-04-31',
      '2023-11-31',
      '2023-13-01',
      '2023-00-10',
      '2023-01-00',
      '2023-1-01',
      '23-01-01',
      '2023/01/01',
      '01/02/2023',
      '2023-01-01T00:00:00Z',
      ' 2023-01-01',
      'tomorrow',
    ]) {
      expect(check(fields, { birthdate: date }), date).toEqual({ errors: { birthdate: 'date' } });
    }
    expect(check(fields, { birthdate: '' })).toEqual({ errors: { birthdate: 'required' } });
    expect(check([field('d', { type: 'date', required: false })], { d: '' })).toEqual({ data: { d: '' } });
  });

  it('checks list values against the listed ones, any string when none is listed', () => {
    const values = [
      { label: 'Particulier', value: 'par' },
      { label: 'Professionnel', value: 'pro' },
    ];
    const fields = [field('website', { type: 'list', values })];
    expect(check(fields, { website: 'pro' })).toEqual({ data: { website: 'pro' } });
    expect(check(fields, { website: 'Particulier' })).toEqual({ errors: { website: 'list' } });
    expect(check(fields, { website: '' })).toEqual({ errors: { website: 'required' } });
    for (const none of [[], null, undefined]) {
      expect(check([field('website', { type: 'list', values: none })], { website: 'x' })).toEqual({
        data: { website: 'x' },
      });
    }
    // Malformed entries are ignored.
    const odd = [field('w', { type: 'list', values: [null, { label: 'x' }, { value: 3 }, { value: 'ok' }] as never })];
    expect(check(odd, { w: 'ok' })).toEqual({ data: { w: 'ok' } });
    expect(check(odd, { w: 'x' })).toEqual({ errors: { w: 'list' } });
  });

  it('reports one error per field, the type before the regex', () => {
    const fields = [
      field('d', { type: 'date', regex: '2024-.*' }),
      field('l', { type: 'list', regex: 'p.*', values: [{ label: '', value: 'xx' }] }),
    ];
    expect(check(fields, { d: '2023-02-30', l: 'zz' })).toEqual({ errors: { d: 'date', l: 'list' } });
    expect(check(fields, { d: '2023-02-28', l: 'xx' })).toEqual({ errors: { d: 'pattern', l: 'pattern' } });
  });

  it('treats unknown types as text', () => {
    const fields = [field('amount', { type: 'number', regex: '\\d+' }), field('x', { type: 'signature' })];
    expect(check(fields, { amount: '42', x: 'anything' })).toEqual({ data: { amount: '42', x: 'anything' } });
    expect(check(fields, { amount: 'forty', x: '' })).toEqual({ errors: { amount: 'pattern', x: 'required' } });
  });

  it('messages are error keys, on the path of the field', () => {
    const result = buildFieldsSchema([field('a'), field('b', { regex: '\\d' })]).safeParse({ b: 'x' });
    expect(result.success).toBe(false);
    for (const issue of result.error?.issues ?? []) {
      expect(FIELD_ERROR_KEYS).toContain(issue.message as FieldErrorKey);
      expect(issue.path).toHaveLength(1);
    }
  });

  it('strips extra keys', () => {
    expect(check([field('login')], { login: 'jean', extra: 'x', password: 'y' })).toEqual({ data: { login: 'jean' } });
  });

  it('keeps the first of two fields with the same name', () => {
    const fields = [field('login', { regex: '\\d+' }), field('login', { required: false, regex: null })];
    expect(check(fields, { login: '' })).toEqual({ errors: { login: 'required' } });
    expect(check(fields, { login: 'abc' })).toEqual({ errors: { login: 'pattern' } });
  });

  it('handles hostile names without touching any prototype', () => {
    const fields = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', '', 'a.b'].map((n) =>
      field(n),
    );
    const schema = buildFieldsSchema(fields);
    expect(Object.keys(schema.shape)).toEqual(['constructor', 'toString', 'hasOwnProperty', 'valueOf', '', 'a.b']);
    // Inherited members of the values object are not values.
    expect(check(fields, {}).errors).toEqual({
      constructor: 'required',
      toString: 'required',
      hasOwnProperty: 'required',
      valueOf: 'required',
      '': 'required',
      'a.b': 'required',
    });
    const values = JSON.parse(
      '{"__proto__": {"polluted": "yes"}, "constructor": "c", "toString": "t", "hasOwnProperty": "h", "valueOf": "v", "": "e", "a.b": "ab"}',
    );
    const result = schema.safeParse(values);
    expect(result.success).toBe(true);
    expect(result.data).toEqual({
      constructor: 'c',
      toString: 't',
      hasOwnProperty: 'h',
      valueOf: 'v',
      '': 'e',
      'a.b': 'ab',
    });
    expect(Object.getPrototypeOf(result.data)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('never throws while building, whatever the list', () => {
    const lists: unknown[] = [
      null,
      undefined,
      'fields',
      {},
      [null, undefined, 1, 'x', [], {}, { name: 5 }, { name: null }],
      [{ name: 'a', type: 5, required: 'yes', regex: 7, values: 'x' }],
      [
        { name: 'b', regex: '(' },
        { name: 'c', regex: 'x'.repeat(5000) },
      ],
    ];
    for (const list of lists) expect(() => buildFieldsSchema(list as never).safeParse({ a: 'x' })).not.toThrow();
    expect(() => buildFieldsSchema(null).parse({})).not.toThrow();
  });

  it('takes a pattern compiler, and survives one that throws', () => {
    const compilePattern = vi.fn((source: string) => ({ source, test: (v: string) => v === 'ok' }));
    const schema = buildFieldsSchema([field('a', { regex: 'anything' })], { compilePattern });
    expect(compilePattern).toHaveBeenCalledWith('anything');
    expect(schema.safeParse({ a: 'ok' }).success).toBe(true);
    expect(schema.safeParse({ a: 'ko' }).success).toBe(false);
    const throwing = () => {
      throw new Error('boom');
    };
    expect(
      buildFieldsSchema([field('a', { regex: 'x' })], { compilePattern: throwing }).safeParse({ a: 'y' }).success,
    ).toBe(true);
  });
});

describe('buildFieldsSchema properties', () => {
  const name = fc.oneof(
    fc.constantFrom('__proto__', 'constructor', 'toString', 'valueOf', 'login', 'password', ''),
    fc.string({ maxLength: 8 }),
  );
  const nullable = <T>(arb: fc.Arbitrary<T>) => fc.oneof(arb, fc.constant(null), fc.constant(undefined));
  const fieldArb = fc.record(
    {
      name: fc.oneof(name, fc.integer() as fc.Arbitrary<unknown>),
      type: fc.oneof(fc.constantFrom('text', 'password', 'date', 'list', 'number'), fc.string()),
      required: nullable(fc.boolean()),
      regex: nullable(
        fc.oneof(fc.constantFrom('\\d{6}', '(a+)+$', '(', '[[:alpha:]]+', '.*'), fc.string({ maxLength: 12 })),
      ),
      values: nullable(
        fc.array(fc.oneof(fc.record({ label: fc.string(), value: fc.string() }), fc.anything()), { maxLength: 3 }),
      ),
    },
    { requiredKeys: [] },
  );
  const valuesArb = fc.dictionary(name, fc.oneof(fc.string({ maxLength: 20 }), fc.anything()));

  it('never throws building or parsing, and reports only error keys', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fieldArb, fc.anything()), { maxLength: 8 }), valuesArb, (fields, values) => {
        const schema = buildFieldsSchema(fields as ConnectorField[]);
        const result = schema.safeParse(values);
        if (!result.success) {
          for (const issue of result.error.issues) expect(FIELD_ERROR_KEYS).toContain(issue.message as FieldErrorKey);
        } else {
          for (const value of Object.values(result.data)) expect(typeof value).toBe('string');
        }
        // A required field with no value always fails.
        const empty = schema.safeParse({});
        const first = (fields as Partial<ConnectorField>[]).find(
          (f) => f !== null && typeof f === 'object' && typeof f.name === 'string' && f.name !== '__proto__',
        );
        if (first?.required === true) expect(empty.success).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});

describe('buildFieldsSchema: field values that fail validation', () => {
  it('are not copied into the validation error', () => {
    const secret = 'not-6-digits:Pa55w0rd!';
    const schema = buildFieldsSchema([
      { name: 'password', type: 'password', label: 'Code secret', required: true, regex: '^\\d{6}$' },
      { name: 'pin', type: 'password', label: 'PIN', required: true, regex: '(a+)+$' },
      { name: 'birthday', type: 'date', label: 'Date', required: true },
    ]);
    const result = schema.safeParse({ password: secret, pin: `${secret}!`, birthday: `${secret}-date` });
    expect(result.success).toBe(false);
    expect(errorText(result.error)).not.toContain(secret);
    expect(JSON.stringify(result.error?.issues)).not.toContain(secret);
  });
});
