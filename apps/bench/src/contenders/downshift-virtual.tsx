import type { Connector } from '@connector-kit/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCombobox } from 'downshift';
import { useRef, useState } from 'react';
import type { ContenderSelectors } from '../protocol.ts';
import './downshift.css';
import './downshift-virtual.css';

export const selectors: ContenderSelectors = {
  input: '#bench-input',
  option: '.ds-item',
  results: '.ds-menu',
  scroller: '.ds-menu',
};

/** Every row is this tall (padding and one line of text fit in it; longer names are cut with an ellipsis). */
const ROW_HEIGHT = 40;
/** Rows rendered beyond each edge of the visible ones. */
const OVERSCAN = 5;

const matches = (query: string) => {
  const lowerCased = query.toLowerCase();
  return (connector: Connector) => !query || connector.name.toLowerCase().includes(lowerCased);
};

/**
 * downshift's `useCombobox` with the list virtualized by `@tanstack/react-virtual`, as downshift's docs suggest for
 * long lists: the same filter as the plain downshift page, only the rows in view (and a few beyond) rendered in a
 * fixed-height menu, downshift's own `scrollIntoView` replaced by the virtualizer's `scrollToIndex`.
 */
export function Contender({ connectors }: { connectors: readonly Connector[] }) {
  const [items, setItems] = useState<readonly Connector[]>(connectors);
  const menuRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => menuRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: OVERSCAN,
  });
  const { isOpen, getLabelProps, getMenuProps, getInputProps, highlightedIndex, getItemProps, selectedItem } =
    useCombobox<Connector>({
      items: items as Connector[],
      initialIsOpen: true,
      inputId: 'bench-input',
      itemToString: (item) => (item ? item.name : ''),
      onInputValueChange: ({ inputValue }) => setItems(connectors.filter(matches(inputValue))),
      // The highlighted row may not be rendered: the virtualizer scrolls to it instead.
      scrollIntoView: () => {},
      onHighlightedIndexChange: ({ highlightedIndex, type }) => {
        // Not for the pointer: the row under it is in view already, and the list must not move under it.
        if (highlightedIndex < 0 || type === useCombobox.stateChangeTypes.ItemMouseMove) return;
        virtualizer.scrollToIndex(highlightedIndex);
      },
    });
  return (
    <div className="ds">
      {/* downshift's label props carry htmlFor, pointing at the input. */}
      {/* biome-ignore lint/a11y/noLabelWithoutControl: see above */}
      <label className="ds-label" {...getLabelProps()}>
        Bank
      </label>
      <input className="ds-input" placeholder="Search for your bank" {...getInputProps()} />
      <div className="ds-menu dsv-menu" {...getMenuProps({ ref: menuRef })}>
        {isOpen && (
          <div className="dsv-sizer" style={{ height: virtualizer.getTotalSize() }}>
            {virtualizer.getVirtualItems().map(({ index, start }) => {
              const item = items[index] as Connector;
              return (
                <div
                  key={item.uuid}
                  className={[
                    'ds-item',
                    'dsv-item',
                    highlightedIndex === index && 'ds-item--highlighted',
                    selectedItem === item && 'ds-item--selected',
                  ]
                    .filter(Boolean)
                    .join(' ')}
                  {...getItemProps({
                    item,
                    index,
                    style: { height: ROW_HEIGHT, transform: `translateY(${start}px)` },
                  })}
                >
                  {item.name}
                </div>
              );
            })}
          </div>
        )}
      </div>
    </div>
  );
}
