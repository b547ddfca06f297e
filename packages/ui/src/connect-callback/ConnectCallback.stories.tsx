import '../styles.css';
import { createHandoffStore } from '@connector-kit/core';
import { TEST_CONNECTOR_UUID } from '@connector-kit/mock-api';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, fn, userEvent, within } from 'storybook/test';
import { fr, nl } from '../locales.ts';
import { darkTheme, narrow } from '../test/story-frames.tsx';
import { ConnectCallback, type ConnectCallbackProps } from './ConnectCallback.tsx';

/*
 * The page the user comes back to from Powens, one story per outcome. Each story leaves a pending hand-off for
 * "Connecteur de test" in sessionStorage, as the flow does before leaving, then reads a callback URL with its state
 * (or a forged one).
 */

interface CallbackStoryProps extends Omit<ConnectCallbackProps, 'url'> {
  /** The callback's query; `{state}` is replaced by the pending hand-off's state. */
  query: string;
  /** Leave no hand-off pending (a replayed or forged link). */
  withoutHandoff?: boolean;
}

function CallbackStory({ query, withoutHandoff = false, ...props }: CallbackStoryProps) {
  const [url] = useState(() => {
    const store = createHandoffStore();
    const state = withoutHandoff
      ? 'not-the-pending-state'
      : store.begin({
          flow: 'connect',
          connectorUuid: TEST_CONNECTOR_UUID,
          connectorName: 'Connecteur de test',
          returnPath: '/connect',
        }).state;
    return `https://app.example/callback?${query.replaceAll('{state}', encodeURIComponent(state))}`;
  });
  return <ConnectCallback url={url} {...props} />;
}

const meta = {
  title: 'ui/ConnectCallback',
  component: CallbackStory,
  decorators: [narrow],
  args: { query: 'connection_id=12&state={state}', onRetry: fn(), onDone: fn(), onConnected: fn() },
} satisfies Meta<typeof CallbackStory>;

export default meta;
type Story = StoryObj<typeof meta>;

const titled =
  (name: string): NonNullable<Story['play']> =>
  async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByRole('heading', { name })).toBeVisible();
  };

/** Back from the Webview with a new connection: the bank's name, and "Continue". */
export const Connected: Story = {
  play: async (context) => {
    await titled('Connecteur de test is connected')(context);
    await expect(context.args.onConnected).toHaveBeenCalledTimes(1);
    await userEvent.click(within(context.canvasElement).getByRole('button', { name: 'Continue' }));
    await expect(context.args.onDone).toHaveBeenCalledTimes(1);
  },
};

/** Several connections added in one visit. */
export const ConnectedSeveral: Story = {
  args: { query: 'connection_id=12&connection_ids=12,13&code=story&state={state}' },
  play: titled('Connecteur de test is connected'),
};

/** Back from the bank's own page (`/webauth` answers `id_connection`). */
export const ConnectedFromWebauth: Story = {
  args: { query: 'id_connection=12&state={state}' },
  play: titled('Connecteur de test is connected'),
};

/** The user deleted the connection in the Webview's manage flow. */
export const Deleted: Story = {
  args: { query: 'connection_id=12&connection_deleted=true&state={state}' },
  play: titled('The connection was removed'),
};

/** The user cancelled at Powens: "Try again" goes back to the flow with the same bank. */
export const Cancelled: Story = {
  args: { query: 'error=access_denied&error_description=The+user+cancelled&state={state}' },
  play: async (context) => {
    await titled('You left before finishing')(context);
    await userEvent.click(within(context.canvasElement).getByRole('button', { name: 'Try again' }));
    await expect(context.args.onRetry).toHaveBeenCalledWith(
      expect.objectContaining({ connectorUuid: TEST_CONNECTOR_UUID }),
    );
  },
};

export const TermsDeclined: Story = {
  args: { query: 'error=tos_declined&state={state}' },
  play: titled('You declined the terms'),
};

export const Expired: Story = {
  args: { query: 'error=session_expired&state={state}' },
  play: titled('That took too long'),
};

export const ServerError: Story = {
  args: { query: 'error=server_error&state={state}' },
  play: titled('The secure page ran into a problem'),
};

/** A code Powens may add later: a plain "did not go through". */
export const UnknownError: Story = {
  args: { query: 'error=something_new&state={state}' },
  play: titled('The connection did not go through'),
};

/** A state this tab never sent (a forged link), or one already used (a replay): refused, and "Start again". */
export const ForgedOrReplayed: Story = {
  args: { query: 'connection_id=12&state={state}', withoutHandoff: true },
  play: async (context) => {
    await titled('This link cannot be used')(context);
    await expect(context.args.onConnected).not.toHaveBeenCalled();
    await expect(within(context.canvasElement).getByRole('button', { name: 'Start again' })).toBeVisible();
  },
};

export const French: Story = {
  args: { query: 'error=access_denied&state={state}', locale: 'fr', messages: fr },
  play: titled('La connexion n’a pas été terminée'),
};

export const Dutch: Story = {
  args: { locale: 'nl', messages: nl },
  play: titled('Connecteur de test is gekoppeld'),
};

export const RightToLeft: Story = {
  args: { dir: 'rtl', query: 'error=session_expired&state={state}' },
  play: titled('That took too long'),
};

export const DarkConnected: Story = { ...Connected, decorators: [darkTheme] };
export const DarkCancelled: Story = { ...Cancelled, decorators: [darkTheme] };
