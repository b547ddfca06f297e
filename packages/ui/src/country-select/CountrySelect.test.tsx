import { demoConnectors } from '@connector-kit/mock-api';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fr } from '../locales.ts';
import { CountrySelect } from './CountrySelect.tsx';

async function expectNoAxeViolations(container: HTMLElement) {
  const results = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
  expect(results.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
}

function mockLanguages(languages: string[]) {
  vi.spyOn(navigator, 'languages', 'get').mockReturnValue(languages);
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('CountrySelect', () => {
  it('lists "All countries" then every country in the UI locale, by collation, with its count in the name', async () => {
    mockLanguages(['ja-JP']);
    const user = userEvent.setup();
    render(<CountrySelect connectors={demoConnectors} locale="fr" messages={fr} />);
    const trigger = screen.getByRole('combobox', { name: 'Pays' });
    expect(trigger).toHaveTextContent('Tous les pays');
    await user.click(trigger);
    const names = screen.getAllByRole('option').map((option) => option.getAttribute('aria-label'));
    expect(names[0]).toBe('Tous les pays, 237 banques');
    expect(names.slice(1, 6)).toEqual([
      'Allemagne, 39 banques',
      'Autriche, 10 banques',
      'Belgique, 14 banques',
      'Espagne, 23 banques',
      'France, 116 banques',
    ]);
    expect(screen.getByRole('option', { name: 'Royaume-Uni, 11 banques' })).toBeInTheDocument();
    expect(screen.getByText('116 banques')).toBeInTheDocument();
  });

  it('reports the chosen country, and null for every country', async () => {
    mockLanguages(['ja-JP']);
    const user = userEvent.setup();
    const onCountryCodeChange = vi.fn();
    render(<CountrySelect connectors={demoConnectors} onCountryCodeChange={onCountryCodeChange} />);
    await user.click(screen.getByRole('combobox', { name: 'Country' }));
    await user.click(screen.getByRole('option', { name: 'Germany, 39 banks' }));
    expect(onCountryCodeChange).toHaveBeenLastCalledWith('DE');
    expect(screen.getByRole('combobox', { name: 'Country' })).toHaveTextContent('Germany');
    await user.click(screen.getByRole('combobox', { name: 'Country' }));
    await user.click(screen.getByRole('option', { name: /^All countries/ }));
    expect(onCountryCodeChange).toHaveBeenLastCalledWith(null);
  });

  it('takes a country typed on the closed select once the page has painted, without opening it', async () => {
    mockLanguages(['ja-JP']);
    const user = userEvent.setup();
    const onCountryCodeChange = vi.fn();
    render(<CountrySelect connectors={demoConnectors} onCountryCodeChange={onCountryCodeChange} />);
    const trigger = screen.getByRole('combobox', { name: 'Country' });
    trigger.focus();
    // The options render after the first paint; until then a typed letter finds none.
    await waitFor(async () => {
      await user.keyboard('g');
      expect(trigger).toHaveTextContent('Germany');
    });
    expect(onCountryCodeChange).toHaveBeenLastCalledWith('DE');
    expect(screen.queryByRole('listbox')).not.toBeInTheDocument();
  });

  it('starts on the browser language’s region when it has connectors', () => {
    mockLanguages(['de-AT', 'de']);
    render(<CountrySelect connectors={demoConnectors} />);
    expect(screen.getByRole('combobox', { name: 'Country' })).toHaveTextContent('Austria');
  });

  it('starts on every country when the browser’s region has no connectors', () => {
    mockLanguages(['ja-JP']);
    render(<CountrySelect connectors={demoConnectors} />);
    expect(screen.getByRole('combobox', { name: 'Country' })).toHaveTextContent('All countries');
  });

  it('prefers the default it is given, and follows a controlled value', () => {
    mockLanguages(['de-AT']);
    const { rerender } = render(<CountrySelect connectors={demoConnectors} defaultCountryCode="es" />);
    expect(screen.getByRole('combobox')).toHaveTextContent('Spain');
    rerender(<CountrySelect connectors={demoConnectors} countryCode={null} />);
    expect(screen.getByRole('combobox')).toHaveTextContent('All countries');
  });

  it('keeps a chosen country that has no connectors, with 0', async () => {
    const user = userEvent.setup();
    render(<CountrySelect connectors={demoConnectors} countryCode="JP" />);
    expect(screen.getByRole('combobox')).toHaveTextContent('Japan');
    await user.click(screen.getByRole('combobox'));
    expect(screen.getByRole('option', { name: 'Japan, 0 banks' })).toBeInTheDocument();
  });

  it('works right to left and without data', () => {
    render(<CountrySelect connectors={undefined} dir="rtl" disabled />);
    const trigger = screen.getByRole('combobox', { name: 'Country' });
    expect(trigger).toBeDisabled();
    expect(trigger.closest('[dir]')).toHaveAttribute('dir', 'rtl');
  });

  it('takes a class for the root and each part', async () => {
    mockLanguages(['ja-JP']);
    const user = userEvent.setup();
    const { container } = render(
      <CountrySelect
        connectors={demoConnectors}
        className="mine"
        classNames={{ trigger: 'trg', label: 'lbl', item: 'itm', itemCount: 'cnt', content: 'cnt-box' }}
      />,
    );
    expect(container.firstElementChild).toHaveClass('ck-country-select', 'mine');
    expect(screen.getByRole('combobox')).toHaveClass('trg');
    expect(screen.getByText('Country')).toHaveClass('lbl');
    await user.click(screen.getByRole('combobox'));
    expect(screen.getAllByRole('option')[1]).toHaveClass('itm');
    expect(screen.getByRole('listbox').closest('.cnt-box')).not.toBeNull();
    expect(container.querySelector('.cnt')).not.toBeNull();
  });

  it('has no axe violations, closed or open', async () => {
    mockLanguages(['fr-FR']);
    const user = userEvent.setup();
    const { container } = render(<CountrySelect connectors={demoConnectors} />);
    await expectNoAxeViolations(container);
    await user.click(screen.getByRole('combobox'));
    await expectNoAxeViolations(container);
  });
});
