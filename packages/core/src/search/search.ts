/**
 * The connector search index behind the picker: built once from a connector list, then queried on every keystroke.
 *
 * Matching (the default; `options.filter` replaces it):
 * - the query and the connector's name, slug and bank code are folded with `foldText` (case, accents, punctuation);
 * - the folded query is split into words; every word must occur in some word of the name, slug or code, either at the
 *   start of that word or inside it ("bank" finds "Commerzbank"); word order does not matter.
 *
 * Ranking, best first:
 * 1. score: exact name (4) > name starts with the query (3) > every query word starts a word (2) > some query word only
 *    matches inside a word (1);
 * 2. popularity (`options.popularity`, a list of uuids, most popular first; unlisted connectors come after);
 * 3. the name in `Intl.Collator(options.locale, { sensitivity: 'base', numeric: true })` order.
 * Steps 2 and 3 are computed once when the index is built: the index is kept in that order, so a search only groups
 * the matching connectors by score and never compares names.
 *
 * A query that folds to nothing (empty, spaces, punctuation only) lists every connector that passes the filters, in
 * popularity then collation order, with score 0.
 *
 * Hidden connectors are left out of the index. Restricted connectors keep their rank and come back with
 * `disabled: true`, so that a user who looks for their bank sees it and learns why it cannot be picked.
 *
 * Performance notes: creating the index only reads what filters need; the folding and the sort happen on the first
 * search that needs them, so that a picker can paint its first rows (`search('', filters, { limit })`, a single pass
 * that keeps the best `limit` entries) before it pays for the rest, which `prepare(budgetMs)` can spread over tasks.
 * The folded name, slug and code are computed once per connector and joined into one string, so a keystroke costs one
 * or two `indexOf` per query word and connector, with no allocation for connectors that do not match. Sorting happens
 * twice, each time as a merge sort in steps: first by folded name with plain string comparison (cheap), then with the
 * Collator, which finds the input nearly sorted and needs about one Collator call per connector instead of n log n.
 * Typing goes on from the last query: "soc" is looked for only among the matches of "so", and the results of the
 * queries along the way are kept until a query leaves that path, so that Backspace costs a lookup.
 */
import type { Connector } from '../schemas.ts';
import { type FoldOffsets, foldText, foldTextWithOffsets, toOriginalRange } from './fold.ts';

/** The built-in scores, highest first. */
export const CONNECTOR_SEARCH_SCORES = {
  /** The folded name equals the folded query. */
  exact: 4,
  /** The folded name starts with the folded query ("societe g" → "Société Générale"). */
  namePrefix: 3,
  /** Every query word starts a word of the name, slug or code. */
  wordPrefix: 2,
  /** Every query word occurs in the name, slug or code, at least one only inside a word. */
  substring: 1,
} as const;

/** A range `[start, end)` of `connector.name` (the original, unfolded name) that matched the query. */
export interface ConnectorSearchRange {
  readonly start: number;
  readonly end: number;
}

/** Why a result is listed but cannot be chosen. */
export type ConnectorDisabledReason = 'restricted';

export interface ConnectorSearchResult {
  readonly connector: Connector;
  /** The built-in score (see `CONNECTOR_SEARCH_SCORES`), the custom filter's score, or 0 for an empty query. */
  readonly score: number;
  /** Matched ranges of `connector.name`, sorted and non-overlapping; empty when only the slug or code matched. */
  readonly matches: readonly ConnectorSearchRange[];
  /** `true` for restricted connectors: show them, but do not let them be picked. */
  readonly disabled: boolean;
  /** Set when `disabled` is true. */
  readonly disabledReason?: ConnectorDisabledReason;
}

/**
 * Narrows the results. Every filter is optional; `undefined` and an empty list both mean "no constraint".
 */
export interface ConnectorSearchFilters {
  /**
   * ISO 3166-1 alpha-2 codes, case-insensitive: keep connectors available in at least one of them. Needs connectors
   * fetched with the `countries` expand. A connector whose `countries` is missing or `null` (not expanded, or unknown)
   * is kept: missing data never hides a connector. A connector with an empty `countries` list is dropped.
   */
  readonly countryCodes?: readonly string[] | undefined;
  /** Keep connectors that have every one of these capabilities (missing `capabilities` counts as none). */
  readonly capabilities?: readonly string[] | undefined;
  /** Keep connectors that have every one of these products (missing `products` counts as none). */
  readonly products?: readonly string[] | undefined;
  /** Keep only connectors whose uuid is listed. */
  readonly uuids?: readonly string[] | undefined;
}

/** What a custom filter gets besides the connector and the raw query. Valid during the call only. */
export interface ConnectorSearchFilterContext {
  /** The query folded with `foldText`; never empty (the filter is not called for an empty query). */
  readonly foldedQuery: string;
  /** The distinct words of the folded query, longest first. */
  readonly queryWords: readonly string[];
  /** The connector's name, slug and code folded with `foldText` (`''` when absent). */
  readonly folded: { readonly name: string; readonly slug: string; readonly code: string };
  /** The built-in score of this connector for this query, or `false` when the built-in matching rejects it. */
  defaultScore(): number | false;
}

/**
 * Replaces the built-in matching and scoring. Return a score (higher is listed first) or `false` to leave the
 * connector out. `NaN` counts as `false`. Equal scores keep the popularity then collation order.
 *
 * The filter runs only for a non-empty folded query, and only on connectors that pass the `ConnectorSearchFilters`
 * and are not hidden. `matches` of its results are the ranges of the name where the query words occur, if any.
 *
 * @example Boost connectors whose bank code equals the query, keep the rest of the built-in behaviour:
 * ```ts
 * const filter: ConnectorSearchFilter = (connector, _query, context) =>
 *   context.folded.code === context.foldedQuery ? 10 : context.defaultScore();
 * ```
 */
export type ConnectorSearchFilter = (
  connector: Connector,
  query: string,
  context: ConnectorSearchFilterContext,
) => number | false;

export interface ConnectorSearchOptions {
  /** Locale(s) for the alphabetical order; the runtime default when omitted. */
  readonly locale?: string | readonly string[] | undefined;
  /** Connector uuids, most popular first. Ranks ties of score before the alphabetical order. */
  readonly popularity?: readonly string[] | undefined;
  /** Replaces the built-in matching and scoring. */
  readonly filter?: ConnectorSearchFilter | undefined;
}

export interface ConnectorSearchLimit {
  /**
   * Return at most this many results: the first ones of the full answer. For an empty query, the first search of a
   * large index is then much cheaper: it picks the best entries in one pass instead of sorting all of them.
   */
  readonly limit?: number | undefined;
}

export interface ConnectorSearch {
  /**
   * Connectors matching `query` and `filters`, best first. Pure: the same query and filters give the same results.
   * Hidden connectors are never returned; restricted ones are returned with `disabled: true`.
   */
  search(
    query: string,
    filters?: ConnectorSearchFilters | null,
    options?: ConnectorSearchLimit,
  ): ConnectorSearchResult[];
  /** How many results `search(query, filters)` has, without sorting the index for an empty query. */
  count(query: string, filters?: ConnectorSearchFilters | null): number;
  /** Number of searchable connectors (hidden ones are not indexed). */
  readonly size: number;
  /**
   * Does the work the first full search would do (fold every name, then sort the index), or, given a budget in
   * milliseconds, the part of it that fits, in steps of at most 256 names folded, 1,024 entries sorted or one merge
   * (a few milliseconds for 20,000 connectors on a server core); returns `true` once it is all done. Lets a picker spread that work over a few tasks after its first paint
   * rather than hold up a keystroke for all of it. Searching never needs it: a search does what is left.
   */
  prepare(budgetMs?: number): boolean;
}

interface FoldedFields {
  readonly name: string;
  readonly slug: string;
  readonly code: string;
}

const NOT_FOLDED: FoldedFields = Object.freeze({ name: '', slug: '', code: '' });

interface Entry {
  readonly connector: Connector;
  /** `connector.name`, or `''` when it is not a string. */
  readonly name: string;
  /** Set with `haystack` and `nameOffsets` by `foldEntry`, before the first sort or non-empty search. */
  folded: FoldedFields;
  /** `' ' + name + ' ' + slug + ' ' + code`, folded: one string to test every field, a space before every word. */
  haystack: string;
  nameOffsets: FoldOffsets | null;
  /**
   * Upper-case country codes, or `null` when the connector has no countries data; `undefined` until a country filter
   * first needs them.
   */
  countries: readonly string[] | null | undefined;
  readonly restricted: boolean;
  /** Position in the popularity list; the list's length for connectors not in it. */
  readonly rank: number;
  /** The result for an empty query, built on first use. */
  emptyResult: ConnectorSearchResult | undefined;
}

interface Query {
  readonly raw: string;
  readonly folded: string;
  /** Distinct words, longest first: the longest word is the likeliest to rule a connector out. */
  readonly words: readonly string[];
  /** `' ' + word` for each of `words`: finds a word at the start of a word of the haystack. */
  readonly spacedWords: readonly string[];
}

interface PreparedFilters {
  readonly countries: readonly string[] | null;
  readonly capabilities: readonly string[] | null;
  readonly products: readonly string[] | null;
  readonly uuids: ReadonlySet<string> | null;
}

const NO_MATCHES: readonly ConnectorSearchRange[] = Object.freeze([]);
const SPACE = 32;

/** Upper-case country codes, shared between connectors so that comparing two of them is a pointer comparison. */
const countryCodeCache = new Map<string, string>();

function normalizeCountryCode(id: string): string {
  const known = countryCodeCache.get(id);
  if (known !== undefined) return known;
  const code = id.trim().toUpperCase();
  if (countryCodeCache.size < 1000) countryCodeCache.set(id, code);
  return code;
}

/** The upper-case code of an entry of `connector.countries`, or `null` when it has none. */
function codeOf(country: unknown): string | null {
  const id: unknown = (country as { id?: unknown } | null | undefined)?.id;
  return typeof id === 'string' ? normalizeCountryCode(id) : null;
}

/** Whether `countries[i]`'s code already occurs before it. */
function isCodeBefore(countries: readonly unknown[], i: number, code: string): boolean {
  for (let j = 0; j < i; j++) if (codeOf(countries[j]) === code) return true;
  return false;
}

/** The upper-case codes of `connector.countries` (entries without a string `id` are skipped), or `null` without it. */
function countryCodes(connector: Connector): readonly string[] | null {
  const countries: unknown = connector.countries;
  if (!Array.isArray(countries)) return null;
  const codes: string[] = [];
  for (const country of countries) {
    const code = codeOf(country);
    if (code !== null) codes.push(code);
  }
  return codes;
}

function foldField(value: unknown): string {
  return typeof value === 'string' ? foldText(value) : '';
}

function createEntry(connector: Connector, rank: number): Entry {
  return {
    connector,
    name: typeof connector.name === 'string' ? connector.name : '',
    folded: NOT_FOLDED,
    haystack: '',
    nameOffsets: null,
    countries: undefined,
    restricted: connector.restricted === true,
    rank,
    emptyResult: undefined,
  };
}

function foldEntry(entry: Entry): void {
  const { folded: name, offsets } = foldTextWithOffsets(entry.name);
  const slug = foldField(entry.connector.slug);
  const code = foldField(entry.connector.code);
  entry.folded = { name, slug, code };
  // Joined into a flat string: a concatenation would be flattened by the first `indexOf`, i.e. on the first keystroke.
  entry.haystack = ['', name, slug, code].join(' ');
  entry.nameOffsets = offsets;
}

function prepareQuery(query: unknown): Query {
  const raw = typeof query === 'string' ? query : '';
  const folded = foldText(raw);
  const words = folded === '' ? [] : [...new Set(folded.split(' '))].sort((a, b) => b.length - a.length);
  return { raw, folded, words, spacedWords: words.map((word) => ` ${word}`) };
}

/** The strings of a filter's list, or `null` when there are none: no constraint. */
function nonEmpty(list: readonly string[] | undefined): string[] | null {
  const values = Array.isArray(list) ? list.filter((value) => typeof value === 'string') : [];
  return values.length > 0 ? values : null;
}

function prepareFilters(filters: ConnectorSearchFilters | null | undefined): PreparedFilters {
  const uuids = nonEmpty(filters?.uuids);
  return {
    countries: nonEmpty(filters?.countryCodes)?.map(normalizeCountryCode) ?? null,
    capabilities: nonEmpty(filters?.capabilities),
    products: nonEmpty(filters?.products),
    uuids: uuids === null ? null : new Set(uuids),
  };
}

/** Whether `have` is a list with every one of `wanted` (a non-empty list: a missing `have` has none of them). */
function includesAll(have: unknown, wanted: readonly string[]): boolean {
  return Array.isArray(have) && wanted.every((value) => have.includes(value));
}

/** Whether a connector passes the filters other than countries. */
function passesOthers(connector: Connector, filters: PreparedFilters): boolean {
  return (
    (filters.uuids === null || filters.uuids.has(connector.uuid)) &&
    (filters.capabilities === null || includesAll(connector.capabilities, filters.capabilities)) &&
    (filters.products === null || includesAll(connector.products, filters.products))
  );
}

function passes(entry: Entry, filters: PreparedFilters): boolean {
  if (filters.countries !== null) {
    if (entry.countries === undefined) entry.countries = countryCodes(entry.connector);
    const countries = entry.countries;
    if (countries !== null && !filters.countries.some((code) => countries.includes(code))) return false;
  }
  return passesOthers(entry.connector, filters);
}

/** The built-in score of an entry for a non-empty query; 0 when it does not match. */
function scoreEntry(entry: Entry, query: Query): number {
  const name = entry.folded.name;
  if (name.startsWith(query.folded)) {
    return name.length === query.folded.length ? CONNECTOR_SEARCH_SCORES.exact : CONNECTOR_SEARCH_SCORES.namePrefix;
  }
  const haystack = entry.haystack;
  let everyWordPrefix = true;
  const { words, spacedWords } = query;
  for (let i = 0; i < words.length; i++) {
    const at = haystack.indexOf(words[i] as string, 1);
    if (at < 0) return 0;
    if (
      everyWordPrefix &&
      haystack.charCodeAt(at - 1) !== SPACE &&
      haystack.indexOf(spacedWords[i] as string, at) < 0
    ) {
      everyWordPrefix = false;
    }
  }
  return everyWordPrefix ? CONNECTOR_SEARCH_SCORES.wordPrefix : CONNECTOR_SEARCH_SCORES.substring;
}

/**
 * Where `word` occurs in the folded name: preferably at the start of a word, else anywhere; -1 when absent.
 * `spacedWord` is `' ' + word`, built once per query.
 */
function findInName(name: string, word: string, spacedWord: string): number {
  if (name.startsWith(word)) return 0;
  const atWordStart = name.indexOf(spacedWord);
  return atWordStart >= 0 ? atWordStart + 1 : name.indexOf(word);
}

/**
 * Matched ranges of the original name: the query itself when the name starts with it (`wholePrefix`), else each query
 * word where `findInName` finds it.
 */
function highlight(entry: Entry, query: Query, wholePrefix: boolean): readonly ConnectorSearchRange[] {
  if (wholePrefix) return [toOriginalRange(entry.nameOffsets, 0, query.folded.length)];
  const ranges: ConnectorSearchRange[] = [];
  const { words, spacedWords } = query;
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as string;
    const at = findInName(entry.folded.name, word, spacedWords[i] as string);
    if (at >= 0) ranges.push(toOriginalRange(entry.nameOffsets, at, at + word.length));
  }
  if (ranges.length < 2) return ranges.length === 0 ? NO_MATCHES : ranges;
  // Merge in the original name's offsets: two folded words can come from one original character (½ → "1 2").
  ranges.sort((a, b) => a.start - b.start || a.end - b.end);
  const merged = [ranges[0] as ConnectorSearchRange];
  for (const range of ranges) {
    const last = merged[merged.length - 1] as ConnectorSearchRange;
    if (range.start > last.end) merged.push(range);
    else if (range.end > last.end) merged[merged.length - 1] = { start: last.start, end: range.end };
  }
  return merged;
}

function makeResult(entry: Entry, score: number, matches: readonly ConnectorSearchRange[]): ConnectorSearchResult {
  const result = { connector: entry.connector, score, matches, disabled: entry.restricted };
  return entry.restricted ? { ...result, disabledReason: 'restricted' } : result;
}

function emptyQueryResult(entry: Entry): ConnectorSearchResult {
  entry.emptyResult ??= Object.freeze(makeResult(entry, 0, NO_MATCHES));
  return entry.emptyResult;
}

function popularityRanks(popularity: readonly string[]): Map<string, number> {
  const ranks = new Map<string, number>();
  for (let i = 0; i < popularity.length; i++) {
    const uuid = popularity[i];
    if (typeof uuid === 'string' && !ranks.has(uuid)) ranks.set(uuid, i);
  }
  return ranks;
}

const compareStrings = (a: string, b: string) => (a === b ? 0 : a < b ? -1 : 1);

const tieBreak = (a: Entry, b: Entry) =>
  compareStrings(a.name, b.name) || compareStrings(a.connector.uuid, b.connector.uuid);

/** Index order: popularity, then collation, then exact spelling and uuid so that the order never depends on input order. */
function indexOrder(collator: Intl.Collator): Order {
  return (a, b) => a.rank - b.rank || collator.compare(a.name, b.name) || tieBreak(a, b);
}

type Order = (a: Entry, b: Entry) => number;

/** Entries per run of the step-wise sort: sorting one costs about a millisecond on a 4× throttled phone. */
const RUN = 1024;

/** The first index in `[low, high)` whose entry is not `before`; `before` must hold for a prefix of that range. */
function partitionPoint(entries: readonly Entry[], low: number, high: number, before: (entry: Entry) => boolean) {
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (before(entries[middle] as Entry)) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Merges the sorted neighbours `[start, middle)` and `[middle, end)` in place, stably; only entries out of place move. */
function merge(entries: Entry[], start: number, middle: number, end: number, order: Order): void {
  const last = entries[middle - 1] as Entry;
  const first = entries[middle] as Entry;
  if (order(last, first) <= 0) return;
  // The left entries up to `first` and the right ones from `last` on are already where they belong.
  const from = partitionPoint(entries, start, middle, (entry) => order(entry, first) <= 0);
  const to = partitionPoint(entries, middle, end, (entry) => order(entry, last) < 0);
  const left = entries.slice(from, middle);
  let i = 0;
  let j = middle;
  let k = from;
  while (i < left.length && j < to)
    entries[k++] = order(entries[j] as Entry, left[i] as Entry) < 0 ? (entries[j++] as Entry) : (left[i++] as Entry);
  while (i < left.length) entries[k++] = left[i++] as Entry;
}

/** A stable merge sort that stops after each step: the sort of a run of `RUN` entries, then each merge of two runs. */
function* mergeSortSteps(entries: Entry[], order: Order): Generator<void, void, void> {
  const n = entries.length;
  for (let start = 0; start < n; start += RUN) {
    const run = entries.slice(start, start + RUN).sort(order);
    for (let i = 0; i < run.length; i++) entries[start + i] = run[i] as Entry;
    yield;
  }
  for (let width = RUN; width < n; width *= 2) {
    for (let start = 0; start + width < n; start += 2 * width) {
      merge(entries, start, start + width, Math.min(start + 2 * width, n), order);
      yield;
    }
  }
}

/** Sorts folded entries in index order, in steps of about a millisecond on a throttled phone. */
function* sortSteps(entries: Entry[], order: Order): Generator<void, void, void> {
  // A cheap pass on folded names puts the list nearly in collation order, with ties broken as the exact pass breaks
  // them, so that the exact pass finds its runs sorted and its neighbours in order, and makes about one Collator call
  // per entry instead of n log n. The result does not depend on the first pass: the second one alone defines it.
  yield* mergeSortSteps(
    entries,
    (a, b) => a.rank - b.rank || compareStrings(a.folded.name, b.folded.name) || tieBreak(a, b),
  );
  yield* mergeSortSteps(entries, order);
}

/** The first `limit` entries in `order` among those that pass, without sorting the others. */
function firstEntries(
  entries: readonly Entry[],
  limit: number,
  keep: (entry: Entry) => boolean,
  order: Order,
): Entry[] {
  const best: Entry[] = [];
  if (limit <= 0) return best;
  for (const entry of entries) {
    if (!keep(entry)) continue;
    const last = best[best.length - 1];
    if (best.length === limit && last !== undefined && order(entry, last) >= 0) continue;
    best.splice(
      partitionPoint(best, 0, best.length, (other) => order(other, entry) <= 0),
      0,
      entry,
    );
    if (best.length > limit) best.pop();
  }
  return best;
}

/** `options.limit` as a count of results; no limit when it is absent or not a number. */
function readLimit(options: ConnectorSearchLimit | undefined): number {
  const limit = options?.limit;
  if (typeof limit !== 'number' || Number.isNaN(limit)) return Number.POSITIVE_INFINITY;
  return Math.max(0, Math.floor(limit));
}

/** A search remembered by the index: see `chain` in `createConnectorSearch`. */
interface Searched {
  /** The folded query. */
  readonly folded: string;
  /** The entries that match, in index order: the only candidates for a query that extends this one. */
  readonly matched: readonly Entry[];
  /** Handed out as a copy when remembered (`collect`'s own is handed out once, with a custom filter). */
  readonly results: ConnectorSearchResult[];
}

/** Searches remembered (a query of more than 32 characters typed key by key is rare): bounds the memory they hold. */
const MAX_CHAIN = 32;

/** The same string for the same prepared filters. */
function filtersKey(filters: PreparedFilters): string {
  const uuids = filters.uuids === null ? null : [...filters.uuids];
  return JSON.stringify([filters.countries, filters.capabilities, filters.products, uuids]);
}

/**
 * Builds a search index over `connectors`. Hidden connectors (`hidden === true`) are left out. The connector objects
 * are kept by reference and must not be mutated afterwards; build a new index for new data.
 *
 * @throws RangeError when `options.locale` is not a valid BCP 47 tag (as `Intl.Collator` does).
 */
export function createConnectorSearch(
  connectors: readonly Connector[],
  options?: ConnectorSearchOptions,
): ConnectorSearch {
  const popularity = options?.popularity ?? [];
  const ranks = popularityRanks(popularity);
  const order = indexOrder(
    new Intl.Collator(options?.locale as string | string[] | undefined, { sensitivity: 'base', numeric: true }),
  );
  const entries: Entry[] = [];
  const unranked = popularity.length;
  for (const connector of connectors) {
    if (connector.hidden === true) continue;
    // (Without a popularity list, no uuid is looked up: hashing 20,000 of them costs about 10 ms of a 4× throttled first
    // render.)
    entries.push(createEntry(connector, ranks.size === 0 ? unranked : (ranks.get(connector.uuid) ?? unranked)));
  }
  const customFilter = options?.filter;
  let sorted = false;
  /** How many entries are folded (in input order, before the sort). */
  let foldedCount = 0;
  /** The sort under way, once every entry is folded. */
  let sorting: Generator<void, void, void> | undefined;

  /** Folds then sorts the entries, once; with a budget, stops when it is spent and tells whether all is done. */
  function prepare(budgetMs = Number.POSITIVE_INFINITY): boolean {
    if (sorted) return true;
    const deadline = performance.now() + budgetMs;
    const from = foldedCount;
    while (foldedCount < entries.length) {
      foldEntry(entries[foldedCount++] as Entry);
      if (foldedCount % 256 === 0 && performance.now() > deadline) return false;
    }
    // The sort starts a call of its own when folding used up this one's budget.
    if (foldedCount > from && performance.now() > deadline) return false;
    sorting ??= sortSteps(entries, order);
    while (!sorting.next().done) if (performance.now() > deadline) return false;
    sorted = true;
    return true;
  }

  /** The score of a folded entry for a non-empty query, or `false` to leave it out. */
  function scoreOf(entry: Entry, query: Query): number | false {
    if (customFilter === undefined) return scoreEntry(entry, query) || false;
    const score = customFilter(entry.connector, query.raw, {
      foldedQuery: query.folded,
      queryWords: query.words,
      folded: entry.folded,
      defaultScore: () => scoreEntry(entry, query) || false,
    });
    return typeof score === 'number' && !Number.isNaN(score) ? score : false;
  }

  /** The matches of `query` among `candidates` (index order), best first, and the matching entries in index order. */
  function collect(candidates: readonly Entry[], query: Query, filters: PreparedFilters): Searched {
    // One list per score, each filled in index order: only the distinct scores are sorted, never the results.
    const byScore = new Map<number, ConnectorSearchResult[]>();
    const matched: Entry[] = [];
    for (const entry of candidates) {
      if (!passes(entry, filters)) continue;
      const score = scoreOf(entry, query);
      if (score === false) continue;
      matched.push(entry);
      const wholePrefix = customFilter === undefined && score >= CONNECTOR_SEARCH_SCORES.namePrefix;
      const result = makeResult(entry, score, highlight(entry, query, wholePrefix));
      const group = byScore.get(score);
      if (group) group.push(result);
      else byScore.set(score, [result]);
    }
    const results = [...byScore.keys()].sort((a, b) => b - a).flatMap((score) => byScore.get(score) ?? []);
    return { folded: query.folded, matched, results };
  }

  /**
   * The searches of the queries along the last one typed ("s", "so", "soc"…) with the last filters, shortest first.
   * A query that extends one of them looks only among its matches (with the built-in matching, every match of "soc"
   * is a match of "so"), and Backspace finds the results it had. Not used with a custom filter, which may accept for
   * a longer query what it refused for a shorter one.
   */
  let chain: Searched[] = [];
  let chainFilters = '';

  function searchWords(query: Query, filters: PreparedFilters): ConnectorSearchResult[] {
    if (customFilter !== undefined) return collect(entries, query, filters).results;
    const { folded } = query;
    const key = filtersKey(filters);
    // Only the searches this query extends, or that extend it, stay: they form one chain of prefixes.
    chain =
      key === chainFilters
        ? chain.filter((searched) => folded.startsWith(searched.folded) || searched.folded.startsWith(folded))
        : [];
    chainFilters = key;
    let found = chain.find((searched) => searched.folded === folded);
    if (found === undefined) {
      let base: Searched | undefined;
      for (const searched of chain) if (searched.folded.length < folded.length) base = searched;
      found = collect(base?.matched ?? entries, query, filters);
      chain.push(found);
      chain.sort((a, b) => a.folded.length - b.folded.length);
      if (chain.length > MAX_CHAIN) chain.shift();
    }
    // A copy: the caller may sort or splice what it gets.
    return found.results.slice();
  }

  function run(query: Query, filters: PreparedFilters, limit: number): ConnectorSearchResult[] {
    const keep = (entry: Entry) => passes(entry, filters);
    if (query.folded === '') {
      if (!sorted && limit < entries.length) return firstEntries(entries, limit, keep, order).map(emptyQueryResult);
      prepare();
      const results: ConnectorSearchResult[] = [];
      for (const entry of entries) {
        if (results.length >= limit) break;
        if (keep(entry)) results.push(emptyQueryResult(entry));
      }
      return results;
    }
    prepare();
    const results = searchWords(query, filters);
    return limit < results.length ? results.slice(0, limit) : results;
  }

  return {
    size: entries.length,
    prepare,
    search(rawQuery, rawFilters, options) {
      return run(prepareQuery(rawQuery), prepareFilters(rawFilters), readLimit(options));
    },
    count(rawQuery, rawFilters) {
      const query = prepareQuery(rawQuery);
      const filters = prepareFilters(rawFilters);
      if (query.folded !== '') return run(query, filters, Number.POSITIVE_INFINITY).length;
      let count = 0;
      for (const entry of entries) if (passes(entry, filters)) count++;
      return count;
    },
  };
}

/**
 * Number of connectors per country, for a country picker ("France (312)"). Keys are upper-case ISO 3166-1 alpha-2
 * codes in order of first appearance; hidden connectors and connectors without countries data are not counted, and a
 * connector listing a country twice counts once. With `filters`, only the connectors that pass them are counted
 * (`countryCodes` is ignored).
 */
export function countConnectorsByCountry(
  connectors: readonly Connector[],
  filters?: ConnectorSearchFilters | null,
): Map<string, number> {
  const others = prepareFilters(filters ? { ...filters, countryCodes: undefined } : undefined);
  const counts = new Map<string, number>();
  for (const connector of connectors) {
    if (connector.hidden === true || !passesOthers(connector, others)) continue;
    // Nothing allocated per connector (this runs over every connector when a picker mounts). A connector listing a
    // country twice counts once: an earlier entry with the same code skips it.
    const countries: unknown = connector.countries;
    if (!Array.isArray(countries)) continue;
    for (let i = 0; i < countries.length; i++) {
      const code = codeOf(countries[i]);
      if (!code || isCodeBefore(countries, i, code)) continue;
      counts.set(code, (counts.get(code) ?? 0) + 1);
    }
  }
  return counts;
}
