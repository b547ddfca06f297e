import type { Connector } from '@connector-kit/core';
import type { GetLogoUrl } from '@connector-kit/react';
import { ConnectorPickerView } from '@connector-kit/ui';
import '@connector-kit/ui/styles.css';
import type { ContenderSelectors } from '../protocol.ts';

export const selectors: ContenderSelectors = {
  input: '#bench-input',
  option: '[role="option"]',
  results: '#bench-listbox',
  scroller: '#bench-listbox',
};

/**
 * This library's picker as an app ships it, given the data: every country (the peers search the whole list too), the
 * built-in search, the virtualized list and the stylesheet; with `?logos`, each connector's logo.
 */
export function Contender({
  connectors,
  getLogoUrl,
}: {
  connectors: readonly Connector[];
  getLogoUrl?: GetLogoUrl | undefined;
}) {
  return <ConnectorPickerView id="bench" connectors={connectors} defaultCountryCode={null} getLogoUrl={getLogoUrl} />;
}
