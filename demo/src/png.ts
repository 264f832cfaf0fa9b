import { crc32, deflateSync } from 'node:zlib';

/**
 * A real PNG of `width` × `height` RGB pixels (a gradient shifted by `seed`, so two seeds give two
 * different files), built by hand: tests and the benchmark upload site photos without fixtures
 * or an image library.
 */
export function png(width: number, height: number, seed = 0): Buffer {
  const pixels = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const at = (y * width + x) * 3;
      pixels[at] = (x + seed) & 0xff;
      pixels[at + 1] = (y + seed * 3) & 0xff;
      pixels[at + 2] = (seed * 40) & 0xff;
    }
  }
  return encodeRgbPng(width, height, pixels);
}

/** `pixels` (row after row of RGB bytes, `width` × `height`) as a PNG file. */
export function encodeRgbPng(width: number, height: number, pixels: Buffer, level = 6): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const typed = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(typed));
    return Buffer.concat([length, typed, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bits per channel
  header[9] = 2; // RGB
  const stride = width * 3 + 1; // each row starts with its filter byte (0: none)
  const rows = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) pixels.copy(rows, y * stride + 1, y * width * 3, (y + 1) * width * 3);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', deflateSync(rows, { level })), chunk('IEND', Buffer.alloc(0))]);
}
