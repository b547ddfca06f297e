import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
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
  ])('%j → %j', (name, expected) => {
    expect(initialsOf(name)).toBe(expected);
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
