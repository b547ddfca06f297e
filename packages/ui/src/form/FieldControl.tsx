import type { ConnectorField } from '@connector-kit/core';
import type { ConnectorFormValues } from '@connector-kit/react';
import { Controller, type FieldErrors, type UseFormReturn, useFormState } from 'react-hook-form';
import type { FormMessages } from '../i18n/form.ts';
import type { ConnectorFormClassNames } from './class-names.ts';

import type { FieldInputBaseProps } from './FieldShell.tsx';
import { fieldKind, textAutoComplete, textInputMode } from './field-kind.ts';
import { ListField, listOptions } from './ListField.tsx';
import { PasswordField } from './PasswordField.tsx';
import { DateField, TextField } from './TextField.tsx';

/**
 * The localized error of a field, from react-hook-form's errors: its key (`required`, `pattern`...) looked up, any
 * other message as it is.
 */
export function errorText(errors: FieldErrors, name: string, messages: FormMessages): string | undefined {
  const message = Object.hasOwn(errors, name) ? errors[name]?.message : undefined;
  if (typeof message !== 'string') return undefined;
  const known = messages.fieldErrors as Record<string, string>;
  return Object.hasOwn(known, message) ? known[message] : message || messages.fieldErrors.pattern;
}

/** The text a field is labelled with: its `label`, else its `name`. */
export const fieldLabel = (field: ConnectorField) => (field.label?.trim() ? field.label : field.name);

export interface FieldControlProps {
  field: ConnectorField;
  /** The other fields of the step (the login is found next to the password). */
  stepFields: readonly ConnectorField[];
  /** The react-hook-form name of the field. */
  name: string;
  id: string;
  form: UseFormReturn<ConnectorFormValues>;
  readOnly: boolean;
  messages: FormMessages;
  classNames: ConnectorFormClassNames;
  dir: 'ltr' | 'rtl';
  portalContainer?: HTMLElement | null | undefined;
}

/**
 * Maps a connector field to its input and binds it to react-hook-form: text, password and date inputs are registered
 * (uncontrolled: a typed secret is never rendered back by React), lists go through a `Controller`.
 */
export function FieldControl({
  field,
  stepFields,
  name,
  id,
  form,
  readOnly,
  messages,
  classNames,
  dir,
  portalContainer,
}: FieldControlProps) {
  const { errors } = useFormState({ control: form.control, name, exact: true });
  const error = errorText(errors, name, messages);
  const base: FieldInputBaseProps = {
    id,
    field,
    name,
    label: fieldLabel(field),
    required: field.required === true,
    readOnly,
    error,
    messages,
    classNames,
  };
  const kind = fieldKind(field);
  if (kind === 'list') {
    return (
      <Controller
        control={form.control}
        name={name}
        render={({ field: bound }) => (
          <ListField
            {...base}
            options={listOptions(field.values)}
            value={typeof bound.value === 'string' ? bound.value : ''}
            onChange={bound.onChange}
            onBlur={bound.onBlur}
            inputRef={bound.ref}
            dir={dir}
            portalContainer={portalContainer}
          />
        )}
      />
    );
  }
  const registration = form.register(name);
  if (kind === 'password') return <PasswordField {...base} registration={registration} />;
  if (kind === 'date') return <DateField {...base} registration={registration} />;
  return (
    <TextField
      {...base}
      registration={registration}
      autoComplete={textAutoComplete(field, stepFields)}
      inputMode={textInputMode(field)}
    />
  );
}
