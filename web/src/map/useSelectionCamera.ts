import type { Map as MaplibreMap, MapLibreEvent } from 'maplibre-gl';
import { useEffect, useRef } from 'react';
import type { CameraCommand } from '../url/useViewState.ts';
import type { SelectionLevel } from '../url/selectionHistory.ts';
import { roundCamera, type Camera } from '../url/viewState.ts';
import { FIT_PADDING, PROGRAMMATIC_MOVE, type Bbox } from './constants.ts';
import { FRAME_ZOOM, framePadding, freeBox, moveDuration, showsWell, type PanelKind, type Padding } from './selectionFraming.ts';
import { useMapReady } from './useMapReady.ts';

/** What is selected and, once known, its outline's extent. */
export interface SelectionTarget {
  /** `selectionKey` of the selection. */
  key: string;
  level: SelectionLevel;
  /** [west, south, east, north]; `null` while its outline is being read. */
  bbox: Bbox | null;
}

export interface SelectionCameraInput {
  command: CameraCommand;
  /** The camera in the address (`null`: the national view). */
  camera: Camera | null;
  target: SelectionTarget | null;
  panels: readonly PanelKind[];
  /** The countries' extent: the national view. */
  nationalBbox: Bbox | null;
  /** The map is on the page (not replaced by the plans, obstacles… screens). */
  active: boolean;
  /** The national view was taken by the map itself: the address drops its camera. */
  onNational: () => void;
}

const NARROW_QUERY = '(max-width: 900px)';
const REDUCED_MOTION_QUERY = '(prefers-reduced-motion: reduce)';

function matches(query: string): boolean {
  return typeof window.matchMedia === 'function' && window.matchMedia(query).matches;
}

/** How long a move of the map lasts here: 0 (a jump) when the reader asks for reduced motion. */
export function moveDurationHere(): number {
  return moveDuration(matches(REDUCED_MOTION_QUERY));
}

/** The padding that frames an outline on this map beside these panels, in the page's direction and layout. */
export function paddingFor(map: MaplibreMap, panels: readonly PanelKind[]): Padding {
  const { clientWidth, clientHeight } = map.getContainer();
  return framePadding({ width: clientWidth, height: clientHeight, rtl: document.documentElement.dir === 'rtl', narrow: matches(NARROW_QUERY) }, panels);
}

/** The outline's extent in the map's pixels, as [x0, y0, x1, y1]. */
function pixelBox(map: MaplibreMap, [w, s, e, n]: Bbox): Bbox {
  const a = map.project([w, n]);
  const b = map.project([e, s]);
  return [Math.min(a.x, b.x), Math.min(a.y, b.y), Math.max(a.x, b.x), Math.max(a.y, b.y)];
}

function frame(map: MaplibreMap, target: SelectionTarget & { bbox: Bbox }, panels: readonly PanelKind[]): void {
  const zoom = FRAME_ZOOM[target.level];
  const found = map.cameraForBounds(target.bbox, { padding: paddingFor(map, panels), maxZoom: zoom.max });
  if (found === undefined) return;
  map.easeTo({ center: found.center, zoom: Math.max(zoom.min, found.zoom ?? zoom.min), duration: moveDurationHere() });
}

function goTo(map: MaplibreMap, camera: Camera): void {
  const here = roundCamera({ zoom: map.getZoom(), lat: map.getCenter().lat, lon: map.getCenter().lng });
  if (here.zoom === camera.zoom && here.lat === camera.lat && here.lon === camera.lon) return;
  map.easeTo({ center: [camera.lon, camera.lat], zoom: camera.zoom, duration: moveDurationHere() });
}

/**
 * Carries out one camera command; `false` while it waits for something (the outline, the countries).
 * Zones are framed by their screen (`useZoneCamera`, at a zoom where their plots are drawn).
 */
function carryOut(map: MaplibreMap, command: CameraCommand, input: SelectionCameraInput): boolean {
  const { target, panels } = input;
  const fitTarget = (): boolean => {
    if (target === null || target.level === 'zone') return true;
    if (target.bbox === null) return false;
    frame(map, { ...target, bbox: target.bbox }, panels);
    return true;
  };
  const national = (): boolean => {
    if (input.nationalBbox === null) return false;
    const duration = moveDurationHere();
    map.fitBounds(input.nationalBbox, { padding: FIT_PADDING, duration }, { [PROGRAMMATIC_MOVE]: true });
    input.onNational();
    return true;
  };
  const { move } = command;
  switch (move.kind) {
    case 'fit':
      return fitTarget();
    case 'camera':
      if (move.camera === null) return national();
      goTo(map, move.camera);
      return true;
    case 'sync':
      if (input.camera !== null) {
        goTo(map, input.camera);
        return true;
      }
      return target === null ? national() : fitTarget();
    case 'load': {
      if (target === null || target.level === 'zone') return true;
      if (target.bbox === null) return false;
      const { clientWidth, clientHeight } = map.getContainer();
      if (input.camera !== null && showsWell(pixelBox(map, target.bbox), freeBox(clientWidth, clientHeight, paddingFor(map, panels)))) return true;
      return fitTarget();
    }
  }
}

/**
 * Moves the map as the selection changes (see `selectionHistory.ts` for the rules): frames a newly
 * chosen governorate or project beside the open panels, goes back to where the reader was when a
 * panel closes, and follows back/forward. It only moves on a command: a re-render, or an outline
 * that arrives again, never moves a map the reader has placed; and a framing still waiting for its
 * outline is dropped as soon as the reader drags or zooms the map. With reduced motion it jumps.
 *
 * For browser tests the map's container tells `data-view-bounds` (west,south,east,north of what it
 * shows), `data-selection` (the selection's key) and `data-selection-box` (its outline's extent in
 * the container's pixels, x0,y0,x1,y1), updated after every move, and `data-camera-moving` while
 * the map moves.
 */
export function useSelectionCamera(map: MaplibreMap | null, input: SelectionCameraInput): void {
  const ready = useMapReady(map);
  const handled = useRef(-1);
  const pending = useRef<CameraCommand | null>(null);
  const latest = useRef(input);
  useEffect(() => {
    latest.current = input;
  });

  // The reader's own drag, zoom or keyboard move cancels a framing that still waits for its outline.
  useEffect(() => {
    if (map === null) return;
    const onMoveStart = (event: MapLibreEvent) => {
      if (event.originalEvent !== undefined) pending.current = null;
    };
    map.on('movestart', onMoveStart);
    return () => {
      map.off('movestart', onMoveStart);
    };
  }, [map]);

  const { command, target, active, nationalBbox } = input;
  useEffect(() => {
    if (!active) {
      handled.current = command.seq;
      pending.current = null;
      return;
    }
    if (map === null || !ready) return;
    if (handled.current !== command.seq) {
      handled.current = command.seq;
      pending.current = command;
    }
    if (pending.current !== null && carryOut(map, pending.current, latest.current)) pending.current = null;
  }, [map, ready, active, command, target?.key, target?.bbox, nationalBbox]);

  // What the map shows and where the selection is on it, for browser tests.
  useEffect(() => {
    if (map === null) return;
    const container = map.getContainer();
    const describe = () => {
      const bounds = map.getBounds();
      container.dataset.viewBounds = [bounds.getWest(), bounds.getSouth(), bounds.getEast(), bounds.getNorth()].map((n) => n.toFixed(5)).join(',');
      const { target: shown } = latest.current;
      container.dataset.selection = shown?.key ?? '';
      if (shown?.bbox) container.dataset.selectionBox = pixelBox(map, shown.bbox).map((n) => n.toFixed(1)).join(',');
      else delete container.dataset.selectionBox;
    };
    const onMoveStart = () => {
      container.dataset.cameraMoving = 'true';
    };
    const onMoveEnd = () => {
      delete container.dataset.cameraMoving;
      describe();
    };
    describe();
    map.on('movestart', onMoveStart);
    map.on('moveend', onMoveEnd);
    return () => {
      map.off('movestart', onMoveStart);
      map.off('moveend', onMoveEnd);
    };
  }, [map, target?.key, target?.bbox]);
}
