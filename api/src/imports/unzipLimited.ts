import { Unzip, UnzipPassThrough, type AsyncFlateStreamHandler, type UnzipDecoder } from 'fflate';
import { promisify } from 'node:util';
import { inflateRaw } from 'node:zlib';
import { ProblemError } from '../http/problems.ts';

export interface ZipLimits {
  /** Entries the zip may list, read or not. */
  entries: number;
  /** Bytes the entries read may inflate to, together. */
  inflatedBytes: number;
}

const MB = 1024 * 1024;

/** Bytes of the zip handed to its reader at a time, letting other requests run in between. */
const STEP_BYTES = MB;

const inflate = promisify(inflateRaw);

const unreadable = (reason: string) =>
  new ProblemError(400, 'Unreadable file', `The zip cannot be opened (${reason}); upload a .zip holding one shapefile (.shp, .dbf, .prj)`);

const overLimit = (detail: string) => new ProblemError(413, 'Content Too Large', detail);

/**
 * A deflated entry's bytes passed on as they are: they are inflated afterwards by zlib, off the
 * event loop and with a ceiling on its output, rather than by fflate on it.
 */
class StillDeflated implements UnzipDecoder {
  static compression = 8;
  ondata!: AsyncFlateStreamHandler;
  push(chunk: Uint8Array, final: boolean) {
    this.ondata(null, chunk as Uint8Array<ArrayBuffer>, final);
  }
}

/**
 * The entries of a zip that `wanted` picks, inflated, or a refusal (413) as soon as a limit is
 * crossed: too many entries, an entry that says it is larger than the limit, or more bytes than
 * the limit actually coming out, whatever the headers claim. fflate walks the zip without
 * inflating; zlib inflates each entry in its thread pool and stops where the limit is reached
 * (`maxOutputLength`). So a 2 MB zip bomb that would inflate to 2 GiB costs at most the limit in
 * memory and a fraction of a second, and other requests are served meanwhile. Entries not wanted
 * are skipped, not inflated. There is no limit on the compression ratio: the total already bounds
 * what a bomb costs, and an honest .dbf of padded text fields compresses 50:1 and more.
 */
export async function unzipLimited(bytes: Uint8Array, wanted: (name: string) => boolean, limits: ZipLimits): Promise<Record<string, Uint8Array>> {
  const listed = entriesListed(bytes);
  if (listed !== ZIP64_COUNT && listed > limits.entries) throw overLimit(tooManyEntries(limits));
  const entries: { name: string; compression: number; chunks: Uint8Array[]; done: boolean }[] = [];
  let count = 0;
  let refusal: ProblemError | undefined;
  const unzip = new Unzip((file) => {
    if (refusal) return;
    if (++count > limits.entries) return void (refusal = overLimit(tooManyEntries(limits)));
    if (!wanted(file.name)) return;
    if ((file.originalSize ?? 0) > limits.inflatedBytes) {
      return void (refusal = overLimit(tooBig(limits, `${file.name} alone says it holds ${Math.ceil(file.originalSize! / MB)} MB`)));
    }
    const entry = { name: file.name, compression: file.compression, chunks: [] as Uint8Array[], done: false };
    entries.push(entry);
    file.ondata = (error, chunk, final) => {
      if (error) refusal ??= unreadable(error.message);
      else entry.chunks.push(chunk);
      entry.done ||= final;
    };
    try {
      file.start();
    } catch (error) {
      refusal ??= unreadable((error as Error).message);
    }
  });
  unzip.register(StillDeflated);
  unzip.register(UnzipPassThrough);
  try {
    for (let at = 0; at < bytes.length && !refusal; at += STEP_BYTES) {
      unzip.push(bytes.subarray(at, at + STEP_BYTES), at + STEP_BYTES >= bytes.length);
      await new Promise((resolve) => setImmediate(resolve));
    }
  } catch (error) {
    refusal ??= unreadable((error as Error).message);
  }
  if (refusal) throw refusal;
  const files: Record<string, Uint8Array> = {};
  let inflated = 0;
  for (const entry of entries) {
    if (!entry.done) throw unreadable(`${entry.name} is cut short`);
    const stored = join(entry.chunks);
    const room = limits.inflatedBytes - inflated;
    files[entry.name] = entry.compression === StillDeflated.compression ? await inflateWithin(stored, room, limits) : stored;
    inflated += files[entry.name]!.length;
    if (inflated > limits.inflatedBytes) throw overLimit(tooBig(limits));
  }
  return files;
}

/** Inflates at most `room` bytes: zlib stops there with ERR_BUFFER_TOO_LARGE instead of going on. */
async function inflateWithin(deflated: Uint8Array, room: number, limits: ZipLimits): Promise<Uint8Array> {
  if (room < 1) throw overLimit(tooBig(limits));
  try {
    return await inflate(deflated, { maxOutputLength: room });
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw overLimit(tooBig(limits));
    throw unreadable((error as Error).message);
  }
}

const tooManyEntries = (limits: ZipLimits) => `The zip holds more than ${limits.entries} entries; an import's zip may hold at most ${limits.entries}`;

const tooBig = (limits: ZipLimits, note?: string) =>
  `The zip inflates to more than ${limits.inflatedBytes / MB} MB${note ? ` (${note})` : ''}; ` +
  `the limit is ${limits.inflatedBytes / MB} MB for the files of an import's shapefile: split it`;

/** The count a Zip64 archive puts in its classic record; its true count is elsewhere (and is counted while reading). */
const ZIP64_COUNT = 0xffff;

/**
 * The entry count of the zip's end-of-central-directory record, which every zip ends with (the
 * record may be followed by a comment of up to 64 KB); its absence means this is no zip at all.
 */
function entriesListed(bytes: Uint8Array): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (view.getUint32(at, true) === 0x06054b50) return view.getUint16(at + 10, true);
  }
  throw unreadable('it has no end of central directory');
}

function join(chunks: Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const chunk of chunks) out.set(chunk, (at += chunk.length) - chunk.length);
  return out;
}
