import DxfParser from 'dxf-parser';
import type { IEntity, ILwpolylineEntity, IMtextEntity, IPolylineEntity, ITextEntity } from 'dxf-parser';
import { ProblemError } from '../../../http/problems.ts';
import { decodeDxf, pickDxfEntities } from './dxfEntities.ts';
import { dxfRing, insideRing, mtextPlain, type Ring } from './dxfGeometry.ts';
import type { PlotFile, SourcePlot } from './plotFile.ts';

const unreadable = (detail: string) => new ProblemError(400, 'Unreadable file', detail);

export interface DxfOptions {
  /** Only closed polylines on this layer are plots (default: every layer). */
  layer: string | undefined;
  /** The layer of the texts holding plot numbers (default: any text inside a plot). */
  numberLayer: string | undefined;
}

interface Outline {
  ref: string;
  handle: string;
  layer: string;
  ring: Ring;
  bbox: [number, number, number, number];
}

interface Label {
  text: string;
  layer: string;
  x: number;
  y: number;
}

const sameLayer = (a: string, b: string | undefined) => b !== undefined && a.toLowerCase() === b.toLowerCase();

const listCounts = (counts: Map<string, number> | Record<string, number>, limit = 5) => {
  const entries = [...(counts instanceof Map ? counts.entries() : Object.entries(counts))].sort((a, b) => b[1] - a[1]);
  const listed = entries.slice(0, limit).map(([name, n]) => `${name} (${n})`).join(', ');
  return entries.length > limit ? `${listed} and ${entries.length - limit} more` : listed;
};

/**
 * The plots of a DXF drawing (ASCII DXF, any version): each closed LWPOLYLINE or POLYLINE of the
 * model space is a plot, its arcs (bulges) approximated by 5° steps; open polylines are skipped
 * with a warning. A plot's number is the TEXT or MTEXT inside it (on `numberLayer` when given);
 * when no text lies inside any plot, the plots are numbered 1, 2, 3… in drawing order (by entity
 * handle). A DXF has no coordinate system: the caller decides it.
 */
export function readDxfPlots(bytes: Uint8Array, options: DxfOptions): PlotFile {
  const picked = pickDxfEntities(decodeDxf(bytes));
  let entities: IEntity[];
  try {
    const parsed = new DxfParser().parseSync(picked.text);
    if (!parsed) throw new Error('nothing was read');
    entities = parsed.entities;
  } catch (error) {
    throw unreadable(`The DXF cannot be read: ${(error as Error).message}`);
  }
  const warnings: string[] = [];
  const open = new Map<string, number>();
  const otherLayers = new Map<string, number>();
  const unusable: string[] = [];
  const outlines: Outline[] = [];
  const labels: Label[] = [];
  for (const entity of entities) {
    if ((entity as { inPaperSpace?: boolean }).inPaperSpace) continue;
    const layer = entity.layer ?? '0';
    if (entity.type === 'TEXT' || entity.type === 'MTEXT') {
      const label = labelOf(entity as ITextEntity | IMtextEntity);
      if (label) labels.push({ ...label, layer });
      continue;
    }
    if (entity.type !== 'LWPOLYLINE' && entity.type !== 'POLYLINE') continue;
    // dxf-parser's types say a handle is a number; it is the hexadecimal text of the file.
    const ref = `${entity.type} ${String(entity.handle ?? '(no handle)')} on layer ${layer}`;
    const polyline = entity as ILwpolylineEntity | IPolylineEntity;
    if ('isPolyfaceMesh' in polyline && (polyline.isPolyfaceMesh || polyline.is3dPolygonMesh)) {
      unusable.push(`${ref} is a mesh`);
      continue;
    }
    const extrusionZ = (polyline as ILwpolylineEntity).extrusionDirectionZ ?? (polyline as IPolylineEntity).extrusionDirection?.z ?? 1;
    const mirrored = extrusionZ < 0;
    const vertices = polyline.vertices.filter((v) => !(v as { splineControlPoint?: boolean }).splineControlPoint);
    const ring = dxfRing(vertices, Boolean(polyline.shape), mirrored);
    if (!ring) {
      open.set(layer, (open.get(layer) ?? 0) + 1);
      continue;
    }
    if (options.layer !== undefined && !sameLayer(layer, options.layer)) {
      otherLayers.set(layer, (otherLayers.get(layer) ?? 0) + 1);
      continue;
    }
    outlines.push({ ref, handle: String(entity.handle ?? ''), layer, ring, bbox: bboxOf(ring) });
  }
  if (outlines.length === 0) {
    const where = options.layer === undefined ? '' : ` on layer ${options.layer}`;
    const hint = otherLayers.size ? `; layers with closed polylines: ${listCounts(otherLayers)}` : open.size ? `; it has open polylines on: ${listCounts(open)} (close them in the drawing)` : '';
    throw unreadable(`The DXF has no closed polyline${where} to import as a plot (plots are closed LWPOLYLINE or POLYLINE entities)${hint}`);
  }
  const openCount = [...open.values()].reduce((a, b) => a + b, 0);
  if (openCount) warnings.push(`${openCount} open polyline(s) were skipped, as plots are closed polylines: layers ${listCounts(open)}`);
  if (otherLayers.size) warnings.push(`Closed polylines on other layers than ${options.layer} were skipped: ${listCounts(otherLayers)}`);
  if (unusable.length) warnings.push(`${unusable.length} polyline mesh(es) were skipped: ${unusable.slice(0, 3).join('; ')}`);
  const skipped = Object.keys(picked.skipped).length;
  if (skipped) warnings.push(`Entities of other kinds were not read (only closed polylines become plots): ${listCounts(picked.skipped)}`);

  const numbers = numberOutlines(outlines, labels, options.numberLayer, warnings);
  const plots: SourcePlot[] = outlines.map((outline, i) => ({
    row: i + 1,
    ref: outline.ref,
    properties: { handle: outline.handle, layer: outline.layer },
    geometry: { type: 'Polygon', coordinates: [outline.ring] },
    number: numbers[i]!,
  }));
  return { format: 'dxf', plots, crs: { kind: 'none', default4326: false }, warnings };
}

function labelOf(entity: ITextEntity | IMtextEntity): Omit<Label, 'layer'> | null {
  let text: string;
  let at: { x: number; y: number } | undefined;
  if (entity.type === 'MTEXT') {
    const mtext = entity as IMtextEntity;
    text = mtextPlain(mtext.text ?? '');
    at = mtext.position;
  } else {
    const plain = entity as ITextEntity;
    text = mtextPlain(plain.text ?? '');
    // A justified TEXT is placed by its alignment point (code 11); a left-aligned one by its start.
    at = (plain.halign || plain.valign) && plain.endPoint ? plain.endPoint : plain.startPoint;
  }
  if (!text || !at || !Number.isFinite(at.x) || !Number.isFinite(at.y)) return null;
  return { text, x: at.x, y: at.y };
}

const bboxOf = (ring: Ring): [number, number, number, number] => {
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x, y] of ring) {
    minX = Math.min(minX, x);
    minY = Math.min(minY, y);
    maxX = Math.max(maxX, x);
    maxY = Math.max(maxY, y);
  }
  return [minX, minY, maxX, maxY];
};

/** Each outline's number: the one distinct text inside it, or why there is none. */
function numberOutlines(outlines: Outline[], labels: Label[], numberLayer: string | undefined, warnings: string[]): SourcePlot['number'][] {
  const candidates = numberLayer === undefined ? labels : labels.filter((l) => sameLayer(l.layer, numberLayer));
  const inside = textsInside(outlines, candidates);
  const anyInside = inside.some((texts) => texts.length > 0);
  if (!anyInside) {
    if (numberLayer !== undefined) {
      const layers = new Map<string, number>();
      for (const l of labels) layers.set(l.layer, (layers.get(l.layer) ?? 0) + 1);
      throw unreadable(
        `No TEXT or MTEXT on layer ${numberLayer} lies inside a closed polyline, so no plot has a number` +
          (layers.size ? `; layers with texts: ${listCounts(layers)}` : '; the drawing has no texts: leave number_field out to number the plots in drawing order'),
      );
    }
    // Drawing order: AutoCAD hands out handles in increasing order as entities are drawn.
    const order = outlines.map((o, i) => ({ i, handle: Number.parseInt(o.handle, 16) })).sort((a, b) => (a.handle || 0) - (b.handle || 0) || a.i - b.i);
    const numbers: SourcePlot['number'][] = [];
    order.forEach(({ i }, n) => (numbers[i] = { value: String(n + 1) }));
    warnings.push(
      `No TEXT or MTEXT lies inside the plots: they were numbered 1 to ${outlines.length} in drawing order (by entity handle). ` +
        'Put each plot number as a text inside its plot to import the drawing\'s own numbers',
    );
    return numbers;
  }
  return inside.map((texts) => {
    const distinct = [...new Set(texts.map((t) => t.text))];
    if (distinct.length === 1) return { value: distinct[0]! };
    if (distinct.length === 0) return { problem: `no TEXT or MTEXT${numberLayer === undefined ? '' : ` on layer ${numberLayer}`} lies inside it to give its number` };
    const listed = texts.slice(0, 4).map((t) => `"${t.text}" on layer ${t.layer}`).join(', ');
    return {
      problem: `holds ${distinct.length} different texts (${listed}${texts.length > 4 ? ', …' : ''}): send number_field with the layer of the plot numbers`,
    };
  });
}

/** The labels inside each outline, found through a grid of cells over the outlines' bounding boxes. */
function textsInside(outlines: Outline[], labels: Label[]): Label[][] {
  const found: Label[][] = outlines.map(() => []);
  const drawn = outlines.filter((o) => o.ring.length >= 4);
  if (labels.length === 0 || drawn.length === 0) return found;
  const [minX, minY, maxX, maxY] = drawn.reduce(
    ([a, b, c, d], o) => [Math.min(a, o.bbox[0]), Math.min(b, o.bbox[1]), Math.max(c, o.bbox[2]), Math.max(d, o.bbox[3])],
    [Infinity, Infinity, -Infinity, -Infinity],
  );
  const side = Math.max(1, Math.ceil(Math.sqrt(outlines.length)));
  const width = (maxX - minX) / side || 1;
  const height = (maxY - minY) / side || 1;
  const cellOf = (x: number, y: number) => [Math.min(side - 1, Math.floor((x - minX) / width)), Math.min(side - 1, Math.floor((y - minY) / height))] as const;
  const cells = new Map<number, number[]>();
  outlines.forEach((o, i) => {
    if (o.ring.length < 4) return;
    const [x0, y0] = cellOf(o.bbox[0], o.bbox[1]);
    const [x1, y1] = cellOf(o.bbox[2], o.bbox[3]);
    for (let cx = x0; cx <= x1; cx++) for (let cy = y0; cy <= y1; cy++) {
      const key = cy * side + cx;
      const cell = cells.get(key);
      if (cell) cell.push(i);
      else cells.set(key, [i]);
    }
  });
  for (const label of labels) {
    if (label.x < minX || label.x > maxX || label.y < minY || label.y > maxY) continue;
    const [cx, cy] = cellOf(label.x, label.y);
    for (const i of cells.get(cy * side + cx) ?? []) {
      const [x0, y0, x1, y1] = outlines[i]!.bbox;
      if (label.x >= x0 && label.x <= x1 && label.y >= y0 && label.y <= y1 && insideRing(outlines[i]!.ring, label.x, label.y)) found[i]!.push(label);
    }
  }
  return found;
}
