import { type FormEvent, useId, useState } from 'react';
import type { AdminMessages } from './messages.tsx';
import { isUuid } from './rows.ts';

const EXAMPLE_UUID = '338178e6-3d01-564f-9a7b-52ca442459bf';

/** The form that adds a connector to the table by UUID: a hidden connector can be read, not listed. */
export function LookupForm({ onLookup, messages }: { onLookup: (uuid: string) => void; messages: AdminMessages }) {
  const id = useId();
  const [value, setValue] = useState('');
  const [invalid, setInvalid] = useState(false);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!isUuid(value)) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    onLookup(value.trim());
    setValue('');
  };
  return (
    <form className="demo-lookup" onSubmit={onSubmit} noValidate>
      <div className="demo-field">
        <label htmlFor={`${id}-uuid`}>{messages.lookupLabel}</label>
        <input
          id={`${id}-uuid`}
          className="demo-input demo-input--mono"
          value={value}
          onChange={(event) => setValue(event.target.value)}
          aria-invalid={invalid || undefined}
          aria-describedby={invalid ? `${id}-error` : `${id}-hint`}
          spellCheck={false}
          autoComplete="off"
        />
        {invalid ? (
          <p id={`${id}-error`} className="demo-field__error">
            {messages.lookupInvalid(EXAMPLE_UUID)}
          </p>
        ) : (
          <p id={`${id}-hint`} className="demo-field__hint">
            {messages.lookupHint}
          </p>
        )}
      </div>
      <button type="submit" className="ck-button ck-button--secondary">
        {messages.lookup}
      </button>
    </form>
  );
}
