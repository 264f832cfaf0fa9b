import type { Geometry, LineString, Point, Polygon, Position } from 'geojson';

/** The editor's tools: draw one kind of geometry, or select the drawn one to move it and its vertices. */
export const DRAW_TOOLS = ['point', 'linestring', 'polygon', 'select'] as const;
export type DrawTool = (typeof DRAW_TOOLS)[number];

export interface EditableGeometry {
  geometry: Point | LineString | Polygon;
  /** The Terra Draw mode that owns a feature of this kind. */
  mode: 'point' | 'linestring' | 'polygon';
}

// Seven decimals of a degree is about a centimetre: finer than any survey of a project site.
const round = (position: Position): Position => [Math.round(position[0]! * 1e7) / 1e7, Math.round(position[1]! * 1e7) / 1e7];

/**
 * A stored geometry as the drawing tools can edit it: two-dimensional, rounded to a centimetre, and
 * a single part (a multi-geometry of one part becomes that part). `null` for what they cannot edit
 * — several parts — which the user may replace by drawing a new geometry.
 */
export function editableGeometry(geometry: Geometry | null): EditableGeometry | null {
  if (geometry === null) return null;
  switch (geometry.type) {
    case 'Point':
      return { mode: 'point', geometry: { type: 'Point', coordinates: round(geometry.coordinates) } };
    case 'LineString':
      return { mode: 'linestring', geometry: { type: 'LineString', coordinates: geometry.coordinates.map(round) } };
    case 'Polygon':
      return { mode: 'polygon', geometry: { type: 'Polygon', coordinates: geometry.coordinates.map((ring) => ring.map(round)) } };
    case 'MultiPoint':
      return geometry.coordinates.length === 1 ? editableGeometry({ type: 'Point', coordinates: geometry.coordinates[0]! }) : null;
    case 'MultiLineString':
      return geometry.coordinates.length === 1 ? editableGeometry({ type: 'LineString', coordinates: geometry.coordinates[0]! }) : null;
    case 'MultiPolygon':
      return geometry.coordinates.length === 1 ? editableGeometry({ type: 'Polygon', coordinates: geometry.coordinates[0]! }) : null;
    case 'GeometryCollection':
      return null;
  }
}

/** The drawing tool that fits a geometry (for the toolbar's initial state). */
export function toolFor(geometry: Geometry | null): DrawTool {
  return editableGeometry(geometry) === null ? 'point' : 'select';
}
