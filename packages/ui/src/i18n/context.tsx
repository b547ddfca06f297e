import { createContext, type ReactNode, useContext, useMemo } from 'react';
import { type DeepPartial, localeDirection, matchLocale, mergeMessages } from './locale.ts';
import { type Messages, type MessagesOverride, messages } from './messages.ts';

export interface LocaleContextValue {
  /** The BCP 47 tag that drives `Intl` (country names, collation, plurals). */
  locale: string;
  dir: 'ltr' | 'rtl';
  messages: Messages;
}

const LocaleContext = createContext<LocaleContextValue | null>(null);

export interface LocaleOptions {
  /** A BCP 47 tag such as `fr` or `de-AT`; strings come from the closest shipped locale, `en` by default. */
  locale?: string | undefined;
  /** Writing direction; by default the locale's own. */
  dir?: 'ltr' | 'rtl' | undefined;
  /** Your own strings, merged over the locale's. */
  messages?: MessagesOverride | undefined;
}

export function resolveLocale({ locale, dir, messages: override }: LocaleOptions): LocaleContextValue {
  const tag = locale ?? 'en';
  return {
    locale: tag,
    dir: dir ?? localeDirection(tag),
    messages: mergeMessages<Messages>(messages[matchLocale(tag)], override as DeepPartial<Messages> | undefined),
  };
}

/** Sets the locale, direction and strings of every component below it. */
export function LocaleProvider({ children, ...options }: LocaleOptions & { children: ReactNode }) {
  const { locale, dir, messages: override } = options;
  const value = useMemo(() => resolveLocale({ locale, dir, messages: override }), [locale, dir, override]);
  return <LocaleContext.Provider value={value}>{children}</LocaleContext.Provider>;
}

const fallback = resolveLocale({});

/**
 * The locale for a component: its own props when given, else the nearest `LocaleProvider`, else English.
 * Props win so that a single component can be dropped in anywhere.
 */
export function useLocale(options: LocaleOptions = {}): LocaleContextValue {
  const inherited = useContext(LocaleContext) ?? fallback;
  const { locale, dir, messages: override } = options;
  return useMemo(() => {
    if (locale === undefined && dir === undefined && override === undefined) return inherited;
    const base = locale === undefined ? inherited : resolveLocale({ locale });
    return {
      locale: base.locale,
      dir: dir ?? (locale === undefined ? inherited.dir : base.dir),
      messages: mergeMessages<Messages>(base.messages, override as DeepPartial<Messages> | undefined),
    };
  }, [inherited, locale, dir, override]);
}
