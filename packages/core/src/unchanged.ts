/**
 * A quick test of whether a zod schema would return a value as it is: then the value needs no parse.
 *
 * The schemas of this package repair what they can (a wrong-typed key becomes `undefined`, a missing label `''`), so
 * parsing copies every object of a response. Most responses need no repair at all: checking them without copying
 * costs a fraction of the parse, and the parse runs only for a response that needs it (or that this test does not
 * understand). The test is compiled once per schema from the schema's definition.
 */
import type * as z from 'zod';

type Test = (value: unknown) => boolean;

interface Definition {
  type: string;
  innerType?: z.ZodType;
  element?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  catchall?: z.ZodType;
  checks?: readonly { _zod: { def: { check: string; minimum?: unknown; fn?: unknown } } }[];
}

const definitionOf = (schema: z.ZodType) => schema._zod.def as unknown as Definition;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The checks a schema adds (`.min(1)`, `.refine(...)`), or `null` when one of them is of a kind not handled here. */
function checksOf(definition: Definition): Test | null {
  const tests: Test[] = [];
  for (const check of definition.checks ?? []) {
    const { check: kind, minimum, fn } = check._zod.def;
    if (kind === 'min_length' && typeof minimum === 'number') {
      tests.push((value) => (value as { length: number }).length >= minimum);
    } else if (kind === 'custom' && typeof fn === 'function') {
      tests.push((value) => fn(value) === true);
    } else {
      return null;
    }
  }
  return tests.length === 0 ? () => true : (value) => tests.every((test) => test(value));
}

function compile(schema: z.ZodType): Test | null {
  const definition = definitionOf(schema);
  const checks = checksOf(definition);
  if (checks === null) return null;
  const inner = definition.innerType && compile(definition.innerType);
  switch (definition.type) {
    case 'string':
      return (value) => typeof value === 'string' && checks(value);
    case 'number':
      return (value) => typeof value === 'number' && Number.isFinite(value) && checks(value);
    case 'boolean':
      return (value) => typeof value === 'boolean';
    case 'unknown':
      return () => true;
    // A value the inner schema accepts as it is passes `.catch()` and `.optional()` / `.nullable()` unchanged too.
    case 'catch':
      return inner ?? null;
    case 'optional':
      return inner ? (value) => value === undefined || inner(value) : null;
    case 'nullable':
      return inner ? (value) => value === null || inner(value) : null;
    case 'array': {
      const element = definition.element && compile(definition.element);
      if (!element) return null;
      return (value) => {
        if (!Array.isArray(value)) return false;
        for (let i = 0; i < value.length; i++) if (!element(value[i])) return false;
        return checks(value);
      };
    }
    case 'object': {
      // Only objects that keep unknown keys return their input's keys unchanged.
      if (!definition.shape || !definition.catchall || definitionOf(definition.catchall).type !== 'unknown')
        return null;
      const keys = Object.keys(definition.shape);
      const tests: Test[] = [];
      for (const key of keys) {
        const test = compile(definition.shape[key] as z.ZodType);
        if (!test) return null;
        tests.push(test);
      }
      return (value) => {
        if (!isRecord(value)) return false;
        for (let i = 0; i < keys.length; i++) if (!(tests[i] as Test)(value[keys[i] as string])) return false;
        return checks(value);
      };
    }
    default:
      return null;
  }
}

const compiled = new WeakMap<z.ZodType, Test | null>();

/**
 * Whether `schema` would return `value` itself, unchanged. `false` means "parse it": the value may be invalid, need a
 * repair, or use a schema feature this test does not know.
 */
export function passesUnchanged(schema: z.ZodType, value: unknown): boolean {
  let test = compiled.get(schema);
  if (test === undefined) {
    test = compile(schema);
    compiled.set(schema, test);
  }
  return test?.(value) === true;
}
