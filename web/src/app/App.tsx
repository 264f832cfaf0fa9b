import type { Map as MaplibreMap } from 'maplibre-gl';
import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCountries, useGovernorateLabels, useGovernorates } from '../api/useBoundaries.ts';
import { useDataVersion } from '../api/dataVersion.ts';
import { useClientConfig } from '../api/useClientConfig.ts';
import { useDonors } from '../api/useOrganizations.ts';
import { useSession } from '../features/account/useSession.ts';
import { useCountrySummaries, useGovernorateSummaries } from '../api/useSummaries.ts';
import { DonorBanner } from '../features/overview/DonorBanner.tsx';
import { FilterBar } from '../features/overview/FilterBar.tsx';
import { Header } from './Header.tsx';
import { KpiCards } from '../features/overview/KpiCards.tsx';
import { Legend } from '../features/overview/Legend.tsx';
import { StatusBanner } from './StatusBanner.tsx';
import type { ChoroplethMetric } from '../data/choroplethMetrics.ts';
import { filterQuery, withKnownFunders, type Filters } from '../data/filters.ts';
import { funderOptions } from '../features/overview/funders.ts';
import { findGovernorate } from '../data/governorateNames.ts';
import type { Language } from '../i18n/language.ts';
import { useDocumentLanguage } from '../i18n/useDocumentLanguage.ts';
import { choroplethScale } from '../map/choroplethScale.ts';
import { MapView } from '../map/MapView.tsx';
import { WorkQueue } from '../features/overview/WorkQueue.tsx';
import { useViewState } from '../url/useViewState.ts';
import { useSelectionView } from '../map/useSelectionView.ts';
import type { Camera } from '../url/viewState.ts';
import { useEscapeToClose } from './useEscapeToClose.ts';
import { useOnline } from '../offline/useOnline.ts';
import { UnavailableOffline } from '../offline/OfflineBanner.tsx';
import { PlanMetricControls } from '../features/plans/PlanMetricControls.tsx';
import { usePlanChoropleth } from '../features/plans/usePlanChoropleth.ts';
import type { PlanViewState, Screen } from '../url/planViewState.ts';
import type { ZoneMetric, ZoneSort } from '@marsad/contracts';
import { ZonesSection } from '../features/zonesNational/ZonesSection.tsx';
import { NationalBriefs } from '../features/obstacles/NationalBriefs.tsx';
import { useCriticalProjects } from '../features/obstacles/useCriticalProjects.ts';
import { CompareSection } from '../features/compare/CompareSection.tsx';
import type { CompareSort } from '../url/compareViewState.ts';
import { useVisit } from '../features/changes/useVisit.ts';
import type { ChangePoint } from '../map/deck/changesLayer.ts';
import type { ChangeSince } from '../url/changesViewState.ts';

// Panels and their charts load on demand: the first view ships the map, the filters and the KPI cards.
const GovernoratePanel = lazy(() => import('../features/governorate/GovernoratePanel.tsx'));
const ZoneScreen = lazy(() => import('../features/zone/ZoneScreen.tsx'));
const ProjectDrawer = lazy(() => import('../features/project/ProjectDrawer.tsx'));
const ProjectEditor = lazy(() => import('../features/editor/ProjectEditor.tsx'));
const PlansScreen = lazy(() => import('../features/plans/PlansScreen.tsx'));
const ObstacleOverviewScreen = lazy(() => import('../features/obstacleOverview/ObstacleOverviewScreen.tsx'));
const MeetingsScreen = lazy(() => import('../features/meetings/MeetingsScreen.tsx'));
const ReviewScreen = lazy(() => import('../features/review/ReviewScreen.tsx'));
const ZonesTablePanel = lazy(() => import('../features/zonesNational/ZonesTablePanel.tsx'));
const ChangesEntry = lazy(() => import('../features/changes/ChangesEntry.tsx'));
const ChangesPanel = lazy(() => import('../features/changes/ChangesPanel.tsx'));

/** The project being created (`project: null`) or edited in the editor panel, and by whom. */
interface EditorTarget {
  project: number | null;
  user: number;
}

export function App() {
  const { t } = useTranslation();
  const [view, updateView, cameraCommand] = useViewState();
  const [sidebarOpen, setSidebarOpen] = useState(false);
  const [editor, setEditor] = useState<EditorTarget | null>(null);
  const [map, setMap] = useState<MaplibreMap | null>(null);
  // True while the zone editor's drawing tools are out: the map's clicks draw instead of selecting.
  const [zoneDrawing, setZoneDrawing] = useState(false);
  useDocumentLanguage(view.language);
  const online = useOnline();

  const config = useClientConfig();
  // Without an answer from /api/config the page keeps its own air-gapped basemap.
  const basemapStyleUrl = config.isPending ? undefined : (config.data?.basemapStyleUrl ?? null);
  const donors = useDonors();
  const donorSlugs = useMemo(() => (donors.data === undefined ? null : new Set(donors.data.items.map((d) => d.slug))), [donors.data]);
  // Funders from the address bar that the API does not know are dropped once its list is here.
  const filters = donorSlugs === null ? view.filters : withKnownFunders(view.filters, donorSlugs);
  useEffect(() => {
    if (filters !== view.filters) updateView({ filters });
  }, [filters, view.filters, updateView]);
  const funders = useMemo(
    () => (donors.data === undefined ? [] : funderOptions(donors.data.items, view.language, filters.funder)),
    [donors.data, view.language, filters.funder],
  );

  const countries = useCountries();
  const governorates = useGovernorates();
  const labels = useGovernorateLabels();
  const query = filterQuery(filters);
  const session = useSession().data ?? null;
  const user = session?.user ?? null;
  const mayCreate = user?.role === 'admin' || user?.role === 'engineer';
  // Signing out, or in as someone else, ends any editing: the editor belongs to who opened it.
  const editing = session !== null && editor !== null && editor.user === session.user.id ? editor : null;
  // Tiles are cached by URL: after a sign-in, sign-out or a write they must be asked for again.
  const dataVersion = useDataVersion();
  const tileQuery = dataVersion === 0 ? query : [query, `v=${dataVersion}`].filter((part) => part !== '').join('&');
  const national = useCountrySummaries(query);
  const critical = useCriticalProjects(user !== null).data;
  // Opening the dashboard signed in is a visit ("what changed since my last visit"); offline, once back online.
  const visitor = useMemo(() => (session === null ? null : { id: session.user.id, csrfToken: session.csrfToken }), [session]);
  useVisit(online ? visitor : null);
  const [changedProjects, setChangedProjects] = useState<readonly ChangePoint[]>([]);
  const byGovernorate = useGovernorateSummaries(query);
  const boundaryError = countries.error ?? governorates.error ?? labels.error;
  const retryBoundaries = useCallback(() => {
    for (const boundary of [countries, governorates, labels]) if (boundary.error !== null) void boundary.refetch();
  }, [countries, governorates, labels]);
  // Until the donor list is known, a funder in the URL may be one the API refuses: no error for that.
  const funderPending = donors.isPending && filters.funder.length > 0;
  const dataError = funderPending ? null : (national.error ?? byGovernorate.error);

  const summaryScale = useMemo(
    () => (byGovernorate.data === undefined ? null : choroplethScale(byGovernorate.data.governorates, view.metric)),
    [byGovernorate.data, view.metric],
  );
  // Projects per governorate as the API counts them for this viewer: the map's count badges.
  const projectCounts = useMemo(
    () => (byGovernorate.data === undefined ? null : new Map(byGovernorate.data.governorates.map((g) => [g.governorate, g.projects]))),
    [byGovernorate.data],
  );
  // "% of plan achieved" comes from the plans of the countries shown, not from the project summaries.
  const shownCountries = useMemo(() => national.data?.countries.map((c) => c.country) ?? [], [national.data]);
  const plan = usePlanChoropleth(view.metric === 'plan', shownCountries, view.plan.indicator);
  const scale = view.metric === 'plan' ? plan.scale : summaryScale;
  const shownError = dataError ?? (view.metric === 'plan' ? plan.error : null);
  const selected = findGovernorate(governorates.data, view.governorate);
  // Choosing a governorate, zone or project by any route moves the map to it; closing moves it back.
  useSelectionView(map, { view, command: cameraCommand, countries: countries.data, governorates: governorates.data, editing: editing !== null, updateView });

  const setLanguage = useCallback((language: Language) => updateView({ language }), [updateView]);
  const setFilters = useCallback((filters: Filters) => updateView({ filters }), [updateView]);
  const setMetric = useCallback((metric: ChoroplethMetric) => updateView({ metric }), [updateView]);
  // A governorate's panel and the zones table take the same place: opening one closes the other.
  const selectGovernorate = useCallback(
    (governorate: string | null) => updateView({ governorate, zone: null, plots: [], project: null, ...(governorate !== null ? { zonesTable: null } : {}) }),
    [updateView],
  );
  const selectProject = useCallback((project: number | null) => updateView({ project }), [updateView]);
  const selectZone = useCallback((zone: number | null) => updateView({ zone, plots: [], project: null }), [updateView]);
  const selectPlot = useCallback((zone: number, plot: number) => updateView({ zone, plots: [plot], project: null }), [updateView]);
  const choosePlots = useCallback((plots: number[]) => updateView({ plots }), [updateView]);
  const zoneFocus = useMemo(() => (view.zone === null ? null : { zone: view.zone, plots: view.plots }), [view.zone, view.plots]);
  const setCamera = useCallback((camera: Camera) => updateView({ camera }), [updateView]);
  const setZoneMetric = useCallback((zoneMetric: ZoneMetric) => updateView({ zoneMetric }), [updateView]);
  const setZonesSort = useCallback((zonesTable: ZoneSort) => updateView({ zonesTable }), [updateView]);
  const toggleZonesTable = useCallback(
    () => updateView(view.zonesTable === null ? { zonesTable: '-occupancy', governorate: null, zone: null } : { zonesTable: null }),
    [updateView, view.zonesTable],
  );
  const closeZonesTable = useCallback(() => updateView({ zonesTable: null }), [updateView]);
  const setCompareSort = useCallback((sort: CompareSort | null) => updateView({ compare: { sort } }), [updateView]);
  // A governorate chosen in the ranking opens as a click on the map does; a folded sidebar gets out of its way.
  const openFromRanking = useCallback(
    (governorate: string) => {
      selectGovernorate(governorate);
      setSidebarOpen(false);
    },
    [selectGovernorate],
  );
  const showChanges = useCallback(
    (since: ChangeSince | null) => updateView({ changes: { since }, ...(since !== null ? { governorate: null, zone: null, plots: [], zonesTable: null } : {}) }),
    [updateView],
  );
  const setScreen = useCallback((screen: Screen) => updateView({ screen }), [updateView]);
  const setPlanView = useCallback((patch: Partial<PlanViewState>) => updateView({ plan: { ...view.plan, ...patch } }), [updateView, view.plan]);
  const openMeeting = useCallback(
    (meeting: number | null) => updateView({ screen: 'meetings', project: null, minister: { ...view.minister, meeting } }),
    [updateView, view.minister],
  );
  const openConflict = useCallback(
    (conflict: number | null) => updateView({ screen: 'review', project: null, review: { state: 'pending', conflict } }),
    [updateView],
  );

  const closeEditor = useCallback(() => setEditor(null), []);
  const onSaved = useCallback(
    (id: number) => {
      setEditor(null);
      updateView({ project: id });
    },
    [updateView],
  );

  // While editing, Escape belongs to the drawing tools (it cancels a shape being drawn).
  const closers = useMemo(
    () => editing !== null ? [] : [
      view.project !== null ? () => selectProject(null) : null,
      view.screen === 'plans' && view.plan.cell !== null ? () => setPlanView({ cell: null }) : null,
      view.screen === 'obstacles' && view.minister.obstacleCell !== null ? () => updateView({ minister: { ...view.minister, obstacleCell: null } }) : null,
      view.screen === 'meetings' && view.minister.meeting !== null ? () => openMeeting(null) : null,
      view.screen === 'review' && view.review.conflict !== null ? () => updateView({ review: { ...view.review, conflict: null } }) : null,
      view.zone !== null ? () => selectZone(null) : null,
      view.zonesTable !== null ? closeZonesTable : null,
      view.changes.since !== null ? () => showChanges(null) : null,
      view.governorate !== null ? () => selectGovernorate(null) : null,
      sidebarOpen ? () => setSidebarOpen(false) : null,
    ],
    [editing, view.project, view.zone, view.zonesTable, view.governorate, sidebarOpen, selectProject, selectZone, closeZonesTable, selectGovernorate, view.screen, view.plan.cell, setPlanView, view.minister, view.review, updateView, openMeeting, view.changes.since, showChanges],
  );
  useEscapeToClose(closers);

  // The plans matrix, the obstacles and the meetings fill the page in place of the sidebar and the
  // map; a project opens in its drawer there too.
  if (view.screen !== 'map') {
    const drawer = view.project !== null && (
      <ProjectDrawer
        key={view.project}
        id={view.project}
        language={view.language}
        onClose={() => selectProject(null)}
        onEdit={(project) => {
          if (user === null) return;
          updateView({ screen: 'map' });
          setEditor({ project, user: user.id });
        }}
      />
    );
    return (
      <div className="app">
        <Header language={view.language} onLanguageChange={setLanguage} screen={view.screen} onScreenChange={setScreen} />
        <Suspense fallback={<main className="app-main" />}>
          {/* Plans, obstacles, meetings and the review of conflicts need the server. */}
          {!online && <UnavailableOffline onBack={() => setScreen('map')} />}
          {view.screen === 'plans' && online && (
            <PlansScreen plan={view.plan} language={view.language} user={user} onChange={setPlanView} onOpenProject={selectProject}>
              {drawer}
            </PlansScreen>
          )}
          {view.screen === 'obstacles' && online && (
            <ObstacleOverviewScreen
              country={view.plan.country}
              cell={view.minister.obstacleCell}
              language={view.language}
              user={user}
              onCountryChange={(country) => updateView({ plan: { ...view.plan, country }, minister: { ...view.minister, obstacleCell: null } })}
              onOpenCell={(obstacleCell) => updateView({ minister: { ...view.minister, obstacleCell } })}
              onOpenProject={selectProject}
              onOpenMeeting={openMeeting}
            >
              {drawer}
            </ObstacleOverviewScreen>
          )}
          {view.screen === 'meetings' && online && (
            <MeetingsScreen
              country={view.plan.country}
              meeting={view.minister.meeting}
              language={view.language}
              user={user}
              onCountryChange={(country) => updateView({ plan: { ...view.plan, country }, minister: { ...view.minister, meeting: null } })}
              onOpenMeeting={openMeeting}
              onOpenProject={selectProject}
            >
              {drawer}
            </MeetingsScreen>
          )}
          {view.screen === 'review' && online && (
            <ReviewScreen review={view.review} language={view.language} user={user} onChange={(review) => updateView({ review })} onOpenProject={selectProject}>
              {drawer}
            </ReviewScreen>
          )}
        </Suspense>
      </div>
    );
  }

  return (
    <div className="app">
      <a className="skip-link" href="#map">
        {t('app.skipToMap')}
      </a>
      <Header language={view.language} onLanguageChange={setLanguage} screen={view.screen} onScreenChange={setScreen} />
      <div className={`app-body${sidebarOpen ? ' sidebar-open' : ''}`}>
        <button
          type="button"
          className="sidebar-toggle"
          aria-expanded={sidebarOpen}
          aria-controls="sidebar"
          onClick={() => setSidebarOpen((open) => !open)}
        >
          {t('app.showSidebar')}
        </button>
        <nav id="sidebar" className="sidebar" aria-label={t('app.sidebar')}>
          {user?.role === 'donor' && <DonorBanner user={user} donors={donors.data?.items ?? []} language={view.language} />}
          {mayCreate && (
            <button type="button" className="primary-button new-project" onClick={() => setEditor({ project: null, user: user.id })} disabled={editing !== null} data-testid="new-project">
              {t('tools.newProject')}
            </button>
          )}
          {user?.role === 'engineer' && <WorkQueue user={user} language={view.language} onOpenProject={selectProject} onOpenConflict={openConflict} />}
          <Suspense fallback={null}>
            <ChangesEntry open={view.changes.since !== null} onOpen={() => showChanges(view.changes.since ?? 'week')} />
          </Suspense>
          <section aria-labelledby="national-heading">
            <h2 id="national-heading" className="section-title">
              {t('kpi.national')}
            </h2>
            <KpiCards metrics={national.data?.total} language={view.language} testId="national-kpis" />
            <NationalBriefs countries={national.data?.countries} language={view.language} signedIn={user !== null} />
          </section>
          <Legend
            scale={scale}
            metric={view.metric}
            language={view.language}
            onMetricChange={setMetric}
            noDataLabel={view.metric === 'plan' ? t('planMetric.noTarget') : undefined}
            criticalObstacles={user !== null && (critical?.features.length ?? 0) > 0}
          >
            {view.metric === 'plan' && <PlanMetricControls plan={plan} language={view.language} onIndicatorChange={(indicator) => setPlanView({ indicator })} />}
          </Legend>
          <CompareSection
            metric={view.metric}
            scale={scale}
            governorates={byGovernorate.data?.governorates}
            countries={national.data?.countries}
            planNational={plan.national}
            selected={view.governorate}
            language={view.language}
            sort={view.compare.sort}
            onSortChange={setCompareSort}
            onOpenGovernorate={openFromRanking}
          />
          <ZonesSection
            query={query}
            language={view.language}
            metric={view.zoneMetric}
            onMetricChange={setZoneMetric}
            tableOpen={view.zonesTable !== null}
            onToggleTable={toggleZonesTable}
          />
          <FilterBar filters={filters} funders={funders} language={view.language} onChange={setFilters} />
        </nav>
        <main className="app-main" id="map" tabIndex={-1}>
          <MapView
            language={view.language}
            basemapStyleUrl={basemapStyleUrl}
            initialCamera={view.camera}
            data={{ countries: countries.data, governorates: governorates.data, labels: labels.data }}
            choropleth={scale}
            projectCounts={projectCounts}
            filterQuery={tileQuery}
            zoneMetric={view.zoneMetric}
            selectedGovernorate={view.governorate}
            onSelectGovernorate={selectGovernorate}
            onSelectProject={selectProject}
            onSelectZone={selectZone}
            onSelectPlot={selectPlot}
            zoneFocus={zoneFocus}
            onCameraChange={setCamera}
            drawing={editing !== null || (zoneDrawing && view.zone !== null)}
            onMap={setMap}
            criticalProjects={user !== null ? critical : undefined}
            loadError={boundaryError}
            onRetry={retryBoundaries}
            changedProjects={changedProjects}
          />
          <Suspense fallback={null}>
            {view.zonesTable !== null && view.zone === null && (
              <ZonesTablePanel
                sort={view.zonesTable}
                query={query}
                governorates={governorates.data}
                language={view.language}
                onSortChange={setZonesSort}
                onOpenZone={selectZone}
                onClose={closeZonesTable}
              />
            )}
            {view.changes.since !== null && selected === null && view.zone === null && view.zonesTable === null && (
              <ChangesPanel
                since={view.changes.since}
                query={query}
                user={visitor}
                language={view.language}
                onSinceChange={showChanges}
                onOpenProject={selectProject}
                onHighlight={setChangedProjects}
                onClose={() => showChanges(null)}
              />
            )}
            {selected !== null && view.zone === null && view.zonesTable === null && (
              <GovernoratePanel
                key={selected.code}
                governorate={selected}
                countries={countries.data}
                filters={filters}
                language={view.language}
                onOpenProject={selectProject}
                onClose={() => selectGovernorate(null)}
              />
            )}
            {view.zone !== null && (
              <ZoneScreen
                key={view.zone}
                id={view.zone}
                plots={view.plots}
                map={map}
                session={session}
                language={view.language}
                onChoosePlots={choosePlots}
                onDrawingChange={setZoneDrawing}
                onOpenProject={selectProject}
                onClose={() => selectZone(null)}
              />
            )}
            {view.project !== null && editing === null && (
              <ProjectDrawer
                key={view.project}
                id={view.project}
                language={view.language}
                onClose={() => selectProject(null)}
                onEdit={(project) => user !== null && setEditor({ project, user: user.id })}
                onOpenZone={selectZone}
              />
            )}
            {editing !== null && session !== null && (
              <ProjectEditor
                key={editing.project ?? 'new'}
                projectId={editing.project}
                map={map}
                governorates={governorates.data}
                session={session}
                language={view.language}
                onClose={closeEditor}
                onSaved={onSaved}
              />
            )}
          </Suspense>
          <StatusBanner error={boundaryError} />
          {boundaryError === null && shownError !== null && (
            <div className="status-banner" role="alert" data-testid="data-error">
              {t('errors.data', { detail: shownError.message })}
            </div>
          )}
          <p className="attribution">{t('map.attribution')}</p>
        </main>
      </div>
    </div>
  );
}
