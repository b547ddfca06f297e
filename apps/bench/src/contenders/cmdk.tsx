import type { Connector } from '@connector-kit/core';
import { Command } from 'cmdk';
import type { ContenderSelectors } from '../protocol.ts';
import './cmdk.css';

export const selectors: ContenderSelectors = {
  input: '[cmdk-input]',
  option: '[cmdk-item]',
  results: '[cmdk-list]',
  scroller: '[cmdk-list]',
};

/** cmdk as its README sets it up: an inline `Command` with the default filter, one `Command.Item` per connector. */
export function Contender({ connectors }: { connectors: readonly Connector[] }) {
  return (
    <Command label="Banks">
      <Command.Input placeholder="Search for your bank" />
      <Command.List>
        <Command.Empty>No results found.</Command.Empty>
        {connectors.map((connector) => (
          <Command.Item key={connector.uuid}>{connector.name}</Command.Item>
        ))}
      </Command.List>
    </Command>
  );
}
