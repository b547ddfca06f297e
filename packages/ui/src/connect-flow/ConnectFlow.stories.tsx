import '../styles.css';
import { TEST_CONNECTOR_UUID } from '@connector-kit/mock-api';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { fr } from '../locales.ts';
import { ConnectFlow } from './ConnectFlow.tsx';

/*
 * The whole flow on the emulator (through MSW): the picker, then the chosen connector's form. `parameters.emulator`
 * slows down or breaks the connector route to show the loading and error states.
 */

const meta = {
  title: 'ui/ConnectFlow',
  component: ConnectFlow,
  decorators: [
    (Story) => (
      <div style={{ maxWidth: 520 }}>
        <Story />
      </div>
    ),
  ],
  args: {
    defaultCountry: 'FR',
    onSubmit: fn(),
    onWebauth: fn(),
    onNotFound: fn(),
  },
} satisfies Meta<typeof ConnectFlow>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Start here: pick a bank, fill its form, or go back to the list. */
export const Default: Story = {};

/** A bank picked from the list: its form, with "Choose another bank". Going back keeps the query. */
export const PickedBank: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const search = await canvas.findByRole('combobox', { name: 'Search for your bank' });
    await userEvent.type(search, 'connecteur');
    await userEvent.click(await canvas.findByRole('option', { name: /Connecteur de test/ }));
    await expect(await canvas.findByRole('heading', { name: 'Connect Connecteur de test' })).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: 'Choose another bank' }));
    await waitFor(() =>
      expect(canvas.getByRole('combobox', { name: 'Search for your bank' })).toHaveValue('connecteur'),
    );
    await userEvent.click(await canvas.findByRole('option', { name: /Connecteur de test/ }));
    await expect(await canvas.findByRole('heading', { name: 'Connect Connecteur de test' })).toBeVisible();
  },
};

/** The connector takes its time to arrive (a slow connector route): a loading state, and a way back. */
export const LoadingConnector: Story = {
  args: { defaultConnectorUuid: TEST_CONNECTOR_UUID },
  parameters: { emulator: { faults: [{ kind: 'latency', route: 'connector', ms: 4_000 }] } },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByRole('status')).toHaveTextContent('Loading…');
  },
};

/** The connector fails to load (a 500 on its route): the error, a retry, and a way back. */
export const ConnectorError: Story = {
  args: { defaultConnectorUuid: TEST_CONNECTOR_UUID },
  parameters: { emulator: { faults: [{ kind: 'status', status: 500, route: 'connector' }] } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('alert')).toHaveTextContent('The service is having trouble');
    await expect(canvas.getByRole('button', { name: 'Try again' })).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Choose another bank' })).toBeVisible();
  },
};

/** In French, prefilled and locked like the Webview's `connectorFieldValues`. */
export const FrenchPrefilled: Story = {
  args: {
    locale: 'fr',
    messages: fr,
    defaultConnectorUuid: TEST_CONNECTOR_UUID,
    defaultAuthMechanism: 'credentials',
    connectorFieldValues: { [TEST_CONNECTOR_UUID]: { openapiwebsite: 'par' } },
    readOnly: ['openapiwebsite'],
  },
};
