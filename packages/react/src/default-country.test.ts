import { afterEach, describe, expect, it, vi } from 'vitest';
import { browserRegions, resolveDefaultCountry } from './default-country.ts';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('resolveDefaultCountry', () => {
  const available = new Set(['FR', 'DE', 'BE']);

  it('takes the given default, normalized, even null', () => {
    expect(resolveDefaultCountry({ defaultCountryCode: 'be', available, languages: ['de-DE'] })).toBe('BE');
    expect(resolveDefaultCountry({ defaultCountryCode: null, available, languages: ['de-DE'] })).toBeNull();
  });

  it('else the first language whose region has connectors', () => {
    expect(resolveDefaultCountry({ available, languages: ['en-US', 'fr'] })).toBe('FR');
    expect(resolveDefaultCountry({ available, languages: ['nl-BE'] })).toBe('BE');
    expect(resolveDefaultCountry({ available, languages: ['ja', 'not a tag!'] })).toBeNull();
    expect(resolveDefaultCountry({ available, languages: [] })).toBeNull();
  });

  it('reads navigator.languages by default', () => {
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['de-CH', 'de']);
    expect(browserRegions()).toEqual(['CH', 'DE']);
    expect(resolveDefaultCountry({ available })).toBe('DE');
  });
});
