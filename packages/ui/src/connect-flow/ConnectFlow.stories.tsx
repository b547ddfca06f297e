import '../styles.css';
import { TEST_CONNECTOR_UUID } from '@connector-kit/mock-api';
import type { UseWebviewHandoffOptions } from '@connector-kit/react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { de, fr } from '../locales.ts';
import { darkTheme } from '../test/story-frames.tsx';
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
    defaultCountryCode: 'FR',
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

/*
 * The hand-off path (`webview`): picking a bank sends the user to the Powens Webview for it. In these stories the
 * code never comes or the address is caught (`navigate`), so that the page stays here to show each state.
 */

/** A code request that never answers: the stage keeps saying it is opening the bank's page. */
const neverAnswers = () => new Promise<string>(() => {});

function webview(overrides: Partial<UseWebviewHandoffOptions> = {}): UseWebviewHandoffOptions {
  return {
    clientId: 'connector-kit-demo',
    domain: 'connector-kit-emulator',
    redirectUri: `${globalThis.location?.origin ?? 'http://localhost'}/callback`,
    webviewUrl: 'http://127.0.0.1:4010/webview',
    getCode: neverAnswers,
    navigate: fn(),
    ...overrides,
  };
}

const pickTestConnector: Story['play'] = async ({ canvasElement }) => {
  const canvas = within(canvasElement);
  await userEvent.type(await canvas.findByRole('combobox', { name: 'Search for your bank' }), 'connecteur');
  await userEvent.click(await canvas.findByRole('option', { name: /Connecteur de test/ }));
};

/** Picking a bank on the hand-off path: "Opening <bank>'s secure page…" while the app's server gives a code. */
export const HandoffOpening: Story = {
  args: { webview: webview() },
  play: async (context) => {
    await pickTestConnector(context);
    await expect(await within(context.canvasElement).findByRole('status')).toHaveTextContent(
      'Opening Connecteur de test’s secure page…',
    );
  },
};

/** The app's server could not give a code: the reason, a retry, and a way back to the picker. */
export const HandoffError: Story = {
  args: { webview: webview({ getCode: () => Promise.reject(new Error('The session expired')) }) },
  play: async (context) => {
    await pickTestConnector(context);
    const canvas = within(context.canvasElement);
    await expect(await canvas.findByRole('alert')).toHaveTextContent('Something went wrong.');
    await expect(canvas.getByRole('button', { name: 'Try again' })).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Choose another bank' })).toBeVisible();
  },
};

const waitsToContinue: NonNullable<Story['play']> = async ({ canvasElement }) => {
  await expect(await within(canvasElement).findByRole('button', { name: 'Continue to the secure page' })).toBeVisible();
};

/** A bank chosen by a link (or the page restored by the Back button): the stage waits for the person to continue. */
export const HandoffWaiting: Story = {
  args: { webview: webview(), defaultConnectorUuid: TEST_CONNECTOR_UUID },
  play: waitsToContinue,
};

/** The hand-off path caught as it leaves: `navigate` received the Webview's address for this one bank. */
export const HandoffLeaving: Story = {
  args: { webview: webview({ getCode: async () => 'story-code' }) },
  play: async (context) => {
    await pickTestConnector(context);
    const navigate = context.args.webview?.navigate as ReturnType<typeof fn>;
    await waitFor(() => expect(navigate).toHaveBeenCalledTimes(1));
    const url = new URL(String(navigate.mock.calls[0]?.[0]));
    await expect(url.pathname).toBe('/webview/connect');
    await expect(url.searchParams.get('connector_uuids')).toBe(TEST_CONNECTOR_UUID);
  },
};

/** In German, waiting for the person to continue. */
export const HandoffGerman: Story = {
  args: { webview: webview(), defaultConnectorUuid: TEST_CONNECTOR_UUID, locale: 'de', messages: de },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByRole('button', { name: 'Weiter zur sicheren Seite' })).toBeVisible();
  },
};

/** The opening state in the dark theme. */
export const HandoffDark: Story = {
  ...HandoffOpening,
  decorators: [darkTheme],
};

/** Right to left: the avatar, the title and the button mirror. */
export const HandoffRightToLeft: Story = {
  args: { webview: webview(), defaultConnectorUuid: TEST_CONNECTOR_UUID, dir: 'rtl' },
  play: waitsToContinue,
};

/** The direct path sends a form that ends at the bank (webauth) to its page through `/webauth`. */
export const DirectWebauth: Story = {
  args: {
    webauth: webview({ getCode: neverAnswers, baseUrl: 'http://127.0.0.1:4010/2.0' }),
    defaultConnectorUuid: TEST_CONNECTOR_UUID,
    connectorFieldValues: { [TEST_CONNECTOR_UUID]: { openapiwebsite: 'par' } },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: 'Continue to your bank' }, { timeout: 10_000 }));
    await expect(await canvas.findByRole('status')).toHaveTextContent('Opening Connecteur de test’s secure page…');
  },
};
