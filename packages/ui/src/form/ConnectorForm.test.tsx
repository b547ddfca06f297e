import { type Connector, type ConnectorField, connectorSchema } from '@connector-kit/core';
import { createEmulator, demoConnectors } from '@connector-kit/mock-api';
import { createConnectorsHandlersFor } from '@connector-kit/mock-api/msw';
import { ConnectorsProvider, type UseConnectorFormResult, useConnectorForm } from '@connector-kit/react';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, type Mock, type MockInstance, vi } from 'vitest';
import { assertProperty, countAsHostileCase } from '../../../../test/reliability.ts';
import { anyText, connectorPayload, mechanism } from '../../../core/src/test/arbitraries.ts';
import { ConnectFlow } from '../connect-flow/ConnectFlow.tsx';
import { fr } from '../locales.ts';
import {
  BASE_URL,
  CONFIG_TOKEN,
  createRecordingQueryClient,
  createTestClient,
  server,
  setupEmulatorServer,
} from '../test/emulator.ts';
import { failOnConsoleErrorsAndRejections } from '../test/guards.ts';
import { expectInert, HOSTILE_TEXT, hostileConnector } from '../test/hostile.ts';
import { ConnectorForm, type ConnectorFormProps } from './ConnectorForm.tsx';
import {
  amundi,
  everyFieldConnector,
  milleis,
  multiSource,
  testConnector,
  twoMechanisms,
  unknownType,
  webauthOnly,
} from './test-connectors.ts';

const SECRET = 'S3cr3t-Pa55!';

function setup(props: Partial<ConnectorFormProps> & { connector: Connector }) {
  const onSubmit = vi.fn();
  const user = userEvent.setup();
  const result = render(<ConnectorForm onSubmit={onSubmit} {...props} />);
  return { user, onSubmit, ...result };
}

async function noAxeViolations(container: HTMLElement) {
  // jsdom cannot compute colors: contrast is checked in the browser (stories).
  const results = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(', ')}`)).toEqual([]);
}

async function chooseInSelect(user: ReturnType<typeof userEvent.setup>, name: RegExp, option: string) {
  await user.click(screen.getByRole('combobox', { name }));
  await user.click(await screen.findByRole('option', { name: option }));
}

function connectorWith(fields: ConnectorField[], extra: Partial<Connector> = {}): Connector {
  return {
    uuid: '00000000-0000-4000-8000-00000000f001',
    name: 'Banque Test',
    auth_mechanism: 'credentials',
    fields,
    ...extra,
  };
}

const text = (name: string, label: string, extra: Partial<ConnectorField> = {}): ConnectorField => ({
  name,
  label,
  type: 'text',
  required: true,
  ...extra,
});

// Nothing is logged, and certainly not a secret.
let consoleSpies: Mock[] = [];
beforeEach(() => {
  consoleSpies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((method) =>
    vi.spyOn(console, method).mockImplementation(() => {}),
  );
});
afterEach(() => {
  for (const spy of consoleSpies) {
    for (const call of spy.mock.calls) expect(JSON.stringify(call)).not.toContain(SECRET);
    expect(spy).not.toHaveBeenCalled();
  }
  vi.restoreAllMocks();
});

describe('ConnectorForm: field types', () => {
  it('renders one input per field type, labelled by the field', async () => {
    const { container } = setup({ connector: everyFieldConnector });
    expect(screen.getByRole('heading', { name: 'Connect Banque Exemple' })).toBeInTheDocument();
    expect(screen.getByRole('form', { name: 'Connect Banque Exemple' })).toBeInTheDocument();

    const login = screen.getByRole('textbox', { name: /Identifiant client/ });
    expect(login).toHaveAttribute('autocomplete', 'username');
    expect(login).toHaveAttribute('aria-required', 'true');
    expect(login).toHaveAttribute('spellcheck', 'false');

    const password = screen.getByLabelText(/Code secret/);
    expect(password).toHaveAttribute('type', 'password');
    expect(password).toHaveAttribute('autocomplete', 'current-password');
    expect(password).toHaveAttribute('autocapitalize', 'off');
    expect(password).toHaveAttribute('spellcheck', 'false');

    const date = screen.getByLabelText(/Date de naissance/);
    expect(date).toHaveAttribute('type', 'date');
    expect(date).not.toHaveAttribute('aria-required');
    expect(screen.getAllByText('(optional)', { exact: false })).toHaveLength(2);

    const espace = screen.getByRole('radiogroup', { name: /Espace/ });
    expect(
      within(espace)
        .getAllByRole('radio')
        .map((r) => r.getAttribute('value')),
    ).toEqual(['par', 'pro']);
    expect(espace).toHaveAttribute('aria-required', 'true');

    expect(screen.getByRole('combobox', { name: /Caisse régionale/ })).toHaveAttribute('aria-required', 'true');

    const contract = screen.getByRole('textbox', { name: /Numéro de contrat/ });
    expect(contract).toHaveAttribute('inputmode', 'numeric');
    expect(contract).toHaveAttribute('autocomplete', 'off');

    expect(screen.queryByText(/Step/)).toBeNull();
    expect(screen.getByRole('button', { name: 'Connect' })).toHaveAttribute('type', 'submit');
    await noAxeViolations(container);
  });

  it('falls back to a text input for a type it does not know', () => {
    setup({ connector: unknownType });
    const numberField = (unknownType.fields ?? []).find((f) => f.type === 'number') as ConnectorField;
    expect(screen.getByRole('textbox', { name: new RegExp(numberField.label ?? '') })).toHaveAttribute('type', 'text');
    const weird = connectorWith([text('pin', 'Code PIN', { type: 'hologram' })]);
    const { container } = render(<ConnectorForm connector={weird} onSubmit={() => {}} />);
    expect(within(container).getByRole('textbox', { name: /Code PIN/ })).toBeInTheDocument();
  });

  it('submits every kind of value, keyed by field name', async () => {
    const { user, onSubmit } = setup({ connector: everyFieldConnector });
    await user.type(screen.getByRole('textbox', { name: /Identifiant client/ }), '12345678');
    await user.type(screen.getByLabelText(/Code secret/), SECRET);
    await user.type(screen.getByLabelText(/Date de naissance/), '1990-05-17');
    await user.click(screen.getByRole('radio', { name: 'Professionnels' }));
    await chooseInSelect(user, /Caisse régionale/, 'Bretagne');
    await user.click(screen.getByRole('button', { name: 'Connect' }));
    await waitFor(() => expect(onSubmit).toHaveBeenCalledOnce());
    expect(onSubmit.mock.calls[0]?.[0]).toEqual({
      connector: everyFieldConnector,
      authMechanism: 'credentials',
      values: {
        login: '12345678',
        password: SECRET,
        birthdate: '1990-05-17',
        website: 'pro',
        region: 'bretagne',
      },
      webauth: false,
      source: 'directaccess',
    });
  });

  it('moves through a few choices with the arrow keys', async () => {
    const { user } = setup({ connector: everyFieldConnector });
    await user.click(screen.getByRole('radio', { name: 'Particuliers' }));
    await user.keyboard('{ArrowDown}');
    expect(screen.getByRole('radio', { name: 'Professionnels' })).toBeChecked();
    expect(screen.getByRole('radio', { name: 'Professionnels' })).toHaveFocus();
  });
});

describe('ConnectorForm: validation', () => {
  it('on a failed submit, marks the required fields, lists them and focuses the first', async () => {
    const { user, onSubmit, container } = setup({ connector: everyFieldConnector });
    await user.click(screen.getByRole('button', { name: 'Connect' }));

    const login = screen.getByRole('textbox', { name: /Identifiant client/ });
    await waitFor(() => expect(login).toHaveFocus());
    expect(login).toHaveAttribute('aria-invalid', 'true');
    expect(login).toHaveAccessibleDescription('Fill in this field.');
    expect(screen.getByRole('radiogroup', { name: /Espace/ })).toHaveAccessibleDescription('Fill in this field.');
    expect(screen.getByRole('combobox', { name: /Caisse régionale/ })).toHaveAttribute('aria-invalid', 'true');
    // Optional fields are fine empty.
    expect(screen.getByLabelText(/Date de naissance/)).not.toHaveAttribute('aria-invalid');

    const summary = screen.getByRole('alert');
    expect(summary).toHaveTextContent('Please correct 4 fields');
    expect(
      within(summary)
        .getAllByRole('link')
        .map((a) => a.textContent),
    ).toEqual([
      'Identifiant client: Fill in this field.',
      'Code secret: Fill in this field.',
      'Espace: Fill in this field.',
      'Caisse régionale: Fill in this field.',
    ]);
    expect(onSubmit).not.toHaveBeenCalled();
    await noAxeViolations(container);

    await user.click(within(summary).getByRole('link', { name: /Code secret/ }));
    await waitFor(() => expect(screen.getByLabelText(/Code secret/)).toHaveFocus());

    // Fixing a field updates the summary; fixing all removes it.
    await user.type(login, '12345678');
    expect(screen.getByRole('alert')).toHaveTextContent('Please correct 3 fields');
  });

  it('shows an error once a field is left, not while it is first typed', async () => {
    const { user } = setup({ connector: everyFieldConnector });
    const login = screen.getByRole('textbox', { name: /Identifiant client/ });
    await user.type(login, '1234');
    expect(login).not.toHaveAttribute('aria-invalid');
    await user.tab();
    await waitFor(() => expect(login).toHaveAttribute('aria-invalid', 'true'));
    expect(login).toHaveAccessibleDescription('This value does not have the expected format.');
    await user.type(login, '5678');
    await waitFor(() => expect(login).not.toHaveAttribute('aria-invalid'));
  });

  it('checks server patterns as a full match (a woob login pattern)', async () => {
    const connector = connectorWith([text('login', 'Identifiant', { regex: '\\d{10}[a-zA-Z0-9]?' })]);
    const { user, onSubmit } = setup({ connector });
    const login = screen.getByRole('textbox', { name: /Identifiant/ });
    for (const bad of ['012345678', '0123456789AB']) {
      await user.clear(login);
      await user.type(login, bad);
      await user.click(screen.getByRole('button', { name: 'Connect' }));
      await waitFor(() => expect(login).toHaveAttribute('aria-invalid', 'true'));
    }
    expect(onSubmit).not.toHaveBeenCalled();
    await user.clear(login);
    await user.type(login, '0123456789A');
    await user.click(screen.getByRole('button', { name: 'Connect' }));
    await waitFor(() => expect(onSubmit).toHaveBeenCalledOnce());
    expect(onSubmit.mock.calls[0]?.[0].values).toEqual({ login: '0123456789A' });
  });

  it('understands a PCRE inline flag (Amundi: (?i)^[a-z0-9]{6,20}$)', async () => {
    const { user, onSubmit } = setup({ connector: amundi });
    const login = screen.getByRole('textbox', { name: /Identifiant/ });
    await user.type(login, 'abc');
    await user.type(screen.getByLabelText(/Mot de passe/), SECRET);
    await user.click(screen.getByRole('button', { name: 'Connect' }));
    await waitFor(() => expect(login).toHaveAccessibleDescription('This value does not have the expected format.'));
    await user.clear(login);
    await user.type(login, 'ABCdef123');
    await user.click(screen.getByRole('button', { name: 'Connect' }));
    await waitFor(() => expect(onSubmit).toHaveBeenCalledOnce());
    expect(onSubmit.mock.calls[0]?.[0].values).toEqual({ login: 'ABCdef123', password: SECRET });
  });

  it('stays usable with a catastrophic pattern (Milleis)', async () => {
    const { user } = setup({ connector: milleis });
    const holder = screen.getByRole('textbox', { name: /Nom du titulaire/ });
    await user.type(holder, 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!');
    await user.tab();
    await waitFor(() => expect(holder).toHaveAttribute('aria-invalid', 'true'));
  });

  it('validates a date as yyyy-mm-dd from the native date input', async () => {
    const connector = connectorWith([text('birthdate', 'Date de naissance', { type: 'date' })]);
    const { user, onSubmit } = setup({ connector });
    const date = screen.getByLabelText(/Date de naissance/);
    await user.click(screen.getByRole('button', { name: 'Connect' }));
    await waitFor(() => expect(date).toHaveAttribute('aria-invalid', 'true'));
    await user.type(date, '2000-02-29');
    await user.click(screen.getByRole('button', { name: 'Connect' }));
    await waitFor(() => expect(onSubmit).toHaveBeenCalledOnce());
    expect(onSubmit.mock.calls[0]?.[0].values).toEqual({ birthdate: '2000-02-29' });
  });

  it('reports a prefilled value that is not one of the choices', async () => {
    const { user, onSubmit } = setup({
      connector: everyFieldConnector,
      fieldValues: { login: '12345678', password: 'x', website: 'nope', region: 'idf' },
    });
    await user.click(screen.getByRole('button', { name: 'Connect' }));
    await waitFor(() =>
      expect(screen.getByRole('radiogroup', { name: /Espace/ })).toHaveAccessibleDescription(
        'Choose one of the options.',
      ),
    );
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('localizes errors', async () => {
    const { user } = setup({ connector: everyFieldConnector, locale: 'fr', messages: fr });
    await user.click(screen.getByRole('button', { name: 'Connecter' }));
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('Veuillez corriger 4 champs'));
    expect(screen.getByRole('textbox', { name: /Identifiant client/ })).toHaveAccessibleDescription(
      'Renseignez ce champ.',
    );
  });
});

describe('ConnectorForm: steps of the test connector', () => {
  it('asks, with credentials, for the scenario (openapi) then the login and password (directaccess)', async () => {
    const onWebauth = vi.fn();
    const { user, onSubmit, container } = setup({
      connector: testConnector,
      defaultAuthMechanism: 'credentials',
      onWebauth,
    });
    expect(screen.getByText('Step 1 of 2')).toBeVisible();
    const steps = screen.getByRole('list', { name: 'Step 1 of 2' });
    const items = within(steps).getAllByRole('listitem');
    expect(items.map((li) => li.getAttribute('aria-current'))).toEqual(['step', null]);
    expect(screen.queryByRole('textbox')).toBeNull();
    await noAxeViolations(container);

    // Step 1 is the bank's web flow: its choice, then "Continue to your bank".
    const go = screen.getByRole('button', { name: 'Continue to your bank' });
    expect(go).toHaveAccessibleDescription('You will sign in on Connecteur de test’s own page, then come back here.');
    await user.click(go);
    const scenario = screen.getByRole('combobox', { name: /Scénario/ });
    await waitFor(() => expect(scenario).toHaveFocus());
    expect(onWebauth).not.toHaveBeenCalled();

    await chooseInSelect(user, /Scénario/, 'Particulier');
    await user.click(go);
    await waitFor(() => expect(screen.getByText('Step 2 of 2')).toBeInTheDocument());
    expect(onWebauth).toHaveBeenCalledWith({
      connector: testConnector,
      source: 'openapi',
      authMechanism: 'webauth',
      values: { openapiwebsite: 'par' },
    });
    expect(within(screen.getByRole('list', { name: 'Step 2 of 2' })).getAllByRole('listitem')[1]).toHaveAttribute(
      'aria-current',
      'step',
    );

    // Step 2: the focus is on its first field.
    const login = screen.getByRole('textbox', { name: /Identifiant/ });
    await waitFor(() => expect(login).toHaveFocus());
    expect(screen.getByLabelText(/Mot de passe/)).toHaveAttribute('type', 'password');
    await user.type(login, 'jdupont');
    await user.type(screen.getByLabelText(/Mot de passe/), SECRET);

    // Back and forth: values stay.
    await user.click(screen.getByRole('button', { name: 'Back' }));
    expect(screen.getByRole('combobox', { name: /Scénario/ })).toHaveTextContent('Particulier');
    await user.click(screen.getByRole('button', { name: 'Continue to your bank' }));
    await waitFor(() => expect(screen.getByRole('textbox', { name: /Identifiant/ })).toHaveValue('jdupont'));
    expect(screen.getByLabelText(/Mot de passe/)).toHaveValue(SECRET);
    // The second webauth call carries this step's values only, never the password typed later.
    expect(onWebauth).toHaveBeenCalledTimes(2);
    expect(JSON.stringify(onWebauth.mock.calls)).not.toContain(SECRET);

    await user.click(screen.getByRole('button', { name: 'Connect' }));
    await waitFor(() => expect(onSubmit).toHaveBeenCalledOnce());
    expect(onSubmit).toHaveBeenCalledWith({
      connector: testConnector,
      authMechanism: 'credentials',
      values: { openapiwebsite: 'par', login: 'jdupont', password: SECRET },
      webauth: false,
      source: 'directaccess',
    });
  });

  it('without onWebauth, a webauth step that is not the last one moves on', async () => {
    const { user } = setup({
      connector: testConnector,
      defaultAuthMechanism: 'credentials',
      fieldValues: { openapiwebsite: 'pro' },
    });
    await user.click(screen.getByRole('button', { name: 'Continue to your bank' }));
    await waitFor(() => expect(screen.getByText('Step 2 of 2')).toBeInTheDocument());
  });

  it('keeps the values through a failed submit', async () => {
    const { user, onSubmit } = setup({
      connector: testConnector,
      defaultAuthMechanism: 'credentials',
      fieldValues: { openapiwebsite: 'par' },
    });
    await user.click(screen.getByRole('button', { name: 'Continue to your bank' }));
    const login = await screen.findByRole('textbox', { name: /Identifiant/ });
    await user.type(login, 'jdupont');
    await user.click(screen.getByRole('button', { name: 'Connect' }));
    const password = screen.getByLabelText(/Mot de passe/);
    await waitFor(() => expect(password).toHaveFocus());
    expect(screen.getByRole('alert')).toHaveTextContent('Please correct 1 field');
    expect(login).toHaveValue('jdupont');
    expect(onSubmit).not.toHaveBeenCalled();
    await user.type(password, SECRET);
    await user.keyboard('{Enter}');
    await waitFor(() => expect(onSubmit).toHaveBeenCalledOnce());
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('says so when the app’s onSubmit fails, keeps the values, and sends them again on "Try again"', async () => {
    const onSubmit = vi.fn().mockRejectedValueOnce(new Error(`upstream refused ${SECRET}`));
    const { user } = setup({
      connector: testConnector,
      defaultAuthMechanism: 'credentials',
      fieldValues: { openapiwebsite: 'par', login: 'jdupont' },
      onSubmit,
    });
    await user.click(screen.getByRole('button', { name: 'Continue to your bank' }));
    await user.type(await screen.findByLabelText(/Mot de passe/), SECRET);
    await user.click(screen.getByRole('button', { name: 'Connect' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Something went wrong');
    // The error's own message (which may hold what was typed) is not shown.
    expect(alert).not.toHaveTextContent(SECRET);
    expect(screen.getByLabelText(/Mot de passe/)).toHaveValue(SECRET);
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(2));
    expect(onSubmit.mock.calls[1]?.[0].values).toEqual(onSubmit.mock.calls[0]?.[0].values);
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
  });

  it('goes back to an earlier step when one of its values is wrong', async () => {
    // The scenario is prefilled with a value the list does not have.
    const { user, onSubmit } = setup({
      connector: testConnector,
      defaultAuthMechanism: 'credentials',
      fieldValues: { openapiwebsite: 'unknown', login: 'x', password: 'y' },
    });
    // Step 1 is validated on the way, so it fails there.
    await user.click(screen.getByRole('button', { name: 'Continue to your bank' }));
    await waitFor(() => expect(screen.getByRole('combobox', { name: /Scénario/ })).toHaveFocus());
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('plans the webauth flow by default, and switches mechanism keeping what applies', async () => {
    const { user, container } = setup({ connector: testConnector });
    const mechanisms = screen.getByRole('group', { name: 'How do you want to connect?' });
    const website = within(mechanisms).getByRole('radio', { name: 'On my bank’s website' });
    expect(website).toBeChecked();
    expect(screen.queryByText(/Step/)).toBeNull();
    await chooseInSelect(user, /Scénario/, 'Professionnel');
    await noAxeViolations(container);

    await user.click(within(mechanisms).getByRole('radio', { name: 'With my online banking credentials' }));
    expect(screen.getByText('Step 1 of 2')).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: /Scénario/ })).toHaveTextContent('Professionnel');
    await user.click(website);
    expect(screen.queryByText(/Step/)).toBeNull();
  });

  it('reports mechanism changes when controlled', async () => {
    const onAuthMechanismChange = vi.fn();
    const { user, rerender } = setup({ connector: testConnector, authMechanism: 'webauth', onAuthMechanismChange });
    await user.click(screen.getByRole('radio', { name: 'With my online banking credentials' }));
    expect(onAuthMechanismChange).toHaveBeenCalledWith('credentials');
    expect(screen.queryByText(/Step/)).toBeNull();
    rerender(
      <ConnectorForm
        connector={testConnector}
        authMechanism="credentials"
        onAuthMechanismChange={onAuthMechanismChange}
        onSubmit={() => {}}
      />,
    );
    expect(screen.getByText('Step 1 of 2')).toBeInTheDocument();
  });

  it('sequences a connector with three sources', async () => {
    const { user, onSubmit } = setup({ connector: multiSource, defaultAuthMechanism: 'credentials' });
    expect(screen.getByText('Step 1 of 3')).toBeInTheDocument();
    await user.click(screen.getByRole('radio', { name: 'Entreprises' }));
    await user.click(screen.getByRole('button', { name: 'Continue to your bank' }));
    await user.type(await screen.findByRole('textbox', { name: /Code client/ }), '12345678');
    await user.type(screen.getByLabelText(/Code secret/), '123456');
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(await screen.findByText('Step 3 of 3')).toBeInTheDocument();
    await user.type(screen.getByRole('textbox', { name: /Identifiant entreprise/ }), 'ACME');
    await user.click(screen.getByRole('button', { name: 'Connect' }));
    await waitFor(() => expect(onSubmit).toHaveBeenCalledOnce());
    expect(onSubmit.mock.calls[0]?.[0].values).toEqual({
      openapiwebsite: 'ent',
      login: '12345678',
      password: '123456',
      corporateid: 'ACME',
    });
  });
});

describe('ConnectorForm: webauth', () => {
  it('shows a webauth-only connector as "Continue to your bank", calling onWebauth', async () => {
    const onWebauth = vi.fn();
    const { user, onSubmit, container } = setup({ connector: webauthOnly, onWebauth });
    expect(screen.queryByRole('textbox')).toBeNull();
    expect(screen.queryByRole('group', { name: 'How do you want to connect?' })).toBeNull();
    expect(screen.getByText(`You will sign in on ${webauthOnly.name}’s own page, then come back here.`)).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Continue to your bank' }));
    await waitFor(() =>
      expect(onWebauth).toHaveBeenCalledWith({
        connector: webauthOnly,
        source: 'openapi',
        authMechanism: 'webauth',
        values: {},
      }),
    );
    expect(onSubmit).not.toHaveBeenCalled();
    await noAxeViolations(container);
  });

  it('without onWebauth, submits a webauth step that ends the form', async () => {
    const { user, onSubmit } = setup({ connector: webauthOnly });
    await user.click(screen.getByRole('button', { name: 'Continue to your bank' }));
    await waitFor(() =>
      expect(onSubmit).toHaveBeenCalledWith({
        connector: webauthOnly,
        authMechanism: 'webauth',
        values: {},
        webauth: true,
        source: expect.anything(),
      }),
    );
  });

  it('asks for payment fields with kind="payment"', async () => {
    const onWebauth = vi.fn();
    const { user } = setup({ connector: testConnector, kind: 'payment', onWebauth });
    expect(screen.getByRole('heading', { name: 'Confirm your payment with Connecteur de test' })).toBeInTheDocument();
    const flow = screen.getByRole('radiogroup', { name: /Parcours de validation/ });
    await user.click(within(flow).getByRole('radio', { name: 'Redirection vers la banque' }));
    await user.click(screen.getByRole('button', { name: 'Continue to your bank' }));
    await waitFor(() =>
      expect(onWebauth).toHaveBeenCalledWith({
        connector: testConnector,
        source: null,
        authMechanism: 'webauth',
        values: { flow: 'redirect' },
      }),
    );
  });

  it('offers both mechanisms of a connector that lists them', async () => {
    const { user } = setup({ connector: twoMechanisms });
    expect(screen.getByRole('textbox', { name: /Identifiant/ })).toBeInTheDocument();
    await user.click(screen.getByRole('radio', { name: 'On my bank’s website' }));
    expect(screen.queryByRole('textbox', { name: /Identifiant/ })).toBeNull();
    expect(screen.getByRole('radiogroup', { name: /Espace/ })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Continue to your bank' })).toBeInTheDocument();
  });
});

describe('ConnectorForm: secrets', () => {
  it('never writes the password in the page, and masks it until asked', async () => {
    const { user, container } = setup({ connector: everyFieldConnector });
    const password = screen.getByLabelText(/Code secret/);
    await user.type(password, SECRET);
    expect(password).toHaveValue(SECRET);
    expect(document.body.innerHTML).not.toContain(SECRET);
    expect(document.body.textContent).not.toContain(SECRET);

    const toggle = screen.getByRole('button', { name: 'Show password' });
    expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-pressed', 'true');
    expect(password).toHaveAttribute('type', 'text');
    expect(document.body.innerHTML).not.toContain(SECRET);
    await user.click(toggle);
    expect(password).toHaveAttribute('type', 'password');

    // Errors and the summary name fields, never values.
    await user.click(screen.getByRole('button', { name: 'Connect' }));
    await screen.findByRole('alert');
    expect(document.body.innerHTML).not.toContain(SECRET);
    await noAxeViolations(container);
  });

  it('says when Caps Lock is on while typing the password', async () => {
    const { user } = setup({ connector: everyFieldConnector });
    const password = screen.getByLabelText(/Code secret/);
    await user.click(password);
    await user.keyboard('{CapsLock}a');
    expect(screen.getByText('Caps Lock is on')).toBeInTheDocument();
    expect(password).toHaveAccessibleDescription('Caps Lock is on');
    await user.keyboard('{CapsLock}b');
    expect(screen.queryByText('Caps Lock is on')).toBeNull();
  });

  it('clears the values when the form goes away', async () => {
    const { user, unmount } = setup({ connector: everyFieldConnector });
    await user.type(screen.getByLabelText(/Code secret/), SECRET);
    unmount();
    expect(document.body.innerHTML).not.toContain(SECRET);
  });
});

describe('ConnectorForm: prefilled, read-only, back, pending', () => {
  it('shows a read-only prefilled choice', async () => {
    const onWebauth = vi.fn();
    const { user, container } = setup({
      connector: testConnector,
      fieldValues: { openapiwebsite: 'pro' },
      readOnly: ['openapiwebsite'],
      onWebauth,
    });
    const field = screen.getByRole('textbox', { name: /Scénario/ });
    expect(field).toHaveAttribute('readonly');
    expect(field).toHaveValue('Professionnel');
    await user.click(screen.getByRole('button', { name: 'Continue to your bank' }));
    await waitFor(() => expect(onWebauth).toHaveBeenCalledOnce());
    expect(onWebauth.mock.calls[0]?.[0].values).toEqual({ openapiwebsite: 'pro' });
    await noAxeViolations(container);
  });

  it('prefills a text field the user can still change unless it is read-only', async () => {
    const { user } = setup({
      connector: everyFieldConnector,
      fieldValues: { login: '11112222', contract: '0123456789' },
      readOnly: ['contract', 'birthdate'],
    });
    const login = screen.getByRole('textbox', { name: /Identifiant client/ });
    expect(login).toHaveValue('11112222');
    expect(login).not.toHaveAttribute('readonly');
    expect(screen.getByRole('textbox', { name: /Numéro de contrat/ })).toHaveAttribute('readonly');
    // Read-only without a value stays editable.
    expect(screen.getByLabelText(/Date de naissance/)).not.toHaveAttribute('readonly');
    await user.clear(login);
    expect(login).toHaveValue('');
  });

  it('offers to choose another bank on the first step', async () => {
    const onBack = vi.fn();
    const { user } = setup({ connector: everyFieldConnector, onBack });
    await user.click(screen.getByRole('button', { name: 'Choose another bank' }));
    expect(onBack).toHaveBeenCalledOnce();
  });

  it('disables the submit button while pending', async () => {
    const { user, onSubmit, rerender } = setup({
      connector: amundi,
      pending: true,
      fieldValues: { login: 'abcdef', password: 'x' },
    });
    const connect = screen.getByRole('button', { name: 'Connect' });
    expect(connect).toBeDisabled();
    await user.type(screen.getByRole('textbox', { name: /Identifiant/ }), '{Enter}');
    expect(onSubmit).not.toHaveBeenCalled();
    rerender(<ConnectorForm connector={amundi} onSubmit={onSubmit} fieldValues={{ login: 'abcdef', password: 'x' }} />);
    expect(connect).toBeEnabled();
    await user.click(connect);
    await waitFor(() => expect(onSubmit).toHaveBeenCalledOnce());
  });

  it('follows the direction given', () => {
    const { container } = setup({ connector: everyFieldConnector, dir: 'rtl', locale: 'fr', messages: fr });
    expect(container.firstElementChild).toHaveAttribute('dir', 'rtl');
    expect(screen.getByRole('button', { name: 'Connecter' })).toBeInTheDocument();
  });
});

/*
 * Secret field values (passwords, PINs, one-time codes) live in the inputs and the form state only: never in the
 * URL, the query cache, web storage, cookies, the console, the DOM's text or attributes, or an error; they are gone
 * from the form state when the form goes away; and each input says what it is to password managers.
 */

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
const captured: { formState?: UseConnectorFormResult } = {};

function HookProbe() {
  captured.formState = useConnectorForm(SECRET_CONNECTOR, { onSubmit: () => {} });
  return null;
}

/** The hook bound to plain inputs, so that its state holds references to them too. */
function BoundForm() {
  const formState = useConnectorForm(SECRET_CONNECTOR, { onSubmit: () => {} });
  captured.formState = formState;
  return (
    <form>
      {['login', 'password', 'pin', 'otp'].map((name) => (
        <input key={name} aria-label={name} {...formState.form.register(name)} />
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

describe('ConnectorForm: secret field values', () => {
  setupEmulatorServer();
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
    const formState = captured.formState;
    const wrong = { password: 'has spaces Pa55-w0rd:ultra-secret', pin: '8413x', otp: '904512-0' };
    const form = formState?.form;
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
    const formState = captured.formState;
    const form = formState?.form;
    expect(reachableText(form?.control)).toContain(SECRETS.password);
    second.unmount();
    expectNoSecretIn('the form state after unmount', reachableText(form?.control));
    expectNoSecretIn('the hook after unmount', reachableText(formState));

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

/* What a third party sends is data: a title, field labels and list values show as the exact text they are. */
describe('ConnectorForm with hostile data', () => {
  failOnConsoleErrorsAndRejections();

  for (const { name, text } of HOSTILE_TEXT) {
    describe(name, () => {
      countAsHostileCase(name);

      it('in the title, field labels and list values of the form', async () => {
        const user = userEvent.setup();
        const { container } = render(<ConnectorForm connector={hostileConnector(text)} onSubmit={() => {}} />);
        expect(screen.getByRole('heading', { level: 2 }).textContent).toBe(`Connect ${text}`);
        const labels = [...container.querySelectorAll('.ck-form__label')].map((label) => label.textContent ?? '');
        expect(labels.filter((label) => label.startsWith(text))).toHaveLength(5);
        const radios = within(screen.getByRole('radiogroup')).getAllByRole('radio');
        expect(radios.map((radio) => radio.closest('label')?.textContent)).toEqual([text, `${text} 1`]);
        expectInert(container);

        // The select of five values, opened.
        const select = screen.getAllByRole('combobox').at(-1) as HTMLElement;
        await user.click(select);
        const options = await screen.findAllByRole('option');
        expect(options.map((option) => option.textContent)).toEqual([
          text,
          `${text} 1`,
          `${text} 2`,
          `${text} 3`,
          `${text} 4`,
        ]);
        await user.click(options[0] as HTMLElement);
        expect(select.textContent).toContain(text);
        expectInert(document.body);
      });
    });
  }
});

describe('ConnectorForm, rendered with random connectors', () => {
  const { errors } = failOnConsoleErrorsAndRejections();
  // Unusable field patterns are reported once each with `console.warn`: random ones do, and this is not about them.
  afterEach(() => {
    vi.mocked(console.warn).mockClear();
  });

  it('submitted once, never throws nor makes React report anything, whatever it is given', async () => {
    await assertProperty(
      fc.asyncProperty(
        connectorPayload.map((payload) => connectorSchema.parse(payload)),
        fc.oneof(fc.constant(undefined), mechanism),
        fc.constantFrom('connection', 'payment'),
        fc.oneof(fc.constant(undefined), fc.dictionary(anyText, anyText, { maxKeys: 3 })),
        fc.constantFrom('en', 'fr', 'ar', 'xx-invalid-'),
        async (connector, defaultAuthMechanism, kind, fieldValues, locale) => {
          const onSubmit = vi.fn();
          const view = render(
            <ConnectorForm
              connector={connector}
              defaultAuthMechanism={defaultAuthMechanism}
              kind={kind}
              fieldValues={fieldValues}
              readOnly={fieldValues ? Object.keys(fieldValues) : undefined}
              onSubmit={onSubmit}
              onWebauth={() => {}}
              locale={locale}
              messages={locale === 'fr' ? fr : undefined}
            />,
          );
          const form = view.container.querySelector('form') as HTMLFormElement;
          await act(async () => {
            fireEvent.submit(form);
          });
          await act(async () => {});
          view.unmount();
          expect(errors).toEqual([]);
        },
      ),
      { numRuns: 100 },
    );
    // 100 renders: seconds on a busy machine.
  }, 30_000);
});
