import type { Connector } from '@connector-kit/core';
import { ConnectorsProvider } from '@connector-kit/react';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { ConnectorAvatar } from '../avatar/ConnectorAvatar.tsx';
import { ConnectorForm } from '../form/ConnectorForm.tsx';
import { ConnectorPicker, ConnectorPickerView } from '../picker/ConnectorPicker.tsx';
import {
  BASE_URL,
  createRecordingQueryClient,
  createTestClient,
  server,
  setupEmulatorServer,
} from '../test/emulator.ts';
import { failOnConsoleErrorsAndRejections, stubListboxSize } from '../test/guards.ts';
import { COLOR_MARKERS, HOSTILE_COLORS, HOSTILE_TEXT, hostileConnector } from '../test/hostile.ts';

/*
 * What a third party sends is data: names, labels, list values, country codes and institution messages show as the
 * exact text they are, create no element and no attribute that could run or load anything; a branding color that is
 * not a plain hex color never reaches the DOM.
 */

setupEmulatorServer();
failOnConsoleErrorsAndRejections();
stubListboxSize();

const plain = hostileConnector('Banque Ordinaire', 'plain-connector');

/** Attributes that load or run something. */
const ACTIVE_ATTRIBUTES = ['href', 'src', 'srcdoc', 'action', 'formaction', 'xlink:href', 'data', 'style'];

/** No element or attribute that could load or run anything came from the data, and nothing ran. */
function expectInert(container: HTMLElement) {
  const active = container.querySelectorAll('img, script, iframe, object, embed, base, link, meta, video, audio');
  expect([...active].map((element) => element.outerHTML.slice(0, 80))).toEqual([]);
  for (const element of container.querySelectorAll('*')) {
    for (const attribute of element.attributes) {
      expect(attribute.name.toLowerCase().startsWith('on'), `${attribute.name} on <${element.localName}>`).toBe(false);
      if (ACTIVE_ATTRIBUTES.includes(attribute.name)) {
        const value = attribute.value;
        const allowed =
          (attribute.name === 'href' && /^#[\w-]*$/.test(value)) ||
          (attribute.name === 'style' && !/url\(|expression|javascript|@import|behavior/i.test(value));
        expect(allowed, `${attribute.name}="${value.slice(0, 80)}" on <${element.localName}>`).toBe(true);
      }
    }
  }
  expect((window as { __pwned?: unknown }).__pwned).toBeUndefined();
}

function renderView(connectors: readonly Connector[], props: { defaultQuery?: string } = {}) {
  const client = createTestClient();
  const { queryClient } = createRecordingQueryClient();
  return render(
    <ConnectorsProvider client={client} queryClient={queryClient}>
      <ConnectorPickerView connectors={connectors} defaultCountry={null} {...props} />
    </ConnectorsProvider>,
  );
}

describe('hostile text is shown as text', () => {
  for (const { name, text } of HOSTILE_TEXT) {
    describe(name, () => {
      it('in a connector name in the picker list', async () => {
        const { container } = renderView([hostileConnector(text), plain]);
        await screen.findByRole('listbox');
        const names = [...container.querySelectorAll('.ck-list__name')].map((element) => element.textContent);
        expect(names).toContain(text);
        expectInert(container);
      });

      it('in a country code of the data', async () => {
        const connector = {
          ...hostileConnector('Banque Ordinaire', 'odd-country'),
          countries: [{ id: text, name: '' }],
        };
        const user = userEvent.setup();
        const { container } = renderView([connector, plain]);
        await user.click(screen.getByRole('combobox', { name: 'Country' }));
        expect((await screen.findAllByRole('option')).length).toBeGreaterThan(2);
        expectInert(container);
        expectInert(document.body);
        await user.keyboard('{Escape}');
      });

      it('in a search that finds nothing (echoed back)', async () => {
        const { container } = renderView([plain], { defaultQuery: `zz ${text}` });
        const message = await screen.findByText((_, element) => element?.className === 'ck-picker__message-title');
        expect(message.textContent).toBe(`No bank matches “zz ${text.trim()}”.`);
        expectInert(container);
      });

      it('in the title, field labels and list values of the form', async () => {
        const user = userEvent.setup();
        const { container } = render(<ConnectorForm connector={hostileConnector(text)} onSubmit={() => {}} />);
        expect(screen.getByRole('heading', { level: 2 }).textContent).toBe(`Connect ${text}`);
        const labels = [...container.querySelectorAll('.ck-form__label')].map((label) => label.textContent ?? '');
        expect(labels.filter((label) => label.startsWith(text))).toHaveLength(5);
        const radios = within(screen.getByRole('radiogroup')).getAllByRole('radio');
        expect(radios.map((radio) => radio.closest('label')?.textContent)).toEqual([text, `${text} 1`]);
        expectInert(container);

        // The select of five values, opened.
        const select = screen.getAllByRole('combobox').at(-1) as HTMLElement;
        await user.click(select);
        const options = await screen.findAllByRole('option');
        expect(options.map((option) => option.textContent)).toEqual([
          text,
          `${text} 1`,
          `${text} 2`,
          `${text} 3`,
          `${text} 4`,
        ]);
        await user.click(options[0] as HTMLElement);
        expect(select.textContent).toContain(text);
        expectInert(document.body);
      });

      it('in an institution message of an error answer', async () => {
        server.use(
          http.get(`${BASE_URL}/connectors`, () =>
            HttpResponse.json(
              { code: 'websiteUnavailable', description: text, message: text, request_id: 7 },
              { status: 400 },
            ),
          ),
        );
        const client = createTestClient();
        const { queryClient } = createRecordingQueryClient();
        const { container } = render(
          <ConnectorsProvider client={client} queryClient={queryClient}>
            <ConnectorPicker />
          </ConnectorsProvider>,
        );
        const alert = await screen.findByRole('alert');
        expect(alert.querySelector('.ck-error__institution')?.textContent).toBe(text);
        expect(alert).toHaveTextContent('The request was refused by the server.');
        expectInert(container);
      });
    });
  }
});

it('a country code of the data that reads like "every country" does not shadow that option', async () => {
  const user = userEvent.setup();
  const star = { ...hostileConnector('Banque Étoile', 'star'), countries: [{ id: '*', name: 'Everywhere' }] };
  renderView([star, plain]);
  const country = screen.getByRole('combobox', { name: 'Country' });
  await user.click(country);
  const options = await screen.findAllByRole('option');
  expect(options.map((option) => option.getAttribute('aria-label'))).toEqual([
    'All countries, 2 banks',
    'France, 1 bank',
  ]);
  await user.click(options[1] as HTMLElement);
  expect(country.textContent).toBe('France');
  await user.click(country);
  await user.click(await screen.findByRole('option', { name: 'All countries, 2 banks' }));
  expect(country.textContent).toBe('All countries');
});

describe('a branding color that is not a plain hex color never reaches the DOM', () => {
  const expectNoColor = (container: HTMLElement, color: string) => {
    const html = container.innerHTML.toLowerCase();
    for (const marker of COLOR_MARKERS) {
      if (color.toLowerCase().includes(marker)) expect(html).not.toContain(marker);
    }
    if (color.length > 100) expect(html).not.toContain(color.slice(0, 100));
    for (const element of container.querySelectorAll('[fill]')) {
      expect(element.getAttribute('fill')).toMatch(/^(#[0-9a-f]{6}|none|currentColor)$/);
    }
    for (const element of container.querySelectorAll('[style]')) {
      expect(element.getAttribute('style')).not.toMatch(/color|background|url|expression/i);
    }
    expectInert(container);
  };

  for (const color of HOSTILE_COLORS) {
    it(JSON.stringify(color.length > 40 ? `${color.slice(0, 20)}… (${color.length} characters)` : color), async () => {
      const connector = hostileConnector('Banque Colorée', 'colored', color);
      const avatar = render(<ConnectorAvatar connector={connector} />);
      expect(avatar.container.querySelector('rect[fill]')?.getAttribute('fill')).toBe('#5f6b7a');
      expectNoColor(avatar.container, color);

      const picker = renderView([connector]);
      await screen.findByRole('option', { name: 'Banque Colorée' });
      expectNoColor(picker.container, color);

      const form = render(<ConnectorForm connector={connector} onSubmit={() => {}} />);
      expectNoColor(form.container, color);
    });
  }
});
