import type { ConnectorField } from '@connector-kit/core';
import type { ReactNode } from 'react';
import { cx } from '../class-names.ts';
import type { FormMessages } from '../i18n/form.ts';
import type { ConnectorFormClassNames } from './class-names.ts';

/** What every field input gets from the form. */
export interface FieldInputBaseProps {
  /** The control's id; the label, error and hints use it as their base. */
  id: string;
  field: ConnectorField;
  /** The react-hook-form name of the field. */
  name: string;
  /** The field's `label`, or its `name` when the label is empty. */
  label: string;
  required: boolean;
  /** Shows the prefilled value without letting the user change it. */
  readOnly: boolean;
  /** The localized error, when the field is invalid. */
  error: string | undefined;
  messages: FormMessages;
  classNames: ConnectorFormClassNames;
}

export const errorIdOf = (id: string) => `${id}-error`;

/** The ids an invalid control is described by: its error first, then any hints. */
export function describedBy(id: string, error: string | undefined, ...hints: (string | false | null | undefined)[]) {
  const ids = [error ? errorIdOf(id) : null, ...hints].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

/** The aria state every control shares: required, invalid, described by its error. */
export function controlAria(input: FieldInputBaseProps, ...hints: (string | false | null | undefined)[]) {
  return {
    'aria-required': input.required || undefined,
    'aria-invalid': input.error ? true : undefined,
    'aria-describedby': describedBy(input.id, input.error, ...hints),
  } as const;
}

/**
 * The field's label: its text, then its required mark (`*`, hidden from assistive technology: the control says it) or
 * "optional". A `<label>` for the control by default; for a group of controls, a `<span>` with `groupLabelId` for the
 * group's `aria-labelledby`.
 */
export function FieldLabel({ input, groupLabelId }: { input: FieldInputBaseProps; groupLabelId?: string }) {
  const { id, label, required, messages, classNames } = input;
  const className = cx('ck-form__label', classNames.label);
  const text = (
    <>
      {label}
      {required ? (
        <span className="ck-form__required" aria-hidden="true" title={messages.requiredMark}>
          {' *'}
        </span>
      ) : (
        <span className="ck-form__optional"> ({messages.optional})</span>
      )}
    </>
  );
  return groupLabelId ? (
    <span id={groupLabelId} className={className}>
      {text}
    </span>
  ) : (
    <label htmlFor={id} className={className}>
      {text}
    </label>
  );
}

function ErrorIcon() {
  return (
    <svg
      aria-hidden="true"
      focusable="false"
      viewBox="0 0 16 16"
      width="16"
      height="16"
      className="ck-form__error-icon"
    >
      <circle cx="8" cy="8" r="7" fill="currentColor" />
      <path d="M8 4.2v4.6" stroke="var(--ck-c-bg)" strokeWidth="1.8" strokeLinecap="round" />
      <circle cx="8" cy="11.4" r="1" fill="var(--ck-c-bg)" />
    </svg>
  );
}

/**
 * The field's error. The region is always there and polite, so that an error appearing after the user leaves the
 * field is read out; the control points at it with `aria-describedby` only while there is an error.
 */
export function FieldError({ id, error, classNames }: Pick<FieldInputBaseProps, 'id' | 'error' | 'classNames'>) {
  return (
    <div id={errorIdOf(id)} className={cx('ck-form__error', classNames.error)} aria-live="polite">
      {error ? (
        <>
          <ErrorIcon />
          <span>{error}</span>
        </>
      ) : null}
    </div>
  );
}

/** The box of one field: label, control, hints and error. */
export function FieldBox({ input, kind, children }: { input: FieldInputBaseProps; kind: string; children: ReactNode }) {
  return (
    <div
      className={cx('ck-form__field', input.classNames.field)}
      data-kind={kind}
      data-invalid={input.error ? '' : undefined}
      data-readonly={input.readOnly ? '' : undefined}
    >
      {children}
      <FieldError id={input.id} error={input.error} classNames={input.classNames} />
    </div>
  );
}
