import { useQuery } from '@tanstack/react-query';
import type { Plot, PlotActivity, SavedPlots, ZoneDetail } from '@marsad/contracts';
import type { Geometry } from 'geojson';
import type { Map as MaplibreMap } from 'maplibre-gl';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../i18n/language.ts';
import { controlProps, FormField, useFields } from '../../ui/FormField.tsx';
import { MapDrawing } from './MapDrawing.tsx';
import { asDrawn, EMPTY_PLOT_FORM, formFromPlot, isPlotFormField, newPlotBody, plotChange, plotFormProblems, type PlotForm, type PlotFormField } from './plotForm.ts';
import { FailureNotice, TaskFrame } from './TaskParts.tsx';
import { createPlot, fetchPlotGeometry, updatePlot } from './zoneEditorApi.ts';
import { writeFailure, type WriteFailure } from './writeFailure.ts';

export interface PlotTaskProps {
  zone: ZoneDetail;
  /** The plot to edit, or null to draw a new one. */
  plot: Plot | null;
  activities: readonly PlotActivity[];
  map: MaplibreMap | null;
  csrfToken: string;
  language: Language;
  onDrawingChange?: ((drawing: boolean) => void) | undefined;
  onSaved: (saved: SavedPlots) => void;
  onReload: () => void;
  onClose: () => void;
}

/** The activities offered: those usual in this kind of zone, and the plot's own whatever it is. */
function offeredActivities(activities: readonly PlotActivity[], kind: ZoneDetail['kind'], current: string): PlotActivity[] {
  return activities.filter((a) => a.zone_kinds.includes(kind) || a.code === current);
}

/** The plot's facts: number, activity, jobs and investment, note. */
function PlotFields({ form, errors, onChange, activities, zone, language }: {
  form: PlotForm;
  errors: Partial<Record<PlotFormField, string>>;
  onChange: (field: PlotFormField, value: string) => void;
  activities: readonly PlotActivity[];
  zone: ZoneDetail;
  language: Language;
}) {
  const { t } = useTranslation();
  const fieldOf = useFields<PlotFormField>('plot', (name) => errors[name]);
  const field = (name: PlotFormField, input: ReactNode) => (
    <FormField field={fieldOf(name)} label={t(`zoneEditor.field.${name}`, { currency: zone.currency })}>
      {input}
    </FormField>
  );
  const number = (name: PlotFormField) => (
    <input type="text" inputMode="decimal" dir="ltr" lang={language} value={form[name]} onChange={(e) => onChange(name, e.target.value)} {...controlProps(fieldOf(name))} />
  );
  return (
    <>
      <div className="form-row">
        {field('plot_number', <input type="text" dir="auto" value={form.plot_number} onChange={(e) => onChange('plot_number', e.target.value)} {...controlProps(fieldOf('plot_number'))} />)}
        {field(
          'activity',
          <select value={form.activity} onChange={(e) => onChange('activity', e.target.value)} {...controlProps(fieldOf('activity'))}>
            <option value="">{t('zoneEditor.field.noActivity')}</option>
            {offeredActivities(activities, zone.kind, form.activity).map((a) => (
              <option key={a.code} value={a.code}>
                {language === 'ar' ? a.name_ar : a.name_en}
              </option>
            ))}
          </select>,
        )}
      </div>
      <div className="form-row">
        {field('planned_jobs', number('planned_jobs'))}
        {field('actual_jobs', number('actual_jobs'))}
      </div>
      <div className="form-row">
        {field('planned_investment', number('planned_investment'))}
        {field('actual_investment', number('actual_investment'))}
      </div>
      {field('note', <textarea rows={2} dir="auto" value={form.note} onChange={(e) => onChange('note', e.target.value)} {...controlProps(fieldOf('note'))} />)}
    </>
  );
}

/**
 * Drawing a new plot (its outline on the map and its facts → POST …/plots), or editing one (its
 * facts and, when redrawn, its outline → PATCH with the version read). The server judges the
 * outline (inside the zone, overlapping no other plot) and says why it refuses.
 */
export function PlotTask(props: PlotTaskProps) {
  const { zone, plot, map, language } = props;
  const { t } = useTranslation();
  // An edited plot's outline is read first: the drawing starts from it.
  const outline = useQuery({
    queryKey: ['zones', zone.id, 'plot-geometry', plot?.id ?? 0, plot?.version ?? 0],
    queryFn: ({ signal }) => fetchPlotGeometry(zone.id, plot!.id, signal),
    enabled: plot !== null,
    staleTime: Infinity,
  });
  const title = plot === null ? t('zoneEditor.action.draw') : `${t('zoneEditor.action.edit')} ${plot.plot_number}`;
  return (
    <TaskFrame title={title} onClose={props.onClose} testId="plot-task">
      {plot !== null && outline.isPending ? (
        <p className="muted">{t('zoneEditor.loadingGeometry')}</p>
      ) : (
        <PlotTaskForm {...props} initial={outline.data ?? null} language={language} map={map} />
      )}
    </TaskFrame>
  );
}

function PlotTaskForm({ zone, plot, activities, map, csrfToken, language, onDrawingChange, onSaved, onReload, initial }: PlotTaskProps & { initial: Geometry | null }) {
  const { t } = useTranslation();
  const [start] = useState<PlotForm>(() => (plot === null ? EMPTY_PLOT_FORM : formFromPlot(plot)));
  const [form, setForm] = useState<PlotForm>(start);
  const [geometry, setGeometry] = useState<Geometry | null>(initial);
  const [geometryChanged, setGeometryChanged] = useState(false);
  const [errors, setErrors] = useState<Partial<Record<PlotFormField, string>>>({});
  const [geometryError, setGeometryError] = useState<string | null>(null);
  const [failure, setFailure] = useState<WriteFailure | null>(null);
  const [state, setState] = useState<'idle' | 'saving' | 'nothingChanged'>('idle');

  const onChange = (field: PlotFormField, value: string) => {
    setForm((f) => ({ ...f, [field]: value }));
    setErrors((e) => ({ ...e, [field]: undefined }));
    setState('idle');
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const problems = plotFormProblems(form);
    const messages: Partial<Record<PlotFormField, string>> = {};
    for (const [field, key] of Object.entries(problems)) messages[field as PlotFormField] = t(`zoneEditor.invalid.${key}`);
    setErrors(messages);
    const drawn = asDrawn(geometry);
    setGeometryError(drawn === null ? t('zoneEditor.invalid.geometry') : null);
    setFailure(null);
    if (Object.keys(messages).length > 0 || drawn === null) return;
    const change = plot === null ? null : plotChange(start, form, geometryChanged ? drawn : undefined, plot.version);
    if (plot !== null && change === null) {
      setState('nothingChanged');
      return;
    }
    setState('saving');
    try {
      const saved = plot === null ? await createPlot(zone.id, newPlotBody(form, drawn), csrfToken) : await updatePlot(zone.id, plot.id, change!, csrfToken);
      setState('idle');
      onSaved(saved);
    } catch (error) {
      setState('idle');
      const sorted = writeFailure(error, (name) => isPlotFormField(name) || name === 'geometry');
      if (sorted.kind === 'fields') {
        const { geometry: aboutGeometry, ...fields } = sorted.fields;
        setErrors(fields);
        setGeometryError(aboutGeometry ?? null);
      }
      setFailure(sorted);
    }
  };

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate data-testid="plot-form">
      <MapDrawing
        map={map}
        kind="polygon"
        initial={initial}
        onChange={(next) => {
          setGeometry(next);
          setGeometryChanged(true);
          setGeometryError(null);
          setState('idle');
        }}
        onDrawingChange={onDrawingChange}
        language={language}
        error={geometryError}
        testId="plot-drawing"
      />
      <PlotFields form={form} errors={errors} onChange={onChange} activities={activities} zone={zone} language={language} />
      <div aria-live="polite">{state === 'nothingChanged' && <p className="notice">{t('zoneEditor.nothingChanged')}</p>}</div>
      <FailureNotice failure={failure} onReload={onReload} testId="plot-form" />
      <div className="form-actions">
        <button type="submit" className="primary-button" disabled={state === 'saving'} data-testid="plot-save">
          {state === 'saving' ? t('zoneEditor.saving') : t('zoneEditor.save')}
        </button>
      </div>
    </form>
  );
}
