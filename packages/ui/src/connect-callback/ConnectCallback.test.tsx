import { createHandoffStore } from '@connector-kit/core';
import { TEST_CONNECTOR_UUID } from '@connector-kit/mock-api';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { StrictMode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { de } from '../locales.ts';
import { ConnectCallback, type ConnectCallbackProps } from './ConnectCallback.tsx';

const UUID = TEST_CONNECTOR_UUID;

afterEach(() => {
  sessionStorage.clear();
});

/** A pending hand-off for the test connector, as the flow leaves it before going to Powens. */
function begin() {
  return createHandoffStore().begin({
    flow: 'connect',
    connectorUuid: UUID,
    connectorName: 'Connecteur de test',
    returnPath: '/connect',
  });
}

function show(query: string, props: Partial<ConnectCallbackProps> = {}) {
  const onRetry = vi.fn();
  const onDone = vi.fn();
  const onConnected = vi.fn();
  const result = render(
    <StrictMode>
      <ConnectCallback
        url={`https://app.example/callback?${query}`}
        onRetry={onRetry}
        onDone={onDone}
        onConnected={onConnected}
        {...props}
      />
    </StrictMode>,
  );
  return { ...result, onRetry, onDone, onConnected, user: userEvent.setup() };
}

async function noAxeViolations(container: HTMLElement) {
  // jsdom cannot compute colors: contrast is checked in the browser (stories).
  const results = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(', ')}`)).toEqual([]);
}

describe('ConnectCallback', () => {
  it('says the bank is connected, focuses that title, and tells the app once', async () => {
    const { state } = begin();
    const { onConnected, onDone, user, container } = show(`connection_id=12&code=c0de&state=${state}`);
    const title = await screen.findByRole('heading', { level: 1, name: 'Connecteur de test is connected' });
    await waitFor(() => expect(title).toHaveFocus());
    expect(screen.getByText('Your accounts will now be kept up to date.')).toBeVisible();
    expect(onConnected).toHaveBeenCalledTimes(1);
    expect(onConnected.mock.calls[0]?.[0]).toMatchObject({ status: 'connected', connectionId: 12 });
    expect(container.innerHTML).not.toContain('c0de');
    await noAxeViolations(container);
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    expect(onDone).toHaveBeenCalledWith(
      expect.objectContaining({ connectionId: 12 }),
      expect.objectContaining({ returnPath: '/connect' }),
    );
  });

  it('counts the connections added in one visit', async () => {
    const { state } = begin();
    show(`connection_id=12&connection_ids=12,13,14&state=${state}`);
    expect(await screen.findByText('3 connections were added.')).toBeVisible();
  });

  it('says a connection was removed (manage)', async () => {
    const { state } = begin();
    show(`connection_id=12&connection_deleted=true&state=${state}`);
    expect(await screen.findByRole('heading', { name: 'The connection was removed' })).toBeVisible();
  });

  it.each([
    ['access_denied', 'You left before finishing', 'Nothing was connected. You can try again whenever you are ready.'],
    ['tos_declined', 'You declined the terms', 'Your bank cannot be connected without accepting them.'],
    ['session_expired', 'That took too long', 'For your security, the secure page closed. Please try again.'],
    ['server_error', 'The secure page ran into a problem', 'Nothing was connected. Please try again in a moment.'],
    ['brand_new_error', 'The connection did not go through', 'Nothing was connected. Please try again.'],
  ])('explains %s, and "Try again" goes back with the same bank', async (error, title, text) => {
    const { state } = begin();
    const { onRetry, user, container } = show(`error=${error}&error_description=x&state=${state}`);
    const heading = await screen.findByRole('heading', { name: title });
    await waitFor(() => expect(heading).toHaveFocus());
    expect(screen.getByText(text)).toBeVisible();
    await noAxeViolations(container);
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(onRetry).toHaveBeenCalledWith(expect.objectContaining({ connectorUuid: UUID, returnPath: '/connect' }));
  });

  it.each([
    ['a forged state', 'connection_id=12&state=forged'],
    ['no state', 'connection_id=12'],
  ])('refuses %s: the link cannot be used, and the person starts again', async (_name, query) => {
    begin();
    const { onRetry, onConnected, user } = show(query);
    expect(await screen.findByRole('heading', { name: 'This link cannot be used' })).toBeVisible();
    expect(onConnected).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Start again' }));
    expect(onRetry).toHaveBeenCalledWith(null);
  });

  it('refuses a malformed callback that carries the right state, and lets the person try that bank again', async () => {
    const { state } = begin();
    const { onRetry, user } = show(`connection_id=abc&state=${state}`);
    expect(await screen.findByRole('heading', { name: 'This link cannot be used' })).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(onRetry).toHaveBeenCalledWith(expect.objectContaining({ connectorUuid: UUID }));
  });

  it('refuses a replayed callback', async () => {
    const { state } = begin();
    const first = show(`connection_id=12&state=${state}`);
    await screen.findByRole('heading', { name: 'Connecteur de test is connected' });
    first.unmount();
    const second = show(`connection_id=12&state=${state}`);
    expect(await screen.findByRole('heading', { name: 'This link cannot be used' })).toBeVisible();
    expect(second.onConnected).not.toHaveBeenCalled();
  });

  it('speaks the page’s language', async () => {
    const { state } = begin();
    show(`error=access_denied&state=${state}`, { locale: 'de', messages: de });
    expect(await screen.findByRole('heading', { name: 'Sie haben vor dem Abschluss abgebrochen' })).toBeVisible();
    expect(screen.getByRole('button', { name: 'Erneut versuchen' })).toBeVisible();
  });

  it('goes to the hand-off’s return path by default', async () => {
    const assign = vi.fn();
    vi.stubGlobal('location', { ...window.location, assign, href: window.location.href });
    try {
      const { state } = begin();
      render(<ConnectCallback url={`https://app.example/callback?error=access_denied&state=${state}`} />);
      await userEvent.setup().click(await screen.findByRole('button', { name: 'Try again' }));
      expect(assign).toHaveBeenCalledWith('/connect');
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
