import { describe, expect, it } from 'vitest';
import { demoConnectors } from '../data/index.ts';
import { createEmulator } from '../emulator.ts';
import { connectorLogoKind, LOGO_SIZE, logoPixels } from './logos.ts';

/* The emulator's logos decoded by Chromium's own WebP decoder, pixel for pixel. */

const emulator = createEmulator();

async function logoResponse(uuid: string): Promise<Response> {
  return emulator.handle(new Request(`https://emulator.test/2.0/logos/${uuid}-thumbnail.webp`));
}

/** The decoded image as `0xAARRGGBB` values, row by row. */
async function decode(response: Response): Promise<{ width: number; height: number; pixels: number[] }> {
  const bitmap = await createImageBitmap(await response.blob());
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('no 2D context');
  context.drawImage(bitmap, 0, 0);
  const { data } = context.getImageData(0, 0, bitmap.width, bitmap.height);
  const pixels: number[] = [];
  for (let at = 0; at < data.length; at += 4) {
    const [red = 0, green = 0, blue = 0, alpha = 0] = data.subarray(at, at + 4);
    pixels.push(((alpha << 24) | (red << 16) | (green << 8) | blue) >>> 0);
  }
  return { width: bitmap.width, height: bitmap.height, pixels };
}

describe('the emulator’s logos in Chromium', () => {
  it('decode to exactly the pixels drawn, for every demo connector that has one', async () => {
    const withLogo = demoConnectors.filter((connector) => connectorLogoKind(connector.uuid) === 'image');
    expect(withLogo.length).toBeGreaterThan(100);
    for (const connector of withLogo) {
      const decoded = await decode(await logoResponse(connector.uuid));
      expect(decoded.width, connector.name).toBe(LOGO_SIZE);
      expect(decoded.height, connector.name).toBe(LOGO_SIZE);
      // Compared as one string: a mismatch names the connector instead of printing 4,096 numbers.
      expect(decoded.pixels.join() === Array.from(logoPixels(connector)).join(), connector.name).toBe(true);
    }
  });

  it('a broken logo does not decode', async () => {
    const broken = demoConnectors.find((connector) => connectorLogoKind(connector.uuid) === 'broken');
    if (!broken) throw new Error('the demo dataset has no broken logo');
    const response = await logoResponse(broken.uuid);
    expect(response.status).toBe(200);
    await expect(createImageBitmap(await response.blob())).rejects.toThrow();
  });
});
