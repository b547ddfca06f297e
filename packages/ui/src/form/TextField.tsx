import type { HTMLAttributes } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { cx } from '../class-names.ts';
import { controlAria, FieldBox, type FieldInputBaseProps, LabelText } from './FieldShell.tsx';

export interface TextFieldProps extends FieldInputBaseProps {
  registration: UseFormRegisterReturn;
  /** `username` for the login, `off` for the rest by default. */
  autoComplete?: string | undefined;
  inputMode?: HTMLAttributes<HTMLInputElement>['inputMode'] | undefined;
}

/**
 * A text field: the `text` type and every type this library does not know (`number`, `email`, `otp`...), with the
 * keyboard hint that suits the known ones. Identifiers are typed as they are: no spell check, no capitalization.
 */
export function TextField(props: TextFieldProps) {
  const { id, name, label, required, readOnly, messages, classNames, registration, autoComplete, inputMode } = props;
  return (
    <FieldBox props={props} kind="text">
      <label htmlFor={id} className={cx('ck-form__label', classNames.label)}>
        <LabelText label={label} required={required} messages={messages} />
      </label>
      <input
        {...registration}
        id={id}
        name={name}
        type="text"
        className={cx('ck-form__input', classNames.input)}
        readOnly={readOnly}
        autoComplete={autoComplete ?? 'off'}
        inputMode={inputMode}
        spellCheck={false}
        autoCapitalize="off"
        autoCorrect="off"
        {...controlAria(props)}
      />
    </FieldBox>
  );
}
