import type { Connector } from '@connector-kit/core';
import { TEST_CONNECTOR_UUID } from '@connector-kit/mock-api';
import { describe, expect, it } from 'vitest';
import { filterRows, isUuid, mergeRows, NO_FILTERS, powensDateTime } from './rows.ts';

const connector = (uuid: string, name: string, extra: Partial<Connector> = {}): Connector => ({
  uuid,
  name,
  ...extra,
});

const bnp = connector('00000000-0000-4000-8000-000000000001', 'BNP Paribas', {
  countries: [{ id: 'FR', name: 'France' }],
});
const sg = connector('00000000-0000-4000-8000-000000000002', 'Société Générale', {
  slug: 'SGE',
  countries: [{ id: 'FR', name: 'France' }],
});
const orange = connector('00000000-0000-4000-8000-000000000003', 'Orange Bank', {
  hidden: true,
  restricted: true,
  countries: [{ id: 'FR', name: 'France' }],
});
const ing = connector('00000000-0000-4000-8000-000000000004', 'ING', { countries: [{ id: 'DE', name: 'Germany' }] });

describe('mergeRows', () => {
  it('adds the connectors read one by one to the listed ones, once each, in name order', () => {
    const stale = { ...bnp, hidden: true };
    const rows = mergeRows([sg, bnp, ing], [orange, stale, undefined]);
    expect(rows.map((row) => row.name)).toEqual(['BNP Paribas', 'ING', 'Orange Bank', 'Société Générale']);
    expect(rows.find((row) => row.uuid === bnp.uuid)?.hidden).toBeUndefined();
  });
});

describe('filterRows', () => {
  const rows = [bnp, ing, orange, sg];
  it('finds by words in any order, without accents or case', () => {
    expect(filterRows(rows, { ...NO_FILTERS, query: 'generale societe' })).toEqual([sg]);
    expect(filterRows(rows, { ...NO_FILTERS, query: 'sge' })).toEqual([sg]);
    expect(filterRows(rows, { ...NO_FILTERS, query: '000000000004' })).toEqual([ing]);
  });

  it('filters on country, visibility and restriction', () => {
    expect(filterRows(rows, { ...NO_FILTERS, country: 'DE' })).toEqual([ing]);
    expect(filterRows(rows, { ...NO_FILTERS, visibility: 'hidden' })).toEqual([orange]);
    expect(filterRows(rows, { ...NO_FILTERS, visibility: 'visible' })).toEqual([bnp, ing, sg]);
    expect(filterRows(rows, { ...NO_FILTERS, restricted: 'yes' })).toEqual([orange]);
    expect(filterRows(rows, { ...NO_FILTERS, restricted: 'no' })).toEqual([bnp, ing, sg]);
  });
});

describe('helpers', () => {
  it('writes a Powens DateTime in UTC', () => {
    expect(powensDateTime(new Date(Date.UTC(2026, 6, 29, 19, 26, 59, 500)))).toBe('2026-07-29 19:26:59');
  });

  it('recognizes UUIDs', () => {
    expect(isUuid(` ${TEST_CONNECTOR_UUID} `)).toBe(true);
    expect(isUuid('338178e6')).toBe(false);
  });
});
