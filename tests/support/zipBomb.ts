import { deflateRawSync, constants } from 'node:zlib';

/**
 * A zip whose one entry inflates to `inflatedBytes` of zeros, built without ever holding them:
 * one MiB of zeros is deflated once (ending on a sync flush, so the block is byte-aligned and not
 * final) and that block is repeated, then a final empty block closes the stream. Deflate's best
 * ratio is about 1000:1, so 2 GiB costs about 2 MB. `declaredBytes` is what the headers claim
 * (a liar says little); the CRC is left 0, as a hostile file would not bother either.
 */
export function zipBomb(inflatedBytes: number, { name = 'bomb.shp', declaredBytes = inflatedBytes } = {}): Uint8Array {
  const MiB = 1024 * 1024;
  if (inflatedBytes % MiB !== 0) throw new Error('zipBomb: inflatedBytes must be whole MiB');
  const block = deflateRawSync(new Uint8Array(MiB), { level: 9, finishFlush: constants.Z_SYNC_FLUSH });
  const finalEmptyBlock = [0x03, 0x00]; // a final block with fixed codes and just the end-of-block code
  const blocks = inflatedBytes / MiB;
  const compressed = blocks * block.length + finalEmptyBlock.length;
  const fileName = new TextEncoder().encode(name);
  const local = header(30, fileName, (v) => {
    v.setUint32(0, 0x04034b50, true);
    v.setUint16(4, 20, true); // version needed
    v.setUint16(8, 8, true); // deflate
    v.setUint32(18, compressed, true);
    v.setUint32(22, declaredBytes, true);
    v.setUint16(26, fileName.length, true);
  });
  const central = header(46, fileName, (v) => {
    v.setUint32(0, 0x02014b50, true);
    v.setUint16(4, 20, true);
    v.setUint16(6, 20, true);
    v.setUint16(10, 8, true);
    v.setUint32(20, compressed, true);
    v.setUint32(24, declaredBytes, true);
    v.setUint16(28, fileName.length, true);
  });
  const end = header(22, new Uint8Array(), (v) => {
    v.setUint32(0, 0x06054b50, true);
    v.setUint16(8, 1, true);
    v.setUint16(10, 1, true);
    v.setUint32(12, central.length, true);
    v.setUint32(16, local.length + compressed, true);
  });
  const zip = new Uint8Array(local.length + compressed + central.length + end.length);
  let at = 0;
  zip.set(local, at);
  at += local.length;
  for (let i = 0; i < blocks; i++, at += block.length) zip.set(block, at);
  zip.set(finalEmptyBlock, at);
  at += finalEmptyBlock.length;
  zip.set(central, at);
  zip.set(end, at + central.length);
  return zip;
}

function header(size: number, name: Uint8Array, fill: (view: DataView) => void): Uint8Array {
  const bytes = new Uint8Array(size + name.length);
  fill(new DataView(bytes.buffer));
  bytes.set(name, size);
  return bytes;
}
