import { type FocusEvent, type KeyboardEvent, useState } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { cx } from '../class-names.ts';
import { EyeIcon } from '../icons.tsx';
import { controlAria, FieldBox, type FieldInputBaseProps, FieldLabel } from './FieldShell.tsx';

export interface PasswordFieldProps extends FieldInputBaseProps {
  registration: UseFormRegisterReturn;
}

/**
 * A `password` field. The value is masked, and lives only in the input and the form state: it is never rendered as
 * text nor written to an attribute (the input is not controlled by React, so even its `value` attribute stays empty).
 * A toggle shows it (its name stays "Show password", `aria-pressed` tells its state); a hint says when Caps Lock is
 * on while typing. `autocomplete="current-password"` lets password managers fill it.
 */
export function PasswordField(props: PasswordFieldProps) {
  const { id, name, readOnly, messages, classNames, registration } = props;
  const [visible, setVisible] = useState(false);
  const [capsLock, setCapsLock] = useState(false);
  const capsId = `${id}-caps`;
  const readCapsLock = (event: KeyboardEvent<HTMLInputElement>) => {
    setCapsLock(event.getModifierState?.('CapsLock') === true);
  };
  const onBlur = (event: FocusEvent<HTMLInputElement>) => {
    setCapsLock(false);
    return registration.onBlur(event);
  };
  return (
    <FieldBox input={props} kind="password">
      <FieldLabel input={props} />
      <div className="ck-form__password">
        <input
          {...registration}
          onBlur={onBlur}
          id={id}
          name={name}
          type={visible ? 'text' : 'password'}
          className={cx('ck-form__input', classNames.input)}
          readOnly={readOnly}
          autoComplete="current-password"
          spellCheck={false}
          autoCapitalize="off"
          autoCorrect="off"
          onKeyDown={readCapsLock}
          onKeyUp={readCapsLock}
          {...controlAria(props, capsLock && capsId)}
        />
        <button
          type="button"
          className="ck-form__toggle"
          aria-label={messages.showPassword}
          aria-pressed={visible}
          aria-controls={id}
          onClick={() => setVisible((v) => !v)}
        >
          <EyeIcon size={20} crossed={visible} />
        </button>
      </div>
      <div id={capsId} className="ck-form__hint ck-form__caps" aria-live="polite">
        {capsLock ? messages.capsLock : null}
      </div>
    </FieldBox>
  );
}
