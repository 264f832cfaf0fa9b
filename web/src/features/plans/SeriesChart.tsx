import type { Indicator, IndicatorSeries } from '@marsad/contracts';
import { useTranslation } from 'react-i18next';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { INTL_LOCALES } from '../../format/locale.ts';
import type { Language } from '../../i18n/language.ts';
import { chartDirection } from '../governorate/chartDirection.ts';
import { ChartFigure } from '../../ui/ChartFigure.tsx';
import { ATTAINMENT_COLORS, formatIndicatorValue } from './attainment.ts';

const ACHIEVED_COLOR = ATTAINMENT_COLORS.ahead.background;
const TARGET_COLOR = ATTAINMENT_COLORS.well_behind.background;

function monthLabel(month: string, language: Language): string {
  const date = new Date(`${month}-15T12:00:00Z`);
  return Number.isNaN(date.getTime()) ? month : new Intl.DateTimeFormat(INTL_LOCALES[language], { month: 'short', timeZone: 'UTC' }).format(date);
}

/**
 * Cumulative achieved (solid line with dots) against the phased target to date (dashed), month
 * by month; mirrored in Arabic like the governorate charts (chartDirection). Line styles differ,
 * not only colours; the same figures follow as a table (ChartFigure).
 */
export function SeriesChart({ series, indicator, language }: { series: IndicatorSeries; indicator: Indicator | undefined; language: Language }) {
  const { t } = useTranslation();
  const { reversed, yOrientation } = chartDirection(language);
  const format = (v: number | null) => formatIndicatorValue(v, indicator, language);
  const points = series.months.map((m) => ({ x: monthLabel(m.month, language), achieved: m.achieved, target: m.target_to_date }));
  const table = {
    rowHeading: t('plans.panel.month'),
    columns: [t('plans.panel.chartAchieved'), t('plans.panel.chartTarget')],
    rows: series.months.map((m) => ({ key: m.month, header: monthLabel(m.month, language), cells: [format(m.achieved), format(m.target_to_date)] })),
  };
  return (
    <ChartFigure caption={t('plans.panel.chart')} table={table} testId="plans-chart" className="plans-chart">
      <ResponsiveContainer width="100%" height={220}>
        <LineChart data={points} margin={{ top: 8, right: 8, bottom: 4, left: 8 }}>
          <CartesianGrid stroke="#e6e1d6" vertical={false} />
          <XAxis dataKey="x" reversed={reversed} fontSize={11} minTickGap={8} />
          <YAxis orientation={yOrientation} width={76} fontSize={11} tickFormatter={(v: number) => format(v)} />
          <Tooltip formatter={(value) => format(Number(value))} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Line type="linear" dataKey="target" name={t('plans.panel.chartTarget')} stroke={TARGET_COLOR} strokeWidth={2} strokeDasharray="6 4" dot={false} isAnimationActive={false} />
          <Line type="linear" dataKey="achieved" name={t('plans.panel.chartAchieved')} stroke={ACHIEVED_COLOR} strokeWidth={2.5} dot={{ r: 2.5 }} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}
