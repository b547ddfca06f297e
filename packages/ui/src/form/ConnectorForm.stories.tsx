import '../styles.css';
import type { Decorator, Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { SUPPORTED_LOCALES, type SupportedLocale } from '../i18n/locale.ts';
import type { Messages, MessagesOverride } from '../i18n/messages.ts';
import { de, en, es, fr, it, nl, pt } from '../locales.ts';
import { ConnectorForm } from './ConnectorForm.tsx';
import {
  everyFieldConnector,
  milleis,
  multiSource,
  testConnector,
  twoMechanisms,
  unknownType,
  webauthOnly,
} from './test-connectors.ts';

/*
 * The connection form on its own: give it a connector with its `fields` and `sources` expanded. Every story is also
 * a test (with an axe check); those with a `play` function walk through a state.
 */

const frame: Decorator = (Story) => (
  <div style={{ maxWidth: 480 }}>
    <Story />
  </div>
);

const darkFrame: Decorator = (Story) => (
  <div data-ck-theme="dark" style={{ maxWidth: 480, padding: 24, background: '#15181c', borderRadius: 12 }}>
    <Story />
  </div>
);

const meta = {
  title: 'ui/ConnectorForm',
  component: ConnectorForm,
  decorators: [frame],
  args: {
    connector: testConnector,
    onSubmit: fn(),
    onWebauth: fn(),
  },
  argTypes: {
    connector: { control: false },
    authMechanism: { control: 'inline-radio', options: [undefined, 'credentials', 'webauth'] },
    dir: { control: 'inline-radio', options: [undefined, 'ltr', 'rtl'] },
    locale: { control: 'select', options: [...SUPPORTED_LOCALES] },
  },
} satisfies Meta<typeof ConnectorForm>;

export default meta;
type Story = StoryObj<typeof meta>;

/** "Connecteur de test" as the API describes it: its own mechanism (webauth) first, credentials on offer. */
export const TestConnector: Story = {};

/** The test connector with credentials: step 1 is the bank's web flow (a scenario), step 2 login and password. */
export const TestConnectorCredentials: Story = {
  args: { defaultAuthMechanism: 'credentials' },
};

/** Step 2 of the test connector, reached by choosing a scenario and continuing to the bank. */
export const TestConnectorSecondStep: Story = {
  args: { defaultAuthMechanism: 'credentials' },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('combobox', { name: /Scénario/ }));
    await userEvent.click(await canvas.findByRole('option', { name: 'Particulier' }));
    await userEvent.click(canvas.getByRole('button', { name: 'Continue to your bank' }));
    await expect(await canvas.findByRole('textbox', { name: /Identifiant/ })).toBeVisible();
    await expect(args.onWebauth).toHaveBeenCalledWith(
      expect.objectContaining({ source: 'openapi', values: { openapiwebsite: 'par' } }),
    );
    await waitFor(() => expect(canvas.getByRole('textbox', { name: /Identifiant/ })).toHaveFocus());
  },
};

/** One field of each type: text with a pattern, password, date, a list of two (radios), of eight (select), `number`. */
export const EveryFieldType: Story = {
  args: { connector: everyFieldConnector },
};

/** A type the reference does not list (`number`) is a text input, with a numeric keyboard. */
export const UnknownFieldType: Story = {
  args: { connector: unknownType },
};

/** Three sources in priority order: the bank's web flow, then personal, then business credentials. */
export const MultiSource: Story = {
  args: { connector: multiSource, defaultAuthMechanism: 'credentials' },
};

/** Nothing to type: the bank's own page does it all. */
export const WebauthOnly: Story = {
  args: { connector: webauthOnly },
};

/** Both mechanisms on one source: the credential fields, or the bank's page after choosing a space. */
export const TwoMechanisms: Story = {
  args: { connector: twoMechanisms },
};

/** The fields that validate a payment (`payment_fields`), for a payment validation webview. */
export const PaymentFields: Story = {
  args: { kind: 'payment' },
};

/** A failed submit: every problem listed, each field marked and described, the first one focused. */
export const ValidationErrors: Story = {
  args: { connector: everyFieldConnector },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.type(canvas.getByRole('textbox', { name: /Numéro de contrat/ }), '12');
    await userEvent.click(canvas.getByRole('button', { name: 'Connect' }));
    const summary = await canvas.findByRole('alert');
    await expect(summary).toHaveTextContent('Please correct 5 fields');
    await waitFor(() => expect(canvas.getByRole('textbox', { name: /Identifiant client/ })).toHaveFocus());
    await expect(canvas.getByRole('textbox', { name: /Numéro de contrat/ })).toHaveAccessibleDescription(
      'This value does not have the expected format.',
    );
    await expect(args.onSubmit).not.toHaveBeenCalled();
  },
};

/** Prefilled by the host app (like the Webview's `connectorFieldValues`), the scenario locked. */
export const PrefilledReadOnly: Story = {
  args: {
    defaultAuthMechanism: 'credentials',
    fieldValues: { openapiwebsite: 'pro', login: 'jdupont' },
    readOnly: ['openapiwebsite'],
  },
};

/** A field whose pattern backtracks catastrophically in a naive engine: typing stays instant. */
export const CatastrophicPattern: Story = {
  args: { connector: milleis },
};

/** The host app is working on the values: the submit button waits. */
export const Pending: Story = {
  args: { connector: everyFieldConnector, pending: true },
};

/** The app's `onSubmit` fails: the form says so, keeps the values, and "Try again" sends them again. */
export const SendFails: Story = {
  args: {
    defaultAuthMechanism: 'credentials',
    fieldValues: { openapiwebsite: 'par', login: 'jdupont', password: 'not-a-real-one' },
    defaultStep: 'last',
    onSubmit: fn(() => Promise.reject(new Error('The app server is down'))),
  },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Connect' }));
    const alert = await canvas.findByRole('alert');
    await expect(alert).toHaveTextContent('Something went wrong.');
    await expect(canvas.getByRole('textbox', { name: /Identifiant/ })).toHaveValue('jdupont');
    await userEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(args.onSubmit).toHaveBeenCalledTimes(2));
  },
};

/** Inside a flow: "Choose another bank" goes back to the list. */
export const WithBackToList: Story = {
  args: { connector: everyFieldConnector, onBack: fn() },
};

/** A shipped language: its table from `@connector-kit/ui/locales`, given with the locale. */
const localeStory = (locale: SupportedLocale, messages: Messages): Story => ({
  args: { connector: everyFieldConnector, locale, messages, onBack: fn() },
  name: `Locale: ${locale}`,
});

export const English = localeStory('en', en);
export const French = localeStory('fr', fr);
export const German = localeStory('de', de);
export const Spanish = localeStory('es', es);
export const Italian = localeStory('it', it);
export const Dutch = localeStory('nl', nl);
export const Portuguese = localeStory('pt', pt);

/** Strings of a language the library does not ship, given through `messages`. */
const arabic: MessagesOverride = {
  form: {
    title: (name) => `ربط ${name}`,
    stepIndicator: (current, total) => `الخطوة ${current} من ${total}`,
    next: 'التالي',
    back: 'رجوع',
    submit: 'ربط',
    backToList: 'اختيار مصرف آخر',
    requiredMark: 'مطلوب',
    optional: 'اختياري',
    showPassword: 'إظهار كلمة المرور',
    capsLock: 'مفتاح الأحرف الكبيرة مفعّل',
    selectPlaceholder: 'اختر…',
    errorSummary: (count) => (count === 1 ? 'يرجى تصحيح حقل واحد' : `يرجى تصحيح ${count} حقول`),
    fieldErrors: {
      required: 'املأ هذا الحقل.',
      pattern: 'هذه القيمة ليست بالصيغة المتوقعة.',
      date: 'أدخل تاريخًا صحيحًا بصيغة سنة-شهر-يوم.',
      list: 'اختر أحد الخيارات.',
    },
  },
};

/**
 * Right to left (an Arabic page, strings given through `messages`): the layout mirrors through logical properties;
 * the labels the API sends stay in their own language.
 */
export const RightToLeft: Story = {
  args: { connector: everyFieldConnector, locale: 'ar', messages: arabic, onBack: fn() },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'ربط' }));
    await canvas.findByRole('alert');
  },
};

/** The test connector with credentials in the dark theme. */
export const Dark: Story = {
  args: { defaultAuthMechanism: 'credentials' },
  decorators: [darkFrame],
};

/** Every field type, with errors, in the dark theme. */
export const DarkValidationErrors: Story = {
  args: { connector: everyFieldConnector, onBack: fn() },
  decorators: [darkFrame],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Connect' }));
    await canvas.findByRole('alert');
  },
};
