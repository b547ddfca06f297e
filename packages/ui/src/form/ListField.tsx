import * as Select from '@radix-ui/react-select';
import { type FocusEvent, type RefCallback, useRef } from 'react';
import { cx } from '../class-names.ts';
import { CheckIcon, ChevronIcon } from '../icons.tsx';
import { controlAria, FieldBox, type FieldInputBaseProps, FieldLabel } from './FieldShell.tsx';

/** One choice of a `list` field. */
export interface ListOption {
  value: string;
  label: string;
}

/** At most this many choices are shown as radio buttons; more go in a select. */
export const MAX_RADIO_OPTIONS = 3;

/** The choices of a `list` field: entries with a non-empty string value, labelled by their value when unlabelled. */
export function listOptions(values: unknown): ListOption[] {
  const seen = new Set<string>();
  const options: ListOption[] = [];
  for (const entry of Array.isArray(values) ? (values as unknown[]) : []) {
    const { value, label } = (entry ?? {}) as { value?: unknown; label?: unknown };
    if (typeof value !== 'string' || value === '' || seen.has(value)) continue;
    seen.add(value);
    options.push({ value, label: typeof label === 'string' && label.trim() ? label : value });
  }
  return options;
}

export interface ListFieldProps extends FieldInputBaseProps {
  options: readonly ListOption[];
  value: string;
  onChange: (value: string) => void;
  /** Called when focus leaves the field. */
  onBlur: () => void;
  /** Receives something with a `focus()` method, for react-hook-form to focus the field. */
  inputRef: RefCallback<{ focus: () => void }>;
  dir: 'ltr' | 'rtl';
  /** Where the open select's list is rendered (inside the themed root, so that it inherits the theme). */
  portalContainer?: HTMLElement | null | undefined;
}

function RadioList(props: ListFieldProps) {
  const { id, name, classNames, options, value, onChange, onBlur, inputRef } = props;
  const legendId = `${id}-label`;
  const radios = useRef<(HTMLInputElement | null)[]>([]);
  const focusTarget = () => radios.current.find((r) => r?.checked) ?? radios.current.find(Boolean);
  const setGroupRef = (element: HTMLElement | null) => {
    if (element) inputRef({ focus: () => focusTarget()?.focus() });
  };
  const onGroupBlur = (event: FocusEvent<HTMLDivElement>) => {
    if (!event.currentTarget.contains(event.relatedTarget as Node | null)) onBlur();
  };
  return (
    <FieldBox input={props} kind="radio">
      {/* The group carries the field's state (required, invalid, its error); its label names it. */}
      <div
        ref={setGroupRef}
        id={id}
        role="radiogroup"
        aria-labelledby={legendId}
        className="ck-form__group"
        onBlur={onGroupBlur}
        {...controlAria(props)}
      >
        <FieldLabel input={props} groupLabelId={legendId} />
        <div className="ck-form__radios">
          {options.map((option, index) => (
            <label key={option.value} className="ck-form__radio">
              <input
                ref={(element) => {
                  radios.current[index] = element;
                }}
                type="radio"
                name={name}
                value={option.value}
                checked={value === option.value}
                onChange={() => onChange(option.value)}
                className={cx('ck-form__radio-input', classNames.input)}
              />
              <span>{option.label}</span>
            </label>
          ))}
        </div>
      </div>
    </FieldBox>
  );
}

function SelectList(props: ListFieldProps) {
  const { id, messages, classNames, options, value, onChange, onBlur, inputRef, dir } = props;
  const open = useRef(false);
  const known = options.some((option) => option.value === value);
  return (
    <FieldBox input={props} kind="select">
      <FieldLabel input={props} />
      <Select.Root
        value={known ? value : ''}
        onValueChange={onChange}
        onOpenChange={(next) => {
          open.current = next;
        }}
        dir={dir}
      >
        <Select.Trigger
          ref={inputRef}
          id={id}
          className={cx('ck-form__input', 'ck-form__select', classNames.input)}
          // Opening the list moves focus into it: that is not leaving the field.
          onBlur={() => {
            if (!open.current) onBlur();
          }}
          {...controlAria(props)}
        >
          <Select.Value placeholder={messages.selectPlaceholder} />
          <Select.Icon className="ck-form__select-icon">
            <ChevronIcon size={16} />
          </Select.Icon>
        </Select.Trigger>
        <Select.Portal container={props.portalContainer ?? undefined}>
          <Select.Content className="ck-form__select-content" position="popper" sideOffset={4} dir={dir}>
            <Select.Viewport className="ck-form__select-viewport">
              {options.map((option) => (
                <Select.Item key={option.value} value={option.value} className="ck-form__option">
                  <Select.ItemText>{option.label}</Select.ItemText>
                  <Select.ItemIndicator className="ck-form__option-check">
                    <CheckIcon size={16} />
                  </Select.ItemIndicator>
                </Select.Item>
              ))}
            </Select.Viewport>
          </Select.Content>
        </Select.Portal>
      </Select.Root>
    </FieldBox>
  );
}

/** A prefilled, read-only choice: its label in a read-only text input. */
function ReadOnlyList(props: ListFieldProps) {
  const { id, classNames, options, value, inputRef } = props;
  const shown = options.find((option) => option.value === value)?.label ?? value;
  return (
    <FieldBox input={props} kind="list">
      <FieldLabel input={props} />
      <input
        ref={inputRef}
        id={id}
        type="text"
        readOnly
        value={shown}
        className={cx('ck-form__input', classNames.input)}
        {...controlAria(props)}
      />
    </FieldBox>
  );
}

/**
 * A `list` field: radio buttons for a few choices (arrow keys move between them), a select (Radix) for more, a
 * read-only text when the value is prefilled and locked.
 */
export function ListField(props: ListFieldProps) {
  if (props.readOnly) return <ReadOnlyList {...props} />;
  return props.options.length <= MAX_RADIO_OPTIONS ? <RadioList {...props} /> : <SelectList {...props} />;
}
