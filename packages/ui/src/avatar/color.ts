/** Neutral colors used when a connector has no usable branding color. */
export const NEUTRAL_BACKGROUND = '#5f6b7a';

const HEX = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i;

/**
 * A connector's branding color as a CSS `#rrggbb`, or `null` when it is not a plain hex color.
 * The API sends six hex digits without `#` (`"12b2ff"`); nothing else is allowed through, so a value such as
 * `red;background:url(…)` never reaches a style.
 */
export function parseBrandColor(color: unknown): string | null {
  if (typeof color !== 'string') return null;
  const match = HEX.exec(color.trim());
  const digits = match?.[1];
  if (!digits) return null;
  // `#abc` is `#aabbcc`.
  const full = digits.length === 3 ? digits.replace(/./g, '$&$&') : digits;
  return `#${full.toLowerCase()}`;
}

function channel(hex: string, index: number): number {
  const value = Number.parseInt(hex.slice(1 + index * 2, 3 + index * 2), 16) / 255;
  return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
}

/** WCAG relative luminance of a `#rrggbb` color. */
export function relativeLuminance(hex: string): number {
  return 0.2126 * channel(hex, 0) + 0.7152 * channel(hex, 1) + 0.0722 * channel(hex, 2);
}

/** WCAG contrast ratio between two `#rrggbb` colors, from 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** Black or white, whichever reads better on the background. */
export function readableTextColor(background: string): '#000000' | '#ffffff' {
  return contrastRatio(background, '#000000') >= contrastRatio(background, '#ffffff') ? '#000000' : '#ffffff';
}
