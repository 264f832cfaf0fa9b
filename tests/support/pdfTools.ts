import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

/**
 * Reading a printed PDF the way a person would, with poppler-utils (Debian's poppler-utils,
 * installed by scripts/test.sh): its text in logical order (pdftotext applies the Unicode
 * bidirectional algorithm and undoes Arabic presentation forms, which pdf.js's text items leave
 * in visual order), its fonts (pdffonts), its images (pdfimages) and its pages as pixels (pdftoppm).
 */

const run = promisify(execFile);

async function withFile<T>(pdf: Uint8Array, use: (path: string, dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'marsad-pdf-'));
  try {
    const path = join(dir, 'brief.pdf');
    await writeFile(path, pdf);
    return await use(path, dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Bidi controls pdftotext writes around runs: not text. */
const BIDI_CONTROLS = /[\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c]/g;

/** Each page's text, lines kept as laid out (a table row stays one line). */
export function pdfPages(pdf: Uint8Array): Promise<string[]> {
  return withFile(pdf, async (path) => {
    const { stdout } = await run('pdftotext', ['-layout', '-enc', 'UTF-8', path, '-'], { maxBuffer: 64 * 1024 * 1024 });
    return stdout.replace(BIDI_CONTROLS, '').split('\f').slice(0, -1);
  });
}

export interface PdfFont {
  name: string;
  type: string;
  embedded: boolean;
}

export function pdfFonts(pdf: Uint8Array): Promise<PdfFont[]> {
  return withFile(pdf, async (path) => {
    const { stdout } = await run('pdffonts', [path]);
    return stdout
      .split('\n')
      .slice(2)
      .filter((line) => line.trim())
      .map((line) => {
        // name type… encoding emb sub uni object-id generation
        const cells = line.trim().split(/\s+/);
        return { name: cells[0]!, type: cells.slice(1, -6).join(' '), embedded: cells.at(-5) === 'yes' };
      });
  });
}

/** How many images each page shows. */
export function pdfImageCount(pdf: Uint8Array): Promise<number> {
  return withFile(pdf, async (path) => {
    const { stdout } = await run('pdfimages', ['-list', path]);
    return stdout.split('\n').slice(2).filter((line) => line.trim()).length;
  });
}

export interface Raster {
  width: number;
  height: number;
  /** RGB, row by row. */
  pixels: Uint8Array;
}

/** Page `page` (from 1) rendered at `dpi`, as RGB pixels (pdftoppm's PPM, read here). */
export function renderPage(pdf: Uint8Array, page: number, dpi: number): Promise<Raster> {
  return withFile(pdf, async (path, dir) => {
    await run('pdftoppm', ['-r', String(dpi), '-f', String(page), '-l', String(page), path, join(dir, 'page')]);
    const [file] = (await readdir(dir)).filter((name) => name.endsWith('.ppm'));
    return readPpm(await readFile(join(dir, file!)));
  });
}

/** A binary PPM (P6, 8 bits): header "P6 width height 255" then the pixels. */
function readPpm(bytes: Buffer): Raster {
  const fields: string[] = [];
  let at = 0;
  while (fields.length < 4) {
    while (/\s/.test(String.fromCharCode(bytes[at]!))) at += 1;
    let field = '';
    while (!/\s/.test(String.fromCharCode(bytes[at]!))) field += String.fromCharCode(bytes[at++]!);
    fields.push(field);
  }
  at += 1; // the one whitespace after maxval
  const [magic, width, height, max] = fields;
  if (magic !== 'P6' || max !== '255') throw new Error(`not an 8-bit binary PPM (${magic}, ${max})`);
  return { width: Number(width), height: Number(height), pixels: bytes.subarray(at, at + Number(width) * Number(height) * 3) };
}

/** Pixels in the rectangle (fractions of the page) that are clearly coloured, and that are dark. */
export function inkIn(raster: Raster, box: { top: number; bottom: number; left: number; right: number }): { coloured: number; dark: number; total: number } {
  let coloured = 0;
  let dark = 0;
  let total = 0;
  for (let y = Math.floor(box.top * raster.height); y < Math.floor(box.bottom * raster.height); y++) {
    for (let x = Math.floor(box.left * raster.width); x < Math.floor(box.right * raster.width); x++) {
      const i = (y * raster.width + x) * 3;
      const [r, g, b] = [raster.pixels[i]!, raster.pixels[i + 1]!, raster.pixels[i + 2]!];
      total += 1;
      if (Math.max(r, g, b) - Math.min(r, g, b) > 60) coloured += 1;
      else if (r + g + b < 300) dark += 1;
    }
  }
  return { coloured, dark, total };
}
