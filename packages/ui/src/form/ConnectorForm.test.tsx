import type { Connector, ConnectorField } from '@connector-kit/core';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { afterEach, beforeEach, describe, expect, it, type Mock, vi } from 'vitest';
import { fr } from '../locales.ts';
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
      defaultValues: { login: '12345678', password: 'x', website: 'nope', region: 'idf' },
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
      defaultValues: { openapiwebsite: 'pro' },
    });
    await user.click(screen.getByRole('button', { name: 'Continue to your bank' }));
    await waitFor(() => expect(screen.getByText('Step 2 of 2')).toBeInTheDocument());
  });

  it('keeps the values through a failed submit', async () => {
    const { user, onSubmit } = setup({
      connector: testConnector,
      defaultAuthMechanism: 'credentials',
      defaultValues: { openapiwebsite: 'par' },
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
      defaultValues: { openapiwebsite: 'par', login: 'jdupont' },
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
      defaultValues: { openapiwebsite: 'unknown', login: 'x', password: 'y' },
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
      defaultValues: { openapiwebsite: 'pro' },
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
      defaultValues: { login: '11112222', contract: '0123456789' },
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
      defaultValues: { login: 'abcdef', password: 'x' },
    });
    const connect = screen.getByRole('button', { name: 'Connect' });
    expect(connect).toBeDisabled();
    await user.type(screen.getByRole('textbox', { name: /Identifiant/ }), '{Enter}');
    expect(onSubmit).not.toHaveBeenCalled();
    rerender(
      <ConnectorForm connector={amundi} onSubmit={onSubmit} defaultValues={{ login: 'abcdef', password: 'x' }} />,
    );
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
