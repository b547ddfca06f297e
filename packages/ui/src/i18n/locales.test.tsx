import { ConnectorsNetworkError } from '@connector-kit/core';
import { demoConnectors } from '@connector-kit/mock-api';
import * as locales from '@connector-kit/ui/locales';
import { render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, type MockInstance, vi } from 'vitest';
import { CountrySelect } from '../country-select/CountrySelect.tsx';
import { ErrorState } from '../error-state/ErrorState.tsx';
import { LocaleProvider } from './context.tsx';
import { matchLocale, SUPPORTED_LOCALES, type SupportedLocale } from './locale.ts';
import type { Messages } from './messages.ts';

const { de, en, es, fr, it: italian, nl, pt } = locales;

// Every shipped language has a complete table, checked by the compiler too.
const tables: Readonly<Record<SupportedLocale, Messages>> = locales;

type Shape = 'string' | `function/${number}` | { [key: string]: Shape };

/** The keys of a table, deep, with the kind of each value (a function with its number of parameters). */
function shape(value: unknown): Shape {
  if (typeof value === 'string') return 'string';
  if (typeof value === 'function') return `function/${value.length}`;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, shape(inner)]));
  }
  throw new Error(`unexpected ${typeof value} in a message table`);
}

/** Every text a table can produce: its strings, and its functions called with a few arguments. */
function texts(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value === 'function') {
    const call = value as (...args: unknown[]) => unknown;
    const samples: unknown[][] =
      value.length === 2
        ? [
            [1, 3],
            [2, 2],
          ]
        : [[0], [1], [2], [1234], ['Société Générale']];
    return samples.map((args) => String(call(...args)));
  }
  return Object.values(value as object).flatMap(texts);
}

describe('@connector-kit/ui/locales', () => {
  it('exports one table per shipped language', () => {
    expect(Object.keys(locales).sort()).toEqual([...SUPPORTED_LOCALES].sort());
  });

  it.each(SUPPORTED_LOCALES)('has every string of English in %s, in the same shape', (language) => {
    expect(shape(tables[language])).toEqual(shape(en));
  });

  it.each(SUPPORTED_LOCALES)('gives no empty text in %s', (language) => {
    for (const text of texts(tables[language])) expect(text.trim()).not.toBe('');
  });

  it('is translated: no table but English repeats the English texts of the picker', () => {
    for (const language of SUPPORTED_LOCALES.filter((locale) => locale !== 'en')) {
      expect(tables[language].picker.searchLabel).not.toBe(en.picker.searchLabel);
      expect(tables[language].common.retry).not.toBe(en.common.retry);
    }
  });
});

describe('strings for a locale', () => {
  let warn: MockInstance<typeof console.warn>;
  beforeEach(() => {
    warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
  });
  afterEach(() => {
    vi.unstubAllEnvs();
    warn.mockRestore();
  });

  const networkError = new ConnectorsNetworkError('network', 'GET /connectors');
  const warnings = () => warn.mock.calls.map((args) => args.map(String).join(' '));

  it('come from the table given with the locale', () => {
    render(<ErrorState error={networkError} onRetry={() => {}} locale="es" messages={es} />);
    expect(screen.getByRole('alert')).toHaveTextContent(es.common.errors.network);
    expect(screen.getByRole('button', { name: 'Reintentar' })).toBeInTheDocument();
    expect(warn).not.toHaveBeenCalled();
  });

  it('are English, with one warning, when a shipped language is used without its table; Intl keeps the locale', () => {
    const { rerender } = render(<CountrySelect connectors={demoConnectors} locale="fr" defaultCountryCode="DE" />);
    // English labels, French country names.
    expect(screen.getByRole('combobox', { name: 'Country' })).toHaveTextContent('Allemagne');
    rerender(<CountrySelect connectors={demoConnectors} locale="fr-BE" defaultCountryCode="BE" />);
    expect(screen.getByRole('combobox', { name: 'Country' })).toHaveTextContent('Belgique');
    expect(warnings()).toHaveLength(1);
    expect(warnings()[0]).toContain('locale "fr"');
    expect(warnings()[0]).toContain("import { fr } from '@connector-kit/ui/locales'");
  });

  it('warn once per language, however many components ask', () => {
    render(
      <>
        <ErrorState error={networkError} onRetry={() => {}} locale="de" />
        <ErrorState error={networkError} locale="de-AT" />
      </>,
    );
    for (const alert of screen.getAllByRole('alert')) expect(alert).toHaveTextContent(en.common.errors.network);
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
    expect(warnings()).toHaveLength(1);
    expect(warnings()[0]).toContain("import { de } from '@connector-kit/ui/locales'");
  });

  it('warn from a provider without a table, once', () => {
    render(
      <LocaleProvider locale="it">
        <ErrorState error={networkError} onRetry={() => {}} />
        <ErrorState error={networkError} />
      </LocaleProvider>,
    );
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
    expect(warnings()).toHaveLength(1);
    expect(warnings()[0]).toContain("import { it } from '@connector-kit/ui/locales'");
  });

  it('warn when a few strings are given for a shipped language but not its table', () => {
    render(
      <ErrorState error={networkError} onRetry={() => {}} locale="nl" messages={{ common: { retry: 'Nog eens' } }} />,
    );
    expect(screen.getByRole('button', { name: 'Nog eens' })).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent(en.common.errors.network);
    expect(warnings()).toHaveLength(1);
  });

  it('do not warn for a complete table of your own, nor for a language the package does not ship', () => {
    const custom: Messages = { ...nl, common: { ...nl.common, retry: 'Nog een keer' } };
    render(
      <>
        <ErrorState error={networkError} onRetry={() => {}} locale="nl-BE" messages={custom} />
        <ErrorState error={networkError} locale="ja" />
      </>,
    );
    expect(screen.getByRole('button', { name: 'Nog een keer' })).toBeInTheDocument();
    expect(screen.getAllByRole('alert')[1]).toHaveTextContent(en.common.errors.network);
    // `nl` warned in the test before; `ja` never does.
    expect(warn).not.toHaveBeenCalled();
  });

  it('do not warn in production', () => {
    vi.stubEnv('NODE_ENV', 'production');
    render(<ErrorState error={networkError} locale="pt-BR" />);
    expect(screen.getByRole('alert')).toHaveTextContent(en.common.errors.network);
    expect(warn).not.toHaveBeenCalled();
  });

  it('are inherited from a provider within the same language, with the props over them', () => {
    render(
      <LocaleProvider locale="fr" messages={fr}>
        <ErrorState error={networkError} onRetry={() => {}} />
        <ErrorState error={networkError} locale="fr-CA" messages={{ common: { retry: 'Encore' } }} onRetry={() => {}} />
        <LocaleProvider locale="fr-BE">
          <ErrorState error={networkError} />
        </LocaleProvider>
      </LocaleProvider>,
    );
    for (const alert of screen.getAllByRole('alert')) expect(alert).toHaveTextContent(fr.common.errors.network);
    expect(screen.getByRole('button', { name: 'Réessayer' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Encore' })).toBeInTheDocument();
    expect(warn).not.toHaveBeenCalled();
  });

  it('of a provider never show under a locale of another language', () => {
    render(
      <LocaleProvider locale="fr" messages={fr}>
        <ErrorState error={networkError} locale="pt" onRetry={() => {}} />
        <ErrorState error={networkError} locale="en" />
        <ErrorState error={networkError} locale="de" messages={de} />
        <LocaleProvider locale="it" messages={italian}>
          <ErrorState error={networkError} />
        </LocaleProvider>
      </LocaleProvider>,
    );
    const [portuguese, english, german, inItalian] = screen.getAllByRole('alert');
    // Portuguese without its table: English (not French), and a warning.
    expect(portuguese).toHaveTextContent(en.common.errors.network);
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
    expect(warnings()).toEqual([expect.stringContaining("import { pt } from '@connector-kit/ui/locales'")]);
    expect(english).toHaveTextContent(en.common.errors.network);
    expect(german).toHaveTextContent(de.common.errors.network);
    expect(inItalian).toHaveTextContent(italian.common.errors.network);
    expect(pt.common.errors.network).not.toBe(en.common.errors.network);
  });
});

describe('matchLocale', () => {
  it.each([
    ['fr-BE', 'fr'],
    ['pt-BR', 'pt'],
    ['DE', 'de'],
    ['ja', 'en'],
    ['fr_FR', 'en'],
    ['not a tag!', 'en'],
    ['', 'en'],
    [undefined, 'en'],
  ])('picks the table for %s: %s', (locale, table) => {
    expect(matchLocale(locale)).toBe(table);
  });
});
