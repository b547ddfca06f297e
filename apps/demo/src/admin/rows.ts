import { type Connector, foldText } from '@connector-kit/core';

export type Visibility = 'all' | 'visible' | 'hidden';
export type RestrictedFilter = 'any' | 'yes' | 'no';

export interface AdminFilters {
  /** Words that must all occur in the name, slug, bank code or UUID (accent- and case-blind). */
  query: string;
  /** An ISO 3166-1 alpha-2 code, or `''` for every country. */
  country: string;
  visibility: Visibility;
  restricted: RestrictedFilter;
}

export const NO_FILTERS: AdminFilters = { query: '', country: '', visibility: 'all', restricted: 'any' };

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

const key = (uuid: string) => uuid.toLowerCase();

/**
 * The rows of the admin table: the listed connectors, plus the ones read one by one (hidden connectors the list
 * leaves out), each once — the list's copy wins — in name order.
 */
export function mergeRows(listed: readonly Connector[] | undefined, singles: readonly (Connector | undefined)[]) {
  const rows = new Map<string, Connector>();
  for (const connector of listed ?? []) rows.set(key(connector.uuid), connector);
  for (const connector of singles) {
    if (connector && !rows.has(key(connector.uuid))) rows.set(key(connector.uuid), connector);
  }
  return [...rows.values()].sort((a, b) => collator.compare(a.name, b.name) || a.uuid.localeCompare(b.uuid));
}

function searchableText(connector: Connector): string {
  return foldText([connector.name, connector.slug, connector.code, connector.uuid].filter(Boolean).join(' '));
}

export function matchesFilters(connector: Connector, filters: AdminFilters): boolean {
  if (filters.visibility === 'hidden' && connector.hidden !== true) return false;
  if (filters.visibility === 'visible' && connector.hidden === true) return false;
  if (filters.restricted === 'yes' && connector.restricted !== true) return false;
  if (filters.restricted === 'no' && connector.restricted === true) return false;
  if (filters.country !== '' && !(connector.countries ?? []).some((country) => country.id === filters.country)) {
    return false;
  }
  const words = foldText(filters.query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const text = searchableText(connector);
  return words.every((word) => text.includes(word));
}

export function filterRows(rows: readonly Connector[], filters: AdminFilters): Connector[] {
  return rows.filter((connector) => matchesFilters(connector, filters));
}

/** The countries the rows cover, by name in the page's language. */
export function countryOptions(rows: readonly Connector[], regionName: (code: string) => string) {
  const codes = new Set<string>();
  for (const connector of rows) for (const country of connector.countries ?? []) codes.add(country.id);
  return [...codes].map((code) => ({ code, name: regionName(code) })).sort((a, b) => collator.compare(a.name, b.name));
}

/** A Powens DateTime (`2026-07-29 19:26:59`, UTC), the format a source's `disabled` takes. */
export function powensDateTime(date: Date): string {
  return date.toISOString().slice(0, 19).replace('T', ' ');
}

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID_PATTERN.test(value.trim());
}
