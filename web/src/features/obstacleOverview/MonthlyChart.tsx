import type { ObstacleOverview } from '@marsad/contracts';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatMonth } from '../../format/dates.ts';
import { formatCount } from '../../format/numbers.ts';
import type { Language } from '../../i18n/language.ts';
import { ChartFigure } from '../../ui/ChartFigure.tsx';
import { chartDirection } from '../governorate/chartDirection.ts';

const RAISED_COLOR = '#a3380a';
const RESOLVED_COLOR = '#2f7d8c';

/**
 * Obstacles raised against obstacles resolved, month by month (the last twelve), as paired bars;
 * mirrored in Arabic like the other charts; the same figures follow as a table (ChartFigure).
 */
export function MonthlyChart({ monthly, language }: { monthly: ObstacleOverview['monthly']; language: Language }) {
  const { t } = useTranslation();
  const { reversed, yOrientation } = chartDirection(language);
  const points = monthly.map((m) => ({ x: formatMonth(m.month, language), raised: m.raised, resolved: m.resolved }));
  const count = (v: number) => formatCount(v, language);
  const table = {
    rowHeading: t('obstacleOverview.monthly.month'),
    columns: [t('obstacleOverview.monthly.raised'), t('obstacleOverview.monthly.resolved')],
    rows: monthly.map((m) => ({ key: m.month, header: formatMonth(m.month, language), cells: [count(m.raised), count(m.resolved)] })),
  };
  return (
    <ChartFigure caption={t('obstacleOverview.monthly.heading')} table={table} testId="obstacle-monthly" className="obstacle-chart">
      <ResponsiveContainer width="100%" height={200}>
        <BarChart data={points} margin={{ top: 8, right: 8, bottom: 4, left: 8 }}>
          <CartesianGrid stroke="#e6e1d6" vertical={false} />
          <XAxis dataKey="x" reversed={reversed} fontSize={11} minTickGap={4} />
          <YAxis orientation={yOrientation} width={36} fontSize={11} allowDecimals={false} tickFormatter={count} />
          <Tooltip formatter={(value) => count(Number(value))} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Bar dataKey="raised" name={t('obstacleOverview.monthly.raised')} fill={RAISED_COLOR} isAnimationActive={false} />
          <Bar dataKey="resolved" name={t('obstacleOverview.monthly.resolved')} fill={RESOLVED_COLOR} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}
