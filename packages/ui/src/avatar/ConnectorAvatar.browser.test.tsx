/// <reference types="vite/client" />
import '../styles/base.css';
import '../styles/picker.css';
import { type Connector, createConnectorsClient } from '@connector-kit/core';
import { createEmulator, demoConnectors } from '@connector-kit/mock-api';
import { ConnectorsProvider, type GetLogoUrl } from '@connector-kit/react';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { render } from 'vitest-browser-react';
import { ConnectorPickerView } from '../picker/ConnectorPicker.tsx';
import { connectorWithLogo, logoUrlOf, serveLogos } from '../test/logos.ts';
import { ConnectorAvatar } from './ConnectorAvatar.tsx';

/*
 * Logos in real Chromium: the images come from the emulator (its WebP, its 404, its undecodable body), answered
 * through the DevTools protocol, so the browser's own loading, decoding and error events decide what shows.
 */

const emulator = createEmulator({ connectors: demoConnectors });
let served: Awaited<ReturnType<typeof serveLogos>>;
beforeEach(async () => {
  served = await serveLogos(emulator);
});
afterEach(async () => {
  await served.stop();
});

const withLogo = connectorWithLogo(demoConnectors, 'image');
const missing = connectorWithLogo(demoConnectors, 'missing');
const broken = connectorWithLogo(demoConnectors, 'broken');
const client = createConnectorsClient({ baseUrl: 'http://127.0.0.1:9/2.0' });

function WithLogos({ getLogoUrl = logoUrlOf, children }: { getLogoUrl?: GetLogoUrl; children: ReactNode }) {
  return (
    <ConnectorsProvider client={client} getLogoUrl={getLogoUrl}>
      <div style={{ width: 480, padding: 16 }}>{children}</div>
    </ConnectorsProvider>
  );
}

/** The option of a bank, by its accessible name, and the box of its avatar. */
const option = (connector: Connector) => page.getByRole('option', { name: connector.name });
function avatarOf(connector: Connector): HTMLElement | SVGElement {
  const avatar = option(connector).element().querySelector<HTMLElement | SVGElement>('.ck-avatar');
  if (!avatar) throw new Error(`${connector.name} has no avatar`);
  return avatar;
}
const boxOf = (element: Element) => {
  const { x, y, width, height } = element.getBoundingClientRect();
  return { x, y, width, height };
};

/** The avatar's logo once the browser has decoded it. */
async function loadedLogo(connector: Connector): Promise<HTMLImageElement> {
  let image: HTMLImageElement | null = null;
  await vi.waitFor(() => {
    const avatar = avatarOf(connector);
    expect(avatar).toBeInstanceOf(HTMLImageElement);
    image = avatar as HTMLImageElement;
    expect(image.complete && image.naturalWidth).toBe(64);
  });
  return image as unknown as HTMLImageElement;
}

describe('ConnectorAvatar with logos, in Chromium', () => {
  it('shows the logo of a bank that has one, at the avatar’s size, decorative like the initials', async () => {
    await render(
      <WithLogos>
        <ConnectorPickerView connectors={demoConnectors} defaultCountryCode={null} defaultQuery={withLogo.name} />
      </WithLogos>,
    );
    await expect.element(option(withLogo)).toBeVisible();
    const logo = await loadedLogo(withLogo);
    expect(logo.getAttribute('src')).toBe(logoUrlOf(withLogo));
    expect(logo).toHaveAttribute('alt', '');
    expect(logo).toHaveAttribute('loading', 'lazy');
    expect(logo).toHaveAttribute('decoding', 'async');
    expect(boxOf(logo)).toMatchObject({ width: 32, height: 32 });
    // The logo adds nothing to what assistive technology reads: the option is still just the bank's name.
    await expect.element(option(withLogo)).toHaveAccessibleName(withLogo.name);
    await expect.element(page.getByRole('img')).not.toBeInTheDocument();
    expect(served.requested).toContain(logoUrlOf(withLogo));
  });

  it('shows the initials in the same box when the logo is missing or does not decode, and keeps them', async () => {
    await render(
      <WithLogos>
        <ConnectorPickerView connectors={[withLogo, missing, broken]} defaultCountryCode={null} />
      </WithLogos>,
    );
    await loadedLogo(withLogo);
    const logoBox = boxOf(avatarOf(withLogo));
    for (const connector of [missing, broken]) {
      await vi.waitFor(() => expect(avatarOf(connector)).toBeInstanceOf(SVGSVGElement));
      const avatar = avatarOf(connector);
      expect(avatar).toHaveAttribute('aria-hidden', 'true');
      expect(avatar.textContent).toBe(avatar.getAttribute('data-initials'));
      expect(boxOf(avatar)).toMatchObject({ x: logoBox.x, width: logoBox.width, height: logoBox.height });
    }

    // The broken bank moves to the first row, where a logo was: its initials show at once, with no image tried
    // again in between (which would flash an empty tile).
    const tried: string[] = [];
    const observer = new MutationObserver((records) => {
      for (const node of records.flatMap((record) => [...record.addedNodes])) {
        const images = node instanceof Element ? [node, ...node.querySelectorAll('img')] : [];
        for (const image of images) if (image instanceof HTMLImageElement) tried.push(image.src);
      }
    });
    observer.observe(document.body, { childList: true, subtree: true });
    await userEvent.fill(page.getByRole('combobox', { name: 'Search for your bank' }), broken.name);
    await expect.element(option(withLogo)).not.toBeInTheDocument();
    await expect.element(option(broken)).toBeVisible();
    observer.disconnect();
    expect(avatarOf(broken)).toBeInstanceOf(SVGSVGElement);
    expect(tried).not.toContain(logoUrlOf(broken));
  });

  it('does not move the row when the initials replace a logo that fails', async () => {
    // A slow 404, of a logo not asked for yet: the image box is laid out (and measured) before the answer comes.
    const missing = connectorWithLogo(demoConnectors, 'missing', 1);
    emulator.setFaults([{ kind: 'latency', route: 'logo', ms: 400 }]);
    try {
      await render(
        <WithLogos>
          <ConnectorPickerView connectors={[missing, withLogo]} defaultCountryCode={null} />
        </WithLogos>,
      );
      await expect.element(option(missing)).toBeVisible();
      const pending = avatarOf(missing);
      expect(pending).toBeInstanceOf(HTMLImageElement);
      const before = { avatar: boxOf(pending), name: boxOf(option(missing).getByText(missing.name).element()) };
      await vi.waitFor(() => expect(avatarOf(missing)).toBeInstanceOf(SVGSVGElement), { timeout: 3_000 });
      const after = {
        avatar: boxOf(avatarOf(missing)),
        name: boxOf(option(missing).getByText(missing.name).element()),
      };
      expect(after).toEqual(before);
    } finally {
      emulator.setFaults([]);
    }
  });

  it('shows the initials when the resolver gives no address, or one that is not http(s) nor on this origin', async () => {
    const [first, second, third] = demoConnectors.filter((connector) => connector.hidden !== true);
    if (!first || !second || !third) throw new Error('the demo dataset needs three visible connectors');
    const addresses = new Map<string, string | null>([
      [first.uuid, null],
      [second.uuid, 'javascript:alert(1)'],
      [third.uuid, '//evil.example/logo.webp'],
    ]);
    await render(
      <WithLogos getLogoUrl={(connector) => addresses.get(connector.uuid)}>
        <ConnectorPickerView connectors={[first, second, third]} defaultCountryCode={null} />
      </WithLogos>,
    );
    for (const connector of [first, second, third]) {
      await expect.element(option(connector)).toBeVisible();
      expect(avatarOf(connector)).toBeInstanceOf(SVGSVGElement);
    }
    expect(document.querySelector('img')).toBeNull();
  });

  it('takes the picker’s getLogoUrl over the provider’s, and null turns logos off', async () => {
    const picker = await render(
      <WithLogos getLogoUrl={() => null}>
        <ConnectorPickerView connectors={[withLogo]} defaultCountryCode={null} getLogoUrl={logoUrlOf} />
      </WithLogos>,
    );
    await loadedLogo(withLogo);
    await picker.rerender(
      <WithLogos>
        <ConnectorPickerView connectors={[withLogo]} defaultCountryCode={null} getLogoUrl={null} />
      </WithLogos>,
    );
    await vi.waitFor(() => expect(avatarOf(withLogo)).toBeInstanceOf(SVGSVGElement));
  });

  it('keeps a logo lazy: an avatar out of view is not fetched until it scrolls near', async () => {
    // A logo no other test asked for, so that the browser's cache does not answer for the emulator.
    const withLogo = connectorWithLogo(demoConnectors, 'image', 5);
    await render(
      <WithLogos>
        <div style={{ height: 2400 }} />
        <ConnectorAvatar connector={withLogo} size={48} />
      </WithLogos>,
    );
    const image = document.querySelector('img') as HTMLImageElement;
    expect(image).toHaveAttribute('width', '48');
    expect(image).toHaveAttribute('height', '48');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(served.requested).toEqual([]);
    image.scrollIntoView();
    await vi.waitFor(() => expect(image.complete && image.naturalWidth).toBe(64));
    expect(boxOf(image)).toMatchObject({ width: 48, height: 48 });
    expect(served.requested).toEqual([logoUrlOf(withLogo)]);
  });
});
