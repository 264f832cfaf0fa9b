import { MAX_DXF_ENTITIES, MAX_IMPORT_POSITIONS } from '@marsad/contracts';
import { contentTooLarge, ProblemError } from '../../../http/problems.ts';

/**
 * The first, cheap pass over a DXF: its text decoded, and the entities of its drawing (the
 * ENTITIES section) that can be plots or their numbers picked out by walking the group pairs
 * (a code line, a value line) without building anything per pair. Everything else (headers,
 * tables, blocks, hatches, dimensions…) is counted and skipped, so dxf-parser reads only what is
 * needed, and a file over a limit is refused (413) before it reads anything.
 */

/** Entities kept for dxf-parser: polylines (with a POLYLINE's VERTEX and SEQEND) and texts. */
const POLYLINES = new Set(['LWPOLYLINE', 'POLYLINE']);
const TEXTS = new Set(['TEXT', 'MTEXT']);
const POLYLINE_PARTS = new Set(['VERTEX', 'SEQEND']);

export interface DxfEntities {
  /** A DXF holding only the kept entities, for dxf-parser. */
  text: string;
  /** Entities of other kinds in the drawing, by kind (for the warning that they were not read). */
  skipped: Record<string, number>;
}

const unreadable = (detail: string) => new ProblemError(400, 'Unreadable file', detail);
const thousands = (n: number) => n.toLocaleString('en-US');

const BINARY_SENTINEL = 'AutoCAD Binary DXF';

/** Code pages a DXF before AutoCAD 2007 names in $DWGCODEPAGE, as TextDecoder labels. */
function decoderLabel(codePage: string | undefined): string {
  const ansi = /^ANSI_(\d{3,4})$/i.exec(codePage ?? '');
  if (ansi && ['874', '932', '936', '949', '950', '1250', '1251', '1252', '1253', '1254', '1255', '1256', '1257', '1258'].includes(ansi[1]!)) {
    return ({ '874': 'windows-874', '932': 'shift_jis', '936': 'gbk', '949': 'euc-kr', '950': 'big5' } as Record<string, string>)[ansi[1]!] ?? `windows-${ansi[1]}`;
  }
  return 'windows-1252';
}

/** The DXF's text: UTF-8 (AutoCAD 2007 and later), else the code page its header names (Arabic drawings: ANSI_1256). */
export function decodeDxf(bytes: Uint8Array): string {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 64));
  if (head.startsWith(BINARY_SENTINEL)) {
    throw unreadable('This is a binary DXF: save the drawing as an ASCII DXF (AutoCAD "DXF" with ASCII format) and upload that');
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    const latin = new TextDecoder('latin1').decode(bytes.subarray(0, 64 * 1024));
    const codePage = /\$DWGCODEPAGE\s*\r?\n\s*3\s*\r?\n\s*(\S+)/.exec(latin)?.[1];
    return new TextDecoder(decoderLabel(codePage)).decode(bytes);
  }
}

/** Walks the group pairs of `text`: `visit(code, value, start of the pair)` for each, until it returns false. */
function eachPair(text: string, visit: (code: number, value: string, start: number) => boolean | void): number {
  let at = 0;
  let pairs = 0;
  while (at < text.length) {
    const start = at;
    const codeEnd = text.indexOf('\n', at);
    if (codeEnd < 0) break;
    const valueEnd = text.indexOf('\n', codeEnd + 1);
    const code = Number(text.slice(at, codeEnd).trim());
    if (!Number.isInteger(code)) throw unreadable(`This is not a DXF file the importer can read: line ${lineOf(text, at)} should hold a group code, not "${text.slice(at, Math.min(codeEnd, at + 40)).trim()}"`);
    const value = text.slice(codeEnd + 1, valueEnd < 0 ? text.length : valueEnd).replace(/\r$/, '');
    at = valueEnd < 0 ? text.length : valueEnd + 1;
    pairs++;
    if (visit(code, value, start) === false) break;
  }
  return pairs;
}

function lineOf(text: string, at: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < at; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** The kept entities of the drawing, or a refusal: no ENTITIES section (400), over a limit (413). */
export function pickDxfEntities(text: string): DxfEntities {
  const kept: string[] = [];
  const skipped: Record<string, number> = {};
  let section: string | null = null;
  let expectSectionName = false;
  let entity: { type: string; start: number; keep: boolean } | null = null;
  let inPolyline = false;
  let sawEntities = false;
  let entities = 0;
  let positions = 0;
  const close = (end: number) => {
    if (entity?.keep) kept.push(text.slice(entity.start, end));
    entity = null;
  };
  eachPair(text, (code, value, start) => {
    if (expectSectionName) {
      expectSectionName = false;
      if (code === 2) section = value.trim();
      sawEntities ||= section === 'ENTITIES';
      return;
    }
    if (code === 0) {
      const type = value.trim();
      if (section === 'ENTITIES') close(start);
      if (type === 'SECTION') return void (expectSectionName = true);
      if (type === 'ENDSEC' || type === 'EOF') return void (section = null);
      if (section !== 'ENTITIES') return;
      const part = POLYLINE_PARTS.has(type);
      const keep = POLYLINES.has(type) || TEXTS.has(type) || (part && inPolyline);
      // A POLYLINE's vertices follow it as VERTEX entities, closed by a SEQEND.
      inPolyline = type === 'POLYLINE' || (type === 'VERTEX' && inPolyline);
      if (keep && !part && ++entities > MAX_DXF_ENTITIES) {
        throw contentTooLarge(
          `The drawing holds more than ${thousands(MAX_DXF_ENTITIES)} polylines and texts; an import may read at most ${thousands(MAX_DXF_ENTITIES)}: ` +
            'export only the layers of the plots and their numbers, or split the drawing',
        );
      }
      if (!keep && !part) skipped[type] = (skipped[type] ?? 0) + 1;
      entity = { type, start, keep };
      return;
    }
    if (code === 10 && entity?.keep && ++positions > MAX_IMPORT_POSITIONS) {
      throw contentTooLarge(`The drawing's polylines and texts hold more than ${thousands(MAX_IMPORT_POSITIONS)} vertices; an import may hold at most ${thousands(MAX_IMPORT_POSITIONS)}: split the drawing`);
    }
  });
  if (section === 'ENTITIES') close(text.length);
  if (!sawEntities) throw unreadable('The DXF has no ENTITIES section: it holds no drawing to read plots from');
  return { text: `0\nSECTION\n2\nENTITIES\n${kept.map((k) => (k.endsWith('\n') ? k : `${k}\n`)).join('')}0\nENDSEC\n0\nEOF\n`, skipped };
}
