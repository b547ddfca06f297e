/// <reference types="vite/client" />
import '../styles/base.css';
import '../styles/picker.css';
import { type Connector, createConnectorsClient } from '@connector-kit/core';
import { demoConnectors, generateConnectors } from '@connector-kit/mock-api';
import { ConnectorsProvider, connectorsQueryOptions } from '@connector-kit/react';
import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { render } from 'vitest-browser-react';
import { countAsHostileCase } from '../../../../test/reliability.ts';
import { HOSTILE_COLORS, HOSTILE_TEXT, hostileConnector, LONG } from '../test/hostile.ts';
import { expectWithin, failOnInjectedContent, HostileFrame, WIDTH } from '../test/hostile-browser.tsx';
import { ConnectorPicker, ConnectorPickerView } from './ConnectorPicker.tsx';

/*
 * The keyboard flow in real Chromium, on real layout (the virtualized list measures its scroll box). Data is given to
 * the picker directly or through a pre-filled query cache: no network.
 */

const byName = (name: string) => demoConnectors.find((connector) => connector.name === name) as Connector;
const search = () => page.getByRole('combobox', { name: 'Search for your bank' });
const countrySelect = () => page.getByRole('combobox', { name: 'Country' });
const listbox = () => page.getByRole('listbox', { name: 'Banks' });

function activeOptionName(): string | null {
  const input = search().element();
  const id = input.getAttribute('aria-activedescendant');
  const option = id ? document.getElementById(id) : null;
  return option?.querySelector('.ck-list__name')?.textContent ?? null;
}

function Frame({ children }: { children: React.ReactNode }) {
  return <div style={{ width: 480, padding: 16 }}>{children}</div>;
}

describe('ConnectorPicker in Chromium', () => {
  it('chooses a country, finds a bank typed without accents, arrows to it and picks it with Enter', async () => {
    const onValueChange = vi.fn();
    await render(
      <Frame>
        <ConnectorPickerView connectors={demoConnectors} defaultCountryCode={null} onValueChange={onValueChange} />
      </Frame>,
    );
    await expect.element(countrySelect()).toMatchTextContent('All countries');

    await userEvent.click(countrySelect());
    await userEvent.click(page.getByRole('option', { name: 'Germany, 39 banks' }));
    await expect.element(countrySelect()).toMatchTextContent('Germany');

    await userEvent.click(search());
    await userEvent.keyboard('sparkasse koln');
    await expect.element(page.getByRole('option', { name: 'Sparkasse KölnBonn' })).toBeVisible();
    await expect.element(page.getByRole('option', { name: 'Société Générale' })).not.toBeInTheDocument();

    await userEvent.keyboard('{ArrowDown}');
    expect(activeOptionName()).toBe('Sparkasse KölnBonn');
    await userEvent.keyboard('{Enter}');
    expect(onValueChange).toHaveBeenCalledWith(byName('Sparkasse KölnBonn').uuid);
    await expect
      .element(page.getByRole('option', { name: 'Sparkasse KölnBonn' }))
      .toHaveAttribute('aria-selected', 'true');
    await expect.element(search()).toHaveFocus();
  });

  it('finds "Société Générale" from "societe generale" in France, and Escape clears the query', async () => {
    const onValueChange = vi.fn();
    await render(
      <Frame>
        <ConnectorPickerView connectors={demoConnectors} defaultCountryCode="FR" onValueChange={onValueChange} />
      </Frame>,
    );
    await userEvent.fill(search(), 'societe generale');
    await expect.element(page.getByRole('option', { name: 'Société Générale' })).toBeVisible();
    await expect
      .element(page.getByRole('option', { name: 'Société Générale' }).getByText('Société Générale', { exact: false }))
      .toBeVisible();
    await userEvent.keyboard('{ArrowDown}{Enter}');
    expect(onValueChange).toHaveBeenCalledWith(byName('Société Générale').uuid);

    await userEvent.keyboard('{Escape}');
    await expect.element(search()).toHaveValue('');
    await expect.element(countrySelect()).toMatchTextContent('France');
    await userEvent.keyboard('{ArrowDown}');
    expect(activeOptionName()).not.toBeNull();
    await userEvent.keyboard('{Escape}');
    expect(activeOptionName()).toBeNull();
  });

  it('comes back from "no match" to a list that renders and scrolls', async () => {
    await render(
      <Frame>
        <ConnectorPickerView connectors={demoConnectors} defaultCountryCode="FR" onNotFound={() => {}} />
      </Frame>,
    );
    await userEvent.fill(search(), 'zzyzx');
    await expect.element(page.getByText('No bank matches “zzyzx”.')).toBeVisible();
    await expect.element(page.getByRole('button', { name: 'My bank is not listed' })).toBeVisible();
    await expect.element(search()).toHaveAttribute('aria-expanded', 'false');
    await userEvent.fill(search(), 'credit');
    await expect.element(listbox()).toBeVisible();
    await expect.element(search()).toHaveAttribute('aria-expanded', 'true');
    await userEvent.keyboard('{PageDown}{PageDown}');
    const id = search().element().getAttribute('aria-activedescendant') ?? '';
    await vi.waitFor(() => {
      const option = document.getElementById(id) as HTMLElement;
      const box = (listbox().element() as HTMLElement).getBoundingClientRect();
      expect(option.getBoundingClientRect().bottom).toBeLessThanOrEqual(box.bottom + 1);
    });
  });

  it('does not let a restricted bank be picked, by keyboard or pointer', async () => {
    const onValueChange = vi.fn();
    await render(
      <Frame>
        <ConnectorPickerView connectors={demoConnectors} defaultCountryCode="FR" onValueChange={onValueChange} />
      </Frame>,
    );
    await userEvent.fill(search(), 'banque kolb');
    const option = page.getByRole('option', { name: 'Banque Kolb' });
    await expect.element(option).toHaveAttribute('aria-disabled', 'true');
    await expect.element(option).toHaveAccessibleDescription(/not possible at the moment/);
    await expect.element(option.getByText(/not possible at the moment/)).toBeVisible();
    await userEvent.keyboard('{ArrowDown}');
    expect(activeOptionName()).toBe('Banque Kolb');
    await userEvent.keyboard('{Enter}');
    // A real click, although the option says it is disabled (Playwright would otherwise wait for it to be enabled).
    await userEvent.click(option, { force: true });
    expect(onValueChange).not.toHaveBeenCalled();
    await expect.element(option).toHaveAttribute('aria-selected', 'false');
  });

  it('renders fewer than 100 options out of 20,000 and scrolls to the end', async () => {
    const connectors = generateConnectors(20_000, 1);
    const last = connectors.filter((connector) => connector.hidden !== true).length - 1;
    await render(
      <Frame>
        <ConnectorPickerView connectors={connectors} defaultCountryCode={null} />
      </Frame>,
    );
    await expect.element(listbox()).toBeVisible();
    const element = listbox().element() as HTMLElement;
    const options = () => [...element.querySelectorAll<HTMLElement>('[role="option"]')];
    const highestIndex = () => Math.max(...options().map((option) => Number(option.dataset.index)));
    expect(options().length).toBeGreaterThan(5);
    expect(options().length).toBeLessThan(100);

    // The first 100 options are painted first; all of them follow at once.
    await vi.waitFor(() => expect(element.scrollHeight).toBeGreaterThan(56 * (last - 1)));

    // The end, by scrolling.
    element.scrollTop = element.scrollHeight;
    await vi.waitFor(() => expect(highestIndex()).toBe(last));
    expect(options().length).toBeLessThan(100);

    // The start and the end again, by keyboard (the query is empty: Home and End move in the list).
    await userEvent.click(search());
    await userEvent.keyboard('{Home}');
    await vi.waitFor(() => expect(element.scrollTop).toBe(0));
    await userEvent.keyboard('{End}');
    await vi.waitFor(() => {
      const id = search().element().getAttribute('aria-activedescendant') ?? '';
      const option = document.getElementById(id);
      expect(option?.dataset.index).toBe(String(last));
      const box = element.getBoundingClientRect();
      const row = (option as HTMLElement).getBoundingClientRect();
      expect(row.top).toBeGreaterThanOrEqual(box.top - 1);
      expect(row.bottom).toBeLessThanOrEqual(box.bottom + 1);
    });
    expect(options().length).toBeLessThan(100);

    // Typing still narrows 20,000 connectors.
    await userEvent.keyboard('societe');
    await vi.waitFor(() => expect(element.querySelectorAll('mark').length).toBeGreaterThan(0));
    expect(options().length).toBeLessThan(100);
  });

  it('reads the connectors from a pre-filled cache under the key the picker asks for, without fetching', async () => {
    const client = createConnectorsClient({ baseUrl: 'http://127.0.0.1:9/2.0' });
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    queryClient.setQueryData(connectorsQueryOptions(client, { expand: ['countries'] }).queryKey, {
      connectors: demoConnectors.map((connector) => ({ ...connector })),
      total: demoConnectors.length,
    });
    const onSelect = vi.fn();
    await render(
      <ConnectorsProvider client={client} queryClient={queryClient}>
        <Frame>
          <ConnectorPicker defaultCountryCode="BE" onSelect={onSelect} />
        </Frame>
      </ConnectorsProvider>,
    );
    await expect.element(countrySelect()).toMatchTextContent('Belgium');
    await userEvent.fill(search(), 'bnp');
    await userEvent.keyboard('{ArrowDown}{Enter}');
    expect(onSelect).toHaveBeenCalledWith(expect.objectContaining({ name: expect.stringContaining('BNP') }));
    expect(fetchSpy).not.toHaveBeenCalled();
    fetchSpy.mockRestore();
  });
});

/*
 * Hostile data in real Chromium, with the real stylesheet: nothing it carries runs, rows keep their height, and
 * nothing spills out of the picker's box.
 */
describe('ConnectorPicker with hostile data in Chromium', () => {
  failOnInjectedContent();
  const connectors: Connector[] = HOSTILE_TEXT.map(({ text }, i) => hostileConnector(text, `hostile-${i}`));

  it(`shows ${HOSTILE_TEXT.length} hostile connector names in rows of a fixed height, inside the picker`, async () => {
    countAsHostileCase(...HOSTILE_TEXT.map(({ name }) => name));
    await render(
      <HostileFrame>
        <ConnectorPickerView connectors={connectors} defaultCountryCode={null} />
      </HostileFrame>,
    );
    const listbox = page.getByRole('listbox', { name: 'Banks' });
    await expect.element(listbox).toBeVisible();
    const options = [...listbox.element().querySelectorAll<HTMLElement>('[role="option"]')];
    expect(options).toHaveLength(HOSTILE_TEXT.length);
    for (const option of options) {
      expect(option.getBoundingClientRect().height).toBe(56);
      const name = option.querySelector('.ck-list__name') as HTMLElement;
      expect(name.getBoundingClientRect().height).toBeLessThan(40);
    }
    const names = options.map((option) => option.querySelector('.ck-list__name')?.textContent);
    expect(names.sort()).toEqual(HOSTILE_TEXT.map(({ text }) => text).sort());
    expectWithin(document.querySelector('.ck-picker') as Element);
    expect((document.querySelector('.ck-picker') as Element).getBoundingClientRect().width).toBeLessThanOrEqual(WIDTH);
  });

  it('echoes a 10,000-character query inside the picker', async () => {
    countAsHostileCase('a 10,000-character query');
    await render(
      <HostileFrame>
        <ConnectorPickerView connectors={connectors} defaultCountryCode={null} onNotFound={() => {}} />
      </HostileFrame>,
    );
    await userEvent.fill(page.getByRole('combobox', { name: 'Search for your bank' }), `zz${'Q'.repeat(LONG)}`);
    await expect.element(page.getByText(/^No bank matches/)).toBeVisible();
    expectWithin(document.querySelector('.ck-picker') as Element);
  });

  for (const { name, text } of HOSTILE_TEXT) {
    it(`shows ${name} as an institution message inside the picker`, async () => {
      countAsHostileCase(name);
      const client = createConnectorsClient({
        baseUrl: 'https://emulator.test/2.0',
        fetch: async () => Response.json({ code: 'websiteUnavailable', message: text, request_id: 9 }, { status: 503 }),
      });
      const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
      await render(
        <ConnectorsProvider client={client} queryClient={queryClient}>
          <HostileFrame>
            <ConnectorPicker />
          </HostileFrame>
        </ConnectorsProvider>,
      );
      await expect.element(page.getByRole('alert')).toBeVisible();
      expect(document.querySelector('.ck-error__institution')?.textContent).toBe(text);
      expectWithin(document.querySelector('.ck-picker') as Element);
    });
  }

  it('never reach a computed style', async () => {
    countAsHostileCase(...HOSTILE_COLORS.map((color) => `the color ${color}`));
    const connectors = HOSTILE_COLORS.map((color, i) => hostileConnector(`Banque ${i}`, `color-${i}`, color));
    await render(
      <HostileFrame>
        <ConnectorPickerView connectors={connectors} defaultCountryCode={null} />
      </HostileFrame>,
    );
    await expect.element(page.getByRole('listbox', { name: 'Banks' })).toBeVisible();
    const rects = [...document.querySelectorAll('.ck-avatar rect[fill]')];
    expect(rects).toHaveLength(HOSTILE_COLORS.length);
    for (const rect of rects) {
      expect(rect.getAttribute('fill')).toBe('#5f6b7a');
      expect(getComputedStyle(rect).fill).toBe('rgb(95, 107, 122)');
    }
    for (const option of document.querySelectorAll<HTMLElement>('[role="option"]')) {
      const style = getComputedStyle(option);
      expect(style.backgroundImage).toBe('none');
      expect(style.color).not.toBe('rgb(255, 0, 0)');
    }
  });
});
