import '../styles.css';
import { type Emulator, TEST_CONNECTOR_UUID } from '@connector-kit/mock-api';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { fr } from '../locales.ts';
import { darkTheme, narrow } from '../test/story-frames.tsx';
import { ConnectFlow } from './ConnectFlow.tsx';

const meta = {
  title: 'ui/ConnectFlow/Direct path',
  component: ConnectFlow,
  decorators: [narrow],
  args: { onConnected: fn(), onEvent: fn() },
} satisfies Meta<typeof ConnectFlow>;

export default meta;
type Story = StoryObj<typeof meta>;

/*
 * The direct path (no `webview`, no `onSubmit`): the flow connects through the emulator as the story's user, and the
 * test connector's scenario decides what the bank asks next. Each story fills the form and shows one step.
 */

function direct(scenario: string) {
  return {
    defaultConnectorUuid: TEST_CONNECTOR_UUID,
    defaultAuthMechanism: 'credentials' as const,
    connectorFieldValues: { [TEST_CONNECTOR_UUID]: { openapiwebsite: scenario, login: 'jdupont', password: 'demo' } },
  };
}

/** Fills the form (scenario, login and password are prefilled) and waits for the step titled `title`. */
const connectsTo =
  (title: string): NonNullable<Story['play']> =>
  async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: 'Continue to your bank' }, { timeout: 10_000 }));
    await userEvent.click(canvas.getByRole('button', { name: /^Connect$/ }));
    await expect(await canvas.findByRole('heading', { name: title }, { timeout: 10_000 })).toBeVisible();
  };

/** A slow bank: "Connecting to…" with the time elapsed and a cancel. */
export const Connecting: Story = {
  args: direct('par'),
  parameters: { emulator: { faults: [{ kind: 'latency', route: 'connections', method: 'POST', ms: 60_000 }] } },
  play: connectsTo('Connecting to Connecteur de test…'),
};

/** The bank asks a one-time code, with its own words. */
export const OneTimeCode: Story = {
  args: direct('otp'),
  play: connectsTo('Connecteur de test needs more information'),
};

/** The bank asks for an approval in its app: a live wait, "I have approved", and a cancel. */
export const ApproveInApp: Story = {
  args: direct('decoupled'),
  parameters: { emulator: { decoupledApprovalMs: 600_000 } },
  play: connectsTo('Approve in your Connecteur de test app'),
};

/** The approval did not come in time. */
export const ApprovalTimedOut: Story = {
  args: { ...direct('decoupled'), decoupledTimeoutMs: 200 },
  parameters: { emulator: { decoupledApprovalMs: 600_000 } },
  play: connectsTo('Your approval did not arrive in time'),
};

/** The bank refused the credentials: the form again, its words, the login kept. */
export const WrongPassword: Story = {
  args: direct('wrongpass'),
  play: async (context) => {
    await connectsTo('Connect Connecteur de test')(context);
    await expect(
      await within(context.canvasElement).findByText('Identifiant ou mot de passe incorrect.'),
    ).toBeVisible();
  },
};

/** The bank wants a strong authentication on its own website. */
export const StrongAuthentication: Story = {
  args: {
    ...direct('scarequired'),
    webauth: {
      clientId: 'connector-kit-demo',
      domain: 'connector-kit-emulator',
      baseUrl: 'http://127.0.0.1:4010/2.0',
      redirectUri: `${globalThis.location?.origin ?? 'http://localhost'}/callback`,
      getCode: () => new Promise<string>(() => {}),
      navigate: fn(),
    },
  },
  play: connectsTo('Confirm on Connecteur de test’s website'),
};

/** Something to do on the bank's website first (new terms). */
export const ActionNeeded: Story = {
  args: direct('actionneeded'),
  play: connectsTo('Action needed on Connecteur de test’s website'),
};

/** The password expired at the bank. */
export const PasswordExpired: Story = {
  args: direct('passwordexpired'),
  play: connectsTo('Your Connecteur de test password has expired'),
};

/** The bank limits connections: come back later. */
export const RateLimited: Story = {
  args: direct('ratelimiting'),
  play: connectsTo('Connecteur de test limits connections right now'),
};

/** The bank's website is down. */
export const BankUnavailable: Story = {
  args: direct('websiteunavailable'),
  play: connectsTo('Connecteur de test is unavailable right now'),
};

/** No answer came back: the error and a retry. */
export const NetworkError: Story = {
  args: direct('par'),
  parameters: { emulator: { faults: [{ kind: 'network', route: 'connections', method: 'POST' }] } },
  play: connectsTo('The connection did not go through'),
};

/** Connected. */
export const Connected: Story = {
  args: direct('par'),
  play: connectsTo('Connecteur de test is connected'),
};

/** Connected, in French, dark. */
export const ConnectedFrenchDark: Story = {
  args: { ...direct('par'), locale: 'fr', messages: fr },
  decorators: [darkTheme],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(
      await canvas.findByRole('button', { name: 'Continuer vers votre banque' }, { timeout: 10_000 }),
    );
    await userEvent.click(canvas.getByRole('button', { name: /^Connecter$/ }));
    await expect(
      await canvas.findByRole('heading', { name: 'Connexion à Connecteur de test réussie' }, { timeout: 10_000 }),
    ).toBeVisible();
  },
};

/** A reconnect: a connection whose password the bank refused opens on its credentials. */
export const Reconnect: Story = {
  args: { ...direct('par'), connectionId: 1 },
  parameters: {
    emulatorInstance: (emulator: Emulator, user: { id: number }) => {
      emulator.addConnection(user.id, { connectorUuid: TEST_CONNECTOR_UUID, state: 'wrongpass' });
    },
  },
  play: async ({ canvasElement }) => {
    await expect(
      await within(canvasElement).findByText('Identifiant ou mot de passe incorrect.', {}, { timeout: 10_000 }),
    ).toBeVisible();
  },
};
