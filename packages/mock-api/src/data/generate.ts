/**
 * A seeded generator of connectors for scale: bank-like names built from parts over twelve countries, complete
 * wire-format objects with small expands.
 *
 * The output depends only on `(count, seed)`, and each connector only on `(seed, index)` and the names before
 * it, so `generateConnectors(100, seed)` is the first hundred of `generateConnectors(20_000, seed)`.
 * Ids start at `GENERATED_ID_OFFSET` and UUIDs live in their own namespace, so a generated set can be appended
 * to `demoConnectors` without clashes.
 */
import type { Connector } from '@connector-kit/core';
import {
  buildConnector,
  COUNTRY_LANG,
  type ConnectorPlan,
  defaultCredentials,
  type FieldSpec,
  type Flag,
  hasNonAscii,
  hostOf,
  type Kind,
  type Lang,
  nameUuid,
  type PayVariant,
  slugOf,
  stableTimestamp,
  stripAccents,
} from './factory.ts';

/** Id of the first generated connector. */
export const GENERATED_ID_OFFSET = 1000;

type Random = () => number;

/** mulberry32: a small, fast 32-bit PRNG; the same seed gives the same sequence. */
export function mulberry32(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A well-mixed 32-bit seed for the connector at `index`. */
function indexSeed(seed: number, index: number): number {
  let h = (seed ^ Math.imul(index + 1, 0x9e3779b9)) >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function pick<T>(random: Random, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

function chance(random: Random, probability: number): boolean {
  return random() < probability;
}

function digits(random: Random, length: number): string {
  let text = '';
  for (let i = 0; i < length; i++) text += Math.floor(random() * 10);
  return text;
}

// ---------------------------------------------------------------------------------------------------------------
// Name parts

/** The entries of a comma-separated list written over several lines. */
function parts(text: string): readonly string[] {
  return text
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
}

const FR_CITIES = parts(`
  Nîmes, Besançon, Saint-Étienne, Orléans, Évry, Créteil, Angoulême, Châlons-en-Champagne, Mâcon, Pézenas,
  Béziers, Sète, Montbéliard, Périgueux, Quimper, Vannes, Tours, Rennes, Lille, Lyon, Marseille, Nantes,
  Bordeaux, Toulouse, Strasbourg, Dijon, Grenoble, Annecy, Chambéry, Perpignan, Valence, Troyes, Reims, Amiens,
  Rouen, Caen, Le Mans, Angers, Poitiers, Limoges, Clermont-Ferrand, Montpellier, Nice, Toulon, Ajaccio, Bastia,
  Pau, Bayonne, Brest, Lorient, Épinal, Gap, Alès, Agen, Cognac, Saint-Brieuc, Vélizy, Compiègne,
  Thionville
`);

const FR_REGIONS = parts(`
  Île-de-France, Hauts de France, Normandie, Bretagne, Pays de la Loire, Centre-Val de Loire, Bourgogne,
  Franche-Comté, Grand Est, Alsace, Lorraine, Champagne, Auvergne, Rhône Alpes, Savoie, Provence, Côte d'Azur,
  Corse, Occitanie, Pyrénées, Gascogne, Aquitaine, Limousin, Poitou-Charentes, Périgord, Vendée, Anjou, Touraine,
  Béarn, Cévennes, Ardèche, Drôme, Lozère, Hérault, Finistère, Morbihan, Sarthe, Mayenne, Moselle, La Réunion,
  Guadeloupe, Martinique
`);

const FR_FAMILIES = parts(`
  Crédit Agricole, Caisse d'Épargne, Banque Populaire, Crédit Mutuel, Société Générale, CIC, BNP Paribas, LCL,
  Crédit Coopératif, Caisse Régionale
`);

const FR_SURNAMES = parts(`
  Delubac, Hottinguer, Pouyanne, Chalus, Thémis, Fauré, Oddo, Wormser, Cholet-Dupont, Bécheret, Martin Maurel,
  Dupuy de Parseval, Léonard, Bénard, Lefèvre, Géraud, Marzé, Gaillard, Rivière
`);

const FR_QUALIFIERS = ['Entreprises', 'Professionnels', 'Gestion Privée', 'Banque Privée', 'Épargne'] as const;

const DE_CITIES = parts(`
  Köln, München, Düsseldorf, Lübeck, Göttingen, Würzburg, Fürth, Gütersloh, Osnabrück, Saarbrücken, Tübingen,
  Nürnberg, Münster, Lüneburg, Bückeburg, Jülich, Schwäbisch Hall, Bad Tölz, Mönchengladbach, Völklingen,
  Zweibrücken, Hameln, Bremen, Hamburg, Berlin, Dresden, Leipzig, Chemnitz, Erfurt, Jena, Kassel, Mainz, Trier,
  Koblenz, Bonn, Aachen, Essen, Dortmund, Bochum, Bielefeld, Paderborn, Freiburg im Breisgau, Konstanz, Ulm,
  Augsburg, Regensburg, Passau, Rosenheim, Kempten (Allgäu), Görlitz, Fürstenfeldbruck, Lörrach
`);

const DE_REGIONS = parts(`
  Baden-Württemberg, Bayern, Hessen, Niedersachsen, Nordrhein-Westfalen, Rheinland-Pfalz, Sachsen, Thüringen,
  Schleswig-Holstein, Mecklenburg-Vorpommern, Oberbayern, Ostwestfalen, Südbaden, Münsterland, Allgäu,
  Rhön-Grabfeld, Hochrhein, Märkisch-Oderland, Oberlausitz, Vogtland
`);

const DE_SURNAMES = ['Löbbecke', 'Würth', 'Metzler', 'Hauck', 'Lampe', 'Schüßler', 'Gräfe', 'Bührmann'] as const;

const ES_PLACES = parts(`
  Cáceres, Málaga, Córdoba, León, Almería, Ávila, Jaén, Cádiz, Logroño, Albacete, Castellón, Alcalá de Henares,
  Móstoles, Getafe, Gijón, Oviedo, Santander, Bilbao, San Sebastián, Pamplona, Zaragoza, Teruel, Huesca,
  Valencia, Alicante, Murcia, Cartagena, Sevilla, Granada, Huelva, Badajoz, Salamanca, Zamora, Burgos, Soria,
  Segovia, Toledo, Cuenca, Guadalajara, Lleida, Girona, Tarragona, Ourense, Lugo, A Coruña, Tenerife, Las Palmas,
  Castilla-La Mancha, Aragón
`);

const IT_CITIES = parts(`
  Forlì, Cantù, Canicattì, Città di Castello, Nardò, Cefalù, Sant'Elpidio a Mare, Ragusa, Bergamo, Brescia,
  Cremona, Lodi, Pavia, Piacenza, Parma, Modena, Ferrara, Ravenna, Rimini, Cesena, Lucca, Pisa, Livorno, Siena,
  Arezzo, Perugia, Ancona, Pesaro, Fermo, Teramo, Chieti, Bari, Lecce, Taranto, Matera, Cosenza, Catania,
  Palermo, Messina, Trento, Bolzano, Udine, Trieste, Asti, Cuneo, Biella, Savona, Genova, La Spezia, Volterra,
  San Miniato, Orvieto, Fabriano, Saluzzo, Bra, Paternò, Santeramo, Mesagne
`);

const PT_CITIES = parts(`
  Évora, Setúbal, Bragança, Póvoa de Varzim, Guimarães, Famalicão, Alcobaça, Óbidos, Santarém, Tomar, Leiria,
  Coimbra, Viseu, Guarda, Covilhã, Castelo Branco, Portalegre, Beja, Faro, Lagos, Silves, Loulé, Tavira,
  Vila Real, Chaves, Braga, Barcelos, Viana do Castelo, Aveiro, Águeda, Torres Vedras, Mafra, Sintra, Cascais,
  Almada, Barreiro, Montijo, Estremoz, Elvas, Moura
`);

const NL_PLACES = parts(`
  Utrecht, Zwolle, Groningen, Leeuwarden, Assen, Arnhem, Nijmegen, Eindhoven, Tilburg, 's-Hertogenbosch, Breda,
  Maastricht, Venlo, Haarlem, Alkmaar, Leiden, Delft, Gouda, Dordrecht, Zeeland, Westland, IJsselmond,
  Achterhoek, Twente, Veluwe, Drechtsteden, Kennemerland, Súdwest-Fryslân
`);

const BE_CITIES = parts(`
  Liège, Namur, Mons, Charleroi, Tournai, Wavre, Arlon, Bastogne, Gent, Brugge, Leuven, Antwerpen, Mechelen,
  Hasselt, Kortrijk, Oostende, Verviers, Huy, Dinant, Malmedy, Waterloo
`);

const BE_HOUSES = ['Nagelmackers', 'Delen', 'Van Breda', 'Degroof Petercam', 'CPH', 'Dierickx', 'Puilaetco'] as const;

const GB_PLACES = parts(`
  Leeds, Yorkshire, Coventry, Skipton, Newcastle, Nottingham, Cumberland, Principality, Chorley, Darlington,
  Hinckley & Rugby, Loughborough, Market Harborough, Melton Mowbray, Saffron, Stafford, Tipton & Coseley, Vernon,
  Beverley, Buckinghamshire, Dudley, Furness, Harpenden, Leek United, Mansfield, Monmouthshire, Penrith, Swansea,
  Earl Shilton, Bath, Cambridge, Ipswich, Suffolk, Marsden, Newbury, Scottish
`);

const IE_PLACES = parts(`
  Dún Laoghaire, Cill Airne, Ráth Cairn, Clonmel, Galway, Cork, Limerick, Waterford, Kilkenny, Sligo, Tralee,
  Athlone, Dundalk, Drogheda, Navan, Ennis, Letterkenny, Castlebar, Mullingar, Wexford, Béal an Átha, Tuam, Naas,
  Bray, Dún na nGall
`);

const LU_CITIES = parts(`
  Esch-sur-Alzette, Dudelange, Ettelbruck, Diekirch, Differdange, Pétange, Wiltz, Clervaux, Echternach, Remich,
  Grevenmacher, Mersch, Bettembourg, Mondorf-les-Bains, Vianden, Käerjeng, Sanem, Hesperange, Strassen,
  Bertrange
`);

const AT_PLACES = parts(`
  Kärnten, Steiermark, Oberösterreich, Niederösterreich, Tirol, Vorarlberg, Salzburg, Burgenland, Mödling,
  Bruck an der Mur, Völkermarkt, Wörthersee, Gmünd, Zwettl, Hallein, Schärding, Bregenz, Dornbirn, Feldkirch,
  Villach, Leoben, Kufstein, Kitzbühel, Wels, Steyr, Mürzzuschlag, Pöchlarn, Weiz, Fürstenfeld, Zell am See
`);

const PL_CITIES = parts(`
  Łodzi, Gdańsku, Krakowie, Poznaniu, Wrocławiu, Brodnicy, Toruniu, Białymstoku, Rzeszowie, Lublinie, Kielcach,
  Płocku, Ostrołęce, Sieradzu, Łowiczu, Żyrardowie, Świdnicy, Głogowie, Zgierzu, Mińsku Mazowieckim
`);

interface CountryProfile {
  code: string;
  weight: number;
  tld: string;
  /** Length of a national bank code, or null where connectors carry none. */
  codeLength: number | null;
  /** Names of neighbouring countries where customers may also hold accounts. */
  neighbours: readonly string[];
  bank(random: Random): string;
  /** A biller of the country, or null where the generator makes none. */
  provider: ((random: Random) => string) | null;
}

const COUNTRIES: readonly CountryProfile[] = [
  {
    code: 'FR',
    weight: 28,
    tld: 'fr',
    codeLength: 5,
    neighbours: ['BE', 'LU', 'MC'],
    bank: (random) => {
      const roll = random();
      if (roll < 0.45) return `${pick(random, FR_FAMILIES)} ${pick(random, FR_REGIONS)}`;
      if (roll < 0.75) return `${pick(random, FR_FAMILIES)} ${pick(random, FR_CITIES)}`;
      if (roll < 0.85) return `Banque ${pick(random, FR_SURNAMES)}`;
      if (roll < 0.93) return `${pick(random, FR_FAMILIES)} ${pick(random, FR_QUALIFIERS)}`;
      return `Caisse de Crédit Mutuel ${pick(random, FR_CITIES)}`;
    },
    provider: (random) =>
      pick(random, [
        `Régie des Eaux de ${pick(random, FR_CITIES)}`,
        `Électricité de ${pick(random, FR_CITIES)}`,
        `Mutuelle ${pick(random, FR_REGIONS)}`,
      ]),
  },
  {
    code: 'DE',
    weight: 20,
    tld: 'de',
    codeLength: 8,
    neighbours: ['AT', 'LU', 'NL'],
    bank: (random) => {
      const roll = random();
      if (roll < 0.2) return `Sparkasse ${pick(random, DE_CITIES)}`;
      if (roll < 0.3) return `Stadtsparkasse ${pick(random, DE_CITIES)}`;
      if (roll < 0.4) return `Kreissparkasse ${pick(random, DE_CITIES)}`;
      if (roll < 0.6) return `Volksbank ${pick(random, DE_CITIES)}`;
      if (roll < 0.75) return `Raiffeisenbank ${pick(random, DE_CITIES)}`;
      if (roll < 0.85) return `VR-Bank ${pick(random, DE_REGIONS)}`;
      if (roll < 0.92) return `Sparda-Bank ${pick(random, DE_REGIONS)}`;
      return `Bankhaus ${pick(random, DE_SURNAMES)}`;
    },
    provider: (random) => `Stadtwerke ${pick(random, DE_CITIES)}`,
  },
  {
    code: 'ES',
    weight: 9,
    tld: 'es',
    codeLength: 4,
    neighbours: ['PT'],
    bank: (random) => {
      const roll = random();
      if (roll < 0.5) return `Caja Rural de ${pick(random, ES_PLACES)}`;
      if (roll < 0.7) return `Caixa Rural ${pick(random, ES_PLACES)}`;
      if (roll < 0.85) return `Caja de Ahorros de ${pick(random, ES_PLACES)}`;
      return `Banco de ${pick(random, ES_PLACES)}`;
    },
    provider: (random) => `Aguas de ${pick(random, ES_PLACES)}`,
  },
  {
    code: 'IT',
    weight: 11,
    tld: 'it',
    codeLength: 5,
    neighbours: [],
    bank: (random) => {
      const roll = random();
      if (roll < 0.35) return `Banca di Credito Cooperativo di ${pick(random, IT_CITIES)}`;
      if (roll < 0.6) return `Banca Popolare di ${pick(random, IT_CITIES)}`;
      if (roll < 0.85) return `Cassa di Risparmio di ${pick(random, IT_CITIES)}`;
      return `BCC ${pick(random, IT_CITIES)}`;
    },
    provider: (random) => `Acquedotto di ${pick(random, IT_CITIES)}`,
  },
  {
    code: 'NL',
    weight: 3,
    tld: 'nl',
    codeLength: null,
    neighbours: ['BE'],
    bank: (random) => `Rabobank ${pick(random, NL_PLACES)}`,
    provider: null,
  },
  {
    code: 'BE',
    weight: 5,
    tld: 'be',
    codeLength: null,
    neighbours: ['LU', 'NL'],
    bank: (random) => {
      const roll = random();
      if (roll < 0.5) return `Crelan ${pick(random, BE_CITIES)}`;
      if (roll < 0.8) return `Banque ${pick(random, BE_HOUSES)} ${pick(random, BE_CITIES)}`;
      return `Caisse d'Épargne de ${pick(random, BE_CITIES)}`;
    },
    provider: null,
  },
  {
    code: 'PT',
    weight: 5,
    tld: 'pt',
    codeLength: 4,
    neighbours: [],
    bank: (random) =>
      chance(random, 0.7)
        ? `Caixa de Crédito Agrícola Mútuo de ${pick(random, PT_CITIES)}`
        : `Crédito Agrícola ${pick(random, PT_CITIES)}`,
    provider: null,
  },
  {
    code: 'GB',
    weight: 6,
    tld: 'co.uk',
    codeLength: null,
    neighbours: ['IE'],
    bank: (random) =>
      chance(random, 0.6) ? `${pick(random, GB_PLACES)} Building Society` : `${pick(random, GB_PLACES)} Credit Union`,
    provider: null,
  },
  {
    code: 'IE',
    weight: 3,
    tld: 'ie',
    codeLength: null,
    neighbours: ['GB'],
    bank: (random) => `${pick(random, IE_PLACES)} Credit Union`,
    provider: null,
  },
  {
    code: 'LU',
    weight: 2,
    tld: 'lu',
    codeLength: null,
    neighbours: ['BE', 'FR', 'DE'],
    bank: (random) =>
      chance(random, 0.6)
        ? `Caisse Raiffeisen ${pick(random, LU_CITIES)}`
        : `Banque de Luxembourg ${pick(random, LU_CITIES)}`,
    provider: null,
  },
  {
    code: 'AT',
    weight: 5,
    tld: 'at',
    codeLength: 5,
    neighbours: ['DE'],
    bank: (random) => {
      const roll = random();
      if (roll < 0.45) return `Raiffeisenbank ${pick(random, AT_PLACES)}`;
      if (roll < 0.75) return `Sparkasse ${pick(random, AT_PLACES)}`;
      return `Volksbank ${pick(random, AT_PLACES)}`;
    },
    provider: null,
  },
  {
    code: 'PL',
    weight: 3,
    tld: 'pl',
    codeLength: null,
    neighbours: [],
    bank: (random) => `Bank Spółdzielczy w ${pick(random, PL_CITIES)}`,
    provider: null,
  },
];

const TOTAL_WEIGHT = COUNTRIES.reduce((sum, profile) => sum + profile.weight, 0);

function pickCountry(random: Random): CountryProfile {
  let roll = random() * TOTAL_WEIGHT;
  for (const profile of COUNTRIES) {
    roll -= profile.weight;
    if (roll < 0) return profile;
  }
  return COUNTRIES[0] as CountryProfile;
}

const QUALIFIER: Record<Lang, { business: string; wealth: string }> = {
  fr: { business: 'Entreprises', wealth: 'Gestion Privée' },
  de: { business: 'Firmenkunden', wealth: 'Private Banking' },
  es: { business: 'Empresas', wealth: 'Banca Privada' },
  it: { business: 'Imprese', wealth: 'Private Banking' },
  nl: { business: 'Zakelijk', wealth: 'Private Banking' },
  pt: { business: 'Empresas', wealth: 'Banca Privada' },
  en: { business: 'Business', wealth: 'Private Banking' },
  pl: { business: 'Firmy', wealth: 'Bankowość Prywatna' },
};

function pickKind(random: Random, profile: CountryProfile): Kind {
  const roll = random();
  if (roll < 0.45) return 'bank';
  if (roll < 0.7) return 'creds';
  if (roll < 0.85) return 'web';
  if (roll < 0.92) return 'wealth';
  if (roll < 0.97) return profile.provider === null ? 'creds' : 'provider';
  return 'business';
}

function nameFor(random: Random, profile: CountryProfile, kind: Kind, lang: Lang): string {
  if (kind === 'provider' && profile.provider !== null) return profile.provider(random);
  const bank = profile.bank(random);
  if (kind === 'business') return `${bank} ${QUALIFIER[lang].business}`;
  if (kind === 'wealth') return `${bank} ${QUALIFIER[lang].wealth}`;
  return bank;
}

const PAY_VARIANTS: readonly PayVariant[] = ['standard', 'standard', 'instant', 'bulk', 'uncapped', 'basic'];

function credentialsFor(random: Random, lang: Lang): readonly FieldSpec[] {
  const [login, password] = defaultCredentials(lang);
  if (login === undefined || password === undefined || !chance(random, 0.2)) return defaultCredentials(lang);
  const length = 8 + Math.floor(random() * 4);
  return [{ ...login, regex: `^\\d{${length}}$` }, password];
}

/**
 * `count` connectors built from `seed`: the same arguments always give deep-equal output, another seed gives
 * other connectors. About a quarter of the names with accents are stored without them, as some institutions
 * register theirs. Throws a `RangeError` when `count` is not a non-negative integer; `seed` is used as a 32-bit
 * integer.
 */
export function generateConnectors(count: number, seed: number): Connector[] {
  if (!Number.isSafeInteger(count) || count < 0) {
    throw new RangeError(`count must be a non-negative integer, got ${count}`);
  }
  const connectors: Connector[] = new Array(count);
  const names = new Set<string>();
  for (let index = 0; index < count; index++) {
    const random = mulberry32(indexSeed(seed, index));
    const profile = pickCountry(random);
    const lang = COUNTRY_LANG[profile.code] ?? 'en';
    const kind = pickKind(random, profile);

    let name = nameFor(random, profile, kind, lang);
    for (let attempt = 0; attempt < 3 && names.has(name); attempt++) name = nameFor(random, profile, kind, lang);
    if (hasNonAscii(name) && chance(random, 0.25)) name = stripAccents(name);
    names.add(name);

    const countries = [profile.code];
    if (profile.neighbours.length > 0 && chance(random, 0.05)) countries.push(pick(random, profile.neighbours));

    const id = GENERATED_ID_OFFSET + index;
    const uuid = nameUuid(`generated:${seed >>> 0}:${index}`);
    const flags: Flag[] = [];
    if (chance(random, 0.03)) flags.push('beta');
    if (chance(random, 0.02)) flags.push('restricted');
    if (chance(random, 0.02)) flags.push('hidden');
    if (chance(random, 0.04)) flags.push('unstable');
    if (kind === 'provider' && chance(random, 0.2)) flags.push('free');

    const payable = kind === 'bank' || kind === 'web' || kind === 'business';
    const plan: ConnectorPlan = {
      id,
      uuid,
      name,
      countries,
      kind,
      color: Math.floor(random() * 0x1000000)
        .toString(16)
        .padStart(6, '0'),
      code: profile.codeLength === null || kind === 'provider' ? null : digits(random, profile.codeLength),
      slug: slugOf(name),
      urls: [`https://www.${hostOf(name)}.${profile.tld}`],
      credentials: credentialsFor(random, lang),
      flags,
      lastUpdate: stableTimestamp(uuid),
    };
    if (kind === 'bank') {
      if (chance(random, 0.15)) plan.website = 'openapiwebsite';
      if (chance(random, 0.15)) plan.pro = true;
      if (chance(random, 0.03)) plan.legacy = true;
      if (chance(random, 0.3)) plan.directPriority = 2;
    }
    if (payable && chance(random, 0.12)) plan.pay = pick(random, PAY_VARIANTS);
    if (chance(random, 0.1)) plan.monthsToFetch = pick(random, [12, 24, 36]);
    if (kind === 'provider') plan.siret = digits(random, 14);
    connectors[index] = buildConnector(plan);
  }
  return connectors;
}
