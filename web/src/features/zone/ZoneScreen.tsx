import type { Plot } from '@marsad/contracts';
import type { Map as MaplibreMap } from 'maplibre-gl';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Session } from '../account/session.ts';
import { formatCount } from '../../format/numbers.ts';
import type { Language } from '../../i18n/language.ts';
import { useMessages } from '../../i18n/useMessages.ts';
import { LoadError } from '../../ui/LoadError.tsx';
import { PanelFrame } from '../../ui/PanelFrame.tsx';
import { photoMessages } from '../photos/messages.ts';
import { ZoneEditActions } from '../zoneEditor/index.tsx';
import { PlotDetailView } from './PlotDetailView.tsx';
import { PlotList } from './PlotList.tsx';
import { PlotStatusDialog } from './PlotStatusDialog.tsx';
import { usePlot, usePlots, useZone, useZoneChanged } from './useZone.ts';
import { useZoneCamera } from './useZoneCamera.ts';
import { ZoneGlance, ZoneUtilities } from './ZoneGlance.tsx';
import { ZoneTimelineView } from './ZoneTimelineView.tsx';
import { NO_PLOT_FILTER, type PlotFilter } from './zoneApi.ts';
import './zone.css';

const TABS = ['plots', 'timeline', 'photos'] as const;
type Tab = (typeof TABS)[number];
const TAB_LABEL: Record<Tab, string> = { plots: 'zone.tabPlots', timeline: 'zone.tabTimeline', photos: 'zone.tabPhotos' };

/**
 * The zone screen: what the zone is (kind, new or rehabilitated), its figures at a glance, its
 * utilities, and its plots (list with filters, the chosen plot's detail and history), timeline
 * and photos. The map shows its plots coloured by status; the chosen plots are in the address
 * (`plot=`), so a link opens the same plots and back/forward step through them. Its engineer
 * changes plot status here, one plot or many, and finds the zone's editing tools.
 */
export default function ZoneScreen({
  id,
  plots: chosen,
  map,
  session,
  language,
  onChoosePlots,
  onDrawingChange,
  onOpenProject,
  onClose,
}: {
  id: number;
  plots: number[];
  map: MaplibreMap | null;
  session: Session | null;
  language: Language;
  onChoosePlots: (plots: number[]) => void;
  /** True while the editing tools draw on the map (its clicks then draw instead of selecting). */
  onDrawingChange: (drawing: boolean) => void;
  onOpenProject: (id: number) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  useMessages('photos', photoMessages);
  const zone = useZone(id);
  const data = zone.data;
  const all = usePlots(id, '');
  const [tab, setTab] = useState<Tab>('plots');
  const [filter, setFilter] = useState<PlotFilter>(NO_PLOT_FILTER);
  const [zoomTo, setZoomTo] = useState<number | null>(null);
  const [dialogOpen, setDialogOpen] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const changed = useZoneChanged(id);

  const single = chosen.length === 1 ? chosen[0]! : null;
  const plot = usePlot(id, single);
  // A plot named in the address when the screen opens is brought into view, as one chosen in the list.
  const [initialPlot] = useState(single);
  useZoneCamera(map, data, plot.data, zoomTo ?? initialPlot);

  const byId = useMemo(() => new Map((all.data?.items ?? []).map((p) => [p.id, p])), [all.data]);
  const selectedPlots = useMemo(() => chosen.map((p) => byId.get(p)).filter((p): p is Plot => p !== undefined), [chosen, byId]);

  const choose = useCallback(
    (p: Plot) => {
      setZoomTo(p.id);
      onChoosePlots([p.id]);
    },
    [onChoosePlots],
  );
  const toggle = useCallback(
    (p: Plot) => {
      setZoomTo(null);
      onChoosePlots(chosen.includes(p.id) ? chosen.filter((x) => x !== p.id) : [...chosen, p.id]);
    },
    [chosen, onChoosePlots],
  );
  const onChanged = useCallback(() => {
    setSaved(null);
    changed();
  }, [changed]);

  const kind = data === undefined ? t('zone.heading') : t(`kind.${data.kind}`, { defaultValue: t('zone.heading') });
  const writable = data?.writable === true && session !== null;
  return (
    <PanelFrame
      kind="zone"
      kicker={data === undefined ? kind : `${kind} · ${language === 'ar' ? data.governorate_name_ar : data.governorate_name_en}`}
      title={data === undefined ? t('panel.loading') : language === 'ar' ? data.title_ar : data.title_en}
      titleTestId="zone-name"
      onClose={onClose}
    >
      <LoadError error={zone.error} />
      {data !== undefined && (
        <div className="zone-screen" data-testid="zone-screen" data-zone-id={data.id} data-writable={writable}>
          <p className="zone-badges">
            <span className={`zone-badge zone-badge-${data.kind}`}>{t(`kind.${data.kind}`, { defaultValue: data.kind })}</span>
            <span className={`zone-badge zone-badge-${data.development}`} data-testid="zone-development" data-development={data.development}>
              {data.development === 'new' ? t('zone.developmentNew') : t('zone.developmentRehabilitation')}
            </span>
            {data.area_ha !== null && <span className="zone-badge">{t('zone.hectares', { formatted: formatCount(data.area_ha, language) })}</span>}
          </p>
          <ZoneGlance zone={data} language={language} />
          <ZoneUtilities zone={data} language={language} />
          {writable && <ZoneEditActions zone={data} selectedPlots={selectedPlots} language={language} onChanged={onChanged} map={map} onDrawingChange={onDrawingChange} />}
          <div className="zone-tabs" role="tablist" aria-label={t('zone.sections')}>
            {TABS.map((name) => (
              <button
                key={name}
                type="button"
                role="tab"
                id={`zone-tab-${name}`}
                aria-selected={tab === name}
                aria-controls={`zone-tabpanel-${name}`}
                className={tab === name ? 'zone-tab active' : 'zone-tab'}
                onClick={() => setTab(name)}
                data-testid={`zone-tab-${name}`}
              >
                {t(TAB_LABEL[name])}
              </button>
            ))}
          </div>
          <div role="tabpanel" id={`zone-tabpanel-${tab}`} aria-labelledby={`zone-tab-${tab}`} className="zone-tabpanel">
            {tab === 'plots' && (
              <>
                {chosen.length > 0 && (
                  <div className="plot-selection" data-testid="plot-selection" data-count={chosen.length}>
                    <span>{t('zone.selectedCount', { formatted: formatCount(chosen.length, language) })}</span>
                    {writable && (
                      <button type="button" className="primary-button" onClick={() => setDialogOpen(true)} disabled={selectedPlots.length !== chosen.length} data-testid="change-status">
                        {t('zone.changeStatus')}
                      </button>
                    )}
                    <button type="button" className="secondary-button" onClick={() => onChoosePlots([])} data-testid="clear-selection">
                      {t('zone.clearSelection')}
                    </button>
                  </div>
                )}
                {saved !== null && (
                  <p className="form-success" role="status" data-testid="plot-status-saved">
                    {saved}
                  </p>
                )}
                {single !== null && <PlotDetailView key={single} zone={data} plotId={single} language={language} onClose={() => onChoosePlots([])} />}
                <PlotList zone={data} filter={filter} onFilterChange={setFilter} selected={chosen} onChoose={choose} onToggle={toggle} language={language} />
              </>
            )}
            {tab === 'timeline' && <ZoneTimelineView zoneId={data.id} language={language} />}
            {tab === 'photos' && <ZoneTimelineView zoneId={data.id} language={language} photosOnly />}
          </div>
          <button type="button" className="secondary-button zone-project-link" onClick={() => onOpenProject(data.id)}>
            {t('zone.openProject')}
          </button>
        </div>
      )}
      {dialogOpen && data !== undefined && session !== null && (
        <PlotStatusDialog
          zone={data}
          plots={selectedPlots}
          onClose={() => setDialogOpen(false)}
          onStale={changed}
          onSaved={(count) => {
            setDialogOpen(false);
            changed();
            setSaved(t('plotStatusDialog.saved', { count, formatted: formatCount(count, language) }));
          }}
        />
      )}
    </PanelFrame>
  );
}
