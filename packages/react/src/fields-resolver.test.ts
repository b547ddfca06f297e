import { buildFieldsSchema } from '@connector-kit/core';
import type { Field, ResolverOptions } from 'react-hook-form';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { fieldsResolver } from './fields-resolver.ts';
import { textField as field } from './test/fixtures.ts';
import type { ConnectorFormValues } from './use-connector-form.ts';

const schema = buildFieldsSchema([
  field('login'),
  field('pin', { regex: '^\\d{4}$' }),
  field('birthday', { type: 'date', required: false }),
]);

function options(fields: ResolverOptions<ConnectorFormValues>['fields'] = {}): ResolverOptions<ConnectorFormValues> {
  return { fields, shouldUseNativeValidation: undefined };
}

const resolve = (values: ConnectorFormValues, fields?: ResolverOptions<ConnectorFormValues>['fields']) =>
  fieldsResolver(schema)(values, undefined, options(fields));

describe('fieldsResolver', () => {
  it('hands over the values when they are valid, without the keys the schema does not know', async () => {
    expect(await resolve({ login: 'ada', pin: '1234', birthday: '', extra: 'dropped' })).toEqual({
      values: { login: 'ada', pin: '1234', birthday: '' },
      errors: {},
    });
  });

  it('reports a required field left empty with the `required` key', async () => {
    const { values, errors } = await resolve({ login: '  ', pin: '1234', birthday: '' });
    expect(values).toEqual({});
    expect(errors).toEqual({ login: { type: 'custom', message: 'required' } });
  });

  it('reports each invalid field with its own key: `pattern`, `date`', async () => {
    const { errors } = await resolve({ login: 'ada', pin: '12a4', birthday: '2023-02-29' });
    expect(errors).toEqual({
      pin: { type: 'custom', message: 'pattern' },
      birthday: { type: 'custom', message: 'date' },
    });
  });

  it('keeps the first issue of a field when it has several', async () => {
    const strict = z.object({ code: z.string().min(3, 'short').regex(/^\d+$/, 'digits') });
    const { errors } = await fieldsResolver(strict)({ code: 'x' }, undefined, options());
    expect(errors).toEqual({ code: { type: 'too_small', message: 'short' } });
  });

  it('points each error at the registered element of its field', async () => {
    const input = document.createElement('input');
    const registered = { login: { name: 'login', ref: input, mount: true } satisfies Field['_f'] };
    const { errors } = await resolve({ login: '', pin: 'x', birthday: '' }, registered);
    expect(errors.login?.ref).toBe(input);
    expect(errors.pin).not.toHaveProperty('ref');
  });
});
