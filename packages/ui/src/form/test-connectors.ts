import type { Connector, ConnectorField } from '@connector-kit/core';
import { demoConnectors, TEST_CONNECTOR_UUID } from '@connector-kit/mock-api';

/** Connectors for the form's tests and stories: hand-made ones, and some of the demo dataset by name. */

function demo(predicate: (connector: Connector) => boolean, what: string): Connector {
  const found = demoConnectors.find(predicate);
  if (!found) throw new Error(`No demo connector: ${what}`);
  return found;
}

export const demoConnectorNamed = (name: string) => demo((c) => c.name === name, name);

/** "Connecteur de test": openapi (webauth, a list of scenarios) then directaccess (login, password, birth date). */
export const testConnector = demo((c) => c.uuid === TEST_CONNECTOR_UUID, 'test connector');

/** A field pattern that backtracks catastrophically under a naive engine. */
export const milleis = demoConnectorNamed('Milleis Banque');

/** A PCRE-only pattern: `(?i)^[a-z0-9]{6,20}$`. */
export const amundi = demoConnectorNamed('Amundi Épargne Salariale');

/** A connector reachable through its bank's website only. */
export const webauthOnly = demo(
  (c) =>
    c.auth_mechanism === 'webauth' &&
    (c.sources ?? []).every((s) => s.auth_mechanism === 'webauth') &&
    (c.fields ?? []).length === 0 &&
    c.hidden !== true,
  'webauth only',
);

/** Three sources: openapi (webauth), directaccess then directaccess-pro (credentials). */
export const multiSource = demoConnectorNamed('Société Générale');

/** A connector whose form has a field type the API reference does not list (`number`). */
export const unknownType = demo(
  (c) => c.hidden !== true && (c.fields ?? []).some((f) => f.type === 'number'),
  'unknown field type',
);

function field(spec: Partial<ConnectorField> & Pick<ConnectorField, 'name' | 'label'>): ConnectorField {
  return {
    connector_sources: ['directaccess'],
    auth_mechanisms: ['credentials'],
    type: 'text',
    required: true,
    regex: null,
    values: [],
    ...spec,
  };
}

const REGIONS = [
  ['alsace', 'Alsace'],
  ['aquitaine', 'Aquitaine'],
  ['bretagne', 'Bretagne'],
  ['centre', 'Centre-Loire'],
  ['idf', 'Île-de-France'],
  ['normandie', 'Normandie'],
  ['paca', 'Provence-Alpes-Côte d’Azur'],
  ['sudouest', 'Sud-Ouest'],
] as const;

/** One field of every kind: text (with a pattern), password, date, a list of 2, a list of 8, an unknown type. */
export const everyFieldConnector: Connector = {
  id: 9001,
  uuid: '6c1f0d1e-0000-4000-8000-000000009001',
  name: 'Banque Exemple',
  color: '5c2963',
  auth_mechanism: 'credentials',
  available_auth_mechanisms: ['credentials'],
  sources: [
    {
      id: 90010,
      id_connector: 9001,
      name: 'directaccess',
      auth_mechanism: 'credentials',
      available_auth_mechanisms: ['credentials'],
      disabled: null,
      priority: 0,
    },
  ],
  fields: [
    field({ name: 'login', label: 'Identifiant client', regex: '^\\d{8}$' }),
    field({ name: 'password', label: 'Code secret', type: 'password' }),
    field({ name: 'birthdate', label: 'Date de naissance', type: 'date', required: false }),
    field({
      name: 'website',
      label: 'Espace',
      type: 'list',
      values: [
        { value: 'par', label: 'Particuliers' },
        { value: 'pro', label: 'Professionnels' },
      ],
    }),
    field({
      name: 'region',
      label: 'Caisse régionale',
      type: 'list',
      values: REGIONS.map(([value, label]) => ({ value, label })),
    }),
    field({ name: 'contract', label: 'Numéro de contrat', type: 'number', required: false, regex: '^\\d{10}$' }),
  ],
};

/** A connector offering both mechanisms on one source, with fields for each. */
export const twoMechanisms: Connector = {
  id: 9002,
  uuid: '6c1f0d1e-0000-4000-8000-000000009002',
  name: 'Banque Double',
  color: '0b57d0',
  auth_mechanism: 'credentials',
  available_auth_mechanisms: ['credentials', 'webauth'],
  fields: [
    field({ name: 'login', label: 'Identifiant', connector_sources: [], auth_mechanisms: ['credentials'] }),
    field({
      name: 'password',
      label: 'Mot de passe',
      type: 'password',
      connector_sources: [],
      auth_mechanisms: ['credentials'],
    }),
    field({
      name: 'space',
      label: 'Espace',
      type: 'list',
      connector_sources: [],
      auth_mechanisms: ['credentials', 'webauth'],
      values: [
        { value: 'par', label: 'Particuliers' },
        { value: 'pro', label: 'Professionnels' },
      ],
    }),
  ],
};
