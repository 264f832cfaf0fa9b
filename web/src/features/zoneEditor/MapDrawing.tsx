import area from '@turf/area';
import type { Geometry } from 'geojson';
import type { Map as MaplibreMap } from 'maplibre-gl';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCount } from '../../format/numbers.ts';
import type { Language } from '../../i18n/language.ts';
import type { DrawTool } from '../editor/drawTools.ts';
import { useGeometryEditor } from '../editor/useGeometryEditor.ts';

interface MapDrawingProps {
  map: MaplibreMap | null;
  /** What is drawn: a plot's outline, or the line that cuts a plot. */
  kind: 'polygon' | 'linestring';
  /** The shape to start from (a plot's outline, to edit it); read once. */
  initial: Geometry | null;
  onChange: (geometry: Geometry | null) => void;
  /** While this is shown, the map's clicks draw instead of selecting (see useMapPointer's `enabled`). */
  onDrawingChange?: ((drawing: boolean) => void) | undefined;
  language: Language;
  error: string | null;
  testId: string;
}

/**
 * Drawing on the map with the project editor's tools (Terra Draw through useGeometryEditor): the
 * outline of a plot or a cutting line, then moving its vertices; the drawn area in square metres.
 */
export function MapDrawing({ map, kind, initial, onChange, onDrawingChange, language, error, testId }: MapDrawingProps) {
  const { t } = useTranslation();
  const legendId = useId();
  const [geometry, setGeometry] = useState<Geometry | null>(initial);
  const [tool, setTool] = useState<DrawTool>(initial === null ? kind : 'select');
  const editor = useGeometryEditor(map, {
    initial,
    tool,
    onChange: (next) => {
      setGeometry(next);
      onChange(next);
    },
    onToolChange: setTool,
  });

  // Said once when the drawing starts and once when it ends, whatever callback the parent passes meanwhile.
  const drawingChange = useRef(onDrawingChange);
  useEffect(() => {
    drawingChange.current = onDrawingChange;
  });
  useEffect(() => {
    drawingChange.current?.(true);
    return () => drawingChange.current?.(false);
  }, []);

  const areaM2 = useMemo(() => (geometry !== null && (geometry.type === 'Polygon' || geometry.type === 'MultiPolygon') ? area(geometry) : null), [geometry]);
  const tools: DrawTool[] = [kind, 'select'];
  return (
    <fieldset className="zone-drawing" aria-labelledby={legendId} data-testid={testId} data-ready={editor.ready} data-drawn={geometry !== null}>
      <legend id={legendId}>{t(`zoneEditor.tool.${kind}`)}</legend>
      {map === null && <p className="notice">{t('zoneEditor.noMap')}</p>}
      <div className="tool-buttons" role="toolbar" aria-label={t(`zoneEditor.tool.${kind}`)}>
        {tools.map((name) => (
          <button
            key={name}
            type="button"
            className="secondary-button"
            aria-pressed={tool === name}
            disabled={map === null || (name === 'select' && geometry === null)}
            onClick={() => setTool(name)}
            data-testid={`${testId}-tool-${name}`}
          >
            {t(`zoneEditor.tool.${name === 'select' ? 'select' : kind}`)}
          </button>
        ))}
        <button
          type="button"
          className="secondary-button"
          disabled={geometry === null}
          onClick={() => {
            editor.replace(null);
            setGeometry(null);
            onChange(null);
            setTool(kind);
          }}
          data-testid={`${testId}-clear`}
        >
          {t('zoneEditor.tool.clear')}
        </button>
      </div>
      <p className="muted" aria-live="polite">
        {t(`zoneEditor.hint.${tool === 'select' ? 'select' : kind}`)}
      </p>
      <p data-testid={`${testId}-facts`} data-area={areaM2 === null ? '' : Math.round(areaM2)}>
        {geometry === null ? t('zoneEditor.notDrawn') : areaM2 === null ? t('zoneEditor.lineDrawn') : t('zoneEditor.drawn', { formatted: formatCount(Math.round(areaM2), language) })}
      </p>
      {error !== null && (
        <p className="field-error" role="alert" data-testid={`${testId}-error`}>
          {error}
        </p>
      )}
    </fieldset>
  );
}
