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
export function FilterBar({ filters, onChange, countries, messages: m }: FilterBarProps) {
  const id = useId();
  return (
    <search className="demo-filters" aria-label={m.filters}>
      <div className="demo-field demo-field--grow">
        <label htmlFor={`${id}-query`}>{m.search}</label>
        <input
          id={`${id}-query`}
          type="search"
          className="demo-input"
          value={filters.query}
          onChange={(event) => onChange('query', event.target.value)}
          placeholder={m.searchPlaceholder}
          autoComplete="off"
        />
      </div>
      <SelectField
        label={m.country}
        value={filters.country}
        options={[
          { value: '', label: m.allCountries },
          ...countries.map((country) => ({ value: country.code, label: country.name })),
        ]}
        onChange={(country) => onChange('country', country)}
      />
      <SelectField
        label={m.visibility}
        value={filters.visibility}
        options={[
          { value: 'all', label: m.anyVisibility },
          { value: 'visible', label: m.visible },
          { value: 'hidden', label: m.hidden },
        ]}
        onChange={(visibility) => onChange('visibility', visibility)}
      />
      <SelectField
        label={m.restricted}
        value={filters.restricted}
        options={[
          { value: 'any', label: m.anyRestriction },
          { value: 'yes', label: m.onlyRestricted },
          { value: 'no', label: m.notRestricted },
        ]}
        onChange={(restricted) => onChange('restricted', restricted)}
      />
    </search>
  );
}
