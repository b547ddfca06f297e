import { type Connector, connectorSchema } from '@connector-kit/core';
import { createEmulator, demoConnectors } from '@connector-kit/mock-api';
import { createConnectorsHandlersFor } from '@connector-kit/mock-api/msw';
import { ConnectorsProvider, type UseConnectorFormResult, useConnectorForm } from '@connector-kit/react';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, type MockInstance, vi } from 'vitest';
import { ConnectFlow } from '../connect-flow/ConnectFlow.tsx';
import { ConnectorForm } from '../form/ConnectorForm.tsx';
import {
  BASE_URL,
  CONFIG_TOKEN,
  createRecordingQueryClient,
  createTestClient,
  server,
  setupEmulatorServer,
} from '../test/emulator.ts';

/*
 * Secret field values (passwords, PINs, one-time codes) live in the inputs and the form state only: never in the
 * URL, the query cache, web storage, cookies, the console, the DOM's text or attributes, or an error; they are gone
 * from the form state when the form goes away; and each input says what it is to password managers.
 */

setupEmulatorServer();

const SECRETS = {
  password: 'Pa55-w0rd:ultra-secret',
  pin: '8413',
  otp: '904512',
} as const;
const LOGIN = 'jean.dupont';

const SECRET_CONNECTOR: Connector = connectorSchema.parse({
  id: 9001,
  uuid: '5ec2e7c0-0000-4000-8000-000000000001',
  name: 'Banque Secrète',
  color: '0077be',
  hidden: false,
  auth_mechanism: 'credentials',
  available_auth_mechanisms: ['credentials'],
  countries: [{ id: 'FR', name: 'France' }],
  sources: [],
  fields: [
    { name: 'login', label: 'Identifiant', type: 'text', required: true },
    { name: 'password', label: 'Mot de passe', type: 'password', required: true, regex: '^\\S{6,64}$' },
    { name: 'pin', label: 'Code PIN', type: 'password', required: true, regex: '^\\d{4}$' },
    { name: 'otp', label: 'Code reçu par SMS', type: 'otp', required: true, regex: '^\\d{6}$' },
    { name: 'birthday', label: 'Date de naissance', type: 'date', required: false },
    { name: 'space', label: 'Espace client', type: 'text', required: false },
  ],
});

const CONSOLE_METHODS = ['log', 'info', 'warn', 'error', 'debug', 'trace', 'dir', 'table'] as const;
let logged: unknown[][] = [];
let spies: MockInstance[] = [];
beforeEach(() => {
  server.use(
    ...createConnectorsHandlersFor(
      createEmulator({ connectors: [...demoConnectors, SECRET_CONNECTOR], configToken: CONFIG_TOKEN }),
      BASE_URL,
    ),
  );
  logged = [];
  spies = CONSOLE_METHODS.map((method) =>
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      logged.push(args);
    }),
  );
  localStorage.clear();
  sessionStorage.clear();
});
afterEach(() => {
  for (const spy of spies) spy.mockRestore();
});

/** Every string reachable from `root` (own properties, Maps, Sets, input values), however deep. */
function reachableText(root: unknown): string {
  const seen = new Set<unknown>();
  const out: string[] = [];
  const visit = (value: unknown, depth: number) => {
    if (typeof value === 'string') {
      out.push(value);
      return;
    }
    if (value === null || (typeof value !== 'object' && typeof value !== 'function') || seen.has(value)) return;
    if (depth > 12) return;
    seen.add(value);
    if (typeof Node !== 'undefined' && value instanceof Node) {
      // A DOM node held by the form state: its value is the one thing that matters.
      if (value instanceof HTMLInputElement) out.push(value.value, value.defaultValue);
      return;
    }
    if (value instanceof Map) {
      for (const [key, item] of value) {
        visit(key, depth + 1);
        visit(item, depth + 1);
      }
      return;
    }
    if (value instanceof Set) {
      for (const item of value) visit(item, depth + 1);
      return;
    }
    for (const key of Object.getOwnPropertyNames(value)) {
      let item: unknown;
      try {
        item = (value as Record<string, unknown>)[key];
      } catch {
        continue;
      }
      visit(item, depth + 1);
    }
  };
  visit(root, 0);
  return out.join('\n');
}

function expectNoSecretIn(what: string, text: string) {
  for (const [name, secret] of Object.entries(SECRETS)) {
    expect(text.includes(secret), `${name} found in ${what}`).toBe(false);
  }
}

/** Every place outside the form state where a value could leak. */
function expectNoSecretOutsideTheForm(queryClient: ReturnType<typeof createRecordingQueryClient>['queryClient']) {
  expectNoSecretIn('the URL', `${window.location.href} ${JSON.stringify(window.history.state)} ${document.title}`);
  const cache = {
    queries: queryClient
      .getQueryCache()
      .getAll()
      .map((query) => ({ key: query.queryKey, state: query.state })),
    mutations: queryClient
      .getMutationCache()
      .getAll()
      .map((mutation) => ({ key: mutation.options.mutationKey, state: mutation.state })),
  };
  expectNoSecretIn('the query cache', JSON.stringify(cache));
  const storage = (store: Storage) =>
    Array.from({ length: store.length }, (_, i) => `${store.key(i)}=${store.getItem(store.key(i) ?? '')}`).join(';');
  expectNoSecretIn('web storage', `${storage(localStorage)} ${storage(sessionStorage)} ${document.cookie}`);
  expectNoSecretIn('the console', logged.map((args) => args.map((arg) => reachableText(arg)).join(' ')).join('\n'));
  expectNoSecretIn('the DOM', document.documentElement.outerHTML);
}

/** The last form hook a probe below rendered, to look into its state. */
const captured: { hook?: UseConnectorFormResult } = {};

function HookProbe() {
  captured.hook = useConnectorForm(SECRET_CONNECTOR, { onSubmit: () => {} });
  return null;
}

/** The hook bound to plain inputs, so that its state holds references to them too. */
function BoundForm() {
  const hook = useConnectorForm(SECRET_CONNECTOR, { onSubmit: () => {} });
  captured.hook = hook;
  return (
    <form>
      {['login', 'password', 'pin', 'otp'].map((name) => (
        <input key={name} aria-label={name} {...hook.form.register(name)} />
      ))}
    </form>
  );
}

async function fillSecretForm(user: ReturnType<typeof userEvent.setup>) {
  await user.type(screen.getByRole('textbox', { name: /^Identifiant/ }), LOGIN);
  await user.type(screen.getByLabelText(/^Mot de passe/, { selector: 'input' }), SECRETS.password);
  await user.type(screen.getByLabelText(/^Code PIN/, { selector: 'input' }), SECRETS.pin);
  await user.type(screen.getByRole('textbox', { name: /^Code reçu par SMS/ }), SECRETS.otp);
}

describe('secret field values', () => {
  it('carry the autocomplete each field needs', async () => {
    render(<ConnectorForm connector={SECRET_CONNECTOR} onSubmit={() => {}} />);
    const autocomplete = (element: HTMLElement) => element.getAttribute('autocomplete');
    expect(autocomplete(screen.getByRole('textbox', { name: /^Identifiant/ }))).toBe('username');
    expect(autocomplete(screen.getByLabelText(/^Mot de passe/, { selector: 'input' }))).toBe('current-password');
    expect(autocomplete(screen.getByLabelText(/^Code PIN/, { selector: 'input' }))).toBe('current-password');
    expect(autocomplete(screen.getByRole('textbox', { name: /^Code reçu par SMS/ }))).toBe('one-time-code');
    expect(autocomplete(screen.getByLabelText(/^Date de naissance/))).toBe('off');
    expect(autocomplete(screen.getByRole('textbox', { name: /^Espace client/ }))).toBe('off');
    expect(screen.getByLabelText(/^Mot de passe/, { selector: 'input' })).toHaveAttribute('type', 'password');
  });

  it('never reach the URL, the cache, storage, the console or the DOM, through a whole flow', async () => {
    const user = userEvent.setup();
    const client = createTestClient();
    const { queryClient } = createRecordingQueryClient();
    const onSubmit = vi.fn();
    render(
      <ConnectorsProvider client={client} queryClient={queryClient}>
        <ConnectFlow defaultConnectorUuid={SECRET_CONNECTOR.uuid} onSubmit={onSubmit} />
      </ConnectorsProvider>,
    );
    await screen.findByRole('heading', { name: 'Connect Banque Secrète' });
    await fillSecretForm(user);
    // Shown in clear, a password is still a property of its input, not an attribute.
    await user.click(screen.getAllByRole('button', { name: 'Show password' })[0] as HTMLElement);
    expectNoSecretOutsideTheForm(queryClient);

    await user.click(screen.getByRole('button', { name: 'Connect' }));
    await waitFor(() => expect(onSubmit).toHaveBeenCalledOnce());
    // The app gets them, as it asked.
    expect(onSubmit.mock.calls[0]?.[0].values).toMatchObject({ login: LOGIN, ...SECRETS });
    expectNoSecretOutsideTheForm(queryClient);

    // A refetch of the connector while the form is filled carries nothing of it either.
    await queryClient.refetchQueries();
    expectNoSecretOutsideTheForm(queryClient);
  });

  it('never appear in the validation errors, nor in what the form shows about them', async () => {
    const user = userEvent.setup();
    render(<HookProbe />);
    const hook = captured.hook;
    const wrong = { password: 'has spaces Pa55-w0rd:ultra-secret', pin: '8413x', otp: '904512-0' };
    const form = hook?.form;
    for (const [name, value] of Object.entries(wrong)) form?.setValue(name, value);
    await waitFor(async () => expect(await form?.trigger()).toBe(false));
    const errors = Object.fromEntries(
      ['login', ...Object.keys(wrong)].map((name) => [name, form?.getFieldState(name).error]),
    );
    expect(Object.keys(errors).filter((name) => errors[name])).toEqual(['login', 'password', 'pin', 'otp']);
    const report = JSON.stringify(errors, (key, value) => (key === 'ref' ? undefined : value));
    for (const value of Object.values(wrong)) expect(report).not.toContain(value);

    // The same in the rendered form, after a failed attempt: the summary and each field's error.
    const view = render(<ConnectorForm connector={SECRET_CONNECTOR} onSubmit={() => {}} />);
    await user.type(screen.getByLabelText(/^Mot de passe/, { selector: 'input' }), wrong.password);
    await user.type(screen.getByLabelText(/^Code PIN/, { selector: 'input' }), wrong.pin);
    await user.click(screen.getByRole('button', { name: 'Connect' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/Please correct \d fields/);
    expect(view.container.innerHTML).not.toContain(wrong.pin);
    expect(view.container.innerHTML).not.toContain('Pa55-w0rd');
    expect(logged.map((args) => args.join(' ')).join('\n')).not.toContain('Pa55-w0rd');
  });

  it('are cleared from the form state when the form goes away, and a new form starts empty', async () => {
    const user = userEvent.setup();
    const first = render(<ConnectorForm connector={SECRET_CONNECTOR} onSubmit={() => {}} />);
    await fillSecretForm(user);
    first.unmount();
    expectNoSecretIn('the page', document.documentElement.outerHTML);

    // The state of the hook, every object reachable from it included.
    const second = render(<BoundForm />);
    await user.type(screen.getByRole('textbox', { name: 'login' }), LOGIN);
    for (const [name, secret] of Object.entries(SECRETS)) {
      await user.type(screen.getByRole('textbox', { name }), secret);
    }
    const hook = captured.hook;
    const form = hook?.form;
    expect(reachableText(form?.control)).toContain(SECRETS.password);
    second.unmount();
    expectNoSecretIn('the form state after unmount', reachableText(form?.control));
    expectNoSecretIn('the hook after unmount', reachableText(hook));

    render(<ConnectorForm connector={SECRET_CONNECTOR} onSubmit={() => {}} />);
    expect(screen.getByLabelText(/^Mot de passe/, { selector: 'input' })).toHaveValue('');
    expect(screen.getByLabelText(/^Code PIN/, { selector: 'input' })).toHaveValue('');
    expect(screen.getByRole('textbox', { name: /^Code reçu par SMS/ })).toHaveValue('');
  });

  it('are never sent in a URL, even by a submission that happens before the page runs its script', () => {
    const { container } = render(<ConnectorForm connector={SECRET_CONNECTOR} onSubmit={() => {}} />);
    const form = container.querySelector('form') as HTMLFormElement;
    // A native submission (server-rendered markup, script not yet running) must post, never put values in the URL.
    expect(form.method).toBe('post');
    expect(form.getAttribute('action')).toBeNull();
  });
});
