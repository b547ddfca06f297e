import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, type MockInstance, vi } from 'vitest';
import { assertProperty } from '../../../../test/reliability.ts';
import { type Connector, connectorSchema } from '../schemas.ts';
import { anyText, connectorEntries, parseEach } from '../test/arbitraries.ts';
import { foldText, foldTextWithOffsets } from './fold.ts';
import {
  CONNECTOR_SEARCH_SCORES,
  type ConnectorSearchFilter,
  type ConnectorSearchFilters,
  type ConnectorSearchResult,
  countConnectorsByCountry,
  createConnectorSearch,
} from './search.ts';

let nextId = 0;
function connector(fields: Record<string, unknown> & { name: string }): Connector {
  nextId += 1;
  return connectorSchema.parse({ uuid: `uuid-${nextId}`, capabilities: ['bank'], products: ['bank'], ...fields });
}

const names = (results: readonly ConnectorSearchResult[]) => results.map((result) => result.connector.name);

/** The highlighted substrings of each result's original name. */
const highlighted = (result: ConnectorSearchResult) =>
  result.matches.map(({ start, end }) => result.connector.name.slice(start, end));

/** Characters that exercise folding: accents, letters NFD keeps whole, marks, breaks, surrogates. */
const trickyCharacter = fc.oneof(
  fc.constantFrom(
    'é',
    'E\u0301',
    'ß',
    'ẞ',
    'Œ',
    'æ',
    'ø',
    'Ł',
    'đ',
    'ı',
    'İ',
    'ﬁ',
    '½',
    'Σ',
    'ς',
    '\u0301',
    '\u00ad',
    '\u200d',
    "'",
    '’',
    '-',
    '.',
    ' ',
    '\t',
    '\u0000',
    '\uD800',
    '\uDC00',
    '😀',
    'a',
    'Z',
    '7',
  ),
  fc.integer({ min: 0, max: 0x10ffff }).map((codePoint) => String.fromCodePoint(codePoint)),
);
const anyString = fc.string({ unit: trickyCharacter, maxLength: 40 });

describe('foldText', () => {
  it.each([
    ['Société Générale', 'societe generale'],
    ['SOCIÉTÉ', 'societe'],
    ['Socie\u0301te\u0301', 'societe'],
    ['Björn Øresund', 'bjorn oresund'],
    ['Straße', 'strasse'],
    ['GROẞ', 'gross'],
    ['Œuvre cœur', 'oeuvre coeur'],
    ['Ærø', 'aero'],
    ['Łódź', 'lodz'],
    ['Đakovo', 'dakovo'],
    ['Iğdır', 'igdir'],
    ['İstanbul', 'istanbul'],
    ["Caisse d'Épargne", 'caisse d epargne'],
    ['Caisse d’Épargne', 'caisse d epargne'],
    ['Crédit-Agricole', 'credit agricole'],
    ['Hello bank!', 'hello bank'],
    ['N.A.T. Bank', 'n a t bank'],
    ['  Banque   Populaire  ', 'banque populaire'],
    ['ﬁnance', 'finance'],
    ['ＡＢＣ', 'abc'],
    ['Com\u00admerzbank', 'commerzbank'],
    ['Bank\u0000\u0007\u001f1', 'bank 1'],
    ['a\uD800b', 'a b'],
    // Beyond U+FFFF: letters stay letters (folded like the rest), emoji are breaks.
    ['𝐁𝐚𝐧𝐤 𝟐𝟒', 'bank 24'],
    ['𠀀銀行', '𠀀銀行'],
    ['Bank😀Bank', 'bank bank'],
    ['ΣΊΣΥΦΟΣ', 'σισυφοσ'],
    ['Σίσυφος', 'σισυφοσ'],
    ['', ''],
    ['!!!', ''],
  ])('folds %j to %j', (input, expected) => {
    expect(foldText(input)).toBe(expected);
  });

  it('treats apostrophes, hyphens and dots like spaces', () => {
    expect(foldText("caisse d'epargne")).toBe(foldText('caisse d epargne'));
    expect(foldText('credit-agricole')).toBe(foldText('credit agricole'));
    expect(foldText('b.n.p.')).toBe(foldText('b n p'));
  });

  it('never throws, is idempotent, and yields single-spaced words', () => {
    fc.assert(
      fc.property(anyString, (text) => {
        const folded = foldText(text);
        expect(foldText(folded)).toBe(folded);
        expect(folded).not.toMatch(/^ | $| {2}/);
        expect(folded).toBe(folded.toLowerCase());
      }),
      { numRuns: 2000 },
    );
  });

  it('maps every folded character back to the code point it comes from', () => {
    fc.assert(
      fc.property(anyString, (text) => {
        const { folded, offsets } = foldTextWithOffsets(text);
        expect(folded).toBe(foldText(text));
        for (let i = 0; i < folded.length; i++) {
          const char = folded[i] as string;
          if (char === ' ') continue;
          const start = offsets === null ? i : (offsets.starts[i] as number);
          const end = offsets === null ? i + 1 : (offsets.ends[i] as number);
          expect(start).toBeLessThan(end);
          expect(end).toBeLessThanOrEqual(text.length);
          expect(foldText(text.slice(start, end))).toContain(char);
        }
      }),
      { numRuns: 1000 },
    );
  });
});

describe('createConnectorSearch: matching', () => {
  const connectors = [
    connector({ name: 'Société Générale', slug: 'SG', code: '30003' }),
    connector({ name: 'Crédit Mutuel', slug: 'CMU', code: '10278' }),
    connector({ name: "Caisse d'Épargne Île-de-France", slug: 'CEI', code: '17515' }),
    connector({ name: 'Commerzbank', slug: 'COM', code: null }),
    connector({ name: 'Hello bank!', slug: 'HEL', code: null }),
    connector({ name: 'American Express', slug: 'AME', code: null }),
    connector({ name: 'Straßburger Volksbank', slug: 'STV', code: '16820' }),
    connector({ name: 'Bjørn Bank', slug: 'BJO' }),
  ];
  const index = createConnectorSearch(connectors);

  it.each([
    ['societe generale', ['Société Générale']],
    ['SOCIÉTÉ GÉNÉRALE', ['Société Générale']],
    ['generale societe', ['Société Générale']],
    ['gen soc', ['Société Générale']],
    ['credit mutuel', ['Crédit Mutuel']],
    ['caisse d epargne', ["Caisse d'Épargne Île-de-France"]],
    ["caisse d'épargne", ["Caisse d'Épargne Île-de-France"]],
    ['ile de france', ["Caisse d'Épargne Île-de-France"]],
    ['hello bank', ['Hello bank!']],
    ['hello bank!', ['Hello bank!']],
    ['strass', ['Straßburger Volksbank']],
    ['strasse', []],
    ['STRAẞBURGER', ['Straßburger Volksbank']],
    ['bjorn', ['Bjørn Bank']],
    ['merz', ['Commerzbank']],
    ['ame', ['American Express']],
    ['AME', ['American Express']],
    ['16820', ['Straßburger Volksbank']],
    ['168', ['Straßburger Volksbank']],
    ['volks 16820', ['Straßburger Volksbank']],
    ['societe xyz', []],
    ['zzz', []],
  ])('%j finds %j', (query, expected) => {
    expect(names(index.search(query))).toEqual(expected);
  });

  it('finds a word inside another word', () => {
    expect(names(index.search('bank'))).toEqual(
      expect.arrayContaining(['Commerzbank', 'Hello bank!', 'Straßburger Volksbank', 'Bjørn Bank']),
    );
  });

  it('requires every query word to match', () => {
    expect(names(index.search('bank express'))).toEqual([]);
    expect(names(index.search('american express'))).toEqual(['American Express']);
  });
});

describe('createConnectorSearch: ranking', () => {
  it('ranks exact > name prefix > word prefixes > inside a word', () => {
    const index = createConnectorSearch([
      connector({ name: 'Commerzbank' }),
      connector({ name: 'Hello bank!' }),
      connector({ name: 'Bank of Scotland' }),
      connector({ name: 'BANK' }),
    ]);
    const results = index.search('bank');
    expect(names(results)).toEqual(['BANK', 'Bank of Scotland', 'Hello bank!', 'Commerzbank']);
    expect(results.map((result) => result.score)).toEqual([
      CONNECTOR_SEARCH_SCORES.exact,
      CONNECTOR_SEARCH_SCORES.namePrefix,
      CONNECTOR_SEARCH_SCORES.wordPrefix,
      CONNECTOR_SEARCH_SCORES.substring,
    ]);
  });

  it('counts slug and code word prefixes as word prefixes', () => {
    const index = createConnectorSearch([
      connector({ name: 'Banque Tarneaud', slug: 'TAR' }),
      connector({ name: 'Avantar', slug: 'AVA' }),
    ]);
    expect(index.search('tar').map((result) => [result.connector.name, result.score])).toEqual([
      ['Banque Tarneaud', CONNECTOR_SEARCH_SCORES.wordPrefix],
      ['Avantar', CONNECTOR_SEARCH_SCORES.substring],
    ]);
  });

  it('orders equal scores by popularity, then by name with accent-blind, numeric collation', () => {
    const connectors = [
      connector({ uuid: 'b10', name: 'Banque 10' }),
      connector({ uuid: 'b2', name: 'Banque 2' }),
      connector({ uuid: 'bf', name: 'Banque Fédérale' }),
      connector({ uuid: 'be', name: 'Banque Éveil' }),
      connector({ uuid: 'bd', name: 'Banque Dupont' }),
      connector({ uuid: 'pop', name: 'Banque Zeta' }),
    ];
    const expectedRest = ['Banque 2', 'Banque 10', 'Banque Dupont', 'Banque Éveil', 'Banque Fédérale'];
    const index = createConnectorSearch(connectors, { popularity: ['pop', 'unknown-uuid'] });
    expect(names(index.search('banque'))).toEqual(['Banque Zeta', ...expectedRest]);
    expect(names(createConnectorSearch(connectors).search('banque'))).toEqual([...expectedRest, 'Banque Zeta']);
  });

  it('never lets popularity beat a better score', () => {
    const index = createConnectorSearch(
      [connector({ uuid: 'a', name: 'Commerzbank' }), connector({ uuid: 'b', name: 'Bank Norwegian' })],
      { popularity: ['a'] },
    );
    expect(names(index.search('bank'))).toEqual(['Bank Norwegian', 'Commerzbank']);
  });

  it('uses the given locale for the alphabetical order', () => {
    const connectors = [connector({ name: 'Öresund Bank' }), connector({ name: 'Zeta Bank' })];
    expect(names(createConnectorSearch(connectors, { locale: 'de' }).search('bank'))).toEqual([
      'Öresund Bank',
      'Zeta Bank',
    ]);
    expect(names(createConnectorSearch(connectors, { locale: 'sv' }).search('bank'))).toEqual([
      'Zeta Bank',
      'Öresund Bank',
    ]);
  });

  it('does not depend on the order of the input list', () => {
    const connectors = [
      connector({ uuid: 'x1', name: 'Société Générale' }),
      connector({ uuid: 'x2', name: 'Societe Generale' }),
      connector({ uuid: 'x3', name: 'Société Générale' }),
      connector({ uuid: 'x4', name: 'Générale Bank' }),
    ];
    const forward = createConnectorSearch(connectors).search('generale');
    const backward = createConnectorSearch([...connectors].reverse()).search('generale');
    expect(backward.map((result) => result.connector.uuid)).toEqual(forward.map((result) => result.connector.uuid));
  });

  it('lists every connector for an empty query: popularity first, then names', () => {
    const index = createConnectorSearch(
      [
        connector({ uuid: 'c', name: 'Crédit Mutuel' }),
        connector({ uuid: 'a', name: 'Axa Banque' }),
        connector({ uuid: 'b', name: 'BNP Paribas' }),
      ],
      { popularity: ['b'] },
    );
    for (const query of ['', '   ', "'-.!", '\u0301']) {
      const results = index.search(query);
      expect(names(results)).toEqual(['BNP Paribas', 'Axa Banque', 'Crédit Mutuel']);
      expect(results.every((result) => result.score === 0 && result.matches.length === 0)).toBe(true);
    }
  });
});

describe('createConnectorSearch: highlight ranges', () => {
  const search = (name: string, query: string) => {
    const [result] = createConnectorSearch([connector({ name, slug: 'XYZ' })]).search(query);
    return result === undefined ? undefined : highlighted(result);
  };

  it.each([
    ['Société Générale', 'gen', ['Gén']],
    ['Société Générale', 'societe g', ['Société G']],
    ['Société Générale', 'generale societe', ['Société', 'Générale']],
    ['Socie\u0301te\u0301 Ge\u0301ne\u0301rale', 'societe', ['Socie\u0301te\u0301']],
    ['Socie\u0301te\u0301 Ge\u0301ne\u0301rale', 'gene', ['Ge\u0301ne\u0301']],
    ['Straßburger Bank', 'strass', ['Straß']],
    ['Straßburger Bank', 'stras', ['Straß']],
    ['Straßburger Bank', 'burger', ['burger']],
    ['Œuvre Bank', 'oeu', ['Œu']],
    ['Bank Œuvre', 'oe', ['Œ']],
    ["Caisse d'Épargne", 'epargne', ['Épargne']],
    ["Caisse d'Épargne", 'caisse d epargne', ["Caisse d'Épargne"]],
    ['Commerzbank', 'bank', ['bank']],
    ['Hello bank!', 'hello bank', ['Hello bank']],
    ['Bank of Scotland', 'scot ban', ['Ban', 'Scot']],
    ['ﬁnance Bank', 'fi', ['ﬁ']],
    ['ﬁnance Bank', 'fin', ['ﬁn']],
    ['ﬁnance Bank', 'f', ['ﬁ']],
    ['Banque  Populaire', 'pop', ['Pop']],
    ['Banque 😀 Populaire', 'pop', ['Pop']],
    ['Banque Populaire', 'xyz', []],
    // A repeated query word is one word: highlighted where it occurs, as it would be alone.
    ['Crédit Mutuel', 'credit credit', ['Crédit']],
    ['Banque Crédit Crédit', 'credit credit', ['Crédit']],
  ])('%j with %j highlights %j', (name, query, expected) => {
    expect(search(name, query)).toEqual(expected);
  });

  it('prefers the start of a word for the highlight', () => {
    expect(search('Abank Bank', 'bank')).toEqual(['Bank']);
  });
});

describe('createConnectorSearch: filters', () => {
  const fr = connector({ uuid: 'fr', name: 'Banque France', countries: [{ id: 'fr', name: 'France' }] });
  const de = connector({
    uuid: 'de',
    name: 'Bank Deutschland',
    countries: [{ id: 'DE', name: 'Germany' }],
    capabilities: ['bank', 'transfer'],
    products: ['bank', 'pay'],
  });
  const both = connector({
    uuid: 'both',
    name: 'Bank Both',
    countries: [
      { id: 'fr', name: 'France' },
      { id: 'de', name: 'Germany' },
    ],
    capabilities: ['document'],
    products: ['bill'],
  });
  const unknown = connector({ uuid: 'unknown', name: 'Bank Unknown' });
  const nullCountries = connector({ uuid: 'null', name: 'Bank Null', countries: null });
  const none = connector({ uuid: 'none', name: 'Bank None', countries: [] });
  const index = createConnectorSearch([fr, de, both, unknown, nullCountries, none]);
  const uuids = (results: readonly ConnectorSearchResult[]) => results.map((result) => result.connector.uuid).sort();

  it('keeps connectors of any listed country, case-insensitively, and those without countries data', () => {
    expect(uuids(index.search('', { countryCodes: ['FR'] }))).toEqual(['both', 'fr', 'null', 'unknown']);
    expect(uuids(index.search('', { countryCodes: ['de', 'fr'] }))).toEqual(['both', 'de', 'fr', 'null', 'unknown']);
    expect(uuids(index.search('bank', { countryCodes: ['de'] }))).toEqual(['both', 'de', 'null', 'unknown']);
    expect(uuids(index.search('', { countryCodes: ['it'] }))).toEqual(['null', 'unknown']);
  });

  it('treats an empty or missing filter as no constraint', () => {
    const all = ['both', 'de', 'fr', 'none', 'null', 'unknown'];
    expect(uuids(index.search(''))).toEqual(all);
    expect(uuids(index.search('', {}))).toEqual(all);
    expect(uuids(index.search('', { countryCodes: [], capabilities: [], products: [], uuids: [] }))).toEqual(all);
    expect(uuids(index.search('', { countryCodes: undefined }))).toEqual(all);
  });

  it('keeps connectors having every listed capability and product', () => {
    expect(uuids(index.search('', { capabilities: ['bank', 'transfer'] }))).toEqual(['de']);
    expect(uuids(index.search('', { capabilities: ['document'] }))).toEqual(['both']);
    expect(uuids(index.search('', { products: ['pay'] }))).toEqual(['de']);
    expect(uuids(index.search('', { products: ['bank'] }))).toEqual(['de', 'fr', 'none', 'null', 'unknown']);
    expect(uuids(index.search('', { products: ['bank', 'bill'] }))).toEqual([]);
  });

  it('keeps only the allowed uuids', () => {
    expect(uuids(index.search('', { uuids: ['fr', 'de', 'missing'] }))).toEqual(['de', 'fr']);
    expect(uuids(index.search('deutsch', { uuids: ['fr'] }))).toEqual([]);
  });

  it('combines filters with the query', () => {
    expect(uuids(index.search('bank', { countryCodes: ['fr'], products: ['bill'] }))).toEqual(['both']);
  });
});

describe('createConnectorSearch: hidden and restricted connectors', () => {
  const visible = connector({ uuid: 'v', name: 'Visible Bank' });
  const hidden = connector({ uuid: 'h', name: 'Hidden Bank', hidden: true });
  const restricted = connector({ uuid: 'r', name: 'Restricted Bank', restricted: true });
  const index = createConnectorSearch([visible, hidden, restricted]);

  it('never returns hidden connectors', () => {
    expect(index.size).toBe(2);
    for (const query of ['', 'bank', 'hidden', 'hidden bank']) {
      expect(index.search(query, { uuids: ['h', 'v', 'r'] }).some((result) => result.connector.uuid === 'h')).toBe(
        false,
      );
    }
  });

  it('returns restricted connectors disabled, with the reason', () => {
    for (const query of ['', 'restricted']) {
      const result = index.search(query).find((item) => item.connector.uuid === 'r');
      expect(result).toMatchObject({ disabled: true, disabledReason: 'restricted' });
    }
    const [plain] = index.search('visible');
    expect(plain?.disabled).toBe(false);
    expect(plain).not.toHaveProperty('disabledReason');
  });
});

describe('createConnectorSearch: custom filter', () => {
  const connectors = [
    connector({ uuid: 'a', name: 'Alpha Bank', code: '111' }),
    connector({ uuid: 'b', name: 'Beta Banque', code: '222' }),
    connector({ uuid: 'c', name: 'Gamma Bank', code: '333' }),
    connector({ uuid: 'h', name: 'Hidden Bank', hidden: true }),
  ];

  it('orders by the returned score, drops false and NaN, keeps the base order on ties', () => {
    const scores: Record<string, number | false> = { a: 1, b: 5, c: 1, h: 100 };
    const index = createConnectorSearch(connectors, {
      filter: (item) => scores[item.uuid] ?? false,
      popularity: ['c'],
    });
    expect(index.search('anything').map((result) => [result.connector.uuid, result.score])).toEqual([
      ['b', 5],
      ['c', 1],
      ['a', 1],
    ]);
    const dropping = createConnectorSearch(connectors, {
      filter: (item) => (item.uuid === 'a' ? Number.NaN : item.uuid === 'b' ? false : 0),
    });
    expect(names(dropping.search('x'))).toEqual(['Gamma Bank']);
  });

  it('gets the raw query, the folded query and fields, and the built-in score', () => {
    const filter = vi.fn<ConnectorSearchFilter>((_connector, _query, context) => context.defaultScore());
    const index = createConnectorSearch(connectors, { filter });
    const results = index.search('  BANQUE Bêta ', { uuids: ['a', 'b'] });
    expect(filter).toHaveBeenCalledTimes(2);
    const call = filter.mock.calls.find(([item]) => item.uuid === 'b');
    expect(call?.[1]).toBe('  BANQUE Bêta ');
    expect(call?.[2]).toMatchObject({
      foldedQuery: 'banque beta',
      queryWords: ['banque', 'beta'],
      folded: { name: 'beta banque', slug: '', code: '222' },
    });
    expect(names(results)).toEqual(['Beta Banque']);
    expect(results[0]?.score).toBe(CONNECTOR_SEARCH_SCORES.wordPrefix);
    expect(highlighted(results[0] as ConnectorSearchResult)).toEqual(['Beta', 'Banque']);
  });

  it('is not called for an empty query', () => {
    const filter = vi.fn<ConnectorSearchFilter>(() => false);
    const index = createConnectorSearch(connectors, { filter });
    expect(names(index.search(' '))).toEqual(['Alpha Bank', 'Beta Banque', 'Gamma Bank']);
    expect(filter).not.toHaveBeenCalled();
  });

  it('can boost an exact bank code over the built-in order', () => {
    const index = createConnectorSearch(connectors, {
      filter: (_item, _query, context) => (context.folded.code === context.foldedQuery ? 10 : context.defaultScore()),
    });
    expect(names(index.search('333'))).toEqual(['Gamma Bank']);
    expect(index.search('333')[0]?.score).toBe(10);
  });
});

describe('countConnectorsByCountry', () => {
  it('counts visible connectors per upper-case country code, once per connector', () => {
    const counts = countConnectorsByCountry([
      connector({ name: 'A', countries: [{ id: 'fr', name: 'France' }] }),
      connector({
        name: 'B',
        countries: [
          { id: 'FR', name: 'France' },
          { id: 'fr', name: 'France' },
          { id: 'de', name: 'Germany' },
        ],
      }),
      connector({ name: 'C', countries: [{ id: 'de', name: 'Germany' }], hidden: true }),
      connector({ name: 'D', countries: null }),
      connector({ name: 'E' }),
    ]);
    expect([...counts]).toEqual([
      ['FR', 2],
      ['DE', 1],
    ]);
  });

  it('counts only the connectors that pass the other filters, and ignores a country filter', () => {
    const fr = [{ id: 'FR', name: 'France' }];
    const banks = [
      connector({ name: 'A', countries: fr, capabilities: ['bank', 'transfer'] }),
      connector({ name: 'B', countries: fr, capabilities: ['bank'], products: ['pay'] }),
      connector({ name: 'C', countries: [{ id: 'DE', name: 'Germany' }], capabilities: ['transfer'] }),
    ];
    expect([...countConnectorsByCountry(banks, { capabilities: ['transfer'], countryCodes: ['DE'] })]).toEqual([
      ['FR', 1],
      ['DE', 1],
    ]);
    expect([...countConnectorsByCountry(banks, { products: ['pay'] })]).toEqual([['FR', 1]]);
    expect([...countConnectorsByCountry(banks, { uuids: [banks[2]?.uuid ?? ''] })]).toEqual([['DE', 1]]);
  });
});

describe('createConnectorSearch: robustness', () => {
  it('never returns overlapping ranges when two query words fold out of one character', () => {
    const [result] = createConnectorSearch([connector({ name: 'é½' })]).search('½');
    expect(result?.matches).toEqual([{ start: 1, end: 2 }]);
  });

  const words = ['Banque', 'Société', 'Générale', 'Straße', 'Œuvre', 'Bjørn', 'Łódź', 'Crédit', "d'Épargne", 'Bank'];
  const connectorsArbitrary = fc.array(
    fc.record({
      name: fc.oneof(
        anyString,
        fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 3 }).map((parts) => parts.join(' ')),
      ),
      slug: fc.option(fc.constantFrom('AME', 'EXA', 'SG'), { nil: null }),
      code: fc.option(fc.constantFrom('16820', '30003'), { nil: null }),
      hidden: fc.boolean(),
      restricted: fc.boolean(),
    }),
    { maxLength: 12 },
  );
  const queryArbitrary = fc.oneof(
    anyString,
    fc
      .array(fc.constantFrom('ban', 'soc', 'gen', 'strass', 'oe', 'bjorn', 'lodz', 'ame', '168', 'bank'), {
        maxLength: 3,
      })
      .map((parts) => parts.join(' ')),
  );

  it.each([
    ['lone surrogates', '\uD800\uDC00\uDFFF\uD83D'],
    ['control characters', '\u0000\u0001\u0008\u001b\u007f\u0085'],
    ['a huge string', 'société '.repeat(200_000)],
    ['a huge single word', 'x'.repeat(1_000_000)],
    ['many distinct words', Array.from({ length: 5_000 }, (_, i) => i.toString(36)).join(' ')],
  ])('does not throw on %s', (_label, query) => {
    const index = createConnectorSearch([connector({ name: 'Société Générale' }), connector({ name: 'Bank 1' })]);
    expect(() => index.search(query)).not.toThrow();
  });

  it('never throws and is deterministic', () => {
    fc.assert(
      fc.property(connectorsArbitrary, queryArbitrary, (raw, query) => {
        const connectors = raw.map((fields) => connector(fields));
        const index = createConnectorSearch(connectors);
        const first = index.search(query);
        expect(index.search(query)).toEqual(first);
        expect(createConnectorSearch([...connectors].reverse()).search(query)).toEqual(first);
        expect(first.some((result) => result.connector.hidden === true)).toBe(false);
      }),
      { numRuns: 500 },
    );
  });

  it('prepares in steps as small as asked, and answers the same whether it was prepared, half or not at all', () => {
    const connectors = Array.from({ length: 1000 }, (_, i) =>
      connector({ name: `${words[i % words.length]} ${(i * 7919) % 1000}` }),
    );
    const expected = createConnectorSearch(connectors).search('ban');
    const stepped = createConnectorSearch(connectors);
    let steps = 1;
    while (!stepped.prepare(0)) steps++;
    // 256 names folded per step at least, then one step per sorting pass (1,000 entries are a single run of each
    // pass), then the call that finds the sort done.
    expect(steps).toBeLessThanOrEqual(Math.ceil(1000 / 256) + 3);
    expect(stepped.prepare(0)).toBe(true);
    expect(stepped.search('ban')).toEqual(expected);
    const half = createConnectorSearch(connectors);
    expect(half.prepare(0)).toBe(false);
    expect(half.search('ban')).toEqual(expected);
    expect(half.prepare(0)).toBe(true);
    const whole = createConnectorSearch(connectors);
    expect(whole.prepare()).toBe(true);
    expect(whole.search('')).toEqual(createConnectorSearch(connectors).search(''));
  });

  it('sorts a long list in steps into collation order, whatever the input order', () => {
    // Names whose folded spelling sorts otherwise than the Collator: numbers ("9" before "10"), case, accents.
    const spellings = (i: number) => [`Bank ${i}`, `bank ${i}b`, `Épargne ${i % 97}-${i}`, `ÉPARGNE ${i}`];
    const all = Array.from({ length: 1250 }, (_, i) => spellings(i)).flat();
    const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
    const expected = [...all].sort((a, b) => collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0));
    const shuffled = all.map((name, i) => ({ name, key: (i * 7919) % all.length })).sort((a, b) => a.key - b.key);
    for (const input of [shuffled.map(({ name }) => name), expected, [...expected].reverse()]) {
      const index = createConnectorSearch(input.map((name) => connector({ name })));
      let steps = 1;
      while (!index.prepare(0)) steps++;
      // 5,000 entries: 20 folding steps, then in each of the two passes 5 runs of 1,024 and 4 merges.
      expect(steps).toBeGreaterThan(Math.ceil(5000 / 256) + 2);
      expect(steps).toBeLessThanOrEqual(Math.ceil(5000 / 256) + 2 * (5 + 4) + 1);
      expect(names(index.search(''))).toEqual(expected);
    }
  });

  it('gives with a limit the first results of the full answer, and counts them all, before and after sorting', () => {
    const limitArbitrary = fc.oneof(fc.integer({ min: 0, max: 14 }), fc.constantFrom(Number.NaN, -3, 2.5));
    const countryArbitrary = fc.option(fc.constantFrom(['FR'], ['DE'], ['fr', 'DE']), { nil: undefined });
    fc.assert(
      fc.property(connectorsArbitrary, queryArbitrary, limitArbitrary, countryArbitrary, (raw, query, limit, codes) => {
        const connectors = raw.map((fields, i) =>
          connector({ ...fields, countries: [{ id: i % 2 === 0 ? 'fr' : 'DE', name: '' }] }),
        );
        const filters = { countryCodes: codes };
        const full = createConnectorSearch(connectors, { popularity: [connectors[1]?.uuid ?? ''] }).search(
          query,
          filters,
        );
        const expected = Number.isNaN(limit) ? full : full.slice(0, Math.max(0, Math.floor(limit)));
        // A fresh index answers a limited empty query without sorting; a used one from its sorted entries.
        const fresh = createConnectorSearch(connectors, { popularity: [connectors[1]?.uuid ?? ''] });
        expect(fresh.count(query, filters)).toBe(full.length);
        expect(fresh.search(query, filters, { limit })).toEqual(expected);
        fresh.search(query, filters);
        expect(fresh.search(query, filters, { limit })).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });

  it('highlights ranges of the original name whose folded text contains a query word', () => {
    fc.assert(
      fc.property(connectorsArbitrary, queryArbitrary, (raw, query) => {
        const words = foldText(query).split(' ');
        for (const result of createConnectorSearch(raw.map((fields) => connector(fields))).search(query)) {
          let previousEnd = 0;
          for (const { start, end } of result.matches) {
            expect(start).toBeGreaterThanOrEqual(previousEnd);
            expect(end).toBeLessThanOrEqual(result.connector.name.length);
            const text = foldText(result.connector.name.slice(start, end));
            expect(words.some((word) => text.includes(word))).toBe(true);
            previousEnd = end;
          }
        }
      }),
      { numRuns: 500 },
    );
  });

  it('returns exactly the connectors where every folded query word occurs in the folded name, slug or code', () => {
    fc.assert(
      fc.property(connectorsArbitrary, queryArbitrary, (raw, query) => {
        const connectors = raw.map((fields) => connector(fields));
        const foldedWords = foldText(query).split(' ');
        const expected = connectors.filter((item) => {
          if (item.hidden === true) return false;
          if (foldText(query) === '') return true;
          const fields = [item.name, item.slug ?? '', item.code ?? ''].map(foldText);
          return foldedWords.every((word) => fields.some((field) => field.includes(word)));
        });
        const actual = createConnectorSearch(connectors).search(query);
        expect(actual.map((result) => result.connector.uuid).sort()).toEqual(expected.map((item) => item.uuid).sort());
        for (let i = 1; i < actual.length; i++) {
          expect((actual[i - 1] as ConnectorSearchResult).score).toBeGreaterThanOrEqual(
            (actual[i] as ConnectorSearchResult).score,
          );
        }
      }),
      { numRuns: 500 },
    );
  });

  it('gives while typing, key by key and back with Backspace, what a fresh index gives', () => {
    const filtersArbitrary = fc.constantFrom(undefined, { countryCodes: ['FR'] }, { products: ['pay'] });
    fc.assert(
      fc.property(
        connectorsArbitrary,
        fc.array(fc.tuple(queryArbitrary, filtersArbitrary), { minLength: 1, maxLength: 3 }),
        // Jumps first: a prefix of one of the queries, as a paste or a selection deleted at once gives.
        fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 8 }),
        (raw, typed, jumps) => {
          const connectors = raw.map((fields, i) =>
            connector({
              ...fields,
              countries: [{ id: i % 2 ? 'FR' : 'DE', name: '' }],
              products: i % 3 ? ['pay'] : [],
            }),
          );
          const index = createConnectorSearch(connectors);
          const expectFresh = (query: string, filters: ConnectorSearchFilters | undefined) =>
            expect(index.search(query, filters)).toEqual(createConnectorSearch(connectors).search(query, filters));
          for (const [which, length] of jumps) {
            const [query, filters] = typed[which % typed.length] as (typeof typed)[number];
            expectFresh([...query].slice(0, length % (query.length + 1)).join(''), filters);
          }
          for (const [query, filters] of typed) {
            const keys = [...query];
            const steps = keys.map((_, i) => keys.slice(0, i + 1).join(''));
            for (const step of [...steps, ...steps.slice(0, -1).reverse(), ...steps]) expectFresh(step, filters);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('hands out a new array every time: changing one does not change the next results', () => {
    const index = createConnectorSearch([connector({ name: 'Société Générale' }), connector({ name: 'Sofinco' })]);
    const first = index.search('so');
    first.reverse().pop();
    expect(names(index.search('soc'))).toEqual(['Société Générale']);
    expect(names(index.search('so'))).toEqual(['Société Générale', 'Sofinco']);
  });

  it('asks a custom filter again for a longer query, even one it refused for a shorter one', () => {
    // Accepts only queries of three characters or more: "soc" must not be looked for among the matches of "so".
    const filter = (_connector: Connector, query: string) => (query.length >= 3 ? 1 : false);
    const index = createConnectorSearch([connector({ name: 'Société Générale' }), connector({ name: 'Sofinco' })], {
      filter,
    });
    expect(index.search('so')).toEqual([]);
    expect(names(index.search('soc'))).toEqual(['Société Générale', 'Sofinco']);
  });
});

/** Runs per property on random payloads: enough to find the odd case, few enough for the suite to stay quick. */
const PAYLOAD_RUNS = 1000;

describe('createConnectorSearch, on random payloads', () => {
  // Unusable field patterns are reported once each with `console.warn`: random patterns would fill the output.
  let warn: MockInstance<typeof console.warn> | undefined;
  beforeEach(() => {
    warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
  });
  afterEach(() => {
    warn?.mockRestore();
  });

  /** What a search returns, as plain data to compare. */
  const summary = (results: ReturnType<ReturnType<typeof createConnectorSearch>['search']>) =>
    results.map((result) => [result.connector.uuid, result.score, result.disabled, result.matches]);

  const query = (connectors: Connector[]) =>
    fc.oneof(
      anyText,
      fc.constant(''),
      // A piece of a name, as someone typing it would.
      fc.tuple(fc.nat(), fc.nat(), fc.nat()).map(([which, from, length]) => {
        const name = connectors.length ? (connectors[which % connectors.length] as Connector).name : '';
        const start = name.length ? from % name.length : 0;
        return name.slice(start, start + 1 + (length % 12));
      }),
    );

  it('never throws, never lists a hidden connector, and gives the same results whatever the input order', () => {
    assertProperty(
      fc.property(
        connectorEntries()
          .map(parseEach)
          .chain((connectors) =>
            fc.tuple(
              fc.constant(connectors),
              fc.shuffledSubarray(connectors, { minLength: connectors.length, maxLength: connectors.length }),
              fc.array(query(connectors), { minLength: 1, maxLength: 4 }),
              fc.oneof(fc.constant(undefined), fc.array(fc.constantFrom('FR', 'de', 'XX', '*', ''), { maxLength: 2 })),
              fc.oneof(fc.constant(undefined), fc.constantFrom('fr', 'de-AT', 'ar', 'not a locale!')),
            ),
          ),
        ([connectors, shuffled, queries, countryCodes, locale]) => {
          const build = (list: Connector[]) => {
            try {
              return createConnectorSearch(list, { locale });
            } catch (error) {
              // The one documented throw: an invalid locale tag, as Intl.Collator does.
              expect(error).toBeInstanceOf(RangeError);
              return createConnectorSearch(list);
            }
          };
          const index = build(connectors);
          const again = build(shuffled);
          for (const q of queries) {
            const results = index.search(q, { countryCodes });
            expect(summary(again.search(q, { countryCodes }))).toEqual(summary(results));
            expect(summary(index.search(q, { countryCodes }))).toEqual(summary(results));
            for (const result of results) {
              expect(result.connector.hidden).not.toBe(true);
              let end = 0;
              for (const range of result.matches) {
                expect(range.start).toBeGreaterThanOrEqual(end);
                expect(range.end).toBeGreaterThan(range.start);
                expect(range.end).toBeLessThanOrEqual(result.connector.name.length);
                end = range.end;
              }
            }
          }
        },
      ),
      { numRuns: PAYLOAD_RUNS },
    );
  });
});
