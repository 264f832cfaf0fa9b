import type { Geometry } from 'geojson';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { GovernorateCollection } from '../../api/boundaries.ts';
import type { SessionUser } from '../account/session.ts';
import { governorateName } from '../../data/governorateNames.ts';
import { formatCount, formatNumber } from '../../format/numbers.ts';
import type { Language } from '../../i18n/language.ts';
import { controlProps, FormField, useFields } from '../../ui/FormField.tsx';
import { DRAW_TOOLS, type DrawTool } from './drawTools.ts';
import type { GeometryFacts } from './geometryFacts.ts';

interface GeometryToolsProps {
  geometry: Geometry | null;
  /** What the browser could tell about `geometry` (computed once per shape by the editor). */
  facts: GeometryFacts | null;
  /** The stored geometry has parts the tools cannot edit (it is kept unless replaced). */
  multipart: boolean;
  tool: DrawTool;
  onToolChange: (tool: DrawTool) => void;
  onPlacePoint: (geometry: Geometry) => void;
  onDelete: () => void;
  governorates: GovernorateCollection | undefined;
  user: SessionUser;
  language: Language;
  error: string | null;
}

/** Typing coordinates places a point without a mouse (or from a GPS reading). */
function CoordinateEntry({ onPlace, language }: { onPlace: (geometry: Geometry) => void; language: Language }) {
  const { t } = useTranslation();
  const fieldOf = useFields<'lat' | 'lon'>('editor', () => undefined);
  const latField = fieldOf('lat');
  const lonField = fieldOf('lon');
  const [lon, setLon] = useState('');
  const [lat, setLat] = useState('');
  const x = Number(lon);
  const y = Number(lat);
  const valid = lon.trim() !== '' && lat.trim() !== '' && Math.abs(x) <= 180 && Math.abs(y) <= 90;
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (valid) onPlace({ type: 'Point', coordinates: [x, y] });
  };
  // A nested <form> is not allowed: this is a group whose button submits only these two fields.
  return (
    <div className="form-row coordinate-entry" role="group" aria-label={t('editor.placePoint')}>
      <FormField field={latField} label={t('editor.latitude')}>
        <input type="number" step="any" min={-90} max={90} dir="ltr" lang={language} value={lat} onChange={(e) => setLat(e.target.value)} {...controlProps(latField)} />
      </FormField>
      <FormField field={lonField} label={t('editor.longitude')}>
        <input type="number" step="any" min={-180} max={180} dir="ltr" lang={language} value={lon} onChange={(e) => setLon(e.target.value)} {...controlProps(lonField)} />
      </FormField>
      <button type="button" className="secondary-button" disabled={!valid} onClick={onSubmit} data-testid="editor-place-point">
        {t('editor.placePoint')}
      </button>
    </div>
  );
}

/** What the browser can already tell about the shape: its size, its governorate, and what the server will refuse. */
function Facts({ facts, governorates, user, language }: { facts: GeometryFacts; governorates: GovernorateCollection | undefined; user: SessionUser; language: Language }) {
  const { t } = useTranslation();
  const parts = [t(`editor.facts.${facts.type}`), t('editor.facts.vertices', { count: facts.vertices, formatted: formatCount(facts.vertices, language) })];
  if (facts.areaM2 !== null) parts.push(t('editor.facts.area', { formatted: formatNumber(Math.round(facts.areaM2 / 100) / 100, language) }));
  if (facts.lengthM !== null) parts.push(t('editor.facts.length', { formatted: formatNumber(Math.round(facts.lengthM / 10) / 100, language) }));
  const governorate = facts.governorate;
  const notYours = governorate !== null && user.role === 'engineer' && !user.governorates.includes(governorate.code);
  return (
    <div className="geometry-facts" data-testid="editor-geometry-facts" data-governorate={governorate?.code ?? ''} data-vertices={facts.vertices}>
      <p>{parts.join(t('editor.facts.separator'))}</p>
      {governorate !== null && <p>{t('editor.facts.governorate', { name: governorateName(governorate, language) })}</p>}
      {governorate === null && governorates !== undefined && (
        <p className="field-error" role="status">
          {t('editor.facts.outside')}
        </p>
      )}
      {notYours && (
        <p className="field-error" role="status">
          {t('editor.facts.notYours')}
        </p>
      )}
      {facts.selfIntersections > 0 && (
        <p className="field-error" role="status" data-testid="editor-self-intersecting">
          {t('editor.facts.selfIntersecting', { formatted: formatCount(facts.selfIntersections, language) })}
        </p>
      )}
    </div>
  );
}

/** The drawing toolbar, a hint for the chosen tool, coordinates for a point, and facts about the shape. */
export function GeometryTools({ geometry, facts, multipart, tool, onToolChange, onPlacePoint, onDelete, governorates, user, language, error }: GeometryToolsProps) {
  const { t } = useTranslation();
  const titleId = useId();
  return (
    <fieldset className="geometry-tools" aria-labelledby={titleId} data-testid="editor-geometry">
      <legend id={titleId}>{t('editor.geometry')}</legend>
      <div className="tool-buttons" role="toolbar" aria-label={t('editor.tools')}>
        {DRAW_TOOLS.map((name) => (
          <button
            key={name}
            type="button"
            className="secondary-button"
            aria-pressed={tool === name}
            disabled={name === 'select' && geometry === null}
            onClick={() => onToolChange(name)}
            data-testid={`editor-tool-${name}`}
          >
            {t(`editor.tool.${name}`)}
          </button>
        ))}
        <button type="button" className="secondary-button" disabled={geometry === null} onClick={onDelete} data-testid="editor-delete-geometry">
          {t('editor.deleteGeometry')}
        </button>
      </div>
      <p className="muted" aria-live="polite">
        {t(`editor.hint.${tool}`)}
      </p>
      {tool === 'point' && <CoordinateEntry onPlace={onPlacePoint} language={language} />}
      {multipart && <p className="notice">{t('editor.multipart')}</p>}
      {facts === null ? <p className="muted">{t('editor.noGeometry')}</p> : <Facts facts={facts} governorates={governorates} user={user} language={language} />}
      {error !== null && (
        <p className="field-error" role="alert" data-testid="editor-geometry-error">
          {error}
        </p>
      )}
    </fieldset>
  );
}
