import { useCallback, useRef, useState } from 'react';

export interface UseControllableStateParams<T> {
  /** The controlled value. `undefined` means "uncontrolled": the hook keeps its own state. */
  value: T | undefined;
  /** The first value of the own state, when uncontrolled. Read on the first render only. */
  defaultValue: T | (() => T);
  /** Called with every new value, controlled or not, and only when it differs from the current one (`Object.is`). */
  onChange?: ((value: T) => void) | undefined;
}

/**
 * One piece of state that the caller may control (`value` + `onChange`) or leave to the component (`defaultValue`),
 * Radix style. Returns the current value and a setter; the setter has a stable identity and accepts a value or an
 * updater function.
 *
 * A component should not switch between controlled and uncontrolled during its life: when `value` becomes
 * `undefined`, the own state takes over with whatever it last held.
 */
export function useControllableState<T>({
  value,
  defaultValue,
  onChange,
}: UseControllableStateParams<T>): [T, (next: T | ((previous: T) => T)) => void] {
  const [own, setOwn] = useState<T>(defaultValue);
  const controlled = value !== undefined;
  const current = controlled ? value : own;

  // The setter reads the latest props through this ref, so that its identity never changes.
  const latest = useRef({ controlled, current, onChange });
  latest.current = { controlled, current, onChange };

  const setValue = useCallback((next: T | ((previous: T) => T)) => {
    const { controlled: isControlled, current: previous, onChange: notify } = latest.current;
    const resolved = typeof next === 'function' ? (next as (previous: T) => T)(previous) : next;
    if (Object.is(resolved, previous)) return;
    // Two calls in one event see each other's value, as a state updater would.
    latest.current = { ...latest.current, current: resolved };
    if (!isControlled) setOwn(() => resolved);
    notify?.(resolved);
  }, []);

  return [current, setValue];
}
