import type { HTMLAttributes } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { cx } from '../class-names.ts';
import { controlAria, FieldBox, type FieldInputBaseProps, FieldLabel } from './FieldShell.tsx';

export interface TextFieldProps extends FieldInputBaseProps {
  registration: UseFormRegisterReturn;
  /** `username` for the login, `off` for the rest by default. */
  autoComplete?: string | undefined;
  inputMode?: HTMLAttributes<HTMLInputElement>['inputMode'] | undefined;
}

export interface DateFieldProps extends FieldInputBaseProps {
  registration: UseFormRegisterReturn;
}

function Field(props: TextFieldProps & { type: 'text' | 'date' }) {
  const { id, name, readOnly, classNames, registration, autoComplete, inputMode, type } = props;
  return (
    <FieldBox input={props} kind={type}>
      <FieldLabel input={props} />
      <input
        {...registration}
        id={id}
        name={name}
        type={type}
        className={cx('ck-form__input', type === 'date' && 'ck-form__input--date', classNames.input)}
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

/**
 * A text field: the `text` type and every type this library does not know (`number`, `email`, `otp`...), with the
 * keyboard hint that suits the known ones. Identifiers are typed as they are: no spell check, no capitalization.
 */
export function TextField(props: TextFieldProps) {
  return <Field {...props} type="text" />;
}

/**
 * A `date` field: the browser's own date input, shown in the user's locale with its picker, whose value is always
 * `yyyy-mm-dd` (empty while incomplete), which is what the API wants.
 */
export function DateField(props: DateFieldProps) {
  return <Field {...props} type="date" />;
}
