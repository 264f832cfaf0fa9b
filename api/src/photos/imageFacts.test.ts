import { describe, expect, it } from 'vitest';
import { sniffImage } from './imageFacts.ts';

const bytes = (...parts: (number[] | string)[]) =>
  Uint8Array.from(parts.flatMap((part) => (typeof part === 'string' ? [...part].map((ch) => ch.charCodeAt(0)) : part)));

/** A 3 × 2 PNG as Chromium's canvas writes it. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAMAAAACCAYAAACddGYaAAAAGUlEQVR4AWIyTjvz/4yxMRgzzTybzgADAAAAAP//62t1TQAAAAZJREFUAwCXTAiY2XhXqQAAAABJRU5ErkJggg==', 'base64');

describe('sniffImage', () => {
  it('reads a PNG from its signature and IHDR', () => {
    expect(sniffImage(PNG)).toEqual({ kind: 'image', contentType: 'image/png', width: 3, height: 2 });
  });

  it('walks JPEG segments (an APP0, a fill byte) to the start of frame', () => {
    const jpeg = bytes([0xff, 0xd8], [0xff, 0xe0, 0x00, 0x07], 'JFIF', [0x00], [0xff, 0xff, 0xc2, 0x00, 0x11, 0x08, 0x04, 0xb0, 0x06, 0x40], new Array(12).fill(0));
    expect(sniffImage(jpeg)).toEqual({ kind: 'image', contentType: 'image/jpeg', width: 1600, height: 1200 });
  });

  it('reads the three kinds of WebP', () => {
    const riff = (chunk: string, body: number[]) => bytes('RIFF', [0, 0, 0, 0], 'WEBP', chunk, [body.length, 0, 0, 0], body, new Array(16).fill(0));
    const lossy = riff('VP8 ', [0, 0, 0, 0x9d, 0x01, 0x2a, 0x40, 0x06, 0xb0, 0x04]);
    expect(sniffImage(lossy)).toMatchObject({ kind: 'image', contentType: 'image/webp', width: 1600, height: 1200 });
    // 14 bits of width - 1, then 14 of height - 1, little-endian.
    const packed = (3 - 1) | ((2 - 1) << 14);
    const lossless = riff('VP8L', [0x2f, packed & 0xff, (packed >> 8) & 0xff, (packed >> 16) & 0xff, 0]);
    expect(sniffImage(lossless)).toMatchObject({ width: 3, height: 2 });
    const extended = riff('VP8X', [0x20, 0, 0, 0, 2, 0, 0, 1, 0, 0]);
    expect(sniffImage(extended)).toMatchObject({ width: 3, height: 2 });
  });

  it('calls a size beyond 65535 px oversized, whatever the format can hold', () => {
    const withSize = (width: number, height: number) => {
      const png = Uint8Array.from(PNG);
      new DataView(png.buffer).setUint32(16, width);
      new DataView(png.buffer).setUint32(20, height);
      return png;
    };
    expect(sniffImage(withSize(65_535, 700))).toMatchObject({ kind: 'image', width: 65_535, height: 700 });
    expect(sniffImage(withSize(2 ** 31, 2))).toEqual({ kind: 'oversized', contentType: 'image/png', width: 2 ** 31, height: 2 });
    expect(sniffImage(withSize(3, 65_536))).toEqual({ kind: 'oversized', contentType: 'image/png', width: 3, height: 65_536 });
    const riff = bytes('RIFF', [0, 0, 0, 0], 'WEBP', 'VP8X', [10, 0, 0, 0], [0x20, 0, 0, 0, 0xff, 0xff, 0xff, 1, 0, 0], new Array(16).fill(0));
    expect(sniffImage(riff)).toMatchObject({ kind: 'oversized', width: 2 ** 24, height: 2 });
  });

  it('calls more than 50 million pixels oversized, read from the header: a decompression bomb is never decoded', () => {
    const png = Uint8Array.from(PNG);
    new DataView(png.buffer).setUint32(16, 65_535);
    new DataView(png.buffer).setUint32(20, 65_535);
    expect(sniffImage(png)).toEqual({ kind: 'oversized', contentType: 'image/png', width: 65_535, height: 65_535 });
    const jpeg = bytes([0xff, 0xd8], [0xff, 0xc0, 0x00, 0x11, 0x08, 0x1f, 0x40, 0x1f, 0x40], new Array(12).fill(0));
    expect(sniffImage(jpeg)).toEqual({ kind: 'oversized', contentType: 'image/jpeg', width: 8000, height: 8000 });
    const camera = bytes([0xff, 0xd8], [0xff, 0xc0, 0x00, 0x11, 0x08, 0x0b, 0xb8, 0x0f, 0xa0], new Array(12).fill(0));
    expect(sniffImage(camera)).toEqual({ kind: 'image', contentType: 'image/jpeg', width: 4000, height: 3000 });
  });

  it('ignores file names and declared types: text is unsupported, a bare signature unreadable', () => {
    expect(sniffImage(bytes('hello, this is not a photo'))).toEqual({ kind: 'unsupported' });
    expect(sniffImage(new Uint8Array())).toEqual({ kind: 'unsupported' });
    expect(sniffImage(bytes([0xff, 0xd8, 0xff, 0xd9]))).toEqual({ kind: 'unreadable', contentType: 'image/jpeg' });
    expect(sniffImage(PNG.subarray(0, 20))).toEqual({ kind: 'unreadable', contentType: 'image/png' });
  });
});
