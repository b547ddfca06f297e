import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { activeIndexAfterKey, type ComboboxKeyState } from './combobox-keys.ts';

const state = (activeIndex: number, count = 5, extra: Partial<ComboboxKeyState> = {}): ComboboxKeyState => ({
  activeIndex,
  count,
  pageSize: 3,
  homeEndMoveOption: false,
  ...extra,
});

describe('activeIndexAfterKey', () => {
  it('wraps around with the arrows, starting from an end without an active option', () => {
    expect(activeIndexAfterKey('ArrowDown', state(-1))).toBe(0);
    expect(activeIndexAfterKey('ArrowDown', state(2))).toBe(3);
    expect(activeIndexAfterKey('ArrowDown', state(4))).toBe(0);
    expect(activeIndexAfterKey('ArrowUp', state(-1))).toBe(4);
    expect(activeIndexAfterKey('ArrowUp', state(0))).toBe(4);
    expect(activeIndexAfterKey('ArrowUp', state(3))).toBe(2);
  });

  it('moves a page with PageDown and PageUp, stopping at the ends', () => {
    expect(activeIndexAfterKey('PageDown', state(-1))).toBe(2);
    expect(activeIndexAfterKey('PageDown', state(1))).toBe(4);
    expect(activeIndexAfterKey('PageDown', state(4))).toBe(4);
    expect(activeIndexAfterKey('PageUp', state(-1))).toBe(0);
    expect(activeIndexAfterKey('PageUp', state(4))).toBe(1);
    expect(activeIndexAfterKey('PageUp', state(1))).toBe(0);
    expect(activeIndexAfterKey('PageDown', state(-1, 2))).toBe(1);
  });

  it('leaves Home and End to the caret unless told otherwise', () => {
    expect(activeIndexAfterKey('Home', state(3))).toBeNull();
    expect(activeIndexAfterKey('End', state(1))).toBeNull();
    expect(activeIndexAfterKey('Home', state(3, 5, { homeEndMoveOption: true }))).toBe(0);
    expect(activeIndexAfterKey('End', state(1, 5, { homeEndMoveOption: true }))).toBe(4);
  });

  it('ignores other keys and leads nowhere without options', () => {
    expect(activeIndexAfterKey('a', state(1))).toBeNull();
    expect(activeIndexAfterKey('Enter', state(1))).toBeNull();
    for (const key of ['ArrowDown', 'ArrowUp', 'PageDown', 'PageUp'])
      expect(activeIndexAfterKey(key, state(-1, 0))).toBe(-1);
  });

  it('always lands on an option when there are some', () => {
    const keys = fc.constantFrom('ArrowDown', 'ArrowUp', 'PageDown', 'PageUp', 'Home', 'End');
    fc.assert(
      fc.property(
        keys,
        fc.integer({ min: 1, max: 500 }),
        fc.integer({ min: 1, max: 50 }),
        fc.boolean(),
        (key, count, pageSize, homeEnd) =>
          [-1, 0, count - 1, Math.floor(count / 2)].every((activeIndex) => {
            const next = activeIndexAfterKey(key, { activeIndex, count, pageSize, homeEndMoveOption: homeEnd });
            return next === null || (next >= 0 && next < count);
          }),
      ),
    );
  });
});
