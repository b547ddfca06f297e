/**
 * The logos the emulator serves at `<basePath>/logos/<uuid>-thumbnail.webp`, the address integrators use with Powens.
 * Drawn here, from the connector alone: its branding color behind a white or black mark picked from its UUID, so
 * every run serves the same bytes and nothing is downloaded. Some connectors have no logo and some a broken one, also
 * picked from the UUID, so that a client's fallback shows.
 */
import type { Connector } from '@connector-kit/core';
import { hashString } from '../data/factory.ts';
import { encodeWebpLossless, webpFile } from './webp.ts';

/** What the emulator answers for a connector's logo: a WebP, a 404, or a 200 whose body no browser can decode. */
export type ConnectorLogoKind = 'image' | 'missing' | 'broken';

/** Side of a logo in pixels: sharp in a 32 px avatar on a 2× screen. */
export const LOGO_SIZE = 64;

const NEUTRAL = 0x5f6b7a;

/**
 * Whether the emulator serves a logo for this UUID: one connector in ten has none (404) and one in ten a broken one
 * (200 with a body that does not decode), the same ones on every run.
 */
export function connectorLogoKind(uuid: string): ConnectorLogoKind {
  const bucket = hashString(uuid.toLowerCase(), 0x10605) % 10;
  return bucket === 0 ? 'missing' : bucket === 1 ? 'broken' : 'image';
}

function channel(rgb: number, shift: number): number {
  const value = ((rgb >>> shift) & 0xff) / 255;
  return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
}

/** WCAG relative luminance of an `0xRRGGBB` color. */
function luminance(rgb: number): number {
  return 0.2126 * channel(rgb, 16) + 0.7152 * channel(rgb, 8) + 0.0722 * channel(rgb, 0);
}

/** White or black, whichever contrasts more with the background. */
function markColor(background: number): number {
  const light = luminance(background);
  return (1.05 / (light + 0.05) >= (light + 0.05) / 0.05 ? 0xffffff : 0x000000) >>> 0;
}

/** Whether a point of the square (`u`, `v` from -1 to 1, `v` downwards) is on the mark. */
type Mark = (u: number, v: number) => boolean;

const MARKS: readonly Mark[] = [
  // A bank: pediment, three columns, base.
  (u, v) =>
    (v >= -0.62 && v <= -0.22 && Math.abs(u) <= ((v + 0.62) / 0.4) * 0.66) ||
    (v >= -0.14 && v <= 0.36 && Math.abs(Math.abs(u) - 0.42) <= 0.1) ||
    (v >= -0.14 && v <= 0.36 && Math.abs(u) <= 0.1) ||
    (v >= 0.44 && v <= 0.6 && Math.abs(u) <= 0.66),
  // A ring.
  (u, v) => {
    const r = u * u + v * v;
    return r >= 0.3 * 0.3 && r <= 0.58 * 0.58;
  },
  // A diamond.
  (u, v) => Math.abs(u) + Math.abs(v) <= 0.62,
  // Three bars.
  (u, v) => Math.abs(u) <= 0.58 && (Math.abs(v) <= 0.11 || Math.abs(Math.abs(v) - 0.4) <= 0.11),
  // A chevron.
  (u, v) => Math.abs(u) <= 0.6 && Math.abs(v + 0.2 - 0.75 * Math.abs(u)) <= 0.16,
  // Four squares.
  (u, v) => Math.abs(u) >= 0.08 && Math.abs(u) <= 0.52 && Math.abs(v) >= 0.08 && Math.abs(v) <= 0.52,
  // A disc with a notch.
  (u, v) => u * u + v * v <= 0.55 * 0.55 && !(u > 0 && Math.abs(v) <= 0.12),
];

/** A connector's branding color as `0xRRGGBB`; neutral when it has none that is six hex digits. */
function backgroundOf(color: unknown): number {
  return typeof color === 'string' && /^#?[0-9a-f]{6}$/i.test(color.trim())
    ? Number.parseInt(color.trim().replace('#', ''), 16)
    : NEUTRAL;
}

/**
 * The pixels of a connector's logo, `LOGO_SIZE` × `LOGO_SIZE`, row by row as `0xAARRGGBB`: its branding color, and a
 * mark picked from its UUID in white or black, whichever reads better.
 */
export function logoPixels(connector: Pick<Connector, 'uuid' | 'color'>): Uint32Array {
  const background = (0xff000000 | backgroundOf(connector.color)) >>> 0;
  const foreground = (0xff000000 | markColor(background & 0xffffff)) >>> 0;
  const mask = maskOf(hashString(connector.uuid.toLowerCase(), 0x4c060) % MARKS.length);
  return mask.map((on) => (on ? foreground : background));
}

/** Each mark's pixels (1 on the mark), drawn once: a list scrolling through thousands of logos asks for many. */
const masks: Uint32Array[] = [];

function maskOf(index: number): Uint32Array {
  let mask = masks[index];
  if (mask === undefined) {
    const mark = MARKS[index] as Mark;
    const half = LOGO_SIZE / 2;
    mask = new Uint32Array(LOGO_SIZE * LOGO_SIZE);
    for (let y = 0; y < LOGO_SIZE; y++) {
      for (let x = 0; x < LOGO_SIZE; x++) {
        mask[y * LOGO_SIZE + x] = mark((x + 0.5 - half) / half, (y + 0.5 - half) / half) ? 1 : 0;
      }
    }
    masks[index] = mask;
  }
  return mask;
}

/** The WebP of a connector's logo (about 1.5 kB). */
export function connectorLogo(connector: Pick<Connector, 'uuid' | 'color'>): Uint8Array<ArrayBuffer> {
  return encodeWebpLossless(LOGO_SIZE, LOGO_SIZE, logoPixels(connector));
}

/**
 * What a broken logo's address answers: a WebP container whose image data has a wrong signature, so browsers read
 * it as WebP and fail to decode it.
 */
export const BROKEN_LOGO: Uint8Array<ArrayBuffer> = webpFile('VP8L', [0x00, 0xde, 0xad, 0xbe, 0xef, 0x00, 0x00]);
