/// <reference types="vite/client" />
import '../styles/base.css';
import '../styles/picker.css';
import { demoConnectors, type Emulator, generateConnectors } from '@connector-kit/mock-api';
import { useConnectors } from '@connector-kit/react';
import type { Decorator, Meta, StoryObj } from '@storybook/react-vite';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import type { Messages } from '../i18n/messages.ts';
import { de, en, es, fr, it, nl, pt } from '../locales.ts';
import { darkTheme, narrow } from '../test/story-frames.tsx';
import { ConnectorPicker } from './ConnectorPicker.tsx';

/*
 * The picker on the emulator (see .storybook/preview.tsx): `parameters.emulator` sets the dataset, the latency and
 * the faults of each story. Every story runs as a test with an axe check.
 */

const meta = {
  title: 'ui/ConnectorPicker',
  component: ConnectorPicker,
  decorators: [narrow],
  args: {
    onValueChange: fn(),
    onSelect: fn(),
    onCountryCodeChange: fn(),
  },
} satisfies Meta<typeof ConnectorPicker>;

export default meta;
type Story = StoryObj<typeof meta>;

const uuidOf = (name: string) => demoConnectors.find((connector) => connector.name === name)?.uuid ?? '';

/** Waits for the list, so that the axe check runs on the loaded picker. */
async function loaded(canvasElement: HTMLElement, name: string | RegExp = /./) {
  return within(canvasElement).findByRole('listbox', { name }, { timeout: 10_000 });
}

const waitForList: Story['play'] = async ({ canvasElement }) => {
  await expect(await loaded(canvasElement)).toBeVisible();
};

export const Default: Story = { play: waitForList };

/** Type without accents, arrow down, Enter. */
export const KeyboardFlow: Story = {
  args: { defaultCountryCode: 'FR' },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await loaded(canvasElement);
    const input = canvas.getByRole('combobox', { name: 'Search for your bank' });
    await userEvent.type(input, 'societe generale');
    await expect(await canvas.findByRole('option', { name: 'Société Générale' })).toBeVisible();
    await userEvent.keyboard('{ArrowDown}{Enter}');
    await expect(args.onValueChange).toHaveBeenCalledWith(uuidOf('Société Générale'));
  },
};

// One story per country of the demo data.
const country = (code: string): Story => ({ args: { defaultCountryCode: code }, play: waitForList });
export const France = country('FR');
export const Germany = country('DE');
export const Spain = country('ES');
export const Italy = country('IT');
export const Netherlands = country('NL');
export const Belgium = country('BE');
export const Portugal = country('PT');
export const Austria = country('AT');
export const Ireland = country('IE');
export const Luxembourg = country('LU');
export const UnitedKingdom = country('GB');
export const Poland = country('PL');

/** 20,000 generated connectors: the list renders only what is in view. */
export const TwentyThousand: Story = {
  parameters: { emulator: { connectors: generateConnectors(20_000, 1) } },
  play: async ({ canvasElement }) => {
    const listbox = await loaded(canvasElement);
    await expect(listbox.querySelectorAll('[role="option"]').length).toBeLessThan(100);
    await userEvent.type(within(canvasElement).getByRole('combobox', { name: 'Search for your bank' }), 'banque');
    await waitFor(() => expect(listbox.querySelector('mark')).not.toBeNull());
  },
};

/** The answer never comes: the skeleton stays (the client gives up after its timeout). */
export const Loading: Story = {
  parameters: { emulator: { faults: [{ kind: 'timeout', route: 'list' }] } },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('status')).toHaveTextContent('Loading…');
  },
};

/** A slow answer: the user types while it loads, and keeps the query. */
export const SlowNetwork: Story = {
  args: { defaultCountryCode: 'FR' },
  parameters: { emulator: { latencyMs: 1500 } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.type(canvas.getByRole('combobox', { name: 'Search for your bank' }), 'credit agricole');
    await loaded(canvasElement);
    await expect(await canvas.findAllByRole('option')).not.toHaveLength(0);
  },
};

export const ServerError: Story = {
  parameters: { emulator: { faults: [{ kind: 'status', status: 500, route: 'list', times: 1 }] } },
  play: async ({ canvasElement }) => {
    const alert = await within(canvasElement).findByRole('alert', {}, { timeout: 10_000 });
    await expect(alert).toHaveTextContent('The service is having trouble');
  },
};

/** Retry after an error: the list comes back, the query is still there. */
export const ErrorThenRetry: Story = {
  args: { defaultQuery: 'bnp' },
  parameters: { emulator: { faults: [{ kind: 'status', status: 503, route: 'list', times: 1 }] } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const alert = await canvas.findByRole('alert', {}, { timeout: 10_000 });
    await userEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    await loaded(canvasElement);
    await expect(canvas.getByRole('combobox', { name: 'Search for your bank' })).toHaveValue('bnp');
  },
};

/** The emulator of `RefreshFailed`, given to it by `parameters.emulatorInstance`. */
let refreshEmulator: Emulator | undefined;

/** Once the list is on screen, the app refreshes it (as it would after a write), and that request fails. */
const refreshFailsOnce: Decorator = (Story) => {
  function RefreshOnce() {
    const queryClient = useQueryClient();
    const { data } = useConnectors({ expand: ['countries'] });
    const refreshed = useRef(false);
    useEffect(() => {
      if (!data || refreshed.current) return;
      refreshed.current = true;
      refreshEmulator?.setFaults([{ kind: 'status', status: 503, route: 'list', times: 1 }]);
      void queryClient.invalidateQueries();
    }, [data, queryClient]);
    return null;
  }
  return (
    <>
      <RefreshOnce />
      <Story />
    </>
  );
};

/**
 * A refresh fails while the list is on screen: the list and the query stay, and a discreet line, announced politely,
 * says so with "Try again".
 */
export const RefreshFailed: Story = {
  args: { defaultCountryCode: 'FR', defaultQuery: 'bnp' },
  decorators: [refreshFailsOnce],
  parameters: {
    emulatorInstance: (emulator: Emulator) => {
      refreshEmulator = emulator;
    },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('button', { name: 'Try again' }, { timeout: 10_000 })).toBeVisible();
    await expect(canvas.getAllByRole('status').map((element) => element.textContent)).toContain(
      'Could not refresh the list: it shows the banks as last loaded.',
    );
    await expect(canvas.getByRole('option', { name: 'BNP Paribas' })).toBeVisible();
    await expect(canvas.getByRole('combobox', { name: 'Search for your bank' })).toHaveValue('bnp');
  },
};

/** A gateway answers an HTML page instead of JSON. */
export const BadGateway: Story = {
  parameters: { emulator: { faults: [{ kind: 'html', status: 502, route: 'list' }] } },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByRole('alert', {}, { timeout: 10_000 })).toBeVisible();
  },
};

export const EmptyData: Story = {
  args: { onNotFound: fn() },
  parameters: { emulator: { connectors: [] } },
  play: async ({ canvasElement }) => {
    await expect(
      await within(canvasElement).findByText('No bank is available here yet.', {}, { timeout: 10_000 }),
    ).toBeVisible();
  },
};

/** A query that matches nothing: it is echoed, with a way out. */
export const NoMatch: Story = {
  args: { defaultCountryCode: 'FR', onNotFound: fn() },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await loaded(canvasElement);
    await userEvent.type(canvas.getByRole('combobox', { name: 'Search for your bank' }), 'zzyzx');
    await expect(await canvas.findByText('No bank matches “zzyzx”.')).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: 'My bank is not listed' }));
    await expect(args.onNotFound).toHaveBeenCalledWith({ query: 'zzyzx', countryCode: 'FR' });
  },
};

/** Matches in another country only: one click widens the search. */
export const MatchesElsewhere: Story = {
  args: { defaultCountryCode: 'DE', defaultQuery: 'societe generale' },
  play: async ({ canvasElement }) => {
    await expect(
      await within(canvasElement).findByRole('button', { name: 'Search all countries (1 bank)' }, { timeout: 10_000 }),
    ).toBeVisible();
  },
};

/** Restricted banks are listed with their reason, and cannot be picked. */
export const Restricted: Story = {
  args: { defaultCountryCode: 'FR', defaultQuery: 'banque' },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await loaded(canvasElement);
    const option = await canvas.findByRole('option', { name: 'Banque Courtois' });
    await expect(option).toHaveAttribute('aria-disabled', 'true');
    await expect(option).toHaveAccessibleDescription(/not possible at the moment/);
    await userEvent.click(option);
    await expect(args.onValueChange).not.toHaveBeenCalled();
  },
};

/** A "Popular" group above "All banks" while the query is empty. */
export const PopularFirst: Story = {
  args: {
    defaultCountryCode: 'FR',
    popular: [
      'Crédit Agricole Île-de-France',
      'BNP Paribas',
      'Société Générale',
      'Crédit Mutuel',
      'LCL',
      'BoursoBank',
      'La Banque Postale',
    ].map(uuidOf),
  },
  play: async ({ canvasElement }) => {
    await loaded(canvasElement);
    await expect(within(canvasElement).getByRole('group', { name: 'Popular' })).toBeVisible();
  },
};

/** The first 8 connectors of the data's order as the popular group. */
export const PopularCount: Story = {
  args: { popular: 8 },
  play: waitForList,
};

/** A chosen connector, controlled by the app. */
export const Selected: Story = {
  args: { defaultCountryCode: 'FR', value: uuidOf('LCL'), defaultQuery: 'lcl' },
  play: waitForList,
};

/** The avatar of a bank's option: its logo (`img`) or its initials (`svg`). */
function avatarOf(option: HTMLElement): Element | null {
  return option.querySelector('.ck-avatar');
}

/**
 * Logos from the emulator (`parameters.logos`: the provider's `getLogoUrl`), at the address integrators use with
 * Powens. Société Générale and BNP Paribas have one, Fortuneo's answers 404 and BoursoBank's does not decode: the
 * initials stand in for those two, in the same box.
 */
export const WithLogos = {
  parameters: { logos: true },
  args: {
    defaultCountryCode: 'FR',
    filters: { uuids: ['Société Générale', 'Fortuneo', 'BoursoBank', 'BNP Paribas'].map(uuidOf) },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await loaded(canvasElement);
    for (const name of ['Société Générale', 'BNP Paribas']) {
      const option = canvas.getByRole('option', { name });
      await waitFor(() => expect((avatarOf(option) as HTMLImageElement | null)?.naturalWidth).toBe(64), {
        timeout: 5_000,
      });
    }
    for (const [name, initials] of [
      ['Fortuneo', 'F'],
      ['BoursoBank', 'B'],
    ] as const) {
      const option = canvas.getByRole('option', { name });
      await waitFor(() => expect(avatarOf(option)).toBeInstanceOf(SVGSVGElement), { timeout: 5_000 });
      await expect(avatarOf(option)).toHaveTextContent(initials);
    }
    const widths = canvas.getAllByRole('option').map((option) => avatarOf(option)?.getBoundingClientRect().width);
    await expect(widths).toEqual([32, 32, 32, 32]);
  },
} satisfies Story;

/** A whole country with logos, scrolled: rows that come into view load theirs; missing and broken ones show initials. */
export const WithLogosScrolled: Story = {
  parameters: { logos: true },
  args: { defaultCountryCode: 'FR' },
  play: async ({ canvasElement }) => {
    const listbox = await loaded(canvasElement);
    listbox.scrollTop = 56 * 40;
    await waitFor(
      () => {
        const avatars = [...listbox.querySelectorAll('[role="option"] .ck-avatar')];
        const box = listbox.getBoundingClientRect();
        const inView = avatars.filter((avatar) => {
          const { top, bottom } = avatar.getBoundingClientRect();
          return top >= box.top && bottom <= box.bottom;
        });
        expect(inView.length).toBeGreaterThan(3);
        for (const avatar of inView) {
          if (avatar instanceof HTMLImageElement) expect(avatar.naturalWidth).toBe(64);
          else expect(avatar).toBeInstanceOf(SVGSVGElement);
        }
        expect(inView.some((avatar) => avatar instanceof HTMLImageElement)).toBe(true);
      },
      { timeout: 5_000 },
    );
  },
};

/** The picker's own `getLogoUrl={null}` turns the provider's logos off. */
export const LogosOff: Story = {
  parameters: { logos: true },
  args: { defaultCountryCode: 'FR', getLogoUrl: null },
  play: async ({ canvasElement }) => {
    const listbox = await loaded(canvasElement);
    await expect(listbox.querySelector('img')).toBeNull();
  },
};

export const DarkThemeWithLogos: Story = {
  decorators: [darkTheme],
  parameters: { logos: true },
  args: WithLogos.args,
  play: WithLogos.play,
};

/** A shipped language: its table from `@connector-kit/ui/locales`, given with the locale. */
const inLocale = (locale: string, messages: Messages, countryCode: string, listName: string): Story => ({
  args: { locale, messages, defaultCountryCode: countryCode },
  play: async ({ canvasElement }) => {
    await loaded(canvasElement, listName);
  },
});
export const InEnglish = inLocale('en', en, 'GB', 'Banks');
export const InFrench = inLocale('fr', fr, 'FR', 'Banques');
export const InGerman = inLocale('de', de, 'DE', 'Banken');
export const InSpanish = inLocale('es', es, 'ES', 'Bancos');
export const InItalian = inLocale('it', it, 'IT', 'Banche');
export const InDutch = inLocale('nl', nl, 'NL', 'Banken');
export const InPortuguese = inLocale('pt', pt, 'PT', 'Bancos');

export const RightToLeft: Story = {
  args: { dir: 'rtl', defaultCountryCode: 'FR', defaultQuery: 'banque' },
  play: waitForList,
};

export const DarkTheme: Story = {
  decorators: [darkTheme],
  args: { defaultCountryCode: 'FR', defaultQuery: 'credit', popular: 4 },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await loaded(canvasElement);
    await userEvent.click(canvas.getByRole('combobox', { name: 'Search for your bank' }));
    await userEvent.keyboard('{ArrowDown}{ArrowDown}');
  },
};

export const DarkThemeRestricted: Story = {
  decorators: [darkTheme],
  args: { defaultCountryCode: 'FR', defaultQuery: 'banque' },
  play: waitForList,
};

export const DarkThemeNoMatch: Story = {
  decorators: [darkTheme],
  args: { defaultCountryCode: 'DE', defaultQuery: 'societe generale', onNotFound: fn() },
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByText(/No bank matches/, {}, { timeout: 10_000 });
  },
};

export const DarkThemeError: Story = {
  decorators: [darkTheme],
  parameters: { emulator: { faults: [{ kind: 'status', status: 500, route: 'list' }] } },
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByRole('alert', {}, { timeout: 10_000 });
  },
};
