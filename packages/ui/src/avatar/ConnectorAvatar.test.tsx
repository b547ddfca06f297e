import { type Connector, createConnectorsClient } from '@connector-kit/core';
import { ConnectorsProvider, type GetLogoUrl } from '@connector-kit/react';
import { fireEvent, render, screen } from '@testing-library/react';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countAsHostileCase } from '../../../../test/reliability.ts';
import { ConnectorForm } from '../form/ConnectorForm.tsx';
import { ConnectorPickerView } from '../picker/ConnectorPicker.tsx';
import { createRecordingQueryClient, createTestClient } from '../test/emulator.ts';
import { failOnConsoleErrorsAndRejections, stubListboxSize } from '../test/guards.ts';
import { COLOR_MARKERS, expectInert, HOSTILE_COLORS, hostileConnector } from '../test/hostile.ts';
import { ConnectorAvatar } from './ConnectorAvatar.tsx';
import { contrastRatio, NEUTRAL_BACKGROUND, parseBrandColor, readableTextColor } from './color.ts';
import { initialsOf } from './initials.ts';

describe('parseBrandColor', () => {
  it.each([
    ['12b2ff', '#12b2ff'],
    ['#0077BE', '#0077be'],
    ['5c2963', '#5c2963'],
    ['abc', '#aabbcc'],
    [' 12b2ff ', '#12b2ff'],
  ])('accepts %j as %s', (input, expected) => {
    expect(parseBrandColor(input)).toBe(expected);
  });

  it.each([
    'red;background:url(https://evil.test/x)',
    'expression(alert(1))',
    '#12345g',
    '12b2ff;color:red',
    'url(x)',
    'red',
    '',
    '1234567',
    null,
    undefined,
    42,
  ])('refuses %j', (input) => {
    expect(parseBrandColor(input)).toBeNull();
  });
});

describe('readableTextColor', () => {
  it.each(['#12b2ff', '#0077be', '#5c2963', '#ffff00', '#000000', '#ffffff', '#777777', NEUTRAL_BACKGROUND])(
    'keeps the initials readable (at least 4.5:1) on %s',
    (background) => {
      expect(contrastRatio(background, readableTextColor(background))).toBeGreaterThanOrEqual(4.5);
    },
  );
});

describe('initialsOf', () => {
  it.each([
    ['Société Générale', 'SG'],
    ['Caisse d’Épargne Hauts de France', 'CÉ'],
    ['Banque de France', 'BF'],
    ['N26', 'N'],
    ['  ', '?'],
    ['👩‍💻 Bank', 'B'],
    ['💶', '?'],
    // A combining accent, a joiner or a Hangul syllable after the first letter: the grapheme stays whole.
    ['E\u0301pargne Locale', 'E\u0301L'],
    ['Ka\u0308se Bank', 'KB'],
    ['우리은행', '우'],
    ['Đông Á Bank', 'ĐÁ'],
  ])('%j → %j', (name, expected) => {
    expect(initialsOf(name)).toBe(expected);
  });

  it('starts with the first grapheme of a word, whatever its script', () => {
    const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 6 }), (word) => {
        fc.pre(/^[\p{L}\p{N}]/u.test(word) && !/[\s'’\-_.,/()]/u.test(word));
        const [first] = segmenter.segment(word);
        expect(initialsOf(word).normalize()).toBe((first?.segment ?? '').toLocaleUpperCase().normalize());
      }),
    );
  });
});

describe('ConnectorAvatar', () => {
  it('paints a valid brand color and hides itself from assistive technology', () => {
    const { container } = render(<ConnectorAvatar connector={{ name: 'Crédit Agricole', color: '0077be' }} />);
    const svg = container.querySelector('svg');
    expect(svg).toHaveAttribute('aria-hidden', 'true');
    expect(container.querySelector('rect[fill]')).toHaveAttribute('fill', '#0077be');
    expect(svg).toHaveTextContent('CA');
  });

  it('never lets a hostile color reach the markup', () => {
    const hostile = 'red;background:url(https://evil.test/x)';
    const { container } = render(<ConnectorAvatar connector={{ name: 'Evil', color: hostile }} />);
    expect(container.innerHTML).not.toContain('evil.test');
    expect(container.querySelector('rect[fill]')).toHaveAttribute('fill', NEUTRAL_BACKGROUND);
    expect(container.querySelector('[style]')).toBeNull();
  });
});

describe('ConnectorAvatar with a logo', () => {
  const bank = { uuid: '6f1d2c3b-4a59-4687-9a0b-1c2d3e4f5a6b', name: 'Crédit Agricole', color: '0077be' };
  const logoOf: GetLogoUrl = ({ uuid }) => `https://logos.example/2.0/logos/${uuid}-thumbnail.webp`;
  const client = createConnectorsClient({ baseUrl: 'https://emulator.test/2.0' });

  it('shows the provider’s logo: lazy, decoded off the main thread, as large as the avatar, decorative', () => {
    const { container } = render(
      <ConnectorsProvider client={client} getLogoUrl={logoOf}>
        <ConnectorAvatar connector={bank} size={40} className="mine" />
      </ConnectorsProvider>,
    );
    const image = container.querySelector('img');
    expect(image).toHaveAttribute('src', logoOf(bank));
    expect(image).toHaveAttribute('alt', '');
    expect(image).toHaveAttribute('loading', 'lazy');
    expect(image).toHaveAttribute('decoding', 'async');
    expect(image).toHaveAttribute('width', '40');
    expect(image).toHaveAttribute('height', '40');
    expect(image).toHaveClass('ck-avatar', 'mine');
    expect(screen.queryByRole('img')).toBeNull();
    expect(container.querySelector('svg')).toBeNull();
  });

  it('shows the initials without a resolver, without a uuid, for no address, and with getLogoUrl={null}', () => {
    const cases = [
      <ConnectorAvatar key="none" connector={bank} />,
      <ConnectorAvatar key="no uuid" connector={{ name: bank.name, color: bank.color }} getLogoUrl={logoOf} />,
      <ConnectorAvatar key="null" connector={bank} getLogoUrl={() => null} />,
      <ConnectorsProvider key="off" client={client} getLogoUrl={logoOf}>
        <ConnectorAvatar connector={bank} getLogoUrl={null} />
      </ConnectorsProvider>,
    ];
    for (const element of cases) {
      const { container, unmount } = render(element);
      expect(container.querySelector('img'), String(element.key)).toBeNull();
      expect(container.querySelector('svg')).toHaveTextContent('CA');
      unmount();
    }
  });

  it('never lets an address that is not http(s) or on this origin reach the markup', () => {
    for (const address of ['javascript:alert(1)', 'data:image/webp;base64,AAAA', '//evil.test/logo.webp']) {
      const { container, unmount } = render(<ConnectorAvatar connector={bank} getLogoUrl={() => address} />);
      expect(container.querySelector('img')).toBeNull();
      expect(container.innerHTML).not.toContain(address.slice(0, 12));
      unmount();
    }
  });

  it('falls back to the initials when the logo fails, and remembers it for the next avatar', () => {
    const failing: GetLogoUrl = ({ uuid }) => `https://logos.example/failing/${uuid}.webp`;
    const first = render(<ConnectorAvatar connector={bank} size={32} getLogoUrl={failing} />);
    const image = first.container.querySelector('img');
    if (!image) throw new Error('no logo');
    fireEvent.error(image);
    expect(first.container.querySelector('img')).toBeNull();
    expect(first.container.querySelector('svg')).toHaveAttribute('width', '32');
    expect(first.container.querySelector('svg')).toHaveAttribute('height', '32');
    // Another avatar of the same logo (a row scrolled back into view) does not try it again.
    const second = render(<ConnectorAvatar connector={bank} getLogoUrl={failing} />);
    expect(second.container.querySelector('img')).toBeNull();
    // Another connector's logo is still tried.
    const other = render(<ConnectorAvatar connector={{ ...bank, uuid: 'other' }} getLogoUrl={failing} />);
    expect(other.container.querySelector('img')).toHaveAttribute('src', 'https://logos.example/failing/other.webp');
  });
});

/** A connector in the picker's list, as the app shows it. */
function renderInPicker(connector: Connector) {
  const { queryClient } = createRecordingQueryClient();
  return render(
    <ConnectorsProvider client={createTestClient()} queryClient={queryClient}>
      <ConnectorPickerView connectors={[connector]} defaultCountryCode={null} />
    </ConnectorsProvider>,
  );
}

describe('ConnectorAvatar with hostile colors: one that is not a plain hex color never reaches the DOM', () => {
  failOnConsoleErrorsAndRejections();
  stubListboxSize();

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
      countAsHostileCase(`the color ${color}`);
      const connector = hostileConnector('Banque Colorée', 'colored', color);
      const avatar = render(<ConnectorAvatar connector={connector} />);
      expect(avatar.container.querySelector('rect[fill]')?.getAttribute('fill')).toBe('#5f6b7a');
      expectNoColor(avatar.container, color);

      const picker = renderInPicker(connector);
      await screen.findByRole('option', { name: 'Banque Colorée' });
      expectNoColor(picker.container, color);

      const form = render(<ConnectorForm connector={connector} onSubmit={() => {}} />);
      expectNoColor(form.container, color);
    });
  }
});
