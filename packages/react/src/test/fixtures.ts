import type { Connector, ConnectorField, ConnectorSource } from '@connector-kit/core';

/** The emulator's test connector (`Connecteur de test`), in every dataset it ships. */
export { TEST_CONNECTOR_ID, TEST_CONNECTOR_UUID } from '@connector-kit/mock-api';

/** A small dataset with known countries, products, sources and one hidden connector. */
const country = (id: string, name: string) => ({ id, name });

const alphaSources: ConnectorSource[] = [
  {
    id: 11,
    id_connector: 1,
    name: 'openapi',
    auth_mechanism: 'webauth',
    available_auth_mechanisms: ['webauth'],
    disabled: null,
    priority: 0,
    account_usages: ['PRIV'],
  },
  {
    id: 12,
    id_connector: 1,
    name: 'directaccess',
    auth_mechanism: 'credentials',
    available_auth_mechanisms: ['credentials', 'webauth'],
    disabled: null,
    priority: 2,
    account_usages: ['PRIV'],
  },
];

export const ALPHA = { uuid: '0f6b1c52-7d0a-4b5e-9a53-2f3c1a000001', id: 1, name: 'Banque Alpha' } as const;
export const BETA = { uuid: '0f6b1c52-7d0a-4b5e-9a53-2f3c1a000002', id: 2, name: 'Beta Bank' } as const;
export const GAMMA = { uuid: '0f6b1c52-7d0a-4b5e-9a53-2f3c1a000003', id: 3, name: 'Banque Gamma' } as const;
export const DELTA = { uuid: '0f6b1c52-7d0a-4b5e-9a53-2f3c1a000004', id: 4, name: 'Delta Banco' } as const;
export const HIDDEN = { uuid: '0f6b1c52-7d0a-4b5e-9a53-2f3c1a000005', id: 5, name: 'Banque Cachée' } as const;

function connector(
  base: { uuid: string; id: number; name: string },
  countries: { id: string; name: string }[],
  extra: Partial<Connector> = {},
): Connector {
  return {
    ...base,
    hidden: false,
    charged: true,
    beta: false,
    restricted: false,
    color: '0077be',
    slug: base.name.slice(0, 3).toUpperCase(),
    code: null,
    auth_mechanism: 'webauth',
    available_auth_mechanisms: ['webauth'],
    capabilities: ['bank'],
    products: ['bank'],
    countries,
    sources: [],
    fields: [],
    urls: [],
    ...extra,
  };
}

export const testConnectors: Connector[] = [
  connector(ALPHA, [country('FR', 'France')], { sources: alphaSources }),
  connector(BETA, [country('DE', 'Germany')], { products: ['bank', 'pay'] }),
  connector(GAMMA, [country('FR', 'France'), country('BE', 'Belgium')], { products: ['bank', 'pay'] }),
  connector(DELTA, [country('ES', 'Spain')]),
  connector(HIDDEN, [country('FR', 'France')], { hidden: true }),
];

export const names = (connectors: readonly Connector[] | undefined) => connectors?.map((c) => c.name);

/** A required text field named and labelled `name`, with `extra` over it. */
export const textField = (name: string, extra: Partial<ConnectorField> = {}): ConnectorField => ({
  name,
  label: name,
  type: 'text',
  required: true,
  ...extra,
});

let serial = 0;
/** A minimal connector with a fresh uuid and id, for tests that only need names and countries. */
export function bank(name: string, countries: string[], extra: Partial<Connector> = {}): Connector {
  serial += 1;
  return {
    uuid: `00000000-0000-4000-8000-${String(serial).padStart(12, '0')}`,
    id: serial,
    name,
    hidden: false,
    beta: false,
    restricted: false,
    capabilities: ['bank'],
    countries: countries.map((id) => ({ id, name: id })),
    ...extra,
  } as Connector;
}
