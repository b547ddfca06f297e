/**
 * A zod schema of a connector form's values, keyed by field `name`.
 *
 * - Every value is a string; a missing or non-string value counts as empty. Keys not in the field list are stripped.
 * - Empty (after trimming, except `password` values, which are taken as typed): a required field fails with
 *   `required`; an optional one passes, and nothing else is checked.
 * - `date`: an ISO `yyyy-mm-dd` that is a real calendar date, else `date`. `list`: one of its `values[].value`, else
 *   `list` (a field with no values accepts any string). Other types, known or not, are text.
 * - `regex`: compiled with `compileFieldPattern`, checked synchronously, else `pattern`. A pattern that cannot be
 *   honoured is not checked (the server validates again).
 * - Values are never transformed: what passes is sent as typed.
 * Messages are keys for the UI to localize (`FIELD_ERROR_KEYS`), one per field, in the order above.
 * Building never throws. Of two fields with the same name the first wins. A field named `__proto__` is left out: zod
 * object schemas never read nor write that key, so its value is left to the server.
 */
import * as z from 'zod';
import type { ConnectorField, ConnectorPaymentField } from '../schemas.ts';
import { compileFieldPattern, type FieldPattern } from './pattern.ts';

export const FIELD_ERROR_KEYS = ['required', 'pattern', 'date', 'list'] as const;
export type FieldErrorKey = (typeof FIELD_ERROR_KEYS)[number];

export interface BuildFieldsSchemaOptions {
  /** Compiles a field regex; default `compileFieldPattern`. */
  compilePattern?: ((pattern: string) => FieldPattern | null) | undefined;
}

export type FieldsSchema = z.ZodObject<Record<string, z.ZodType<string, unknown>>>;

/**
 * Whether `v` is `yyyy-mm-dd` and a real date of the proleptic Gregorian calendar: `Date` reads it as that day (an
 * impossible day such as 02-30 is either unreadable or read as another day).
 */
const isIsoDate = (v: string) => {
  const time = Date.parse(v);
  return /^\d{4}-\d\d-\d\d$/.test(v) && !Number.isNaN(time) && new Date(time).toISOString().startsWith(v);
};

export function buildFieldsSchema(
  fields: readonly (ConnectorField | ConnectorPaymentField)[] | null | undefined,
  options?: BuildFieldsSchemaOptions | null,
): FieldsSchema {
  const compile = options?.compilePattern ?? compileFieldPattern;
  const shape: Record<string, z.ZodType<string, unknown>> = Object.create(null);
  for (const f of Array.isArray(fields) ? (fields as unknown[]) : []) {
    const { name, type, required, regex, values } = (f ?? {}) as Partial<ConnectorField>;
    if (typeof name !== 'string' || name in shape || name === '__proto__') continue;
    let pattern: FieldPattern | null = null;
    try {
      pattern = typeof regex === 'string' ? compile(regex) : null;
    } catch {}
    const choices = (Array.isArray(values) ? (values as unknown[]) : []).flatMap((v) => {
      const value = (v as { value?: unknown } | null)?.value;
      return typeof value === 'string' ? [value] : [];
    });
    const check = (v: string): FieldErrorKey | undefined => {
      if (type === 'password' ? !v : !v.trim()) return required === true ? 'required' : undefined;
      if (type === 'date' && !isIsoDate(v)) return 'date';
      if (type === 'list' && choices.length && !choices.includes(v)) return 'list';
      if (pattern && !pattern.test(v)) return 'pattern';
    };
    shape[name] = z
      .string()
      .catch('')
      .superRefine((v, ctx) => {
        const message = check(v);
        if (message) ctx.addIssue({ code: 'custom', message });
      });
  }
  return z.object(shape);
}
