/// <reference types="vite/client" />
import '../styles/base.css';
import type { Connector } from '@connector-kit/core';
import { demoConnectors } from '@connector-kit/mock-api';
import type { Decorator, Meta, StoryObj } from '@storybook/react-vite';
import { expect, waitFor } from 'storybook/test';
import { ConnectorAvatar, type ConnectorAvatarProps } from './ConnectorAvatar.tsx';

/*
 * The avatar beside the bank's name, as every component shows it. With `parameters.logos`, the provider's
 * `getLogoUrl` points at the emulator (see .storybook/preview.tsx), which serves a logo for most connectors, none
 * (404) for some and an undecodable one for others: the initials stand in for the last two.
 */

const byName = (name: string) => demoConnectors.find((connector) => connector.name === name) as Connector;
// The emulator's logos for these (see `connectorLogoKind`): a WebP, a 404, a body that does not decode.
const withLogo = byName('Société Générale');
const missing = byName('Fortuneo');
const broken = byName('BoursoBank');

const beside: Decorator<ConnectorAvatarProps> = (Story, { args }) => (
  <div className="ck" style={{ display: 'flex', alignItems: 'center', gap: 12 }}>
    <Story />
    <span>{args.connector.name}</span>
  </div>
);

const meta = {
  title: 'ui/ConnectorAvatar',
  component: ConnectorAvatar,
  decorators: [beside],
  args: { connector: withLogo, size: 48 },
} satisfies Meta<typeof ConnectorAvatar>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The avatar of the story, logo or initials. */
function avatarIn(canvasElement: HTMLElement): Element {
  const avatar = canvasElement.querySelector('.ck-avatar');
  if (!avatar) throw new Error('no avatar');
  return avatar;
}

/** The logo, once the browser has decoded it. */
async function expectLogo(canvasElement: HTMLElement, size: number) {
  await waitFor(
    () => {
      const image = avatarIn(canvasElement);
      expect(image).toBeInstanceOf(HTMLImageElement);
      expect((image as HTMLImageElement).naturalWidth).toBe(64);
    },
    { timeout: 5_000 },
  );
  const box = avatarIn(canvasElement).getBoundingClientRect();
  await expect([box.width, box.height]).toEqual([size, size]);
}

/** The initials, in the box the logo would have taken. */
async function expectInitials(canvasElement: HTMLElement, initials: string, size: number) {
  await waitFor(() => expect(avatarIn(canvasElement)).toBeInstanceOf(SVGSVGElement), { timeout: 5_000 });
  const avatar = avatarIn(canvasElement);
  await expect(avatar).toHaveTextContent(initials);
  await expect(avatar).toHaveAttribute('aria-hidden', 'true');
  const box = avatar.getBoundingClientRect();
  await expect([box.width, box.height]).toEqual([size, size]);
}

/** No `getLogoUrl`: the initials on the bank's color. */
export const Initials: Story = {
  play: ({ canvasElement }) => expectInitials(canvasElement, 'SG', 48),
};

/** The logo the emulator serves at `/2.0/logos/<uuid>-thumbnail.webp`. */
export const Logo: Story = {
  parameters: { logos: true },
  play: ({ canvasElement }) => expectLogo(canvasElement, 48),
};

/** The logo address answers 404: the initials. */
export const MissingLogo: Story = {
  parameters: { logos: true },
  args: { connector: missing },
  play: ({ canvasElement }) => expectInitials(canvasElement, 'F', 48),
};

/** The logo address answers an image that does not decode: the initials. */
export const BrokenLogo: Story = {
  parameters: { logos: true },
  args: { connector: broken },
  play: ({ canvasElement }) => expectInitials(canvasElement, 'B', 48),
};

/** `getLogoUrl={null}` turns the provider's logos off for one avatar. */
export const LogosOff: Story = {
  parameters: { logos: true },
  args: { getLogoUrl: null },
  play: ({ canvasElement }) => expectInitials(canvasElement, 'SG', 48),
};

/** Every size the components use, logo and initials side by side: the same box either way. */
export const Sizes: Story = {
  parameters: { logos: true },
  render: (args) => (
    <div className="ck" style={{ display: 'grid', gridTemplateColumns: 'repeat(5, max-content)', gap: 12 }}>
      {[28, 32, 36, 40, 48].map((size) => (
        <ConnectorAvatar key={`logo-${size}`} {...args} size={size} />
      ))}
      {[28, 32, 36, 40, 48].map((size) => (
        <ConnectorAvatar key={`initials-${size}`} {...args} size={size} getLogoUrl={null} />
      ))}
    </div>
  ),
  play: async ({ canvasElement }) => {
    const avatars = () => [...canvasElement.querySelectorAll('.ck-avatar')];
    await waitFor(
      () => {
        for (const image of avatars().slice(0, 5)) {
          expect((image as HTMLImageElement).naturalWidth).toBe(64);
        }
      },
      { timeout: 5_000 },
    );
    const sizes = avatars().map((avatar) => Math.round(avatar.getBoundingClientRect().width));
    await expect(sizes).toEqual([28, 32, 36, 40, 48, 28, 32, 36, 40, 48]);
  },
};
