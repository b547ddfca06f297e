import type { Decorator } from '@storybook/react-vite';

/** A column as wide as a flow usually is in an app. */
export const narrow: Decorator = (Story) => (
  <div style={{ maxWidth: 520 }}>
    <Story />
  </div>
);

/** The same column in the dark theme, on the theme's own background. */
export const darkTheme: Decorator = (Story) => (
  <div data-ck-theme="dark" className="ck" style={{ maxWidth: 520, padding: 24, background: 'var(--ck-c-bg)' }}>
    <Story />
  </div>
);
