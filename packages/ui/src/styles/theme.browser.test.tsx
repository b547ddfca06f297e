import '../styles.css';
import { afterEach, describe, expect, it } from 'vitest';
import { render } from 'vitest-browser-react';
import { ConnectorForm } from '../form/ConnectorForm.tsx';
import { everyFieldConnector } from '../form/test-connectors.ts';

/*
 * The theme in Chromium: which palette the form gets, and whether its native controls (the date input) follow,
 * for each place `data-ck-theme` can be and for a page that is dark itself.
 */

const LIGHT_BG = 'rgb(255, 255, 255)';
const DARK_BG = 'rgb(21, 24, 28)';

afterEach(() => {
  document.documentElement.style.colorScheme = '';
});

type Wrapper = { 'data-ck-theme'?: 'dark' | 'auto'; bg?: string };

async function renderForm({ bg, ...wrapper }: Wrapper = {}) {
  const style = bg ? ({ '--ck-color-bg': bg } as React.CSSProperties) : undefined;
  const screen = await render(
    <div {...wrapper} style={style}>
      <ConnectorForm connector={everyFieldConnector} onSubmit={() => {}} />
    </div>,
  );
  const form = screen.container.querySelector<HTMLElement>('.ck-form');
  if (!form) throw new Error('no form rendered');
  const computed = getComputedStyle(form);
  const dateInput = form.querySelector<HTMLInputElement>('input[type="date"]');
  return {
    background: computed.backgroundColor,
    colorScheme: computed.colorScheme,
    dateScheme: dateInput ? getComputedStyle(dateInput).colorScheme : 'no date input',
  };
}

describe('the theme', () => {
  it('is light by default, even on a page whose own color scheme is dark', async () => {
    document.documentElement.style.colorScheme = 'dark';
    const theme = await renderForm();
    expect(theme).toEqual({ background: LIGHT_BG, colorScheme: 'light', dateScheme: 'light' });
  });

  it('is dark, native controls included, under data-ck-theme="dark"', async () => {
    const theme = await renderForm({ 'data-ck-theme': 'dark' });
    expect(theme).toEqual({ background: DARK_BG, colorScheme: 'dark', dateScheme: 'dark' });
  });

  it('follows the system under data-ck-theme="auto"', async () => {
    const theme = await renderForm({ 'data-ck-theme': 'auto' });
    const systemIsDark = matchMedia('(prefers-color-scheme: dark)').matches;
    expect(theme.colorScheme).toBe('light dark');
    expect(theme.background).toBe(systemIsDark ? DARK_BG : LIGHT_BG);
  });

  it('takes one overridden color for both themes, and a light-dark() pair for each', async () => {
    const single = await renderForm({ 'data-ck-theme': 'dark', bg: 'rgb(1, 2, 3)' });
    expect(single.background).toBe('rgb(1, 2, 3)');
    const pair = 'light-dark(rgb(1, 2, 3), rgb(4, 5, 6))';
    expect((await renderForm({ bg: pair })).background).toBe('rgb(1, 2, 3)');
    expect((await renderForm({ 'data-ck-theme': 'dark', bg: pair })).background).toBe('rgb(4, 5, 6)');
  });
});
