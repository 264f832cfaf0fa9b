/**
 * The docs' pictures of printed briefs: asks a running Marsad (MARSAD_URL, default
 * http://localhost:8787) for briefs as the demo minister, renders their first four pages with poppler's
 * pdftoppm and writes them side by side as one PNG each in docs/:
 *
 *   pnpm --filter @marsad/api exec tsx src/cli/briefPngs.ts
 *
 * Needs the demo data (the demo minister's password) and poppler-utils.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { encodeRgbPng } from '@marsad/demo';
import { DEMO_PASSWORD } from '../auth/demoPasswords.ts';

const BASE = process.env.MARSAD_URL ?? 'http://localhost:8787';
const DOCS = fileURLToPath(new URL('../../../docs/', import.meta.url));
const BRIEFS = [
  { file: 'brief-damascus-ar.png', path: '/api/briefs/governorates/SY-DI.pdf?lang=ar' },
  { file: 'brief-misrata-ar.png', path: '/api/briefs/governorates/LY-MI.pdf?lang=ar' },
  { file: 'brief-damascus-en.png', path: '/api/briefs/governorates/SY-DI.pdf?lang=en' },
];
const PAGES = 4;
const DPI = 60;
const GAP = 12;

interface Raster {
  width: number;
  height: number;
  pixels: Buffer;
}

async function signIn(): Promise<string> {
  const res = await fetch(`${BASE}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'minister@marsad.demo', password: DEMO_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`signing in as the demo minister at ${BASE} answered ${res.status}: is Marsad running with its demo data?`);
  return res.headers.get('set-cookie')!.split(';')[0]!;
}

function readPpm(bytes: Buffer): Raster {
  const header = bytes.subarray(0, 64).toString('latin1');
  const match = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(header);
  if (!match) throw new Error('pdftoppm did not write an 8-bit PPM');
  return { width: Number(match[1]), height: Number(match[2]), pixels: bytes.subarray(match[0].length) };
}

/** The first pages of `pdf`, side by side on grey (right to left for Arabic: page 1 on the right). */
function sideBySide(pdf: Uint8Array, rightToLeft: boolean): Raster {
  const dir = mkdtempSync(join(tmpdir(), 'marsad-brief-'));
  try {
    writeFileSync(join(dir, 'brief.pdf'), pdf);
    execFileSync('pdftoppm', ['-r', String(DPI), '-f', '1', '-l', String(PAGES), join(dir, 'brief.pdf'), join(dir, 'page')]);
    const pages = readdirSync(dir).filter((f) => f.endsWith('.ppm')).sort().map((f) => readPpm(readFileSync(join(dir, f))));
    if (rightToLeft) pages.reverse();
    const width = pages.reduce((sum, p) => sum + p.width, 0) + GAP * (pages.length + 1);
    const height = Math.max(...pages.map((p) => p.height)) + GAP * 2;
    const pixels = Buffer.alloc(width * height * 3, 0xd8);
    let left = GAP;
    for (const page of pages) {
      for (let y = 0; y < page.height; y++) {
        page.pixels.copy(pixels, ((y + GAP) * width + left) * 3, y * page.width * 3, (y + 1) * page.width * 3);
      }
      left += page.width + GAP;
    }
    return { width, height, pixels };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const pngOf = ({ width, height, pixels }: Raster) => encodeRgbPng(width, height, pixels, 9);

const cookie = await signIn();
for (const brief of BRIEFS) {
  const started = performance.now();
  const res = await fetch(`${BASE}${brief.path}`, { headers: { cookie } });
  if (res.status !== 200) throw new Error(`${brief.path} answered ${res.status}: ${await res.text()}`);
  const pdf = new Uint8Array(await res.arrayBuffer());
  writeFileSync(join(DOCS, brief.file), pngOf(sideBySide(pdf, brief.path.includes('lang=ar'))));
  console.log(`${brief.file}: printed in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
