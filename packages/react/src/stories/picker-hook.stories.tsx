import { demoConnectors } from '@connector-kit/mock-api';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { useConnectorPicker } from '../use-connector-picker.ts';
import { useConnectors } from '../use-connectors.ts';

/*
 * A picker of one's own, built on `useConnectorPicker` alone: a native select for the country, an input and a plain
 * list. It gets the same behaviour as `ConnectorPicker` (the default country, the counts, the keyboard, "search all
 * countries") with none of its markup.
 */

const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });
const countryName = (code: string) => regionNames.of(code) ?? code;

function HomemadePicker({ languages }: { languages?: readonly string[] }) {
  const { data, isPending, isError, refetch } = useConnectors({ expand: ['countries'] });
  const picker = useConnectorPicker({ connectors: data?.connectors, languages });
  if (isPending) return <p role="status">Loading banks…</p>;
  if (isError) {
    return (
      <div role="alert">
        The banks could not be loaded.{' '}
        <button type="button" onClick={() => void refetch()}>
          Retry
        </button>
      </div>
    );
  }
  return (
    <div style={{ display: 'grid', gap: 8, maxInlineSize: 360, fontFamily: 'system-ui, sans-serif' }}>
      <label>
        Country{' '}
        <select
          value={picker.countryCode ?? ''}
          onChange={(event) => picker.setCountryCode(event.target.value || null)}
        >
          <option value="">{`All countries (${picker.totalCount ?? 0})`}</option>
          {[...picker.countryCounts].map(([code, count]) => (
            <option key={code} value={code}>{`${countryName(code)} (${count})`}</option>
          ))}
        </select>
      </label>
      <input aria-label="Search for your bank" {...picker.getInputProps()} />
      <ul
        {...picker.getListboxProps({ 'aria-label': 'Banks' })}
        style={{ maxBlockSize: 240, overflow: 'auto', margin: 0, padding: 0, listStyle: 'none' }}
      >
        {picker.results.slice(0, 50).map((result, index) => (
          <li
            key={result.connector.uuid}
            {...picker.getOptionProps({ index, result })}
            style={{
              padding: 6,
              background: index === picker.activeIndex ? '#dbeafe' : undefined,
              fontWeight: result.connector.uuid === picker.value ? 700 : undefined,
            }}
          >
            {result.connector.name}
          </li>
        ))}
      </ul>
      {picker.results.length === 0 ? (
        <p>
          No bank found.{' '}
          {picker.otherCountriesCount > 0 ? (
            <button type="button" onClick={() => picker.setCountryCode(null)}>
              {`Search all countries (${picker.otherCountriesCount})`}
            </button>
          ) : null}
        </p>
      ) : null}
      <p>{picker.selectedConnector ? `Chosen: ${picker.selectedConnector.name}` : 'No bank chosen'}</p>
    </div>
  );
}

const meta = {
  title: 'react/useConnectorPicker',
  parameters: { emulator: { connectors: demoConnectors } },
} satisfies Meta;

export default meta;
type Story = StoryObj<typeof meta>;

export const Homemade: Story = {
  name: 'A picker of your own',
  render: () => <HomemadePicker languages={['de-DE']} />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const country = await canvas.findByRole('combobox', { name: /Country/ });
    // The region of the user's language, since it has banks.
    await expect(country).toHaveValue('DE');
    const search = canvas.getByRole('combobox', { name: 'Search for your bank' });
    await userEvent.type(search, 'societe generale');
    const widen = await canvas.findByRole('button', { name: /Search all countries/ });
    await userEvent.click(widen);
    const banks = canvas.getByRole('listbox', { name: 'Banks' });
    await waitFor(() => expect(within(banks).getAllByRole('option')[0]).toHaveTextContent(/Société Générale/));
    await userEvent.type(search, '{ArrowDown}{Enter}');
    await expect(canvas.getByText(/^Chosen: Société Générale/)).toBeVisible();
  },
};
