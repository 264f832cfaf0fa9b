import type { Geometry } from 'geojson';
import type { Map as MaplibreMap } from 'maplibre-gl';
import { useCallback, useEffect, useRef, useState } from 'react';
import {
  TerraDraw,
  TerraDrawLineStringMode,
  TerraDrawPointMode,
  TerraDrawPolygonMode,
  TerraDrawSelectMode,
  type GeoJSONStoreFeatures,
} from 'terra-draw';
import { TerraDrawMapLibreGLAdapter } from 'terra-draw-maplibre-gl-adapter';
import { editableGeometry, type DrawTool } from './drawTools.ts';

/** What the map needs to edit one project's geometry. */
export interface GeometryEditing {
  /** The geometry to start from; `null` to draw a new one. Read once, when editing starts. */
  initial: Geometry | null;
  tool: DrawTool;
  /** The geometry after every finished drawing or drag; `null` once it is deleted. */
  onChange: (geometry: Geometry | null) => void;
  /** A finished drawing switches to `select`, so its vertices can be moved at once. */
  onToolChange: (tool: DrawTool) => void;
}

const EDIT_COLOUR = '#CC79A7';
const FLAGS = {
  draggable: true,
  // The server is the judge of validity: the form warns, the server refuses or repairs.
  selfIntersectable: true,
  coordinates: { draggable: true, deletable: true, midpoints: true },
};

function createDraw(map: MaplibreMap): TerraDraw {
  const style = { fillColor: EDIT_COLOUR, outlineColor: EDIT_COLOUR, fillOpacity: 0.35, outlineWidth: 3 } as const;
  return new TerraDraw({
    adapter: new TerraDrawMapLibreGLAdapter({ map, prefixId: 'marsad-edit' }),
    modes: [
      new TerraDrawPointMode({ styles: { pointColor: EDIT_COLOUR, pointWidth: 8, pointOutlineColor: '#ffffff', pointOutlineWidth: 2 } }),
      new TerraDrawLineStringMode({ styles: { lineStringColor: EDIT_COLOUR, lineStringWidth: 4 } }),
      new TerraDrawPolygonMode({ styles: style }),
      new TerraDrawSelectMode({
        flags: { point: { feature: { draggable: true } }, linestring: { feature: FLAGS }, polygon: { feature: FLAGS } },
        styles: {
          selectedPolygonColor: EDIT_COLOUR,
          selectedPolygonOutlineColor: EDIT_COLOUR,
          selectedLineStringColor: EDIT_COLOUR,
          selectedPointColor: EDIT_COLOUR,
          selectionPointColor: '#ffffff',
          selectionPointOutlineColor: EDIT_COLOUR,
          selectionPointOutlineWidth: 2,
          selectionPointWidth: 6,
        },
      }),
    ],
  });
}

/** Features being swapped programmatically: their change events are not the user's edits. */
const replacing = new WeakSet<TerraDraw>();

/** Puts `geometry` in place of whatever is drawn; false if the tools cannot edit it. */
function replaceFeatures(draw: TerraDraw, geometry: Geometry | null): boolean {
  replacing.add(draw);
  try {
    return swapFeatures(draw, geometry);
  } finally {
    replacing.delete(draw);
  }
}

function swapFeatures(draw: TerraDraw, geometry: Geometry | null): boolean {
  draw.clear();
  const editable = editableGeometry(geometry);
  if (editable === null) return geometry === null;
  const [result] = draw.addFeatures([{ type: 'Feature', geometry: editable.geometry, properties: { mode: editable.mode } }]);
  return result?.valid !== false;
}

/** The one feature being edited (a project has one geometry), or null. */
function currentFeature(draw: TerraDraw): GeoJSONStoreFeatures | null {
  return draw.getSnapshot().find((f) => f.properties.mode !== 'select') ?? draw.getSnapshot()[0] ?? null;
}

/**
 * Drawing and editing a project's geometry on the map with Terra Draw: a point, a line or a
 * polygon, one at a time (a new drawing replaces the old one); `select` moves the feature or its
 * vertices, adds a vertex from a midpoint, and deletes one with a right-click. While editing, the
 * map's own clicks (selecting governorates and projects) are off: see `useMapPointer`'s `enabled`.
 * Returns whether the editor is ready, and `replace` to put a geometry typed elsewhere (coordinates,
 * a deletion) on the map.
 */
export function useGeometryEditor(
  map: MaplibreMap | null,
  editing: GeometryEditing | null,
): { ready: boolean; replace: (geometry: Geometry | null) => void } {
  const active = editing !== null;
  const [draw, setDraw] = useState<TerraDraw | null>(null);
  // The latest callbacks, so that Terra Draw's listeners (added once) never call stale ones.
  const latest = useRef(editing);
  useEffect(() => {
    latest.current = editing;
  });

  useEffect(() => {
    if (map === null || !active) return;
    const instance = createDraw(map);
    const emit = () => {
      const feature = currentFeature(instance);
      latest.current?.onChange(feature === null ? null : (feature.geometry as Geometry));
    };
    instance.on('ready', () => {
      replaceFeatures(instance, latest.current?.initial ?? null);
      setDraw(instance);
    });
    instance.on('finish', (id, context) => {
      if (context.action === 'draw') {
        const others = instance.getSnapshot().filter((f) => f.id !== id).map((f) => f.id!);
        if (others.length > 0) instance.removeFeatures(others);
        latest.current?.onToolChange('select');
      }
      emit();
    });
    instance.on('change', (_ids, type) => {
      if (type === 'delete' && !replacing.has(instance)) emit();
    });
    instance.start();
    return () => {
      setDraw(null);
      instance.stop();
    };
  }, [map, active]);

  const tool = editing?.tool ?? null;
  useEffect(() => {
    if (draw === null || tool === null) return;
    draw.setMode(tool);
    const feature = currentFeature(draw);
    if (tool === 'select' && feature?.id !== undefined) draw.selectFeature(feature.id);
  }, [draw, tool]);

  const replace = useCallback(
    (geometry: Geometry | null) => {
      if (draw === null) return;
      replaceFeatures(draw, geometry);
      const feature = currentFeature(draw);
      if (draw.getMode() === 'select' && feature?.id !== undefined) draw.selectFeature(feature.id);
    },
    [draw],
  );
  return { ready: draw !== null, replace };
}
