/**
 * The hand-made dataset of the emulator: banks, online banks, wealth institutions and billers of Europe, in
 * wire format, with every expand filled in. Rows are compact; `buildConnector` turns each into a full object.
 *
 * Ids are sequential in table order (40 belongs to the test connector), UUIDs are derived from the name and
 * countries, so the dataset is the same on every run.
 */
import type { Connector } from '@connector-kit/core';
import {
  buildConnector,
  COUNTRY_LANG,
  type ConnectorPlan,
  defaultCredentials,
  type FieldSpec,
  type Flag,
  field,
  hostOf,
  type Kind,
  nameUuid,
  type PayVariant,
  paymentField,
  paymentSettings,
  slugOf,
  stableTimestamp,
} from './factory.ts';

/** UUID of "Connecteur de test", the sandbox connector whose form drives every scenario of a connection. */
export const TEST_CONNECTOR_UUID = '338178e6-3d01-564f-9a7b-52ca442459bf';
export const TEST_CONNECTOR_ID = 40;

// ---------------------------------------------------------------------------------------------------------------
// Credential forms of the institutions that have their own (French labels, as the API sends them)

const PASSWORD: FieldSpec = { name: 'password', label: 'Mot de passe', type: 'password' };
const SECRET_CODE: FieldSpec = { name: 'password', label: 'Code secret', type: 'password' };

const FORMS = {
  socgen: [
    { name: 'login', label: 'Code client', regex: '^\\d{8}$' },
    { name: 'password', label: 'Code secret', type: 'password', regex: '^\\d{6}$' },
  ],
  bnp: [
    { name: 'login', label: 'Numéro client' },
    { name: 'password', label: 'Code secret', type: 'password', regex: '^(\\d{6})$' },
  ],
  bp: [{ name: 'login', label: 'Identifiant', regex: '\\d{10}[a-zA-Z0-9]?' }, PASSWORD],
  boursorama: [{ name: 'login', label: 'Identifiant', regex: '^[0-9]+$' }, PASSWORD],
  ing: [
    { name: 'login', label: 'Numéro client', regex: '^(\\d{1,10})$' },
    SECRET_CODE,
    { name: 'birthday', label: 'Date de naissance', type: 'date' },
  ],
  cragr: [
    { name: 'login', label: 'Identifiant (11 chiffres)', regex: '\\d{11}' },
    { name: 'password', label: 'Code personnel', type: 'password', regex: '^\\d{6}$' },
  ],
  caissedepargne: [
    { name: 'login', label: 'Identifiant client' },
    { name: 'nuser', label: 'Numéro d’utilisateur (professionnels)', regex: '[A-Z0-9]{0,8}', required: false },
    { name: 'password', label: 'Code confidentiel', type: 'password' },
  ],
  banquepopulaire: [
    { name: 'cdetab', label: 'Code établissement', regex: '\\d{5}', required: false },
    { name: 'login', label: 'Identifiant' },
    PASSWORD,
  ],
  creditmutuel: [{ name: 'login', label: 'Identifiant' }, PASSWORD],
  ccf: [{ name: 'login', label: 'Identifiant client', regex: '^\\d{9}$' }, PASSWORD],
  orangebank: [{ name: 'login', label: 'Numéro client', regex: '^[0-9]{8}$' }, SECRET_CODE],
  oney: [{ name: 'login', label: 'Numéro client ou adresse e-mail', regex: '([0-9]{9}|.+@.+\\..+)' }, PASSWORD],
  orange: [
    { name: 'login', label: 'Adresse e-mail ou numéro de mobile' },
    { name: 'password', label: 'Mot de passe', type: 'password', regex: '\\S{8,36}' },
  ],
  freemobile: [{ name: 'login', label: 'Identifiant', regex: '^(\\d{8}|)$' }, PASSWORD],
  ladresse: [{ name: 'login', label: 'Numéro de locataire', regex: '[A-Z]\\d{6}' }, PASSWORD],
  ameli: [
    { name: 'login', label: 'Numéro de sécurité sociale' },
    { name: 'password', label: 'Code personnel', type: 'password', regex: '^\\d{4,13}' },
  ],
  email: [{ name: 'login', label: 'Adresse e-mail' }, PASSWORD],
} satisfies Record<string, FieldSpec[]>;

type Form = keyof typeof FORMS;

// ---------------------------------------------------------------------------------------------------------------
// Rows

interface Row {
  name: string;
  country: string | readonly string[];
  kind: Kind;
  color: string;
  /** Host of the institution's website. */
  url: string;
  form?: Form;
  /** A form of its own, replacing `form`. */
  fields?: readonly FieldSpec[];
  /** More fields after the credential form. */
  extraFields?: readonly FieldSpec[];
  code?: string;
  slug?: string;
  /** A `list` field of account types; `true` names it after its source (`openapiwebsite`, `directaccesswebsite`). */
  website?: true | string;
  pro?: boolean;
  legacy?: boolean;
  directPriority?: number;
  pay?: PayVariant;
  flags?: readonly Flag[];
  months?: number;
  syncFrequency?: number;
  siret?: string;
  extra?: Record<string, unknown>;
}

type RowOptions = Omit<Row, 'name' | 'country' | 'kind' | 'color' | 'url'>;

function row(name: string, country: Row['country'], kind: Kind, color: string, url: string, options?: RowOptions): Row {
  return { name, country, kind, color, url, ...options };
}

/** Members of a banking group sharing a form, a color and a website layout: `[suffix, bank code, options]`. */
function group(
  prefix: string,
  kind: Kind,
  color: string,
  url: (suffix: string) => string,
  options: RowOptions,
  members: readonly (readonly [suffix: string, code: string, options?: RowOptions])[],
): Row[] {
  return members.map(([suffix, code, own]) =>
    row(`${prefix} ${suffix}`.trim(), 'FR', kind, color, url(suffix), { ...options, code, ...own }),
  );
}

/** Same as `group`, for a country other than France. */
function groupIn(
  countryCode: string,
  prefix: string,
  kind: Kind,
  color: string,
  url: (suffix: string) => string,
  options: RowOptions,
  members: readonly (readonly [suffix: string, code: string, options?: RowOptions])[],
): Row[] {
  return group(prefix, kind, color, url, options, members).map((member) => ({ ...member, country: countryCode }));
}

const EU_NEOBANK = ['FR', 'DE', 'ES', 'IT', 'NL', 'BE', 'PT', 'AT', 'IE', 'LU'] as const;

const FRANCE: Row[] = [
  row('Société Générale', 'FR', 'bank', 'e60028', 'particuliers.sg.fr', {
    form: 'socgen',
    code: '30003',
    slug: 'SGE',
    website: true,
    pro: true,
    pay: 'instant',
    flags: ['docs'],
  }),
  row('BNP Paribas', 'FR', 'bank', '00915a', 'mabanque.bnpparibas', {
    form: 'bnp',
    code: '30004',
    slug: 'BNP',
    website: true,
    pro: true,
    pay: 'standard',
    flags: ['docs'],
  }),
  row('Hello bank!', 'FR', 'bank', '00a3e0', 'www.hellobank.fr', { form: 'bnp', code: '30004', pay: 'basic' }),
  row('LCL', 'FR', 'bank', '1b3d8f', 'www.lcl.fr', {
    code: '30002',
    website: true,
    pro: true,
    pay: 'bulk',
    directPriority: 2,
    flags: ['docs'],
  }),
  row('La Banque Postale', 'FR', 'bank', 'ffd100', 'www.labanquepostale.fr', {
    form: 'bp',
    code: '20041',
    website: 'directaccesswebsite',
    pro: true,
    pay: 'standard',
    flags: ['docs'],
  }),
  row('BoursoBank', 'FR', 'bank', 'd6006e', 'www.boursobank.com', {
    form: 'boursorama',
    code: '40618',
    pay: 'instant',
    months: 24,
    extra: { former_names: ['Boursorama Banque'] },
  }),
  row('ING', 'FR', 'bank', 'ff6200', 'www.ing.fr', {
    form: 'ing',
    code: '30438',
    legacy: true,
    flags: ['restricted'],
  }),
  row('Fortuneo', 'FR', 'bank', '6ab023', 'www.fortuneo.fr', { code: '14518', pay: 'standard' }),
  row('Monabanq', 'FR', 'creds', '00a0e1', 'www.monabanq.com', { code: '12869', flags: ['unstable'] }),
  row('Orange Bank', 'FR', 'creds', 'ff7900', 'www.orangebank.fr', {
    form: 'orangebank',
    code: '18370',
    flags: ['restricted', 'hidden'],
  }),
  row('Ma French Bank', 'FR', 'web', 'e5005b', 'www.mafrenchbank.fr', { flags: ['beta'] }),
  row('Nickel', 'FR', 'creds', '1d1d1b', 'nickel.eu', {
    code: '16598',
    fields: [
      { name: 'login', label: 'Adresse e-mail ou numéro de compte' },
      { name: 'password', label: 'Code secret', type: 'password', regex: '^\\d{6}$' },
      { name: 'birthdate', label: 'Date de naissance', type: 'date' },
    ],
  }),
  row('Shine', 'FR', 'business', 'ff5a5f', 'www.shine.fr', { code: '16798', flags: ['beta'] }),
  row('Qonto', 'FR', 'business', '1d1d1b', 'qonto.com', {
    code: '16958',
    website: true,
    pay: 'bulk',
    extra: { id_category: 7 },
  }),
  row('CCF', 'FR', 'bank', '00305e', 'www.ccf.fr', { form: 'ccf', code: '30056', pay: 'uncapped' }),
  row('Banque Palatine', 'FR', 'bank', '56276d', 'www.palatine.fr', { code: '40978', pro: true, website: true }),
  row('Crédit Coopératif', 'FR', 'bank', 'e30613', 'www.credit-cooperatif.coop', { code: '42559', pro: true }),
  row('AXA Banque', 'FR', 'creds', '00008f', 'www.axabanque.fr', { code: '12548', flags: ['restricted', 'hidden'] }),
  row('Milleis Banque', 'FR', 'creds', '8a7449', 'www.milleis.fr', {
    code: '11238',
    extraFields: [{ name: 'holder', label: 'Nom du titulaire', regex: '^([a-zA-Z0-9]+\\s?)*$', required: false }],
  }),
  row('Banque Transatlantique', 'FR', 'creds', '1c2e5a', 'www.banquetransatlantique.com', {
    code: '30568',
    form: 'creditmutuel',
    website: true,
    extraFields: [{ name: 'otp', label: 'Code reçu par SMS', type: 'otp', required: false }],
  }),
  row('Oney', 'FR', 'creds', 'aacc00', 'www.oney.fr', { form: 'oney', code: '14378' }),
  row('Cetelem', 'FR', 'creds', '00965e', 'www.cetelem.fr', { form: 'email' }),
  row('Cofidis', 'FR', 'creds', 'e4002b', 'www.cofidis.fr', {
    fields: [
      { name: 'login', label: 'Adresse e-mail', type: 'email' },
      { name: 'password', label: 'Code d’accès', type: 'password', regex: '^\\d{6}$' },
    ],
  }),
  row('Carrefour Banque', 'FR', 'creds', '0055a5', 'www.carrefour-banque.fr', { code: '17629' }),
  row('BforBank', 'FR', 'web', '3c1053', 'www.bforbank.com', { code: '16218', pay: 'basic' }),
  row('Crédit Mutuel', 'FR', 'bank', '0064b0', 'www.creditmutuel.fr', {
    form: 'creditmutuel',
    code: '10278',
    website: 'website',
    pro: true,
    pay: 'standard',
    flags: ['docs'],
  }),
  row('CIC', 'FR', 'bank', '003a80', 'www.cic.fr', {
    form: 'creditmutuel',
    code: '30066',
    website: 'website',
    pro: true,
    pay: 'instant',
  }),
  row('Crédit Mutuel de Bretagne', 'FR', 'bank', 'e2001a', 'www.cmb.fr', { code: '15589', directPriority: 2 }),
  row('Crédit Mutuel du Sud-Ouest', 'FR', 'bank', 'ed1c24', 'www.cmso.com', { code: '15599', legacy: true }),
  row('Linxea', 'FR', 'wealth', '0c2d83', 'www.linxea.com', { form: 'email', syncFrequency: 1, months: 12 }),
  row('Yomoni', 'FR', 'wealth', '2f3a8f', 'www.yomoni.fr', { form: 'email', flags: ['beta'] }),
  row('Amundi Épargne Salariale', 'FR', 'wealth', '001c4b', 'www.amundi-ee.com', {
    fields: [
      { name: 'login', label: 'Identifiant', regex: '(?i)^[a-z0-9]{6,20}$' },
      { name: 'password', label: 'Mot de passe', type: 'password' },
    ],
  }),
  row('Natixis Interépargne', 'FR', 'wealth', '5f259f', 'epargnants.interepargne.natixis.fr', {}),
  row('Spirica', 'FR', 'wealth', '00a19a', 'www.spirica.fr', { months: 36 }),
  row('Generali Patrimoine', 'FR', 'wealth', 'c21b17', 'www.generali-patrimoine.fr', { flags: ['unstable'] }),
  row('BNP Paribas Cardif', 'FR', 'wealth', '00915a', 'www.cardif.fr', { form: 'bnp' }),
];

const CREDIT_DU_NORD = group(
  '',
  'bank',
  '00508f',
  (name) => `www.${hostOf(name)}.fr`,
  { form: 'socgen', website: 'directaccesswebsite', flags: ['restricted'] },
  [
    ['Crédit du Nord', '30076', { flags: ['restricted', 'hidden'] }],
    ['Banque Courtois', '10268'],
    ['Banque Kolb', '13259', { extra: { hidden: null } }],
    ['Banque Laydernier', '10228', { flags: ['restricted', 'unstable'] }],
    ['Banque Nuger', '10468'],
    ['Banque Rhône-Alpes', '10548'],
    ['Banque Tarneaud', '10558', { flags: ['restricted', 'hidden'] }],
    ['Société Marseillaise de Crédit', '30077'],
  ],
);

const CREDIT_AGRICOLE = group(
  'Crédit Agricole',
  'bank',
  '009597',
  (region) => `www.credit-agricole.fr/ca-${hostOf(region)}`,
  { form: 'cragr', flags: ['docs'] },
  [
    ['Île-de-France', '18206', { pay: 'standard', website: true, pro: true }],
    ['Alpes Provence', '11306', { pay: 'standard' }],
    ['Aquitaine', '13306'],
    ['Atlantique Vendée', '14706', { pay: 'standard' }],
    ['Brie Picardie', '18706'],
    ['Centre-est', '17806'],
    ['Centre France', '16806', { pay: 'uncapped' }],
    ['Centre Loire', '14806'],
    ['Centre Ouest', '19506'],
    ['Champagne-Bourgogne', '11006'],
    ['Charente-Maritime Deux-Sèvres', '11706'],
    ['Charente-Périgord', '12406'],
    ['Corse', '12006', { flags: ['docs', 'unstable'] }],
    ["Côtes d'Armor", '12206'],
    ['des Savoie', '18106', { pay: 'standard' }],
    ['Finistère', '12906'],
    ['Franche-Comté', '12506'],
    ['Ille-et-Vilaine', '13606'],
    ['Languedoc', '13506'],
    ['Loire Haute-Loire', '14506'],
    ['Lorraine', '16106'],
    ['Morbihan', '16006'],
    ['Nord de France', '16706', { pay: 'standard' }],
    ['Normandie-Seine', '18306'],
    ["Provence Côte d'Azur", '19106', { pay: 'instant' }],
    ['Pyrénées Gascogne', '16906'],
    ['Sud Rhône Alpes', '13906'],
    ['Toulouse 31', '13106', { legacy: true }],
    ['Guadeloupe', '19006', { flags: ['docs', 'beta'] }],
  ],
);

const CAISSE_EPARGNE = group(
  "Caisse d'Épargne",
  'bank',
  'e2001a',
  (region) => `www.caisse-epargne.fr/${hostOf(region)}`,
  { form: 'caissedepargne', website: true, directPriority: 2 },
  [
    ['Île-de-France', '17515', { pay: 'instant', pro: true }],
    ['Hauts de France', '16275', { pay: 'standard' }],
    ['Normandie', '11425'],
    ['Bretagne Pays de Loire', '14445', { pay: 'standard' }],
    ['Grand Est Europe', '15135'],
    ['Bourgogne Franche-Comté', '12135'],
    ['Rhône Alpes', '13825', { pro: true }],
    ['Loire-Centre', '14505'],
    ['Loire Drôme Ardèche', '14265'],
    ['Auvergne et Limousin', '18715', { flags: ['unstable'] }],
    ['Aquitaine Poitou-Charentes', '13335'],
    ['Midi-Pyrénées', '13135', { pay: 'uncapped' }],
    ['Languedoc-Roussillon', '13485'],
    ['Provence-Alpes-Corse', '11315'],
    ["Côte d'Azur", '18315'],
  ],
);

const BANQUE_POPULAIRE = group(
  'Banque Populaire',
  'bank',
  '0c3c7c',
  (region) => `www.banquepopulaire.fr/${hostOf(region)}`,
  { form: 'banquepopulaire' },
  [
    ['Auvergne Rhône Alpes', '16807', { pay: 'standard', pro: true }],
    ['Grand Ouest', '13807', { pay: 'standard' }],
    ['Rives de Paris', '10207', { pro: true, website: true }],
    ['Val de France', '18707'],
    ['Bourgogne Franche-Comté', '10807'],
    ['Alsace Lorraine Champagne', '14707'],
    ['du Nord', '13507'],
    ['Occitane', '17807', { flags: ['unstable'] }],
    ['Aquitaine Centre Atlantique', '10907'],
    ['Méditerranée', '14607'],
    ['du Sud', '16607'],
  ],
);

const BPCE_OTHERS: Row[] = [
  row('BRED Banque Populaire', 'FR', 'bank', '0c3c7c', 'www.bred.fr', { form: 'banquepopulaire', code: '10107' }),
  row('CASDEN Banque Populaire', 'FR', 'creds', 'e6007e', 'www.casden.fr', { code: '18359' }),
];

const BILLERS_FR: Row[] = [
  row('EDF', 'FR', 'provider', '001a70', 'particulier.edf.fr', { form: 'email', siret: '55208131766522' }),
  row('Orange', 'FR', 'provider', 'ff7900', 'www.orange.fr', { form: 'orange', siret: '38012986646850' }),
  row('Free Mobile', 'FR', 'provider', 'cd1e25', 'mobile.free.fr', { form: 'freemobile', siret: '49924796900016' }),
  row('Free', 'FR', 'provider', 'cd1e25', 'www.free.fr', { siret: '42193886100034' }),
  row('Ameli', 'FR', 'provider', '0c419a', 'www.ameli.fr', {
    form: 'ameli',
    slug: 'AME',
    flags: ['free'],
    syncFrequency: 7,
  }),
  row('SFR', 'FR', 'provider', 'e2001a', 'www.sfr.fr', { form: 'email', siret: '34305956400959' }),
  row('Bouygues Telecom', 'FR', 'provider', '00295f', 'www.bouyguestelecom.fr', { siret: '39748093000313' }),
  row('Engie', 'FR', 'provider', '00aaff', 'particuliers.engie.fr', { form: 'email', siret: '54210765113030' }),
  row('TotalEnergies Électricité et Gaz', 'FR', 'provider', 'ed0000', 'www.totalenergies.fr', {
    form: 'email',
    siret: '42252534200048',
    flags: ['unstable'],
  }),
  row('Veolia Eau', 'FR', 'provider', 'ed1c24', 'www.service.eau.veolia.fr', { siret: '57202552600029' }),
  row('L’Adresse', 'FR', 'provider', '2a5caa', 'www.ladresse.com', { form: 'ladresse', siret: '39463429700030' }),
  row('Caf', 'FR', 'provider', '0a4a8e', 'www.caf.fr', {
    flags: ['free'],
    fields: [
      { name: 'login', label: 'Numéro allocataire', regex: '^\\d{7}$' },
      { name: 'postcode', label: 'Code postal', type: 'number', regex: '^\\d{5}$' },
      { name: 'password', label: 'Mot de passe', type: 'password' },
    ],
  }),
  row('impots.gouv.fr', 'FR', 'provider', '000091', 'www.impots.gouv.fr', {
    flags: ['free'],
    fields: [
      { name: 'login', label: 'Numéro fiscal', regex: '^\\d{13}$' },
      { name: 'password', label: 'Mot de passe', type: 'password' },
    ],
  }),
  row('France Travail', 'FR', 'provider', '1e1a5b', 'www.francetravail.fr', { flags: ['free', 'beta'] }),
];

const GERMANY: Row[] = [
  row('Deutsche Bank', 'DE', 'bank', '0018a8', 'www.deutsche-bank.de', {
    code: '10070000',
    pro: true,
    pay: 'instant',
    months: 12,
  }),
  row('Commerzbank', 'DE', 'bank', 'ffd700', 'www.commerzbank.de', { code: '10040000', pay: 'standard' }),
  row('Postbank', 'DE', 'bank', 'ffcc00', 'www.postbank.de', { code: '10010010' }),
  row('DKB Deutsche Kreditbank', 'DE', 'web', '148dea', 'www.dkb.de', { code: '12030000', pay: 'basic' }),
  row('comdirect', 'DE', 'bank', 'fff500', 'www.comdirect.de', { code: '20041133' }),
  row('Consorsbank', 'DE', 'creds', '0b2b5b', 'www.consorsbank.de', {
    code: '76030080',
    extraFields: [{ name: 'kontonummer', label: 'Kontonummer', type: 'number', regex: '^\\d{10}$' }],
  }),
  row('HypoVereinsbank', 'DE', 'bank', 'e2001a', 'www.hypovereinsbank.de', { code: '70020270' }),
  row('Targobank', 'DE', 'bank', '003a7d', 'www.targobank.de', { code: '30020900', legacy: true }),
  row('ING Deutschland', 'DE', 'bank', 'ff6200', 'www.ing.de', { code: '50010517', pay: 'standard' }),
  row('N26', EU_NEOBANK, 'web', '36a18b', 'n26.com', {
    code: '10011001',
    pay: 'instant',
    extra: {
      maintenance: { start: '2026-08-02 01:00:00', end: '2026-08-02 05:00:00', message: 'Maintenance programmée' },
    },
  }),
  row('GLS Bank', 'DE', 'creds', '1f6e43', 'www.gls.de', { code: '43060967' }),
  row('Sparda-Bank Baden-Württemberg', 'DE', 'creds', '0067b1', 'www.sparda-bw.de', { code: '60090800' }),
  ...groupIn('DE', '', 'bank', 'ff0000', (name) => `www.${hostOf(name)}.de`, {}, [
    [
      'Sparkasse KölnBonn',
      '37050198',
      { pay: 'standard', extra: { fints_url: 'https://banking-rl7.s-fints-pt-rl.de/fints30' } },
    ],
    ['Hamburger Sparkasse', '20050550', { pay: 'standard' }],
    ['Berliner Sparkasse', '10050000'],
    ['Stadtsparkasse München', '70150000', { pay: 'instant' }],
    ['Kreissparkasse Köln', '37050299'],
    ['Sparkasse Hannover', '25050180'],
    ['Frankfurter Sparkasse', '50050201'],
    ['Nassauische Sparkasse', '51050015'],
    ['Sparkasse Nürnberg', '76050101'],
    ['Ostsächsische Sparkasse Dresden', '85050300'],
    ['Stadtsparkasse Düsseldorf', '30050110'],
    ['Kreissparkasse Böblingen', '60350130'],
    ['Sparkasse Mülheim an der Ruhr', '36250000'],
    ['Sparkasse Göttingen', '26050001', { flags: ['unstable'] }],
    ['Sparkasse Lüneburg', '24050110', { legacy: true }],
  ]),
  ...groupIn('DE', '', 'creds', '0066b3', (name) => `www.${hostOf(name)}.de`, {}, [
    ['Berliner Volksbank', '10090000'],
    ['Volksbank Mittelhessen', '51390000'],
    ['Frankfurter Volksbank', '50190000'],
    ['Volksbank Stuttgart', '60090100'],
    ['Münchner Bank', '70190000'],
    ['Volksbank Köln Bonn', '38060186'],
    ['VR-Bank Würzburg', '79090000', { flags: ['beta'] }],
    ['Dortmunder Volksbank', '44160014'],
  ]),
];

const SPAIN: Row[] = [
  row('Banco Santander', 'ES', 'bank', 'ec0000', 'www.bancosantander.es', { code: '0049', pay: 'instant', pro: true }),
  row('BBVA', 'ES', 'bank', '004481', 'www.bbva.es', { code: '0182', pay: 'standard' }),
  row('CaixaBank', 'ES', 'bank', '007eae', 'www.caixabank.es', { code: '2100', pay: 'standard', website: true }),
  row('Bankinter', 'ES', 'bank', 'ff6600', 'www.bankinter.com', { code: '0128' }),
  row('Banco Sabadell', 'ES', 'bank', '006dff', 'www.bancsabadell.com', { code: '0081', pay: 'uncapped' }),
  row('Unicaja Banco', 'ES', 'creds', '00a651', 'www.unicajabanco.es', { code: '2103' }),
  row('Abanca', 'ES', 'bank', '3c6cff', 'www.abanca.com', { code: '2080' }),
  row('Ibercaja', 'ES', 'creds', 'e30613', 'www.ibercaja.es', { code: '2085' }),
  row('Kutxabank', 'ES', 'creds', 'e2001a', 'portal.kutxabank.es', { code: '2095' }),
  row('Cajamar Caja Rural', 'ES', 'creds', '009b3a', 'www.cajamar.es', { code: '3058' }),
  row('Caja Rural de Navarra', 'ES', 'creds', '007a33', 'www.cajaruraldenavarra.com', { code: '3008' }),
  row('Grupo Caja Rural', 'ES', 'creds', '00843d', 'www.ruralvia.com', {
    extraFields: [
      {
        name: 'entidad',
        label: 'Entidad',
        type: 'list',
        values: [
          ['3023', 'Caja Rural de Granada'],
          ['3067', 'Caja Rural de Jaén'],
          ['3059', 'Caja Rural de Asturias'],
          ['3187', 'Caja Rural del Sur'],
          ['3085', 'Caja Rural de Zamora'],
          ['3060', 'Caja Rural de Castilla-La Mancha'],
          ['3009', 'Caja Rural de Extremadura'],
          ['3016', 'Caixa Rural de Galicia'],
        ],
      },
    ],
  }),
  row('Caja de Ingenieros', 'ES', 'creds', '004b87', 'www.caja-ingenieros.es', { code: '3025' }),
  row('Laboral Kutxa', 'ES', 'creds', '009ee0', 'www.laboralkutxa.com', { code: '3035' }),
  row('EVO Banco', 'ES', 'web', 'ff4600', 'www.evobanco.com', { code: '0239', flags: ['beta'] }),
  row('Openbank', 'ES', 'web', 'ec0000', 'www.openbank.es', { code: '0073', pay: 'basic' }),
  row('Banca March', 'ES', 'creds', '00205b', 'www.bancamarch.es', { code: '0061' }),
  row('ING España', 'ES', 'bank', 'ff6200', 'www.ing.es', { code: '1465' }),
];

const ITALY: Row[] = [
  row('Intesa Sanpaolo', 'IT', 'bank', '008d3c', 'www.intesasanpaolo.com', { code: '03069', pay: 'instant' }),
  row('UniCredit', 'IT', 'bank', 'e2001a', 'www.unicredit.it', { code: '02008', pay: 'standard', pro: true }),
  row('Banco BPM', 'IT', 'bank', '00427a', 'www.bancobpm.it', { code: '05034' }),
  row('Banca Monte dei Paschi di Siena', 'IT', 'creds', '8a1538', 'www.mps.it', { code: '01030' }),
  row('BPER Banca', 'IT', 'creds', '00685e', 'www.bper.it', { code: '05387' }),
  row('Crédit Agricole Italia', 'IT', 'bank', '009597', 'www.credit-agricole.it', { code: '06230' }),
  row('Banca Sella', 'IT', 'creds', '004c97', 'www.sella.it', { code: '03268', flags: ['unstable'] }),
  row('FinecoBank', 'IT', 'web', '00338d', 'finecobank.com', { code: '03015' }),
  row('Banca Mediolanum', 'IT', 'creds', '0068b4', 'www.bancamediolanum.it', { code: '03062' }),
  row('Poste Italiane – BancoPosta', 'IT', 'creds', 'ffd400', 'www.poste.it', { code: '07601' }),
  row('Banca Popolare di Sondrio', 'IT', 'creds', '00529b', 'www.popso.it', { code: '05696' }),
  row('Credem', 'IT', 'creds', '005a9c', 'www.credem.it', { code: '03032' }),
  row('Hype', 'IT', 'web', '1c1c1c', 'www.hype.it', { flags: ['beta'] }),
  row('Cassa di Risparmio di Bolzano – Südtiroler Sparkasse', 'IT', 'creds', 'e30613', 'www.sparkasse.it', {
    code: '06045',
  }),
];

const NETHERLANDS: Row[] = [
  row('ING', 'NL', 'web', 'ff6200', 'www.ing.nl', { pay: 'instant', website: true }),
  row('ABN AMRO', 'NL', 'web', '009286', 'www.abnamro.nl', { pay: 'standard' }),
  row('Rabobank', 'NL', 'web', '000099', 'www.rabobank.nl', { pay: 'standard' }),
  row('SNS', 'NL', 'web', 'a6ce39', 'www.snsbank.nl', {}),
  row('ASN Bank', 'NL', 'web', '005c5c', 'www.asnbank.nl', {}),
  row('RegioBank', 'NL', 'web', 'f39200', 'www.regiobank.nl', {}),
  row('Triodos Bank', ['NL', 'BE', 'DE', 'ES'], 'creds', '0b3d91', 'www.triodos.com', {}),
  row('bunq', ['NL', 'FR', 'DE', 'ES', 'IT', 'IE', 'AT'], 'web', '3394d7', 'www.bunq.com', { pay: 'basic' }),
  row('Knab', 'NL', 'web', '00a6d6', 'www.knab.nl', { flags: ['unstable'] }),
];

const BELGIUM: Row[] = [
  row('BNP Paribas Fortis', 'BE', 'bank', '00965e', 'www.bnpparibasfortis.be', {
    form: 'bnp',
    website: true,
    pro: true,
    pay: 'standard',
  }),
  row('KBC', 'BE', 'bank', '00aeef', 'www.kbc.be', { pay: 'instant' }),
  row('CBC Banque', 'BE', 'bank', '00aeef', 'www.cbc.be', {}),
  row('Belfius', 'BE', 'bank', 'c30045', 'www.belfius.be', { pay: 'standard' }),
  row('ING Belgique', 'BE', 'bank', 'ff6200', 'www.ing.be', {}),
  row('Argenta', 'BE', 'web', '7ab800', 'www.argenta.be', {}),
  row('Crelan', 'BE', 'creds', '78be20', 'www.crelan.be', {}),
  row('Beobank', 'BE', 'creds', '003d6a', 'www.beobank.be', {}),
  row('Keytrade Bank', 'BE', 'creds', 'e30613', 'www.keytradebank.be', {}),
  row('vdk bank', 'BE', 'creds', '0d5aa7', 'www.vdk.be', {}),
];

const PORTUGAL: Row[] = [
  row('Caixa Geral de Depósitos', 'PT', 'bank', '0056a6', 'www.cgd.pt', { code: '0035', pay: 'standard' }),
  row('Millennium bcp', 'PT', 'bank', 'd1005d', 'www.millenniumbcp.pt', { code: '0033' }),
  row('Novo Banco', 'PT', 'bank', '00a39b', 'www.novobanco.pt', { code: '0007' }),
  row('Banco BPI', 'PT', 'bank', 'ff6600', 'www.bancobpi.pt', { code: '0010' }),
  row('Banco Santander Totta', 'PT', 'bank', 'ec0000', 'www.santander.pt', { code: '0018' }),
  row('Caixa de Crédito Agrícola Mútuo', 'PT', 'creds', '00843d', 'www.creditoagricola.pt', { code: '0045' }),
  row('ActivoBank', 'PT', 'web', '76bc21', 'www.activobank.pt', { code: '0023' }),
  row('Banco Montepio', 'PT', 'creds', '1d3161', 'www.bancomontepio.pt', { code: '0036' }),
];

const UNITED_KINGDOM_AND_IRELAND: Row[] = [
  row('Barclays', 'GB', 'web', '00aeef', 'www.barclays.co.uk', { pay: 'instant' }),
  row('HSBC UK', 'GB', 'web', 'db0011', 'www.hsbc.co.uk', {}),
  row('Lloyds Bank', 'GB', 'web', '006a4d', 'www.lloydsbank.com', { pay: 'instant' }),
  row('NatWest', 'GB', 'web', '5a287d', 'www.natwest.com', { pay: 'standard' }),
  row('Santander UK', 'GB', 'web', 'ec0000', 'www.santander.co.uk', {}),
  row('Monzo', 'GB', 'web', 'ff4f40', 'monzo.com', {}),
  row('Starling Bank', 'GB', 'web', '6935d3', 'www.starlingbank.com', { pay: 'basic' }),
  row('Nationwide', 'GB', 'web', '1b1464', 'www.nationwide.co.uk', {}),
  row('Halifax', 'GB', 'web', '005eb8', 'www.halifax.co.uk', {}),
  row('Revolut', ['GB', ...EU_NEOBANK, 'PL'], 'web', '0075eb', 'www.revolut.com', {
    pay: 'instant',
    extra: { app_to_app: { android: 'com.revolut.revolut', ios: 'revolut://' } },
  }),
  row('Wise', ['GB', 'FR', 'DE', 'ES', 'IT', 'NL', 'BE'], 'web', '9fe870', 'wise.com', { flags: ['beta'] }),
  row('AIB', 'IE', 'web', '7f2b7b', 'aib.ie', { pay: 'standard' }),
  row('Bank of Ireland', 'IE', 'web', '0033a0', 'www.bankofireland.com', {}),
  row('Permanent TSB', 'IE', 'web', '6f2c91', 'www.ptsb.ie', {}),
  row('An Post Money', 'IE', 'creds', '00a84f', 'www.anpost.com', { flags: ['unstable'] }),
];

const LUXEMBOURG_AUSTRIA_POLAND: Row[] = [
  row("Banque et Caisse d'Épargne de l'État", 'LU', 'bank', 'b20a2c', 'www.spuerkeess.lu', { pay: 'standard' }),
  row('BGL BNP Paribas', 'LU', 'bank', '00965e', 'www.bgl.lu', { form: 'bnp' }),
  row('Banque Internationale à Luxembourg', 'LU', 'bank', '00205c', 'www.bil.com', {}),
  row('Banque Raiffeisen', 'LU', 'creds', '009a44', 'www.raiffeisen.lu', {
    extraFields: [{ name: 'contrat', label: 'Numéro de contrat', type: 'number' }],
  }),
  row('POST Luxembourg', 'LU', 'creds', 'ffcc00', 'www.post.lu', {}),
  row('ING Luxembourg', 'LU', 'creds', 'ff6200', 'www.ing.lu', {}),
  row('Erste Bank und Sparkassen', 'AT', 'bank', '003c78', 'www.sparkasse.at', { pay: 'instant' }),
  row('Bank Austria', 'AT', 'bank', 'e2001a', 'www.bankaustria.at', {}),
  row('BAWAG P.S.K.', 'AT', 'bank', 'c4161c', 'www.bawagpsk.com', {}),
  row('Raiffeisenlandesbank Oberösterreich', 'AT', 'creds', 'fee600', 'www.raiffeisen.at', {}),
  row('Oberbank', 'AT', 'creds', '0073b5', 'www.oberbank.at', {}),
  row('Volksbank Wien', 'AT', 'creds', '0066b3', 'www.volksbankwien.at', {}),
  row('Steiermärkische Sparkasse', 'AT', 'creds', 'e30613', 'www.steiermaerkische.at', {}),
  row('PKO Bank Polski', 'PL', 'web', '003574', 'www.pkobp.pl', {}),
  row('mBank', 'PL', 'web', 'e2001a', 'www.mbank.pl', { flags: ['beta'] }),
  row('Bank Spółdzielczy w Brodnicy', 'PL', 'creds', '00853e', 'www.bsbrodnica.pl', {}),
];

const ROWS: readonly Row[] = [
  ...FRANCE,
  ...CREDIT_DU_NORD,
  ...CREDIT_AGRICOLE,
  ...CAISSE_EPARGNE,
  ...BANQUE_POPULAIRE,
  ...BPCE_OTHERS,
  ...BILLERS_FR,
  ...GERMANY,
  ...SPAIN,
  ...ITALY,
  ...NETHERLANDS,
  ...BELGIUM,
  ...PORTUGAL,
  ...UNITED_KINGDOM_AND_IRELAND,
  ...LUXEMBOURG_AUSTRIA_POLAND,
];

// ---------------------------------------------------------------------------------------------------------------
// Assembly

function planOf(source: Row, id: number): ConnectorPlan {
  const countries = typeof source.country === 'string' ? [source.country] : [...source.country];
  const uuid = nameUuid(`${source.name}|${countries.join(',')}`);
  const lang = COUNTRY_LANG[countries[0] ?? 'FR'] ?? 'en';
  const hasOpenapi = source.kind === 'bank' || source.kind === 'web' || source.kind === 'business';
  const plan: ConnectorPlan = {
    id,
    uuid,
    name: source.name,
    countries,
    kind: source.kind,
    color: source.color,
    code: source.code ?? null,
    slug: source.slug ?? slugOf(source.name),
    urls: [`https://${source.url}`],
    credentials: source.fields ?? (source.form ? FORMS[source.form] : defaultCredentials(lang)),
    lastUpdate: stableTimestamp(uuid),
  };
  if (source.website !== undefined) {
    plan.website = source.website === true ? (hasOpenapi ? 'openapiwebsite' : 'directaccesswebsite') : source.website;
  }
  if (source.pro !== undefined) plan.pro = source.pro;
  if (source.legacy !== undefined) plan.legacy = source.legacy;
  if (source.directPriority !== undefined) plan.directPriority = source.directPriority;
  if (source.pay !== undefined) plan.pay = source.pay;
  if (source.flags !== undefined) plan.flags = source.flags;
  if (source.months !== undefined) plan.monthsToFetch = source.months;
  if (source.syncFrequency !== undefined) plan.syncFrequency = source.syncFrequency;
  if (source.siret !== undefined) plan.siret = source.siret;
  if (source.extraFields !== undefined) plan.extraFields = source.extraFields;
  if (source.extra !== undefined) plan.extra = source.extra;
  return plan;
}

/**
 * "Connecteur de test": the sandbox connector. Its `openapiwebsite` list picks the scenario of a connection
 * (`par`, `pro`, `wrongpass`...), first through the bank's API (webauth), then through the website
 * (credentials); its payment field picks the validation flow of a payment.
 */
function testConnector(): Connector {
  const id = TEST_CONNECTOR_ID;
  const stability = { status: 'stable', last_update: '2026-07-29 19:26:59' };
  const capabilities = ['bank', 'bankwealth', 'transfer', 'profile', 'document'];
  return {
    id,
    uuid: TEST_CONNECTOR_UUID,
    name: 'Connecteur de test',
    hidden: false,
    charged: false,
    code: null,
    beta: false,
    color: '0077be',
    slug: 'EXA',
    sync_frequency: null,
    months_to_fetch: null,
    auth_mechanism: 'webauth',
    available_auth_mechanisms: ['webauth', 'credentials'],
    transfer_mechanism: 'webauth',
    siret: null,
    restricted: false,
    capabilities,
    account_usages: ['PRIV', 'ORGA'],
    payment_settings: paymentSettings('standard'),
    products: ['bank', 'wealth', 'pay'],
    stability,
    categories: null,
    account_types: ['checking', 'savings', 'card', 'loan', 'market', 'lifeinsurance', 'pea'],
    available_transfer_mechanisms: ['webauth'],
    transfer_beneficiary_types: ['iban'],
    transfer_execution_date_types: ['first_open_day', 'deferred', 'instant'],
    documents_type: ['statement', 'rib'],
    sources: [
      {
        id: id * 10,
        id_connector: id,
        name: 'openapi',
        auth_mechanism: 'webauth',
        available_auth_mechanisms: ['webauth'],
        disabled: null,
        priority: 0,
        account_usages: ['PRIV', 'ORGA'],
        uuid: nameUuid(`${TEST_CONNECTOR_UUID}/openapi`),
        fallback: false,
        sync_periodicity: null,
        capabilities: [...capabilities],
        disabled_capabilities: [],
        stability: { ...stability },
        payment_settings: paymentSettings('standard'),
      },
      {
        id: id * 10 + 1,
        id_connector: id,
        name: 'directaccess',
        auth_mechanism: 'credentials',
        available_auth_mechanisms: ['credentials'],
        disabled: null,
        priority: 2,
        account_usages: ['PRIV', 'ORGA'],
        uuid: nameUuid(`${TEST_CONNECTOR_UUID}/directaccess`),
        fallback: false,
        sync_periodicity: null,
        capabilities: ['bank', 'bankwealth', 'profile', 'document'],
        disabled_capabilities: [],
        stability: { ...stability },
      },
    ],
    fields: [
      field(
        {
          name: 'openapiwebsite',
          label: 'Scénario',
          type: 'list',
          values: [
            ['par', 'Particulier'],
            ['pro', 'Professionnel'],
            ['wrongpass', 'Mot de passe erroné'],
            ['otp', 'Code à usage unique (SMS)'],
            ['decoupled', "Validation sur l'application mobile"],
            ['scarequired', 'Authentification forte requise'],
            ['actionneeded', 'Action requise sur le site de la banque'],
            ['passwordexpired', 'Mot de passe expiré'],
            ['ratelimiting', 'Limite de synchronisation atteinte'],
            ['websiteunavailable', 'Site de la banque indisponible'],
            ['validating', 'Validation en cours'],
            ['slow', 'Banque lente'],
          ],
        },
        ['openapi'],
        ['webauth', 'credentials'],
      ),
      field({ name: 'login', label: 'Identifiant' }, ['directaccess'], ['credentials']),
      field({ name: 'password', label: 'Mot de passe', type: 'password' }, ['directaccess'], ['credentials']),
      field(
        { name: 'birthdate', label: 'Date de naissance', type: 'date', required: false },
        ['directaccess'],
        ['credentials'],
      ),
    ],
    payment_fields: [
      paymentField(
        {
          name: 'flow',
          label: 'Parcours de validation',
          type: 'list',
          values: [
            ['legacy', 'Validation classique'],
            ['redirect', 'Redirection vers la banque'],
            ['decoupled', 'Validation sur l’application mobile'],
          ],
        },
        ['webauth'],
      ),
    ],
    countries: [{ id: 'FR', name: 'France' }],
    urls: ['https://demo.biapi.pro'],
  };
}

function buildDemoConnectors(): Connector[] {
  const connectors: Connector[] = [];
  let id = 1;
  for (const source of ROWS) {
    if (id === TEST_CONNECTOR_ID) {
      connectors.push(testConnector());
      id++;
    }
    connectors.push(buildConnector(planOf(source, id)));
    id++;
  }
  return connectors;
}

/** Hand-made connectors of banks, wealth institutions and billers over 13 countries, test connector included. */
export const demoConnectors: Connector[] = buildDemoConnectors();
