/**
 * Building blocks shared by the hand-made dataset and the generator: deterministic identifiers, localized
 * labels, and the assembly of a complete connector (every expand filled in) from a compact plan.
 *
 * Everything is produced in wire format, exactly as the API sends it: snake_case keys, upper-case account
 * usages, colors without `#`, dates as `YYYY-MM-DD HH:MM:SS`.
 */
import type {
  AuthMechanism,
  Connector,
  ConnectorCountry,
  ConnectorField,
  ConnectorPaymentField,
  ConnectorSource,
  PaymentSettings,
} from '@connector-kit/core';

// ---------------------------------------------------------------------------------------------------------------
// Deterministic hashing and identifiers

/** 32-bit FNV-1a of a string with a murmur3 finalizer, started from a seed-dependent basis. */
export function hashString(text: string, seed = 0): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return fmix(h);
}

const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function hex32(word: number): string {
  return (
    (HEX[word >>> 24] as string) +
    (HEX[(word >>> 16) & 0xff] as string) +
    (HEX[(word >>> 8) & 0xff] as string) +
    (HEX[word & 0xff] as string)
  );
}

/**
 * A name-based UUID in the 8-4-4-4-12 layout with the version 5 nibble and the RFC 4122 variant bits:
 * the same name always gives the same UUID. Four independent 32-bit lanes hash the name in one pass.
 */
export function nameUuid(name: string): string {
  let a = 0x811c9dc5 ^ 0x9e3779b9;
  let b = 0x811c9dc5 ^ 0x7f4a7c15;
  let c = 0x811c9dc5 ^ 0x2545f491;
  let d = 0x811c9dc5 ^ 0x6c8e9cf5;
  for (let i = 0; i < name.length; i++) {
    const code = name.charCodeAt(i);
    a = Math.imul(a ^ code, 0x01000193);
    b = Math.imul(b ^ code, 0x01000193);
    c = Math.imul(c ^ code, 0x01000193);
    d = Math.imul(d ^ code, 0x01000193);
  }
  const w0 = fmix(a);
  const w1 = fmix(b);
  const w2 = fmix(c ^ w0);
  const w3 = fmix(d ^ w1);
  const h1 = hex32(w1);
  const version = hex32(((w1 & 0xffff0fff) | 0x00005000) >>> 0);
  const variant = hex32(((w2 & 0x3fffffff) | 0x80000000) >>> 0);
  return `${hex32(w0)}-${h1.slice(0, 4)}-${version.slice(4, 8)}-${variant.slice(0, 4)}-${variant.slice(4, 8)}${hex32(w3)}`;
}

/** A `YYYY-MM-DD HH:MM:SS` timestamp in June or July 2026, derived from a key. */
export function stableTimestamp(key: string): string {
  const h = hashString(key, 0x51ab1e);
  const month = 6 + (h & 1);
  const day = 1 + ((h >>> 1) % (month === 6 ? 30 : 29));
  const hour = (h >>> 6) % 24;
  const minute = (h >>> 11) % 60;
  const second = (h >>> 17) % 60;
  const two = (n: number) => String(n).padStart(2, '0');
  return `2026-${two(month)}-${two(day)} ${two(hour)}:${two(minute)}:${two(second)}`;
}

// ---------------------------------------------------------------------------------------------------------------
// Text helpers

const FOLDED_LETTERS: Record<string, string> = {
  ß: 'ss',
  ł: 'l',
  Ł: 'L',
  ø: 'o',
  Ø: 'O',
  æ: 'ae',
  Æ: 'AE',
  œ: 'oe',
  Œ: 'OE',
};

/** The name as some institutions register it: without diacritics (`Société` → `Societe`, `Łódź` → `Lodz`). */
export function stripAccents(text: string): string {
  if (!hasNonAscii(text)) return text;
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[ßłŁøØæÆœŒ]/g, (letter) => FOLDED_LETTERS[letter] ?? letter);
}

export function hasNonAscii(text: string): boolean {
  return /[\u0080-\uffff]/.test(text);
}

const SLUG_STOP_WORDS = new Set([
  'de',
  'du',
  'des',
  'la',
  'le',
  'les',
  'et',
  'di',
  'del',
  'der',
  'van',
  'of',
  'and',
  'the',
]);

/** A three-capital short code from a name (`Société Générale` → `SOG`, `ING` → `ING`); not unique. */
export function slugOf(name: string): string {
  const words = stripAccents(name)
    .replace(/[^A-Za-z0-9 ]+/g, ' ')
    .split(' ')
    .filter((word) => word.length > 0 && !SLUG_STOP_WORDS.has(word.toLowerCase()));
  const letters = words.map((word) => word.replace(/[0-9]/g, '')).filter((word) => word.length > 0);
  const [first = 'X', second, third] = letters;
  let slug: string;
  if (third !== undefined && second !== undefined) slug = first.charAt(0) + second.charAt(0) + third.charAt(0);
  else if (second !== undefined) slug = first.slice(0, 2) + second.charAt(0);
  else slug = first.slice(0, 3);
  return slug.toUpperCase().padEnd(3, 'X');
}

/** A host-name friendly form of a name: `Caja Rural de Navarra` → `caja-rural-de-navarra`. */
export function hostOf(name: string): string {
  return stripAccents(name)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

// ---------------------------------------------------------------------------------------------------------------
// Countries and languages

export type Lang = 'fr' | 'de' | 'es' | 'it' | 'nl' | 'pt' | 'en' | 'pl';

/** Language of the labels the API sends for an institution of a country. */
export const COUNTRY_LANG: Record<string, Lang> = {
  FR: 'fr',
  BE: 'fr',
  LU: 'fr',
  MC: 'fr',
  DE: 'de',
  AT: 'de',
  ES: 'es',
  IT: 'it',
  NL: 'nl',
  PT: 'pt',
  GB: 'en',
  IE: 'en',
  PL: 'pl',
};

let regionNames: Intl.DisplayNames | undefined;
const countryNames = new Map<string, string>();

/** `{ id: 'FR', name: 'France' }`: country names in English, as the API sends them. */
export function country(code: string): ConnectorCountry {
  let name = countryNames.get(code);
  if (name === undefined) {
    regionNames ??= new Intl.DisplayNames(['en'], { type: 'region' });
    try {
      name = regionNames.of(code) ?? code;
    } catch {
      // An unknown code keeps its code as name.
      name = code;
    }
    countryNames.set(code, name);
  }
  return { id: code, name };
}

interface Labels {
  login: string;
  password: string;
  website: string;
  par: string;
  pro: string;
  ent: string;
  birthdate: string;
  corporate: string;
}

export const LABELS: Record<Lang, Labels> = {
  fr: {
    login: 'Identifiant',
    password: 'Mot de passe',
    website: 'Type de compte',
    par: 'Particuliers',
    pro: 'Professionnels',
    ent: 'Entreprises',
    birthdate: 'Date de naissance',
    corporate: 'Identifiant entreprise',
  },
  de: {
    login: 'Anmeldename',
    password: 'PIN',
    website: 'Kontotyp',
    par: 'Privatkunden',
    pro: 'Geschäftskunden',
    ent: 'Firmenkunden',
    birthdate: 'Geburtsdatum',
    corporate: 'Firmenkennung',
  },
  es: {
    login: 'Usuario',
    password: 'Contraseña',
    website: 'Tipo de cuenta',
    par: 'Particulares',
    pro: 'Autónomos',
    ent: 'Empresas',
    birthdate: 'Fecha de nacimiento',
    corporate: 'Código de empresa',
  },
  it: {
    login: 'Codice titolare',
    password: 'PIN',
    website: 'Tipo di conto',
    par: 'Privati',
    pro: 'Professionisti',
    ent: 'Imprese',
    birthdate: 'Data di nascita',
    corporate: 'Codice azienda',
  },
  nl: {
    login: 'Gebruikersnaam',
    password: 'Wachtwoord',
    website: 'Soort rekening',
    par: 'Particulier',
    pro: 'Zzp',
    ent: 'Zakelijk',
    birthdate: 'Geboortedatum',
    corporate: 'Bedrijfs-ID',
  },
  pt: {
    login: 'Utilizador',
    password: 'Código de acesso',
    website: 'Tipo de conta',
    par: 'Particulares',
    pro: 'Profissionais',
    ent: 'Empresas',
    birthdate: 'Data de nascimento',
    corporate: 'Código de empresa',
  },
  en: {
    login: 'Username',
    password: 'Password',
    website: 'Account type',
    par: 'Personal',
    pro: 'Business',
    ent: 'Corporate',
    birthdate: 'Date of birth',
    corporate: 'Company ID',
  },
  pl: {
    login: 'Login',
    password: 'Hasło',
    website: 'Rodzaj konta',
    par: 'Klienci indywidualni',
    pro: 'Firmy',
    ent: 'Korporacje',
    birthdate: 'Data urodzenia',
    corporate: 'Identyfikator firmy',
  },
};

// ---------------------------------------------------------------------------------------------------------------
// Fields

/** A compact description of a form field; `sources` and `mechanisms` are filled in by the assembly. */
export interface FieldSpec {
  name: string;
  label: string;
  /** `text` when absent; any string the API may send, known or not. */
  type?: string;
  regex?: string;
  required?: boolean;
  /** `[value, label]` pairs of a `list` field. */
  values?: readonly (readonly [value: string, label: string])[];
}

export function field(
  spec: FieldSpec,
  sources: readonly string[],
  mechanisms: readonly AuthMechanism[],
): ConnectorField {
  return {
    name: spec.name,
    connector_sources: [...sources],
    auth_mechanisms: [...mechanisms],
    type: spec.type ?? 'text',
    label: spec.label,
    required: spec.required ?? true,
    regex: spec.regex ?? null,
    values: (spec.values ?? []).map(([value, label]) => ({ label, value })),
  };
}

export function paymentField(spec: FieldSpec, mechanisms: readonly AuthMechanism[]): ConnectorPaymentField {
  return {
    name: spec.name,
    auth_mechanisms: [...mechanisms],
    type: spec.type ?? 'text',
    label: spec.label,
    required: spec.required ?? true,
    regex: spec.regex ?? null,
    values: (spec.values ?? []).map(([value, label]) => ({ label, value })),
  };
}

/** Login and secret of an institution without a dedicated form, in the institution's language. */
export function defaultCredentials(lang: Lang): FieldSpec[] {
  const labels = LABELS[lang];
  return [
    { name: 'login', label: labels.login },
    { name: 'password', label: labels.password, type: 'password' },
  ];
}

export function websiteSpec(name: string, lang: Lang, withCorporate: boolean): FieldSpec {
  const labels = LABELS[lang];
  const values: [string, string][] = [
    ['par', labels.par],
    ['pro', labels.pro],
  ];
  if (withCorporate) values.push(['ent', labels.ent]);
  return { name, label: labels.website, type: 'list', values };
}

// ---------------------------------------------------------------------------------------------------------------
// Payment settings

export type PayVariant = 'standard' | 'instant' | 'bulk' | 'uncapped' | 'basic';

/** `payment_settings` of a connector with the Pay product, in one of the shapes met in real payloads. */
export function paymentSettings(variant: PayVariant, beneficiaryTypes: readonly string[] = ['iban']): PaymentSettings {
  const base: PaymentSettings = {
    available_validate_mechanisms: ['webauth'],
    beneficiary_types: [...beneficiaryTypes],
    execution_date_types: ['first_open_day', 'deferred', 'periodic'],
    execution_frequencies: ['weekly', 'monthly', 'quarterly', 'semiannually', 'yearly'],
    maximum_number_of_instructions: 10,
    providing_payer_account: 'optional',
    partial_status_tracking: ['first_open_day'],
    is_app_to_app_used: { android: false, ios: null },
    bank_provides_payer_account: true,
    bank_provides_payer_label: null,
    transfer_date_types_where_trusted_beneficiary_required: ['periodic'],
    cancellation_available: true,
    minimum_amount: { first_open_day: 0, deferred: 0, instant: 0 },
    maximum_amount: { first_open_day: 4000, deferred: 4000, instant: 1000 },
    minimum_date_delta_days: 1,
    maximum_date_delta_days: 30,
  };
  switch (variant) {
    case 'standard':
      return base;
    case 'instant':
      return {
        ...base,
        execution_date_types: ['instant', 'first_open_day', 'deferred', 'periodic'],
        providing_payer_account: 'not_used',
        is_app_to_app_used: { android: true, ios: true },
        bank_provides_payer_label: true,
        maximum_amount: { first_open_day: 15000, deferred: 15000, instant: 15000, periodic: 5000 },
        maximum_date_delta_days: 365,
      };
    case 'bulk':
      return {
        ...base,
        execution_date_types: ['instant', 'first_open_day', 'deferred'],
        execution_frequencies: [],
        maximum_number_of_instructions: 500,
        providing_payer_account: 'mandatory',
        transfer_date_types_where_trusted_beneficiary_required: [],
        maximum_amount: { first_open_day: 100000, deferred: 100000, instant: 15000 },
        maximum_date_delta_days: 90,
        bulk_execution_date_types: ['first_open_day', 'deferred'],
        bulk_providing_payer_account: 'mandatory',
        trusted_beneficiaries_required_for_bulk: false,
      };
    case 'uncapped':
      return {
        ...base,
        partial_status_tracking: null,
        bank_provides_payer_account: null,
        cancellation_available: false,
        maximum_amount: null,
        maximum_date_delta_days: null,
      };
    case 'basic':
      return {
        ...base,
        execution_date_types: ['first_open_day'],
        execution_frequencies: [],
        maximum_number_of_instructions: 1,
        partial_status_tracking: [],
        is_app_to_app_used: { android: null, ios: null },
        bank_provides_payer_account: false,
        transfer_date_types_where_trusted_beneficiary_required: [],
        cancellation_available: false,
        minimum_amount: { first_open_day: 0.01 },
        maximum_amount: { first_open_day: 2500 },
        minimum_date_delta_days: 0,
        maximum_date_delta_days: null,
      };
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Connector assembly

/**
 * Families of institutions, each with its own sources and capabilities:
 * - `bank`: a bank with an open-banking API (`openapi`, webauth) and a website scraper (`directaccess`, credentials);
 * - `web`: an online bank reachable through its API only (webauth, no credential fields);
 * - `business`: a bank for companies and freelancers, API only;
 * - `creds`: a bank reachable through its website only (credentials);
 * - `wealth`: a savings or life-insurance institution, credentials only;
 * - `provider`: a biller (energy, telecom, public services) that provides documents, credentials only.
 */
export type Kind = 'bank' | 'web' | 'business' | 'creds' | 'wealth' | 'provider';

export type Flag = 'beta' | 'restricted' | 'hidden' | 'unstable' | 'free' | 'docs';

export interface ConnectorPlan {
  id: number;
  uuid: string;
  name: string;
  /** ISO 3166-1 alpha-2 codes; the first one gives the language of the labels. */
  countries: readonly string[];
  kind: Kind;
  color: string;
  code: string | null;
  slug: string;
  urls: readonly string[];
  /** Credential fields of the `directaccess` sources; ignored by kinds without credentials. */
  credentials: readonly FieldSpec[];
  /**
   * Name of a `list` field of account types (par / pro / ent), or none. `openapi…` names go on the `openapi`
   * source, `directaccess…` names on the `directaccess` source, other names on every source.
   */
  website?: string;
  /** Adds a `directaccess-pro` source for business customers. */
  pro?: boolean;
  /** The `directaccess` source is kept but disabled. */
  legacy?: boolean;
  /** Priority of the `directaccess` source when an `openapi` source comes first. */
  directPriority?: number;
  pay?: PayVariant;
  flags?: readonly Flag[];
  monthsToFetch?: number | null;
  syncFrequency?: number | null;
  siret?: string | null;
  /** More fields: on the credential sources, or on `openapi` (webauth) when the connector has no credentials. */
  extraFields?: readonly FieldSpec[];
  /** Keys the reference page does not list, passed through as they are. */
  extra?: Record<string, unknown>;
  lastUpdate: string;
}

const ACCOUNT_TYPES: Record<Kind, readonly string[]> = {
  bank: ['checking', 'savings', 'card', 'loan', 'market', 'lifeinsurance'],
  web: ['checking', 'card', 'savings'],
  business: ['checking', 'card'],
  creds: ['checking', 'savings', 'card', 'loan'],
  wealth: ['lifeinsurance', 'market', 'pea', 'per', 'capitalisation'],
  provider: [],
};

const CAPABILITIES: Record<Kind, readonly string[]> = {
  bank: ['bank', 'bankwealth', 'transfer', 'profile'],
  web: ['bank', 'transfer', 'profile'],
  business: ['bank', 'transfer', 'profile', 'document'],
  creds: ['bank', 'profile'],
  wealth: ['bankwealth', 'profile', 'document'],
  provider: ['document', 'profile'],
};

const PRODUCTS: Record<Kind, readonly string[]> = {
  bank: ['bank', 'wealth'],
  web: ['bank'],
  business: ['bank'],
  creds: ['bank'],
  wealth: ['wealth'],
  provider: ['bill'],
};

interface SourcePlan {
  name: string;
  mechanism: AuthMechanism;
  priority: number;
  usages: string[];
  disabled: string | null;
}

function planSources(plan: ConnectorPlan): SourcePlan[] {
  const business = plan.kind === 'business';
  const usages = business ? ['ORGA'] : plan.pro ? ['PRIV', 'ORGA'] : ['PRIV'];
  const sources: SourcePlan[] = [];
  const hasOpenapi = plan.kind === 'bank' || plan.kind === 'web' || business;
  const hasDirect = plan.kind !== 'web' && !business;
  if (hasOpenapi) sources.push({ name: 'openapi', mechanism: 'webauth', priority: 0, usages, disabled: null });
  if (hasDirect) {
    sources.push({
      name: 'directaccess',
      mechanism: 'credentials',
      priority: hasOpenapi ? (plan.directPriority ?? 1) : 0,
      usages: ['PRIV'],
      disabled: plan.legacy ? '2025-01-01 00:00:00' : null,
    });
    if (plan.pro) {
      const last = sources.reduce((max, source) => Math.max(max, source.priority), 0);
      sources.push({
        name: 'directaccess-pro',
        mechanism: 'credentials',
        priority: last + 1,
        usages: ['ORGA'],
        disabled: null,
      });
    }
  }
  return sources;
}

/** A complete connector in wire format, every expand filled in. */
export function buildConnector(plan: ConnectorPlan): Connector {
  const flags = new Set(plan.flags ?? []);
  const lang = COUNTRY_LANG[plan.countries[0] ?? 'FR'] ?? 'en';
  const sourcePlans = planSources(plan);
  const enabled = sourcePlans.filter((source) => source.disabled === null);
  const mechanisms: AuthMechanism[] = [];
  for (const source of [...enabled].sort((a, b) => a.priority - b.priority)) {
    if (!mechanisms.includes(source.mechanism)) mechanisms.push(source.mechanism);
  }
  const credentialSources = sourcePlans.filter((source) => source.mechanism === 'credentials').map((s) => s.name);
  const hasOpenapi = sourcePlans.some((source) => source.name === 'openapi');

  const capabilities = [...CAPABILITIES[plan.kind]];
  if (flags.has('docs') && !capabilities.includes('document')) capabilities.push('document');
  const products = [...PRODUCTS[plan.kind]];
  if (plan.pay) products.push('pay');
  const transfers = capabilities.includes('transfer');
  const transferMechanism: AuthMechanism | null = transfers ? (hasOpenapi ? 'webauth' : 'credentials') : null;
  const beneficiaryTypes = !plan.countries.includes('GB')
    ? ['iban']
    : plan.countries.length > 1
      ? ['iban', 'sort_code_account_number']
      : ['sort_code_account_number'];

  const fields: ConnectorField[] = [];
  if (plan.website !== undefined) {
    const spec = websiteSpec(plan.website, lang, plan.pro === true || plan.kind === 'business');
    const hasDirect = sourcePlans.some((source) => source.name === 'directaccess');
    if (plan.website.startsWith('openapi') && hasOpenapi) {
      fields.push(field(spec, ['openapi'], mechanisms.length > 0 ? mechanisms : ['webauth']));
    } else if (plan.website.startsWith('directaccess') && hasDirect) {
      fields.push(field(spec, ['directaccess'], ['credentials']));
    } else {
      // A field without a source prefix is asked for every source.
      const all = sourcePlans.map((source) => source.name);
      fields.push(field(spec, all, [...new Set(sourcePlans.map((source) => source.mechanism))]));
    }
  }
  if (credentialSources.length > 0) {
    for (const spec of plan.credentials) fields.push(field(spec, credentialSources, ['credentials']));
    if (plan.pro) {
      fields.push(field({ name: 'corporateid', label: LABELS[lang].corporate }, ['directaccess-pro'], ['credentials']));
    }
    for (const spec of plan.extraFields ?? []) fields.push(field(spec, credentialSources, ['credentials']));
  } else {
    for (const spec of plan.extraFields ?? []) fields.push(field(spec, ['openapi'], ['webauth']));
  }

  const paymentFields: ConnectorPaymentField[] = [];
  if (plan.pay && plan.website !== undefined && !plan.website.startsWith('directaccess')) {
    paymentFields.push(
      paymentField(websiteSpec(plan.website, lang, plan.pro === true || plan.kind === 'business'), ['webauth']),
    );
  }

  const stability = {
    status: flags.has('unstable') ? 'unstable' : 'stable',
    last_update: plan.lastUpdate,
  };

  const hasWebFlow = sourcePlans.some((source) => source.mechanism === 'webauth');
  const sources: ConnectorSource[] = sourcePlans.map((source, index) => {
    const result: ConnectorSource = {
      id: plan.id * 10 + index,
      id_connector: plan.id,
      name: source.name,
      auth_mechanism: source.mechanism,
      // A credentials source of a connector that also has a web flow can be switched to it (the admin console does).
      available_auth_mechanisms:
        source.mechanism === 'credentials' && hasWebFlow ? ['credentials', 'webauth'] : [source.mechanism],
      disabled: source.disabled,
      priority: source.priority,
      account_usages: source.usages,
      uuid: nameUuid(`${plan.uuid}/${source.name}`),
      fallback: false,
      sync_periodicity: null,
      capabilities: source.mechanism === 'webauth' ? [...capabilities] : capabilities.filter((c) => c !== 'transfer'),
      disabled_capabilities: [],
      stability: { ...stability },
    };
    if (plan.pay && source.name === 'openapi') result.payment_settings = paymentSettings(plan.pay, beneficiaryTypes);
    return result;
  });

  const documents = capabilities.includes('document');
  return {
    id: plan.id,
    uuid: plan.uuid,
    name: plan.name,
    hidden: flags.has('hidden'),
    charged: !flags.has('free'),
    code: plan.code,
    beta: flags.has('beta'),
    color: plan.color,
    slug: plan.slug,
    sync_frequency: plan.syncFrequency ?? null,
    months_to_fetch: plan.monthsToFetch ?? null,
    auth_mechanism: mechanisms[0] ?? null,
    available_auth_mechanisms: mechanisms,
    transfer_mechanism: transferMechanism,
    siret: plan.siret ?? null,
    restricted: flags.has('restricted'),
    capabilities,
    account_usages: [...new Set(sourcePlans.flatMap((source) => source.usages))],
    ...(plan.pay ? { payment_settings: paymentSettings(plan.pay, beneficiaryTypes) } : {}),
    products,
    stability,
    categories: null,
    account_types: [...ACCOUNT_TYPES[plan.kind]],
    ...(transfers
      ? {
          available_transfer_mechanisms: transferMechanism === null ? [] : [transferMechanism],
          transfer_beneficiary_types: [...beneficiaryTypes],
          transfer_execution_date_types: ['first_open_day', 'deferred'],
        }
      : {}),
    ...(documents ? { documents_type: plan.kind === 'provider' ? ['bill'] : ['statement', 'rib'] } : {}),
    ...plan.extra,
    sources,
    fields,
    payment_fields: paymentFields,
    countries: plan.countries.map(country),
    urls: [...plan.urls],
  };
}
