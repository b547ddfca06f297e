import type { Connector } from '@connector-kit/core';
import { useCombobox } from 'downshift';
import { useState } from 'react';
import type { ContenderSelectors } from '../protocol.ts';
import './downshift.css';

export const selectors: ContenderSelectors = {
  input: '#bench-input',
  option: '.ds-item',
  results: '.ds-menu',
  scroller: '.ds-menu',
};

const matches = (query: string) => {
  const lowerCased = query.toLowerCase();
  return (connector: Connector) => !query || connector.name.toLowerCase().includes(lowerCased);
};

/**
 * downshift's `useCombobox` as its README writes it: filter the items on every input change, render every match in
 * the menu.
 */
export function Contender({ connectors }: { connectors: readonly Connector[] }) {
  const [items, setItems] = useState<readonly Connector[]>(connectors);
  const { isOpen, getLabelProps, getMenuProps, getInputProps, highlightedIndex, getItemProps, selectedItem } =
    useCombobox<Connector>({
      items: items as Connector[],
      initialIsOpen: true,
      inputId: 'bench-input',
      itemToString: (item) => (item ? item.name : ''),
      onInputValueChange: ({ inputValue }) => setItems(connectors.filter(matches(inputValue))),
    });
  return (
    <div className="ds">
      {/* downshift's label props carry htmlFor, pointing at the input. */}
      {/* biome-ignore lint/a11y/noLabelWithoutControl: see above */}
      <label className="ds-label" {...getLabelProps()}>
        Bank
      </label>
      <input className="ds-input" placeholder="Search for your bank" {...getInputProps()} />
      <ul className="ds-menu" {...getMenuProps()}>
        {isOpen &&
          items.map((item, index) => (
            <li
              key={item.uuid}
              className={[
                'ds-item',
                highlightedIndex === index && 'ds-item--highlighted',
                selectedItem === item && 'ds-item--selected',
              ]
                .filter(Boolean)
                .join(' ')}
              {...getItemProps({ item, index })}
            >
              <span>{item.name}</span>
            </li>
          ))}
      </ul>
    </div>
  );
}
