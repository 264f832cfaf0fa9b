import type { Plot, SavedPlots, ZoneDetail } from '@marsad/contracts';
import type { Geometry } from 'geojson';
import type { Map as MaplibreMap } from 'maplibre-gl';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../i18n/language.ts';
import { controlProps, FormField, useFields } from '../../ui/FormField.tsx';
import { MapDrawing } from './MapDrawing.tsx';
import { asDrawn } from './plotForm.ts';
import { mergedNumber } from './plotSelection.ts';
import { FailureNotice, TaskFrame } from './TaskParts.tsx';
import { writeFailure, type WriteFailure } from './writeFailure.ts';
import { deletePlot, mergePlots, splitPlot } from './zoneEditorApi.ts';

interface OperationProps {
  zone: ZoneDetail;
  csrfToken: string;
  language: Language;
  onSaved: (saved: SavedPlots | null) => void;
  onReload: () => void;
  onClose: () => void;
}

/** A write in flight, and how it failed; field errors (named by `fields`) go beside their fields. */
function useWrite(fields: readonly string[]) {
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<WriteFailure | null>(null);
  const run = async <T,>(write: () => Promise<T>): Promise<T | undefined> => {
    setSaving(true);
    setFailure(null);
    try {
      return await write();
    } catch (error) {
      setFailure(writeFailure(error, (name) => fields.includes(name)));
      return undefined;
    } finally {
      setSaving(false);
    }
  };
  const fieldError = (name: string) => (failure?.kind === 'fields' ? failure.fields[name] : undefined);
  return { saving, failure, run, fieldError, clear: () => setFailure(null) };
}

/** Comma-separated numbers as typed (Arabic commas too); empty for "number them for me". */
export function splitNumbers(text: string): string[] {
  return text
    .split(/[,،;]/)
    .map((n) => n.trim())
    .filter((n) => n !== '');
}

/** Cutting a vacant plot by a line drawn across it → POST …/plots/{id}/split; the parts are numbered as typed, or `<n>-1`, `<n>-2`… */
export function SplitTask({ zone, plot, map, csrfToken, language, onDrawingChange, onSaved, onReload, onClose }: OperationProps & { plot: Plot; map: MaplibreMap | null; onDrawingChange?: ((drawing: boolean) => void) | undefined }) {
  const { t } = useTranslation();
  const [line, setLine] = useState<Geometry | null>(null);
  const [lineError, setLineError] = useState<string | null>(null);
  const [numbers, setNumbers] = useState('');
  const write = useWrite(['numbers', 'line']);
  const fieldOf = useFields<'numbers'>('split', (name) => write.fieldError(name));
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const drawn = asDrawn(line);
    if (drawn === null) {
      setLineError(t('zoneEditor.invalid.line'));
      return;
    }
    const parts = splitNumbers(numbers);
    const saved = await write.run(() => splitPlot(zone.id, plot.id, { version: plot.version, line: drawn, ...(parts.length > 0 ? { numbers: parts } : {}) }, csrfToken));
    if (saved !== undefined) onSaved(saved);
  };
  return (
    <TaskFrame title={`${t('zoneEditor.action.split')} ${plot.plot_number}`} onClose={onClose} testId="split-task">
      <form onSubmit={(e) => void onSubmit(e)} noValidate>
        <MapDrawing
          map={map}
          kind="linestring"
          initial={null}
          onChange={(next) => {
            setLine(next);
            setLineError(null);
          }}
          onDrawingChange={onDrawingChange}
          language={language}
          error={lineError ?? write.fieldError('line') ?? null}
          testId="split-drawing"
        />
        <FormField field={fieldOf('numbers', t('zoneEditor.field.numbersHint', { example: `${plot.plot_number}-1, ${plot.plot_number}-2` }))} label={t('zoneEditor.field.numbers')}>
          <input type="text" dir="auto" value={numbers} onChange={(e) => setNumbers(e.target.value)} {...controlProps(fieldOf('numbers'))} />
        </FormField>
        <FailureNotice failure={write.failure} onReload={onReload} testId="split" />
        <div className="form-actions">
          <button type="submit" className="primary-button" disabled={write.saving} data-testid="split-save">
            {write.saving ? t('zoneEditor.saving') : t('zoneEditor.doSplit')}
          </button>
        </div>
      </form>
    </TaskFrame>
  );
}

/** Adjoining plots of one status and holder become one → POST …/plots/merge with each plot's version. */
export function MergeTask({ zone, plots, csrfToken, language, onSaved, onReload, onClose }: OperationProps & { plots: readonly Plot[] }) {
  const { t } = useTranslation();
  const [number, setNumber] = useState(() => mergedNumber(plots));
  const write = useWrite(['plot_number']);
  const [numberError, setNumberError] = useState<string | undefined>(undefined);
  const fieldOf = useFields<'plot_number'>('merge', () => numberError ?? write.fieldError('plot_number'));
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const trimmed = number.trim();
    if (trimmed === '' || trimmed.length > 40) {
      setNumberError(t('zoneEditor.invalid.plotNumber'));
      return;
    }
    const saved = await write.run(() => mergePlots(zone.id, { plots: plots.map((p) => ({ id: p.id, version: p.version })), plot_number: trimmed }, csrfToken));
    if (saved !== undefined) onSaved(saved);
  };
  return (
    <TaskFrame title={t('zoneEditor.action.merge')} onClose={onClose} testId="merge-task">
      <form onSubmit={(e) => void onSubmit(e)} noValidate>
        <p>{t('zoneEditor.selected', { numbers: plots.map((p) => p.plot_number).join(language === 'ar' ? '، ' : ', ') })}</p>
        <FormField field={fieldOf('plot_number')} label={t('zoneEditor.field.mergedNumber')}>
          <input
            type="text"
            dir="auto"
            value={number}
            onChange={(e) => {
              setNumber(e.target.value);
              setNumberError(undefined);
            }}
            {...controlProps(fieldOf('plot_number'))}
          />
        </FormField>
        <FailureNotice failure={write.failure} onReload={onReload} testId="merge" />
        <div className="form-actions">
          <button type="submit" className="primary-button" disabled={write.saving} data-testid="merge-save">
            {write.saving ? t('zoneEditor.saving') : t('zoneEditor.doMerge')}
          </button>
        </div>
      </form>
    </TaskFrame>
  );
}

/** Deleting a vacant plot (drawn by mistake, say) → DELETE with the version read; its history stays. */
export function DeleteTask({ zone, plot, csrfToken, onSaved, onReload, onClose }: OperationProps & { plot: Plot }) {
  const { t } = useTranslation();
  const write = useWrite([]);
  const onDelete = async () => {
    const done = await write.run(async () => {
      await deletePlot(zone.id, plot.id, plot.version, csrfToken);
      return true;
    });
    if (done === true) onSaved(null);
  };
  return (
    <TaskFrame title={`${t('zoneEditor.action.delete')} ${plot.plot_number}`} onClose={onClose} testId="delete-task">
      <p>{t('zoneEditor.deleteConfirm', { number: plot.plot_number })}</p>
      <FailureNotice failure={write.failure} onReload={onReload} testId="delete" />
      <div className="form-actions">
        <button type="button" className="primary-button danger-button" disabled={write.saving} onClick={() => void onDelete()} data-testid="delete-confirm">
          {write.saving ? t('zoneEditor.saving') : t('zoneEditor.doDelete')}
        </button>
        <button type="button" className="secondary-button" onClick={onClose}>
          {t('zoneEditor.cancel')}
        </button>
      </div>
    </TaskFrame>
  );
}
