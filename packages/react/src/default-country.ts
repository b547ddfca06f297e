/** The region of each of the browser's preferred languages (`navigator.languages`), most preferred first. */
export function browserRegions(
  languages: readonly string[] | undefined = typeof navigator === 'undefined'
    ? undefined
    : navigator.languages?.length
      ? navigator.languages
      : navigator.language
        ? [navigator.language]
        : undefined,
): string[] {
  const regions: string[] = [];
  for (const language of languages ?? []) {
    try {
      const region = new Intl.Locale(language).maximize().region;
      if (region && !regions.includes(region)) regions.push(region);
    } catch {
      // Not a valid language tag: skip it.
    }
  }
  return regions;
}

export interface ResolveDefaultCountryParams {
  /** The country asked for by the app: a code, or `null` for every country. Wins when given. */
  defaultCountryCode?: string | null | undefined;
  /** The countries that have connectors (upper-case codes), e.g. the keys of `countConnectorsByCountry`. */
  available: { has(code: string): boolean };
  /** BCP 47 tags, most preferred first; `navigator.languages` by default. */
  languages?: readonly string[] | undefined;
}

/**
 * The country a picker starts on: the app's `defaultCountryCode` when given; else the region of the browser's language
 * (`fr-BE` → BE, `de` → DE once maximized), the first one that has connectors; else `null`, every country.
 */
export function resolveDefaultCountry({
  defaultCountryCode,
  available,
  languages,
}: ResolveDefaultCountryParams): string | null {
  if (defaultCountryCode !== undefined) {
    return defaultCountryCode === null ? null : defaultCountryCode.trim().toUpperCase() || null;
  }
  for (const region of browserRegions(languages)) if (available.has(region)) return region;
  return null;
}
