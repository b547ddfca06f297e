import { createContext, type ReactNode, useContext, useMemo } from 'react';
import { type DeepPartial, languageOf, localeDirection, mergeMessages, SUPPORTED_LOCALES } from './locale.ts';
import { en } from './locales/en.ts';
import type { Messages, MessagesOverride } from './messages.ts';

// Set by the app's bundler, as React's own builds require: development warnings stay out of production bundles.
// Without a bundler (`process` undefined) the warning is left out.
declare const process: { env: { NODE_ENV?: string | undefined } } | undefined;

export interface LocaleContextValue {
  /** The BCP 47 tag that drives `Intl` (country names, collation, plurals). */
  locale: string;
  dir: 'ltr' | 'rtl';
  messages: Messages;
}

export interface LocaleOptions {
  /**
   * A BCP 47 tag such as `fr` or `de-AT`: drives `Intl` (country names, collation, plurals) and the direction.
   * Strings are English unless `messages` gives them for this language.
   */
  locale?: string | undefined;
  /** Writing direction; by default the locale's own. */
  dir?: 'ltr' | 'rtl' | undefined;
  /**
   * Strings over the English built in: a whole table (`import { fr } from '@connector-kit/ui/locales'`), your own,
   * or a few strings. Those of an enclosing `LocaleProvider` apply as well when its locale has the same language.
   */
  messages?: MessagesOverride | undefined;
}

/** What a provider passes down. */
interface LocaleState {
  value: LocaleContextValue;
  /** The language of `value.locale` (`fr` for `fr-BE`): strings are inherited only within one language. */
  language: string;
  /** The strings given for that language, by the providers above and the props, without the English under them. */
  given: MessagesOverride | undefined;
}

const LocaleContext = createContext<LocaleState | null>(null);

const english: LocaleState = { value: { locale: 'en', dir: 'ltr', messages: en }, language: 'en', given: undefined };

/** Whether `given` has a value for every string of `table`. */
function covers(table: object, given: unknown): boolean {
  if (given === null || typeof given !== 'object') return false;
  return Object.entries(table).every(([key, value]) => {
    const other: unknown = (given as Record<string, unknown>)[key];
    return value !== null && typeof value === 'object' ? covers(value, other) : other !== undefined;
  });
}

const warned = new Set<string>();

/** Once per language: a shipped language is in use without its table, so some or all strings show in English. */
function warnMissingTable({ value, language, given }: LocaleState): void {
  if (language === 'en' || warned.has(language) || !(SUPPORTED_LOCALES as readonly string[]).includes(language)) {
    return;
  }
  if (covers(en, given)) return;
  warned.add(language);
  console.warn(
    `connector-kit: locale "${value.locale}" is used without the ${language} message table, so strings not given ` +
      `in \`messages\` show in English. Import it and pass it with the locale: ` +
      `import { ${language} } from '@connector-kit/ui/locales'; <LocaleProvider locale="${value.locale}" messages={${language}}>`,
  );
}

/**
 * Props over what is inherited. Strings are English, then those given for the same language by the providers above,
 * then `messages`; under a locale of another language than the inherited one, inherited strings are dropped, so
 * that a German component inside a French provider never shows French.
 */
function resolve({ locale, dir, messages: override }: LocaleOptions, inherited: LocaleState): LocaleState {
  if (locale === undefined && dir === undefined && override === undefined) return inherited;
  const language = locale === undefined ? inherited.language : languageOf(locale);
  const same = language === inherited.language;
  const state: LocaleState = {
    value: {
      locale: locale ?? inherited.value.locale,
      dir: dir ?? (locale === undefined ? inherited.value.dir : localeDirection(locale)),
      messages: mergeMessages<Messages>(
        same ? inherited.value.messages : en,
        override as DeepPartial<Messages> | undefined,
      ),
    },
    language,
    given: same && inherited.given ? mergeMessages<MessagesOverride>(inherited.given, override) : override,
  };
  if (typeof process !== 'undefined' && process.env.NODE_ENV !== 'production') warnMissingTable(state);
  return state;
}

/**
 * Sets the locale, direction and strings of every component below it, over those of an enclosing provider by the
 * same rules as a component's props (see `useLocale`).
 */
export function LocaleProvider({ children, locale, dir, messages }: LocaleOptions & { children: ReactNode }) {
  const inherited = useContext(LocaleContext) ?? english;
  const state = useMemo(() => resolve({ locale, dir, messages }, inherited), [inherited, locale, dir, messages]);
  return <LocaleContext.Provider value={state}>{children}</LocaleContext.Provider>;
}

/**
 * The locale for a component: its own props when given, else the nearest `LocaleProvider`, else English. Props win
 * so that a single component can be dropped in anywhere.
 *
 * Strings are English, then those given by the providers above for the same language (`fr` and `fr-BE` share
 * theirs), then the component's `messages`. A `locale` of another language drops the inherited strings: a component
 * with `locale="de"` inside `<LocaleProvider locale="fr" messages={fr}>` shows English until it is given German
 * `messages`. In development, a shipped language used without its table logs a warning once.
 */
export function useLocale(options: LocaleOptions = {}): LocaleContextValue {
  const inherited = useContext(LocaleContext) ?? english;
  const { locale, dir, messages } = options;
  return useMemo(() => resolve({ locale, dir, messages }, inherited).value, [inherited, locale, dir, messages]);
}
