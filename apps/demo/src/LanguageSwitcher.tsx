import { SUPPORTED_LOCALES, type SupportedLocale } from '@connector-kit/ui';
import { useId } from 'react';
import { nativeLanguageName } from './i18n.ts';

function isSupported(value: string): value is SupportedLocale {
  return (SUPPORTED_LOCALES as readonly string[]).includes(value);
}

export interface LanguageSwitcherProps {
  locale: SupportedLocale;
  onLocaleChange: (locale: SupportedLocale) => void;
  /** The select's label, in the current language ("Language"). */
  label: string;
}

/**
 * The demo's language choice: every language @connector-kit/ui ships a message table for, each named in its own
 * language. Every page follows it.
 */
export function LanguageSwitcher({ locale, onLocaleChange, label }: LanguageSwitcherProps) {
  const id = useId();
  return (
    <div className="demo-settings__locale">
      <label htmlFor={`${id}-locale`}>{label}</label>
      <select
        id={`${id}-locale`}
        className="demo-select"
        value={locale}
        onChange={(event) => {
          if (isSupported(event.target.value)) onLocaleChange(event.target.value);
        }}
      >
        {SUPPORTED_LOCALES.map((tag) => (
          <option key={tag} value={tag} lang={tag}>
            {nativeLanguageName(tag)}
          </option>
        ))}
      </select>
    </div>
  );
}
