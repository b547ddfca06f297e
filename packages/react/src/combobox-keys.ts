/** Where the keyboard stands in a combobox: what a key needs to know to move the active option. */
export interface ComboboxKeyState {
  /** Position of the active option, `-1` for none. */
  activeIndex: number;
  /** How many options there are. */
  count: number;
  /** How many options PageUp and PageDown move by. */
  pageSize: number;
  /** Whether Home and End move the active option (Ctrl/⌘ held, or an empty query: no caret to move). */
  homeEndMoveOption: boolean;
}

/**
 * The active option after a navigation key, or `null` when the key does not move it (another key, or Home / End
 * that move the caret). ArrowDown / ArrowUp wrap around, and start from the first / the last without an active
 * option; PageDown / PageUp stop at the ends. With no options every navigation key leads nowhere (`-1`).
 */
export function activeIndexAfterKey(key: string, state: ComboboxKeyState): number | null {
  const { activeIndex, count, pageSize, homeEndMoveOption } = state;
  const last = count - 1;
  let next: number;
  switch (key) {
    case 'ArrowDown':
      next = activeIndex < 0 || activeIndex >= last ? 0 : activeIndex + 1;
      break;
    case 'ArrowUp':
      next = activeIndex <= 0 ? last : activeIndex - 1;
      break;
    case 'PageDown':
      next = activeIndex < 0 ? Math.min(pageSize - 1, last) : Math.min(activeIndex + pageSize, last);
      break;
    case 'PageUp':
      next = activeIndex < 0 ? 0 : Math.max(activeIndex - pageSize, 0);
      break;
    case 'Home':
      if (!homeEndMoveOption) return null;
      next = 0;
      break;
    case 'End':
      if (!homeEndMoveOption) return null;
      next = last;
      break;
    default:
      return null;
  }
  return count > 0 ? next : -1;
}
