import type { Geometry } from 'geojson';
import type { Map as MaplibreMap } from 'maplibre-gl';
import { useCallback, useMemo } from 'react';
import type { CountryCollection, GovernorateCollection } from '../api/boundaries.ts';
import { useProject } from '../api/useProjects.ts';
import type { CameraCommand } from '../url/useViewState.ts';
import { currentSelection, selectionKey } from '../url/selectionHistory.ts';
import type { ViewState } from '../url/viewState.ts';
import { collectionBbox } from './bbox.ts';
import type { Bbox } from './constants.ts';
import { openPanels } from './selectionFraming.ts';
import { useSelectionCamera, type SelectionTarget } from './useSelectionCamera.ts';
import { useSelectionHighlight } from './useSelectionHighlight.ts';

function geometryBbox(geometry: Geometry | null | undefined): Bbox | null {
  if (geometry === null || geometry === undefined) return null;
  return collectionBbox({ type: 'FeatureCollection', features: [{ type: 'Feature', geometry, properties: {} }] });
}

export interface SelectionViewInput {
  view: ViewState;
  command: CameraCommand;
  countries: CountryCollection | undefined;
  governorates: GovernorateCollection | undefined;
  /** The project editor is open: it draws the project itself. */
  editing: boolean;
  updateView: (patch: Partial<ViewState>) => void;
}

/**
 * The map follows the selection: the chosen governorate's extent comes from the boundaries already
 * loaded, a project's from its detail (the same read as its drawer), a zone is framed by its screen.
 * The open project is outlined on the map.
 */
export function useSelectionView(map: MaplibreMap | null, { view, command, countries, governorates, editing, updateView }: SelectionViewInput): void {
  const selection = currentSelection(view);
  const project = useProject(view.project).data;
  // The governorate is framed when it is the innermost selection.
  const governorateCode = view.project === null && view.zone === null ? view.governorate : null;
  const governorateBbox = useMemo(() => {
    if (governorateCode === null || governorates === undefined) return null;
    return geometryBbox(governorates.features.find((feature) => feature.properties.code === governorateCode)?.geometry);
  }, [governorateCode, governorates]);
  const projectGeometry = view.project !== null && project !== undefined && project.id === view.project ? (project.geometry as Geometry) : null;
  const projectBbox = useMemo(() => geometryBbox(projectGeometry), [projectGeometry]);
  const key = selectionKey(selection);
  const level = selection?.level ?? null;
  const bbox = level === 'governorate' ? governorateBbox : level === 'project' ? projectBbox : null;
  const target = useMemo<SelectionTarget | null>(() => (level === null ? null : { key, level, bbox }), [key, level, bbox]);
  const nationalBbox = useMemo(() => (countries === undefined ? null : collectionBbox(countries)), [countries]);
  const { governorate, zone, project: projectId, zonesTable } = view;
  const panels = useMemo(() => openPanels({ governorate, zone, project: projectId, zonesTable }), [governorate, zone, projectId, zonesTable]);
  const onNational = useCallback(() => updateView({ camera: null }), [updateView]);

  useSelectionCamera(map, { command, camera: view.camera, target, panels, nationalBbox, active: view.screen === 'map', onNational });
  useSelectionHighlight(view.screen === 'map' ? map : null, editing ? null : projectGeometry);
}
