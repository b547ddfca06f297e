import type { Connector } from '@connector-kit/core';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { bank } from './test/fixtures.ts';
import { type UseConnectorPickerOptions, useConnectorPicker } from './use-connector-picker.ts';

const connectors: readonly Connector[] = [
  bank('Société Générale', ['FR']),
  bank('BNP Paribas', ['FR', 'BE']),
  bank('Belfius', ['BE']),
  bank('Sparkasse KölnBonn', ['DE']),
  bank('Deutsche Bank', ['DE'], { capabilities: ['bank', 'transfer'] }),
  bank('Banque Cachée', ['FR'], { hidden: true }),
];

/** A picker of one's own, on the hook alone: a native select, an input and a list. */
function NativePicker(options: Omit<UseConnectorPickerOptions, 'connectors'>) {
  const picker = useConnectorPicker({ connectors, ...options });
  return (
    <>
      <select
        aria-label="Country"
        value={picker.countryCode ?? ''}
        onChange={(event) => picker.setCountryCode(event.target.value || null)}
      >
        <option value="">{`All countries (${picker.totalCount})`}</option>
        {[...picker.countryCounts].map(([code, count]) => (
          <option key={code} value={code}>{`${code} (${count})`}</option>
        ))}
      </select>
      <input aria-label="Search" {...picker.getInputProps()} />
      <ul {...picker.getListboxProps({ 'aria-label': 'Banks' })}>
        {picker.results.map((result, index) => (
          <li key={result.connector.uuid} {...picker.getOptionProps({ index, result })}>
            {result.connector.name}
          </li>
        ))}
      </ul>
      {picker.results.length === 0 && picker.otherCountriesCount > 0 ? (
        <button type="button" onClick={() => picker.setCountryCode(null)}>
          {`Search all countries (${picker.otherCountriesCount})`}
        </button>
      ) : null}
    </>
  );
}

const optionNames = () => screen.queryAllByRole('option').map((option) => option.textContent);

describe('useConnectorPicker', () => {
  it("starts on the region of the user's language, with each country's count", () => {
    render(<NativePicker languages={['de-AT', 'de-DE']} />);
    const country = screen.getByRole('combobox', { name: 'Country' });
    expect(country).toHaveValue('DE');
    expect(
      within(country)
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual(['All countries (5)', 'FR (2)', 'BE (2)', 'DE (2)']);
    expect(within(screen.getByRole('listbox', { name: 'Banks' })).getAllByRole('option')).toHaveLength(2);
  });

  it('takes the default given, or every country, and counts with the filters', () => {
    const { unmount } = render(<NativePicker defaultCountryCode="be" languages={['de-DE']} />);
    expect(screen.getByRole('combobox', { name: 'Country' })).toHaveValue('BE');
    unmount();
    render(<NativePicker defaultCountryCode={null} languages={['de-DE']} filters={{ capabilities: ['transfer'] }} />);
    expect(screen.getByRole('combobox', { name: 'Country' })).toHaveValue('');
    expect(screen.getByRole('option', { name: 'All countries (1)' })).toBeInTheDocument();
    expect(screen.getByRole('option', { name: 'DE (1)' })).toBeInTheDocument();
    expect(optionNames().filter((name) => !name?.includes('('))).toEqual(['Deutsche Bank']);
  });

  it('offers the other countries when the chosen one has no match, and reports searches', async () => {
    const user = userEvent.setup();
    const onSearch = vi.fn();
    const onCountryCodeChange = vi.fn();
    render(<NativePicker languages={['fr-FR']} onSearch={onSearch} onCountryCodeChange={onCountryCodeChange} />);
    await user.type(screen.getByRole('combobox', { name: 'Search' }), 'sparkasse');
    const widen = await screen.findByRole('button', { name: 'Search all countries (1)' });
    expect(onSearch).toHaveBeenLastCalledWith({ query: 'sparkasse', countryCode: 'FR', resultCount: 0 });
    await user.click(widen);
    expect(onCountryCodeChange).toHaveBeenCalledWith(null);
    expect(await screen.findByRole('option', { name: 'Sparkasse KölnBonn' })).toBeInTheDocument();
    expect(onSearch).toHaveBeenLastCalledWith({ query: 'sparkasse', countryCode: null, resultCount: 1 });
    expect(screen.queryByRole('button', { name: /Search all countries/ })).not.toBeInTheDocument();
  });

  it('keeps the country the user chose when the data changes', async () => {
    const user = userEvent.setup();
    const { rerender } = render(<NativePicker languages={['fr-FR']} />);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Country' }), 'BE');
    rerender(<NativePicker languages={['de-DE']} />);
    expect(screen.getByRole('combobox', { name: 'Country' })).toHaveValue('BE');
  });
});
