/**
 * A lossless WebP (VP8L) encoder for the emulator's logos, small enough to read: no transform, no color cache, no
 * backward reference, and a "simple" prefix code of one or two symbols per channel. That fits an image whose red,
 * green, blue and alpha each take at most two values (a mark in one color on a background of another): each pixel
 * then costs at most one bit per channel. Layout per RFC 9649 ("WebP Image Format"), sections 3 to 7.
 */

/** Bits written least significant first, as VP8L reads them. */
class BitWriter {
  private readonly bytes: number[] = [];
  private current = 0;
  private used = 0;

  /** `bits` (at most 24) low bits of `value`. */
  write(value: number, bits: number): void {
    this.current |= (value & ((1 << bits) - 1)) << this.used;
    this.used += bits;
    while (this.used >= 8) {
      this.bytes.push(this.current & 0xff);
      this.current >>>= 8;
      this.used -= 8;
    }
  }

  finish(): number[] {
    if (this.used > 0) this.bytes.push(this.current);
    return this.bytes;
  }
}

/** The order VP8L codes a pixel's channels in, as shifts into an `0xAARRGGBB` value. */
const CHANNEL_SHIFTS = [8, 16, 0, 24] as const; // green, red, blue, alpha

/** The one or two values each channel takes, in increasing order (the canonical code gives the smaller one `0`). */
function channelSymbols(colors: Iterable<number>): number[][] {
  return CHANNEL_SHIFTS.map((shift) => {
    const values = [...new Set(Array.from(colors, (color) => (color >>> shift) & 0xff))].sort((a, b) => a - b);
    if (values.length > 2) throw new RangeError('each channel may take two values at most');
    return values;
  });
}

/** A simple prefix code: one symbol (read with no bit) or two (one bit each), written on 8 bits. */
function writeSimpleCode(out: BitWriter, symbols: readonly number[]): void {
  out.write(1, 1); // simple code
  out.write(symbols.length - 1, 1);
  out.write(1, 1); // the first symbol takes 8 bits
  out.write(symbols[0] ?? 0, 8);
  if (symbols.length === 2) out.write(symbols[1] ?? 0, 8);
}

function ascii(text: string): number[] {
  return Array.from(text, (char) => char.charCodeAt(0));
}

function uint32le(value: number): number[] {
  return [value & 0xff, (value >>> 8) & 0xff, (value >>> 16) & 0xff, (value >>> 24) & 0xff];
}

/** A RIFF container around one chunk. */
export function webpFile(chunkName: 'VP8L', data: readonly number[]): Uint8Array<ArrayBuffer> {
  const padded = data.length % 2 === 1 ? [...data, 0] : [...data];
  return new Uint8Array([
    ...ascii('RIFF'),
    ...uint32le(4 + 8 + padded.length),
    ...ascii('WEBP'),
    ...ascii(chunkName),
    ...uint32le(data.length),
    ...padded,
  ]);
}

/**
 * A lossless WebP of `width` × `height` pixels given row by row as `0xAARRGGBB`. Throws a `RangeError` when a
 * channel takes more than two values, which this encoder cannot express.
 */
export function encodeWebpLossless(width: number, height: number, pixels: Uint32Array): Uint8Array<ArrayBuffer> {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) {
    throw new RangeError('width and height must be positive integers');
  }
  if (width > 16384 || height > 16384) throw new RangeError('a VP8L image is 16384 pixels wide and high at most');
  if (pixels.length !== width * height) throw new RangeError('expected width × height pixels');
  const colors = new Set(pixels);
  const symbols = channelSymbols(colors);
  const opaque = symbols[3]?.length === 1 && symbols[3][0] === 0xff;

  const out = new BitWriter();
  out.write(0x2f, 8); // signature
  out.write(width - 1, 14);
  out.write(height - 1, 14);
  out.write(opaque ? 0 : 1, 1); // alpha_is_used, a hint
  out.write(0, 3); // version
  out.write(0, 1); // no transform
  out.write(0, 1); // no color cache
  out.write(0, 1); // one prefix code group for the whole image
  for (const channel of symbols) writeSimpleCode(out, channel);
  writeSimpleCode(out, [0]); // distances: none are used
  // Each color's codes, green first, one bit per channel of two values (none for a channel of one).
  const codes = new Map<number, { value: number; bits: number }>();
  for (const color of colors) {
    let value = 0;
    let bits = 0;
    for (const [index, shift] of CHANNEL_SHIFTS.entries()) {
      const channel = symbols[index] as number[];
      if (channel.length < 2) continue;
      if (((color >>> shift) & 0xff) === channel[1]) value |= 1 << bits;
      bits += 1;
    }
    codes.set(color, { value, bits });
  }
  for (const pixel of pixels) {
    const code = codes.get(pixel) as { value: number; bits: number };
    out.write(code.value, code.bits);
  }
  return webpFile('VP8L', out.finish());
}
