import { createConnectorsClient } from '@connector-kit/core';
import { ConnectorsProvider, createConnectorsQueryClient, type GetLogoUrl } from '@connector-kit/react';
import { LocaleProvider, localeDirection, type SupportedLocale } from '@connector-kit/ui';
import { useEffect, useMemo, useRef, useState } from 'react';
import { AdminPage } from './admin/AdminPage.tsx';
import { adminMessages } from './admin/messages.tsx';
import { CallbackPage } from './callback/CallbackPage.tsx';
import { ConnectPage } from './connect/ConnectPage.tsx';
import { type DemoMessages, demoMessages, uiMessages } from './i18n.ts';
import { LanguageSwitcher } from './LanguageSwitcher.tsx';
import { type Page, type Theme, useConnectorFromHash, useLocaleChoice, usePage, useTheme } from './preferences.ts';

/** The demo's own server route to the connectors API; it holds the config token (see server/proxy.ts). */
const API_ROOT = '/api/2.0';

/**
 * Logos through the same server route: the emulator's, or `https://<domain>.biapi.pro/2.0/logos/…` with
 * `POWENS_DOMAIN`. Defined once, so that the avatars are not rendered again for a new function.
 */
const getLogoUrl: GetLogoUrl = (connector) => `${API_ROOT}/logos/${encodeURIComponent(connector.uuid)}-thumbnail.webp`;

function ThemeIcon({ theme }: { theme: Theme }) {
  return (
    <svg aria-hidden="true" focusable="false" viewBox="0 0 20 20" width="18" height="18">
      {theme === 'dark' ? (
        <path d="M15.5 12.6A6.5 6.5 0 0 1 7.4 4.5a6.5 6.5 0 1 0 8.1 8.1z" fill="currentColor" />
      ) : (
        <g fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round">
          <circle cx="10" cy="10" r="3.5" />
          <path d="M10 2v2M10 16v2M2 10h2M16 10h2M4.3 4.3l1.4 1.4M14.3 14.3l1.4 1.4M4.3 15.7l1.4-1.4M14.3 5.7l1.4-1.4" />
        </g>
      )}
    </svg>
  );
}

interface HeaderProps {
  page: Page;
  locale: SupportedLocale;
  onLocaleChange: (locale: SupportedLocale) => void;
  theme: Theme;
  onThemeChange: (theme: Theme) => void;
  messages: DemoMessages;
}

function Header({ page, locale, onLocaleChange, theme, onThemeChange, messages }: HeaderProps) {
  // Absolute: the callback page lives at /callback, outside the hash routes.
  const links: { page: Page; href: string; label: string }[] = [
    { page: 'connect', href: '/#/connect', label: messages.connectPage },
    { page: 'admin', href: '/#/admin', label: messages.adminPage },
  ];
  return (
    <header className="demo-header">
      <div className="demo-header__inner">
        <a className="demo-brand" href="/#/connect">
          <img src="/favicon.svg" alt="" width="28" height="28" />
          <span>
            connector-kit <span className="demo-brand__tagline">{messages.productTagline}</span>
          </span>
        </a>
        <nav className="demo-nav" aria-label={messages.pagesNav}>
          <ul>
            {links.map((link) => (
              <li key={link.page}>
                <a href={link.href} aria-current={page === link.page ? 'page' : undefined}>
                  {link.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <div className="demo-settings">
          <LanguageSwitcher locale={locale} onLocaleChange={onLocaleChange} label={messages.language} />
          <button
            type="button"
            className="demo-theme-toggle"
            aria-pressed={theme === 'dark'}
            onClick={() => onThemeChange(theme === 'dark' ? 'light' : 'dark')}
          >
            <ThemeIcon theme={theme} />
            <span>{messages.darkTheme}</span>
          </button>
        </div>
      </div>
    </header>
  );
}

export function App() {
  const [locale, setLocale] = useLocaleChoice();
  const [theme, setTheme] = useTheme();
  const page = usePage();
  const connectorUuid = useConnectorFromHash();
  const messages = demoMessages[locale];
  const [queryClient] = useState(() => createConnectorsQueryClient());
  // Answers (field labels, country names) come in the page's language: one client, and one cache scope, per locale.
  const client = useMemo(() => createConnectorsClient({ baseUrl: API_ROOT, language: locale }), [locale]);

  useEffect(() => {
    document.documentElement.lang = locale;
    document.documentElement.dir = localeDirection(locale);
  }, [locale]);

  useEffect(() => {
    const title =
      page === 'admin'
        ? adminMessages[locale].title
        : page === 'callback'
          ? messages.callbackTitle
          : messages.connectTitle;
    document.title = `${title} · connector-kit`;
  }, [page, messages, locale]);

  // After a move between pages, the focus goes to the new page's title, as after a page load.
  const heading = useRef<HTMLHeadingElement>(null);
  const shownPage = useRef(page);
  useEffect(() => {
    if (shownPage.current === page) return;
    shownPage.current = page;
    heading.current?.focus();
  }, [page]);

  return (
    <LocaleProvider locale={locale} messages={uiMessages[locale]}>
      <ConnectorsProvider client={client} queryClient={queryClient} getLogoUrl={getLogoUrl}>
        <a className="demo-skip" href="#main">
          {messages.skipToContent}
        </a>
        <Header
          page={page}
          locale={locale}
          onLocaleChange={setLocale}
          theme={theme}
          onThemeChange={setTheme}
          messages={messages}
        />
        <main id="main" tabIndex={-1} className="demo-main">
          {page === 'admin' ? (
            <AdminPage locale={locale} headingRef={heading} />
          ) : page === 'callback' ? (
            <CallbackPage messages={messages} locale={locale} />
          ) : (
            <ConnectPage messages={messages} locale={locale} connectorUuid={connectorUuid} headingRef={heading} />
          )}
        </main>
      </ConnectorsProvider>
    </LocaleProvider>
  );
}
