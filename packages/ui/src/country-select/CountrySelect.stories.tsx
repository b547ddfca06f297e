/// <reference types="vite/client" />
import '../styles/base.css';
import '../styles/picker.css';
import { demoConnectors, generateConnectors } from '@connector-kit/mock-api';
import type { Decorator, Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, fn, userEvent, within } from 'storybook/test';
import { de, fr } from '../locales.ts';
import { CountrySelect } from './CountrySelect.tsx';

/* The country filter on its own, with the demo data given directly (no request). */

const width: Decorator = (Story) => (
  <div style={{ maxWidth: 320, minHeight: 420 }}>
    <Story />
  </div>
);

const meta = {
  title: 'ui/CountrySelect',
  component: CountrySelect,
  decorators: [width],
  args: { connectors: demoConnectors, onCountryCodeChange: fn() },
} satisfies Meta<typeof CountrySelect>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Starts on the browser language's country when it has banks, else on every country. */
export const Default: Story = {};

export const WithDefault: Story = { args: { defaultCountryCode: 'DE' } };

/** Opened: "All countries" first, then every country by name, with its number of banks. */
export const Open: Story = {
  args: { defaultCountryCode: 'FR' },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('combobox', { name: 'Country' }));
    const option = await canvas.findByRole('option', { name: 'Germany, 39 banks' });
    await expect(option).toBeVisible();
    await userEvent.click(option);
    await expect(args.onCountryCodeChange).toHaveBeenCalledWith('DE');
  },
};

/** Country names and counts in the UI locale. */
export const French: Story = {
  args: { locale: 'fr', messages: fr, defaultCountryCode: 'BE' },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('combobox', { name: 'Pays' })).toHaveTextContent('Belgique');
  },
};

export const German: Story = { args: { locale: 'de', messages: de, defaultCountryCode: 'AT' } };

/** Controlled by the app. */
export const Controlled: Story = {
  render: (args) => {
    const [countryCode, setCountryCode] = useState<string | null>('ES');
    return (
      <>
        <CountrySelect {...args} countryCode={countryCode} onCountryCodeChange={setCountryCode} />
        <p>Chosen: {countryCode ?? 'every country'}</p>
      </>
    );
  },
};

/** Without data yet (while the connectors load). */
export const Disabled: Story = { args: { connectors: undefined, disabled: true, defaultCountryCode: null } };

export const ManyConnectors: Story = { args: { connectors: generateConnectors(20_000, 1), defaultCountryCode: null } };

/*
 * While the list is open, Radix hides the rest of the page from assistive technologies (aria-hidden) and keeps the
 * focus in the list; axe flags the trigger inside that hidden part. The plays below close the list again before the
 * axe check runs.
 */
async function openThenClose(canvasElement: HTMLElement, label: string) {
  const canvas = within(canvasElement);
  await userEvent.click(canvas.getByRole('combobox', { name: label }));
  await expect(await canvas.findByRole('listbox')).toBeVisible();
  await userEvent.keyboard('{Escape}');
}

export const RightToLeft: Story = {
  args: { dir: 'rtl', defaultCountryCode: 'FR' },
  play: ({ canvasElement }) => openThenClose(canvasElement, 'Country'),
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
  args: { defaultCountryCode: 'NL' },
  play: ({ canvasElement }) => openThenClose(canvasElement, 'Country'),
};
