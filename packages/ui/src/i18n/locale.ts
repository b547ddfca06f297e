/** The languages whose message tables ship with the package: English built in, the others in `@connector-kit/ui/locales`. */
export const SUPPORTED_LOCALES = ['en', 'fr', 'de', 'es', 'it', 'nl', 'pt'] as const;
export type SupportedLocale = (typeof SUPPORTED_LOCALES)[number];

/** A partial override, down to single strings of nested groups. */
export type DeepPartial<T> = T extends (...args: never[]) => unknown
  ? T
  : T extends object
    ? { [K in keyof T]?: DeepPartial<T[K]> }
    : T;

/**
 * The shipped table that best serves a BCP 47 tag: `fr-BE` → `fr`, `pt-BR` → `pt`, anything else → `en`.
 * The tag itself still drives `Intl` formatting (country names, collation, plurals).
 */
export function matchLocale(locale: string | undefined): SupportedLocale {
  const language = locale ? languageOf(locale) : 'en';
  return (SUPPORTED_LOCALES as readonly string[]).includes(language) ? (language as SupportedLocale) : 'en';
}

/** The language subtag of a BCP 47 tag (`fr` for `fr-BE`), or the tag itself when it is not a valid one. */
export function languageOf(locale: string): string {
  try {
    return new Intl.Locale(locale).language;
  } catch {
    return locale;
  }
}

const RTL_SCRIPTS = new Set(['Arab', 'Hebr', 'Thaa', 'Syrc', 'Nkoo', 'Adlm', 'Rohg']);
const RTL_LANGUAGES = new Set(['ar', 'he', 'iw', 'fa', 'ur', 'ps', 'sd', 'ug', 'yi', 'dv', 'ku', 'ckb']);

/** Writing direction of a locale: from its script when known, else from its language. */
export function localeDirection(locale: string | undefined): 'ltr' | 'rtl' {
  if (!locale) return 'ltr';
  try {
    const { script, language } = new Intl.Locale(locale).maximize();
    if (script) return RTL_SCRIPTS.has(script) ? 'rtl' : 'ltr';
    return RTL_LANGUAGES.has(language) ? 'rtl' : 'ltr';
  } catch {
    return 'ltr';
  }
}

/** Deep-merges an override into a message table entry; functions and strings are replaced whole. */
export function mergeMessages<T extends object>(base: T, override: DeepPartial<T> | undefined): T {
  if (!override) return base;
  const result: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [key, value] of Object.entries(override)) {
    if (value === undefined) continue;
    const current = result[key];
    result[key] =
      value !== null && typeof value === 'object' && current !== null && typeof current === 'object'
        ? mergeMessages(current as object, value as DeepPartial<object>)
        : value;
  }
  return result as T;
}

const numberFormats = new Map<string, Intl.NumberFormat>();

/**
 * A number in a locale's digits and grouping, with one cached formatter per locale; in the runtime's default locale
 * when the tag is not a valid one.
 */
export function formatNumber(locale: string, value: number): string {
  let format = numberFormats.get(locale);
  if (!format) {
    try {
      format = new Intl.NumberFormat(locale);
    } catch {
      format = new Intl.NumberFormat();
    }
    numberFormats.set(locale, format);
  }
  return format.format(value);
}
