import { matchLocale, type SupportedLocale } from '@connector-kit/ui';
import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';

export type Page = 'connect' | 'admin' | 'callback';
export type Theme = 'light' | 'dark';
/** How the demo finishes a connection: handed off to the Powens Webview, or directly with our form. */
export type ConnectPath = 'webview' | 'direct';

const LOCALE_KEY = 'connector-kit-demo:locale';
const THEME_KEY = 'connector-kit-demo:theme';
const PATH_KEY = 'connector-kit-demo:path';

/** The path of the page Powens sends the user back to (the app's `redirect_uri`). */
export const CALLBACK_PATH = '/callback';

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

/** The bank a Connect address names (`#/connect/<uuid>`), or `null`. */
export function connectorFromHash(hash: string): string | null {
  const match = /^#\/connect\/([^/?#]+)$/.exec(hash);
  if (!match?.[1]) return null;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return null;
  }
}

let shownPage: Page = 'connect';

function subscribeHash(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

/** The page named by the address: `/callback`, else the hash: `#/connect` (the default) or `#/admin`. */
export function usePage(): Page {
  return useSyncExternalStore(
    subscribeHash,
    () => {
      shownPage =
        window.location.pathname === CALLBACK_PATH ? 'callback' : pageFromHash(window.location.hash, shownPage);
      return shownPage;
    },
    () => 'connect',
  );
}

/** The bank named by the hash (`#/connect/<uuid>`), or `null`. */
export function useConnectorFromHash(): string | null {
  return useSyncExternalStore(
    subscribeHash,
    () => connectorFromHash(window.location.hash),
    () => null,
  );
}

/** The path the demo finishes connections on: the Webview unless the person chose the direct one. */
export function useConnectPath(): [ConnectPath, (path: ConnectPath) => void] {
  const [path, setPathState] = useState<ConnectPath>(() => (read(PATH_KEY) === 'direct' ? 'direct' : 'webview'));
  const setPath = useCallback((next: ConnectPath) => {
    write(PATH_KEY, next);
    setPathState(next);
  }, []);
  return [path, setPath];
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
