import type { FieldsSchema } from '@connector-kit/core';
import type { FieldErrors, Resolver } from 'react-hook-form';
import type { ConnectorFormValues } from './use-connector-form.ts';

/**
 * The react-hook-form resolver of a connector form: validates the values with the zod schema of its fields
 * (`buildFieldsSchema`, keyed by `connectorFieldKey`).
 *
 * - Valid: the parsed values (keys not in the schema stripped) and no errors.
 * - Invalid: no values, and for each invalid field its first issue as `{ type, message, ref }`: `type` is the zod
 *   issue code, `message` the error key (`required`, `pattern`, `date`, `list`), `ref` the field's element when it
 *   is registered, as react-hook-form's own validation gives it.
 *
 * Field keys are flat names (no dots or brackets), so errors are not nested. The form keeps react-hook-form's
 * default `criteriaMode: 'firstError'`: there is at most one issue per field anyway. The schema is synchronous.
 */
export function fieldsResolver(schema: FieldsSchema): Resolver<ConnectorFormValues> {
  return (values, _context, { fields }) => {
    const result = schema.safeParse(values);
    if (result.success) return { values: result.data, errors: {} };
    const errors: FieldErrors<ConnectorFormValues> = {};
    for (const { path, code, message } of result.error.issues) {
      const key = String(path[0]);
      const field = fields[key];
      errors[key] ??= { type: code, message, ...(field && { ref: field.refs?.[0] ?? field.ref }) };
    }
    return { values: {}, errors };
  };
}
