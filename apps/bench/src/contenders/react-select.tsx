import type { Connector } from '@connector-kit/core';
import { useMemo } from 'react';
import Select from 'react-select';
import type { ContenderSelectors } from '../protocol.ts';

export const selectors: ContenderSelectors = {
  input: '#bench-input',
  option: '.rs__option',
  results: '.rs__menu',
  scroller: '.rs__menu-list',
};

interface Option {
  value: string;
  label: string;
}

/** react-select with its defaults (filter, `getOptionLabel`, menu list), the menu kept open so that filtering renders. */
export function Contender({ connectors }: { connectors: readonly Connector[] }) {
  const options = useMemo<Option[]>(
    () => connectors.map((connector) => ({ value: connector.uuid, label: connector.name })),
    [connectors],
  );
  return (
    <Select<Option>
      inputId="bench-input"
      aria-label="Bank"
      placeholder="Search for your bank"
      classNamePrefix="rs"
      options={options}
      menuIsOpen
    />
  );
}
