import type { Bbox } from './constants.ts';

/** The panels that cover part of the map (their widths as in ui/panel.css and the features' CSS). */
export type PanelKind = 'governorate' | 'zones' | 'zone' | 'project';

/** Which side of the map a panel takes: inline start or end (beside it), or the bottom (a sheet). */
interface PanelPlace {
  side: 'start' | 'end';
  /** The panel's CSS width cap, in pixels. */
  width: number;
  /** Whether it floats `--gap` away from the map's edge (the drawers sit flush against it). */
  floating: boolean;
}

const PANELS: Record<PanelKind, PanelPlace> = {
  governorate: { side: 'start', width: 380, floating: true },
  zones: { side: 'start', width: 600, floating: true },
  zone: { side: 'start', width: 520, floating: true },
  project: { side: 'end', width: 440, floating: false },
};

/** `--gap` in app.css. */
const GAP = 12;
/** A narrow screen's panel is a bottom sheet of at most this share of the map's height (panel.css). */
const SHEET_SHARE = 0.55;
/** Room kept between the framed outline and the map's edges or a panel. */
export const FRAME_EDGE = 40;
/** On a narrow screen the sidebar's button and the zoom buttons sit over the map's top edge. */
const NARROW_TOP = 64;
/** Never leave less than this much of the map's width or height for the outline. */
const MIN_FREE = 120;

export interface MapLayout {
  width: number;
  height: number;
  rtl: boolean;
  /** The page is in its narrow layout (≤ 900 px): panels are bottom sheets. */
  narrow: boolean;
}

export interface Padding {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** The panels open in this view: the zones table or a governorate's panel (the zone screen replaces both), and a project's drawer. */
export function openPanels(view: { governorate: string | null; zone: number | null; project: number | null; zonesTable: unknown }): PanelKind[] {
  const panels: PanelKind[] = [];
  if (view.zone !== null) panels.push('zone');
  else if (view.zonesTable !== null) panels.push('zones');
  else if (view.governorate !== null) panels.push('governorate');
  if (view.project !== null) panels.push('project');
  return panels;
}

/**
 * The padding that frames an outline in the part of the map no panel covers: beside the panels on
 * a wide screen (inline start is the right in Arabic, the left in English), above the bottom sheet
 * on a narrow one. A panel that would leave less than `MIN_FREE` pixels is given less room.
 */
export function framePadding(layout: MapLayout, panels: readonly PanelKind[]): Padding {
  const padding: Padding = { top: FRAME_EDGE, bottom: FRAME_EDGE, left: FRAME_EDGE, right: FRAME_EDGE };
  if (layout.narrow) {
    padding.top = NARROW_TOP;
    if (panels.length > 0) padding.bottom = Math.round(layout.height * SHEET_SHARE) + FRAME_EDGE / 2;
  } else {
    let start = 0;
    let end = 0;
    for (const kind of panels) {
      const place = PANELS[kind];
      const room = Math.min(place.width, layout.width - 2 * GAP - 50) + (place.floating ? GAP : 0);
      if (place.side === 'start') start = Math.max(start, room);
      else end = Math.max(end, room);
    }
    padding[layout.rtl ? 'right' : 'left'] += start;
    padding[layout.rtl ? 'left' : 'right'] += end;
  }
  shrinkToFit(padding, 'left', 'right', layout.width);
  shrinkToFit(padding, 'top', 'bottom', layout.height);
  return padding;
}

function shrinkToFit(padding: Padding, a: 'left' | 'top', b: 'right' | 'bottom', size: number): void {
  const excess = padding[a] + padding[b] + MIN_FREE - size;
  if (excess <= 0) return;
  const total = padding[a] + padding[b];
  padding[a] = Math.max(0, Math.round(padding[a] - (excess * padding[a]) / total));
  padding[b] = Math.max(0, Math.round(padding[b] - (excess * padding[b]) / total));
}

/**
 * How close each kind of selection may be framed, and how far out at least (a zone's plots are drawn
 * from zoom 13). A project point is framed at 11, where single projects are drawn and the
 * governorate's outline and name still give it a place.
 */
export const FRAME_ZOOM: Record<'governorate' | 'zone' | 'project', { min: number; max: number }> = {
  governorate: { min: 0, max: 12 },
  zone: { min: 13, max: 16.5 },
  project: { min: 0, max: 11 },
};

/**
 * Whether the view already shows the outline well enough to leave the map where it is (a shared
 * address with its own camera): the outline's centre is in the free part of the view and the
 * outline is neither tiny (under 1/50 of the free part's width and height) nor cut by more than half.
 * All in screen pixels: `box` is the outline, `free` the part of the map no panel covers.
 */
export function showsWell(box: Bbox, free: Bbox): boolean {
  const [x0, y0, x1, y1] = box;
  const [fx0, fy0, fx1, fy1] = free;
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  if (cx < fx0 || cx > fx1 || cy < fy0 || cy > fy1) return false;
  const w = x1 - x0;
  const h = y1 - y0;
  if (w < (fx1 - fx0) / 50 && h < (fy1 - fy0) / 50) return false;
  const inside = Math.max(0, Math.min(x1, fx1) - Math.max(x0, fx0)) * Math.max(0, Math.min(y1, fy1) - Math.max(y0, fy0));
  return w * h === 0 || inside / (w * h) >= 0.5;
}

/** The part of a `width` × `height` map that the padding leaves free, as [x0, y0, x1, y1] pixels. */
export function freeBox(width: number, height: number, padding: Padding): Bbox {
  return [padding.left, padding.top, width - padding.right, height - padding.bottom];
}

/** A fly of this length is short enough to follow; with reduced motion the map jumps. */
export const MOVE_DURATION = 500;

export function moveDuration(reducedMotion: boolean): number {
  return reducedMotion ? 0 : MOVE_DURATION;
}
