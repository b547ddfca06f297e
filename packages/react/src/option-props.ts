import type { HTMLAttributes, MouseEvent, PointerEvent } from 'react';

/** A handler that calls the caller's own first, then ours unless the caller called `preventDefault()`. */
export function callerFirst<E extends { defaultPrevented: boolean }>(
  theirs: ((event: E) => void) | undefined,
  ours: (event: E) => void,
): (event: E) => void {
  return (event) => {
    theirs?.(event);
    if (!event.defaultPrevented) ours(event);
  };
}

const keepFocus = (event: MouseEvent) => event.preventDefault();

/** What an option of a connector listbox is: its id, its state, and what a click and the pointer do. */
export interface ConnectorOptionState {
  id: string;
  selected: boolean;
  /** A restricted connector: listed, announced as disabled. */
  disabled: boolean;
  /** A click on the option (restricted ones included: refuse them there). */
  onPick: () => void;
  /** The pointer moved over the option. */
  onPointerMove: () => void;
}

/**
 * The props of one option of a connector listbox (the WAI-ARIA combobox pattern: options are never focused; a
 * mouse down keeps the focus in the input), merged with the caller's own: their handlers run first and can call
 * `preventDefault()` to skip ours. `useConnectorSearch().getOptionProps` is built on it; use it for a list whose
 * state comes from elsewhere.
 */
export function connectorOptionProps<E extends HTMLElement = HTMLElement>(
  state: ConnectorOptionState,
  { onClick, onMouseDown, onPointerMove, ...rest }: HTMLAttributes<E> = {},
): HTMLAttributes<E> {
  return {
    ...rest,
    id: state.id,
    role: 'option',
    'aria-selected': state.selected,
    'aria-disabled': state.disabled ? true : undefined,
    onMouseDown: callerFirst(onMouseDown, keepFocus),
    onClick: callerFirst(onClick, state.onPick),
    onPointerMove: callerFirst<PointerEvent<E>>(onPointerMove, state.onPointerMove),
  };
}
