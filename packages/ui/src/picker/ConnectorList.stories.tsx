/// <reference types="vite/client" />
import '../styles/base.css';
import '../styles/picker.css';
import { type Connector, createConnectorSearch } from '@connector-kit/core';
import { demoConnectors, generateConnectors } from '@connector-kit/mock-api';
import { useConnectorSearch } from '@connector-kit/react';
import type { Decorator, Meta, StoryObj } from '@storybook/react-vite';
import { useCallback } from 'react';
import { expect, fn, userEvent, within } from 'storybook/test';
import { pt } from '../locales.ts';
import { ConnectorList, type ConnectorListProps } from './ConnectorList.tsx';

/*
 * The list on its own: results in, events out. Most stories pair it with `useConnectorSearch` and a plain input, the
 * way a custom picker would; data is given directly (no request).
 */

const width: Decorator = (Story) => (
  <div style={{ maxWidth: 480 }}>
    <Story />
  </div>
);

interface SearchListProps extends Omit<ConnectorListProps, 'results' | 'onSelect'> {
  connectors: readonly Connector[];
  /** A connector was picked, with Enter or a click. */
  onSelect?: (connector: Connector) => void;
  defaultQuery?: string;
  countryCode?: string | null;
  popular?: readonly string[] | number;
}

/** A custom picker: the headless hook, a plain input, and the list. */
function SearchList({ connectors, defaultQuery, countryCode, popular, onSelect, ...listProps }: SearchListProps) {
  const search = useConnectorSearch({
    connectors,
    defaultQuery,
    countryCode,
    popular,
    onSelect,
    locale: listProps.locale,
  });
  const { selectIndex, setActiveIndex } = search;
  const handleSelect = useCallback<NonNullable<ConnectorListProps['onSelect']>>(
    (_result, index) => selectIndex(index),
    [selectIndex],
  );
  const handleHover = useCallback((index: number) => setActiveIndex(index, 'pointer'), [setActiveIndex]);
  return (
    <div className="ck" style={{ display: 'grid', gap: 8 }}>
      <label htmlFor={search.inputId}>Bank</label>
      <input {...search.getInputProps()} style={{ font: 'inherit', padding: 8 }} />
      <ConnectorList
        {...listProps}
        results={search.results}
        popularCount={search.popularCount}
        matchCount={search.matchCount}
        activeIndex={search.activeIndex}
        value={search.value}
        onSelect={handleSelect}
        onActiveIndexChange={handleHover}
        id={search.listboxId}
        getOptionId={search.getOptionId}
        empty={<p>No bank found.</p>}
      />
    </div>
  );
}

const meta = {
  title: 'ui/ConnectorList',
  component: SearchList,
  decorators: [width],
  args: { connectors: demoConnectors, onSelect: fn() },
} satisfies Meta<typeof SearchList>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {};

/** Matched text in `<mark>`, found without accents. */
export const Highlighted: Story = { args: { defaultQuery: 'credit agri' } };

/** Keyboard: the active option follows the arrows and stays in view. */
export const Keyboard: Story = {
  args: { countryCode: 'FR' },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('combobox', { name: 'Bank' }));
    await userEvent.keyboard('{PageDown}{PageDown}{ArrowDown}{Enter}');
    await expect(args.onSelect).toHaveBeenCalled();
  },
};

/** Beta, unstable and restricted connectors. */
export const Badges: Story = {
  args: {
    connectors: demoConnectors.filter(
      (connector) => connector.beta || connector.restricted || connector.stability?.status === 'unstable',
    ),
  },
};

export const PopularGroup: Story = { args: { countryCode: 'DE', popular: 5 } };

export const TwentyThousand: Story = {
  args: { connectors: generateConnectors(20_000, 1) },
  play: async ({ canvasElement }) => {
    const listbox = within(canvasElement).getByRole('listbox');
    await expect(listbox.querySelectorAll('[role="option"]').length).toBeLessThan(100);
  },
};

export const Empty: Story = { args: { connectors: [] } };

export const RightToLeft: Story = { args: { dir: 'rtl', defaultQuery: 'banque' } };

export const Portuguese: Story = { args: { locale: 'pt', messages: pt, countryCode: 'PT' } };

/** A short list without an input: nothing to scroll, nothing to type. */
export const Static: Story = {
  render: () => {
    const results = createConnectorSearch(demoConnectors)
      .search('sparkasse k', { countryCodes: ['DE'] })
      .slice(0, 3);
    return <ConnectorList results={results} value={results[0]?.connector.uuid} activeIndex={1} announce={false} />;
  },
};

export const DarkTheme: Story = {
  decorators: [
    (Story) => (
      <div
        data-ck-theme="dark"
        className="ck"
        style={{ padding: 24, background: 'var(--ck-c-bg)', colorScheme: 'dark' }}
      >
        <Story />
      </div>
    ),
  ],
  args: {
    connectors: demoConnectors.filter((connector) => connector.countries?.some((c) => c.id === 'FR')),
    defaultQuery: 'banque',
  },
};
