import { matchLocale, type SupportedLocale } from '@connector-kit/ui';
import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';

export type Page = 'connect' | 'admin';
export type Theme = 'light' | 'dark';

const LOCALE_KEY = 'connector-kit-demo:locale';
const THEME_KEY = 'connector-kit-demo:theme';

/** Storage can be unavailable (private modes, sandboxed frames): preferences then last for the page only. */
function read(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function write(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    // Kept in memory only.
  }
}

/**
 * The page a URL hash names: `#/admin`, else `#/connect` for any other route (`#/…`) or no hash. Any other hash is
 * an anchor inside the page (the skip link's `#main`): the page stays `previous`.
 */
export function pageFromHash(hash: string, previous: Page = 'connect'): Page {
  if (hash === '#/admin') return 'admin';
  if (hash === '' || hash === '#' || hash.startsWith('#/')) return 'connect';
  return previous;
}

let shownPage: Page = 'connect';

function subscribeHash(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

/** The page named by the URL hash: `#/connect` (the default) or `#/admin`. */
export function usePage(): Page {
  return useSyncExternalStore(
    subscribeHash,
    () => {
      shownPage = pageFromHash(window.location.hash, shownPage);
      return shownPage;
    },
    () => 'connect',
  );
}

export function initialLocale(): SupportedLocale {
  return matchLocale(read(LOCALE_KEY) ?? navigator.language);
}

export function initialTheme(): Theme {
  const saved = read(THEME_KEY);
  if (saved === 'light' || saved === 'dark') return saved;
  return window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

/** Sets the theme the stylesheets read (`data-ck-theme` on `<html>`). */
export function applyTheme(theme: Theme): void {
  document.documentElement.dataset.ckTheme = theme;
}

export function useTheme(): [Theme, (theme: Theme) => void] {
  const [theme, setThemeState] = useState<Theme>(initialTheme);
  useEffect(() => applyTheme(theme), [theme]);
  const setTheme = useCallback((next: Theme) => {
    write(THEME_KEY, next);
    setThemeState(next);
  }, []);
  return [theme, setTheme];
}

export function useLocaleChoice(): [SupportedLocale, (locale: SupportedLocale) => void] {
  const [locale, setLocaleState] = useState<SupportedLocale>(initialLocale);
  const setLocale = useCallback((next: SupportedLocale) => {
    write(LOCALE_KEY, next);
    setLocaleState(next);
  }, []);
  return [locale, setLocale];
}
