import { type FocusEvent, type KeyboardEvent, useState } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { cx } from '../class-names.ts';
import { controlAria, FieldBox, type FieldInputBaseProps, LabelText } from './FieldShell.tsx';

export interface PasswordFieldProps extends FieldInputBaseProps {
  registration: UseFormRegisterReturn;
}

function EyeIcon({ crossed }: { crossed: boolean }) {
  return (
    <svg aria-hidden="true" focusable="false" viewBox="0 0 24 24" width="20" height="20">
      <path
        d="M2 12s3.6-7 10-7 10 7 10 7-3.6 7-10 7S2 12 2 12z"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinejoin="round"
      />
      <circle cx="12" cy="12" r="3" fill="none" stroke="currentColor" strokeWidth="2" />
      {crossed ? <path d="M4 20L20 4" stroke="currentColor" strokeWidth="2" strokeLinecap="round" /> : null}
    </svg>
  );
}

/**
 * A `password` field. The value is masked, and lives only in the input and the form state: it is never rendered as
 * text nor written to an attribute (the input is not controlled by React, so even its `value` attribute stays empty).
 * A toggle shows it (its name stays "Show password", `aria-pressed` tells its state); a hint says when Caps Lock is
 * on while typing. `autocomplete="current-password"` lets password managers fill it.
 */
export function PasswordField(props: PasswordFieldProps) {
  const { id, name, label, required, readOnly, messages, classNames, registration } = props;
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
    <FieldBox props={props} kind="password">
      <label htmlFor={id} className={cx('ck-form__label', classNames.label)}>
        <LabelText label={label} required={required} messages={messages} />
      </label>
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
          <EyeIcon crossed={visible} />
        </button>
      </div>
      <div id={capsId} className="ck-form__hint ck-form__caps" aria-live="polite">
        {capsLock ? messages.capsLock : null}
      </div>
    </FieldBox>
  );
}
