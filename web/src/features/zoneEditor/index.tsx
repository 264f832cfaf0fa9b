import type { Plot, SavedPlots, ZoneDetail } from '@marsad/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Map as MaplibreMap } from 'maplibre-gl';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../i18n/language.ts';
import { useMessages } from '../../i18n/useMessages.ts';
import { refreshEverything, useSession } from '../account/useSession.ts';
import { draftMessages } from '../drafts/messages.ts';
import { photoMessages } from '../photos/messages.ts';
import { zoneEditorMessages } from './messages.ts';
import { PlotImportDialog } from './PlotImportDialog.tsx';
import { DeleteTask, MergeTask, SplitTask } from './PlotOperations.tsx';
import { unavailable, type PlotAction } from './plotSelection.ts';
import { PlotTask } from './PlotTask.tsx';
import { fetchPlotActivities } from './zoneEditorApi.ts';
import { ZoneFactsTask } from './ZoneFactsTask.tsx';
import { ZoneReportTask } from './ZoneReportTask.tsx';
import './zoneEditor.css';

/** What the zone screen hands the editing tools: the zone, the plots selected in its list, and a way to say something changed. */
export interface ZoneEditProps {
  zone: ZoneDetail;
  selectedPlots: Plot[];
  language: Language;
  /** After any saved change: the screen refetches the zone and its plots. */
  onChanged: () => void;
  /** The map to draw plots and cutting lines on; without it the drawing tools wait. */
  map?: MaplibreMap | null;
  /** True while a drawing tool is out: the map's clicks then draw instead of selecting zones and projects. */
  onDrawingChange?: (drawing: boolean) => void;
}

type Task =
  | { kind: 'draw' }
  | { kind: 'edit'; plot: Plot }
  | { kind: 'split'; plot: Plot }
  | { kind: 'merge'; plots: Plot[] }
  | { kind: 'delete'; plot: Plot }
  | { kind: 'import' }
  | { kind: 'report' }
  | { kind: 'facts' };

const ZONE_TASKS = ['report', 'facts', 'import'] as const;

/**
 * The zone's editing tools for its engineer: drawing, editing, splitting, merging, deleting and
 * importing plots, reporting progress with the utilities' stages, and the zone's own facts. The
 * zone screen shows them when `zone.writable` (the API still decides every write). One task is
 * open at a time; each says in words why a write was refused, beside the field or above its button.
 */
export function ZoneEditActions({ zone, selectedPlots, language, onChanged, map = null, onDrawingChange }: ZoneEditProps): React.JSX.Element | null {
  useMessages('zoneEditor', zoneEditorMessages);
  useMessages('drafts', draftMessages);
  useMessages('photos', photoMessages);
  const { t } = useTranslation();
  const client = useQueryClient();
  const session = useSession().data ?? null;
  const headingId = useId();
  const [task, setTask] = useState<Task | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const activities = useQuery({ queryKey: ['plot-activities'], queryFn: ({ signal }) => fetchPlotActivities(signal), staleTime: Infinity });
  if (session === null || !zone.writable) return null;
  const csrfToken = session.csrfToken;

  const open = (next: Task) => {
    setDone(null);
    setTask(next);
  };
  const close = () => setTask(null);
  const changed = () => {
    refreshEverything(client);
    onChanged();
  };
  // After a conflict: read the zone and its plots again; a plot task closes (its plot has a new version).
  const reload = () => {
    changed();
    if (task !== null && task.kind !== 'report' && task.kind !== 'facts') close();
  };
  const savedPlots = (kind: 'draw' | 'edit' | 'split' | 'merge' | 'delete') => (saved: SavedPlots | null) => {
    const numbers = saved?.plots.map((p) => p.plot_number) ?? [];
    setDone(t(`zoneEditor.saved.${kind}`, { number: numbers[0] ?? '', numbers: numbers.join(language === 'ar' ? '، ' : ', ') }));
    close();
    changed();
  };
  const plotAction = (action: PlotAction): Task => {
    const [first] = selectedPlots;
    switch (action) {
      case 'edit':
        return { kind: 'edit', plot: first! };
      case 'split':
        return { kind: 'split', plot: first! };
      case 'delete':
        return { kind: 'delete', plot: first! };
      case 'merge':
        return { kind: 'merge', plots: [...selectedPlots] };
    }
  };
  const common = { zone, csrfToken, language, onReload: reload, onClose: close };

  return (
    <section className="zone-edit" aria-labelledby={headingId} data-testid="zone-edit">
      <h3 id={headingId} className="section-title">
        {t('zoneEditor.heading')}
      </h3>
      <div className="zone-edit-actions" role="toolbar" aria-label={t('zoneEditor.heading')}>
        <button type="button" className="secondary-button" aria-pressed={task?.kind === 'draw'} onClick={() => open({ kind: 'draw' })} data-testid="zone-edit-draw">
          {t('zoneEditor.action.draw')}
        </button>
        {(['edit', 'split', 'merge', 'delete'] as const).map((action) => {
          const why = unavailable(action, selectedPlots);
          const whyId = `${headingId}-${action}-why`;
          return (
            <span key={action} className="zone-edit-action">
              <button
                type="button"
                className="secondary-button"
                aria-pressed={task?.kind === action}
                aria-disabled={why !== null}
                aria-describedby={why === null ? undefined : whyId}
                title={why === null ? undefined : t(`zoneEditor.unavailable.${why}`)}
                onClick={() => why === null && open(plotAction(action))}
                data-testid={`zone-edit-${action}`}
              >
                {t(`zoneEditor.action.${action}`)}
              </button>
              {why !== null && (
                <span id={whyId} className="visually-hidden">
                  {t(`zoneEditor.unavailable.${why}`)}
                </span>
              )}
            </span>
          );
        })}
        {ZONE_TASKS.map((kind) => (
          <button key={kind} type="button" className="secondary-button" aria-pressed={task?.kind === kind} onClick={() => open({ kind })} data-testid={`zone-edit-${kind}`}>
            {t(`zoneEditor.action.${kind}`)}
          </button>
        ))}
      </div>
      <div aria-live="polite">
        {done !== null && (
          <p className="form-success" data-testid="zone-edit-done">
            {done}
          </p>
        )}
      </div>
      {(task?.kind === 'draw' || task?.kind === 'edit') && (
        <PlotTask
          key={task.kind === 'edit' ? `edit-${task.plot.id}` : 'draw'}
          {...common}
          plot={task.kind === 'edit' ? task.plot : null}
          activities={activities.data ?? []}
          map={map}
          onDrawingChange={onDrawingChange}
          onSaved={savedPlots(task.kind)}
        />
      )}
      {task?.kind === 'split' && <SplitTask key={task.plot.id} {...common} plot={task.plot} map={map} onDrawingChange={onDrawingChange} onSaved={savedPlots('split')} />}
      {task?.kind === 'merge' && <MergeTask {...common} plots={task.plots} onSaved={savedPlots('merge')} />}
      {task?.kind === 'delete' && <DeleteTask key={task.plot.id} {...common} plot={task.plot} onSaved={savedPlots('delete')} />}
      {task?.kind === 'facts' && (
        <ZoneFactsTask
          key={zone.version}
          {...common}
          onSaved={() => {
            setDone(t('zoneEditor.saved.facts'));
            close();
            changed();
          }}
        />
      )}
      {task?.kind === 'report' && <ZoneReportTask {...common} userId={session.user.id} onSaved={changed} />}
      {task?.kind === 'import' && (
        <PlotImportDialog
          zone={zone}
          csrfToken={csrfToken}
          language={language}
          onImported={changed}
          onClose={() => {
            close();
          }}
        />
      )}
    </section>
  );
}
