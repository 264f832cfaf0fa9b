import type { PhotoType } from '@marsad/contracts';

export interface ImageFacts {
  contentType: PhotoType;
  width: number;
  height: number;
}

/**
 * The longest side a photo may claim, in pixels: what a JPEG header can hold at most. A PNG header
 * may claim up to 2^31 - 1, which no camera takes and the database's integer columns cannot hold.
 */
export const MAX_PHOTO_EDGE = 65_535;

/**
 * The most pixels a photo may claim in all: a few bytes of a PNG of one colour can claim 65,535 ×
 * 65,535 px (4.3 billion, 17 GB once decoded), a bomb for every browser that shows it. The server
 * never decodes a photo; this is read from the header. 50 million is well beyond what a 5 MB
 * camera photo holds (the web page sends 1,600 px on the long side).
 */
export const MAX_PHOTO_PIXELS = 50_000_000;

/**
 * What the first bytes of a file say it is: `unsupported` when it is not a JPEG, PNG or WebP at
 * all, `unreadable` when it starts like one but its header does not hold its size, `oversized`
 * when that size is beyond MAX_PHOTO_EDGE or MAX_PHOTO_PIXELS. The type a client declares is never asked: a text file
 * renamed .jpg stays a text file here.
 */
export type ImageSniff =
  | ({ kind: 'image' } & ImageFacts)
  | { kind: 'unreadable'; contentType: PhotoType }
  | ({ kind: 'oversized' } & ImageFacts)
  | { kind: 'unsupported' };

export function sniffImage(bytes: Uint8Array): ImageSniff {
  const type = typeByMagic(bytes);
  if (type === undefined) return { kind: 'unsupported' };
  const size = type === 'image/png' ? pngSize(bytes) : type === 'image/jpeg' ? jpegSize(bytes) : webpSize(bytes);
  if (size === undefined || size.width <= 0 || size.height <= 0) return { kind: 'unreadable', contentType: type };
  if (size.width > MAX_PHOTO_EDGE || size.height > MAX_PHOTO_EDGE || size.width * size.height > MAX_PHOTO_PIXELS) return { kind: 'oversized', contentType: type, ...size };
  return { kind: 'image', contentType: type, ...size };
}

const startsWith = (bytes: Uint8Array, magic: readonly number[], at = 0) => magic.every((b, i) => bytes[at + i] === b);
const ascii = (text: string) => [...text].map((ch) => ch.charCodeAt(0));

function typeByMagic(bytes: Uint8Array): PhotoType | undefined {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'image/webp';
  return undefined;
}

type Size = { width: number; height: number } | undefined;

const view = (bytes: Uint8Array) => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/** PNG: the first chunk is IHDR, width and height big-endian at 16 and 20. */
function pngSize(bytes: Uint8Array): Size {
  if (bytes.length < 24 || !startsWith(bytes, ascii('IHDR'), 12)) return undefined;
  const v = view(bytes);
  return { width: v.getUint32(16), height: v.getUint32(20) };
}

/** Start-of-frame markers (baseline, progressive, lossless, arithmetic); not DHT (C4), JPG (C8) or DAC (CC). */
const SOF_MARKERS = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);

/** JPEG: walks the marker segments up to the start of frame, which holds height then width. */
function jpegSize(bytes: Uint8Array): Size {
  const v = view(bytes);
  let at = 2;
  while (at + 4 <= bytes.length) {
    if (bytes[at] !== 0xff) return undefined;
    const marker = bytes[at + 1]!;
    if (marker === 0xff) {
      at += 1; // fill byte
      continue;
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      at += 2; // markers without a length
      continue;
    }
    if (marker === 0xd9 || marker === 0xda) return undefined; // end of image or scan data before any frame
    const length = v.getUint16(at + 2);
    if (length < 2) return undefined;
    if (SOF_MARKERS.has(marker)) {
      if (at + 9 > bytes.length) return undefined;
      return { height: v.getUint16(at + 5), width: v.getUint16(at + 7) };
    }
    at += 2 + length;
  }
  return undefined;
}

/** WebP: the first chunk is VP8 (lossy), VP8L (lossless) or VP8X (extended), each with the size in its own layout. */
function webpSize(bytes: Uint8Array): Size {
  if (bytes.length < 30) return undefined;
  const v = view(bytes);
  if (startsWith(bytes, ascii('VP8 '), 12)) {
    if (!startsWith(bytes, [0x9d, 0x01, 0x2a], 23)) return undefined;
    return { width: v.getUint16(26, true) & 0x3fff, height: v.getUint16(28, true) & 0x3fff };
  }
  if (startsWith(bytes, ascii('VP8L'), 12)) {
    if (bytes[20] !== 0x2f) return undefined;
    const bits = v.getUint32(21, true);
    return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
  }
  if (startsWith(bytes, ascii('VP8X'), 12)) {
    const uint24 = (at: number) => bytes[at]! | (bytes[at + 1]! << 8) | (bytes[at + 2]! << 16);
    return { width: uint24(24) + 1, height: uint24(27) + 1 };
  }
  return undefined;
}
