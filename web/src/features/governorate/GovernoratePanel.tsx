import { useTranslation } from 'react-i18next';
import type { CountryCollection, GovernorateProperties } from '../../api/boundaries.ts';
import { useGovernorateDetail, useGovernorateTimeline } from '../../api/useSummaries.ts';
import { ProgressLineChart } from './ProgressLineChart.tsx';
import { StatusChart } from './StatusChart.tsx';
import { KpiCards } from '../overview/KpiCards.tsx';
import { countryName, governorateKind, governorateName } from '../../data/governorateNames.ts';
import { filterQuery, type Filters } from '../../data/filters.ts';
import { formatMonth } from '../../format/dates.ts';
import type { Language } from '../../i18n/language.ts';
import { PanelFrame } from '../../ui/PanelFrame.tsx';
import { ProjectList } from '../project/ProjectList.tsx';
import { LoadError } from '../../ui/LoadError.tsx';
import { GovernorateObstacles } from '../obstacles/GovernorateObstacles.tsx';

export interface GovernoratePanelProps {
  governorate: GovernorateProperties;
  countries: CountryCollection | undefined;
  filters: Filters;
  language: Language;
  onOpenProject: (id: number) => void;
  onClose: () => void;
}

/** One governorate under the filters: KPIs, status breakdown, progress over time, its obstacles and brief, its projects. */
export default function GovernoratePanel({ governorate, countries, filters, language, onOpenProject, onClose }: GovernoratePanelProps) {
  const { t } = useTranslation();
  const query = filterQuery(filters);
  const detail = useGovernorateDetail(governorate.code, query);
  const timeline = useGovernorateTimeline(governorate.code, query);
  const months = timeline.data?.months ?? [];
  const points = months.map((m) => ({ x: formatMonth(m.month, language), progress: m.progress_weighted }));
  const hasTimeline = months.some((m) => m.progress_weighted !== null);

  return (
    <PanelFrame
      kind="governorate"
      kicker={t('panel.heading')}
      title={governorateName(governorate, language)}
      titleTestId="governorate-name"
      onClose={onClose}
    >
      {language === 'ar' && governorate.name_ar !== governorate.name_ar_short && <p className="side-panel-subtitle">{governorate.name_ar}</p>}
      <dl className="facts">
        <dt>{t('panel.code')}</dt>
        <dd dir="ltr" data-testid="governorate-code">
          {governorate.code}
        </dd>
        <dt>{t('panel.kind')}</dt>
        <dd className="kind">{governorateKind(governorate, language)}</dd>
        <dt>{t('panel.country')}</dt>
        <dd>{countryName(countries, governorate.country_iso3, language)}</dd>
      </dl>
      <KpiCards metrics={detail.data?.governorate} language={language} testId="governorate-kpis" />
      {detail.data !== undefined && <StatusChart byStatus={detail.data.governorate.by_status} language={language} />}
      {timeline.data !== undefined &&
        (hasTimeline ? (
          <ProgressLineChart
            points={points}
            series={[{ key: 'progress', name: t('panel.timelineProgress'), color: '#0072B2' }]}
            language={language}
            testId="timeline-chart"
            caption={t('panel.timeline')}
            xHeading={t('chart.month')}
          />
        ) : (
          <p className="muted">{t('panel.timelineEmpty')}</p>
        ))}
      <LoadError error={detail.error ?? timeline.error} />
      <GovernorateObstacles code={governorate.code} language={language} onOpenProject={onOpenProject} />
      <ProjectList governorate={governorate.code} filters={filters} language={language} onOpenProject={onOpenProject} />
    </PanelFrame>
  );
}
