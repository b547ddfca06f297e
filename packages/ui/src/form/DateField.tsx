import type { UseFormRegisterReturn } from 'react-hook-form';
import { cx } from '../class-names.ts';
import { controlAria, FieldBox, type FieldInputBaseProps, LabelText } from './FieldShell.tsx';

export interface DateFieldProps extends FieldInputBaseProps {
  registration: UseFormRegisterReturn;
}

/**
 * A `date` field: the browser's own date input, shown in the user's locale with its picker, whose value is always
 * `yyyy-mm-dd` (empty while incomplete), which is what the API wants.
 */
export function DateField(props: DateFieldProps) {
  const { id, name, label, required, readOnly, messages, classNames, registration } = props;
  return (
    <FieldBox props={props} kind="date">
      <label htmlFor={id} className={cx('ck-form__label', classNames.label)}>
        <LabelText label={label} required={required} messages={messages} />
      </label>
      <input
        {...registration}
        id={id}
        name={name}
        type="date"
        className={cx('ck-form__input', 'ck-form__input--date', classNames.input)}
        readOnly={readOnly}
        autoComplete="off"
        {...controlAria(props)}
      />
    </FieldBox>
  );
}
