import { useId } from 'react';
import type { AdminMessages } from './messages.tsx';
import type { AdminFilters } from './rows.ts';
import { SelectField } from './SelectField.tsx';

export interface FilterBarProps {
  filters: AdminFilters;
  onChange: <K extends keyof AdminFilters>(name: K, value: AdminFilters[K]) => void;
  /** The countries the rows cover, by name in the page's language. */
  countries: readonly { code: string; name: string }[];
  messages: AdminMessages;
}

/** The filters above the connectors table: words to search for, a country, visibility and restriction. */
export function FilterBar({ filters, onChange, countries, messages }: FilterBarProps) {
  const id = useId();
  return (
    <search className="demo-filters" aria-label={messages.filters}>
      <div className="demo-field demo-field--grow">
        <label htmlFor={`${id}-query`}>{messages.search}</label>
        <input
          id={`${id}-query`}
          type="search"
          className="demo-input"
          value={filters.query}
          onChange={(event) => onChange('query', event.target.value)}
          placeholder={messages.searchPlaceholder}
          autoComplete="off"
        />
      </div>
      <SelectField
        label={messages.country}
        value={filters.country}
        options={[
          { value: '', label: messages.allCountries },
          ...countries.map((country) => ({ value: country.code, label: country.name })),
        ]}
        onChange={(country) => onChange('country', country)}
      />
      <SelectField
        label={messages.visibility}
        value={filters.visibility}
        options={[
          { value: 'all', label: messages.anyVisibility },
          { value: 'visible', label: messages.visible },
          { value: 'hidden', label: messages.hidden },
        ]}
        onChange={(visibility) => onChange('visibility', visibility)}
      />
      <SelectField
        label={messages.restricted}
        value={filters.restricted}
        options={[
          { value: 'any', label: messages.anyRestriction },
          { value: 'yes', label: messages.onlyRestricted },
          { value: 'no', label: messages.notRestricted },
        ]}
        onChange={(restricted) => onChange('restricted', restricted)}
      />
    </search>
  );
}
