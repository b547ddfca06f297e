/**
 * What a sync ends in. Powens' test connector ("Connecteur de test") lets its `openapiwebsite` field pick the
 * scenario, so a client can walk through every state a real bank may put a connection in; any other connector
 * just succeeds. Bank texts are French, like the test connector's labels.
 */
import type { ConnectorField } from '@connector-kit/core';

/** The test connector's field whose value picks the scenario. */
export const SCENARIO_FIELD = 'openapiwebsite';

/** The one-time code the `otp` scenario accepts. */
export const OTP_CODE = '123456';

/** The field an `additionalInformationNeeded` connection asks for. */
export const OTP_FIELD: ConnectorField = {
  name: 'otp',
  label: 'Code reçu par SMS',
  type: 'text',
  regex: '^\\d{6}$',
  required: true,
};

/** A state a connection is left in by a sync. */
export interface SyncResult {
  /** `null` when the sync succeeded. */
  state: string | null;
  /** The bank's text for the user. */
  errorMessage: string | null;
  /** The fields an `additionalInformationNeeded` connection asks for. */
  extraFields: readonly ConnectorField[] | null;
}

/** A sync the bank refuses: the API answers 400 with this Powens error, and no connection is created. */
export interface Refusal {
  code: string;
  description: string;
  message: string;
  /** The state an existing connection is left in. */
  state: string;
}

export interface Scenario {
  /** The outcome, unless `refusal` says the API refuses. */
  result: SyncResult;
  refusal?: Refusal;
  /** The bank is slow: the answer comes after `slowScenarioMs`. */
  slow?: boolean;
}

export const SUCCESS: SyncResult = { state: null, errorMessage: null, extraFields: null };

const stateOf = (state: string, errorMessage: string | null = null): SyncResult => ({
  state,
  errorMessage,
  extraFields: null,
});

export const WRONG_OTP_MESSAGE = 'Le code saisi est incorrect. Saisissez le dernier code reçu par SMS.';

/** The default bank text of each state, for connections put in a state by hand. */
const STATE_MESSAGES: ReadonlyMap<string, string> = new Map([
  ['wrongpass', 'Identifiant ou mot de passe incorrect.'],
  ['additionalInformationNeeded', 'Saisissez le code à 6 chiffres reçu par SMS.'],
  ['decoupled', 'Validez la connexion dans votre application bancaire.'],
  ['SCARequired', 'Authentification forte requise : poursuivez sur le site de votre banque.'],
  ['webauthRequired', 'Poursuivez sur le site de votre banque pour vous authentifier.'],
  ['actionNeeded', 'Veuillez accepter les nouvelles conditions générales sur le site de votre banque.'],
  ['passwordExpired', 'Votre mot de passe a expiré. Changez-le sur le site de votre banque, puis réessayez.'],
  ['rateLimiting', 'Trop de synchronisations récentes : la banque limite les accès. Réessayez plus tard.'],
  ['websiteUnavailable', 'Le site de la banque est momentanément indisponible.'],
  ['bug', 'Une erreur interne est survenue.'],
]);

function message(state: string): string | null {
  return STATE_MESSAGES.get(state) ?? null;
}

function refusal(code: string, description: string): Refusal {
  return { code, description, message: message(code) ?? description, state: code };
}

/** The scenarios by `openapiwebsite` value, in the order the test connector lists them. */
export const SCENARIOS: ReadonlyMap<string, Scenario> = new Map<string, Scenario>([
  ['par', { result: SUCCESS }],
  ['pro', { result: SUCCESS }],
  [
    'wrongpass',
    { result: stateOf('wrongpass', message('wrongpass')), refusal: refusal('wrongpass', 'Wrong login or password') },
  ],
  [
    'otp',
    {
      result: {
        state: 'additionalInformationNeeded',
        errorMessage: message('additionalInformationNeeded'),
        extraFields: [OTP_FIELD],
      },
    },
  ],
  ['decoupled', { result: stateOf('decoupled', message('decoupled')) }],
  ['scarequired', { result: stateOf('SCARequired', message('SCARequired')) }],
  [
    'actionneeded',
    {
      result: stateOf('actionNeeded', message('actionNeeded')),
      refusal: refusal('actionNeeded', 'An action is needed on the bank website'),
    },
  ],
  ['passwordexpired', { result: stateOf('passwordExpired', message('passwordExpired')) }],
  ['ratelimiting', { result: stateOf('rateLimiting', message('rateLimiting')) }],
  [
    'websiteunavailable',
    {
      result: stateOf('websiteUnavailable', message('websiteUnavailable')),
      refusal: refusal('websiteUnavailable', 'The bank website is unavailable'),
    },
  ],
  ['validating', { result: stateOf('validating') }],
  ['slow', { result: SUCCESS, slow: true }],
]);

/** The state a connection put in `state` by hand shows, with its default bank text and fields. */
export function resultOfState(state: string | null, errorMessage?: string | null): SyncResult {
  if (state === null) return SUCCESS;
  return {
    state,
    errorMessage: errorMessage === undefined ? message(state) : errorMessage,
    extraFields: state === 'additionalInformationNeeded' ? [OTP_FIELD] : null,
  };
}
