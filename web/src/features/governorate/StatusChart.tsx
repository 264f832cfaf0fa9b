import { Bar, BarChart, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useTranslation } from 'react-i18next';
import type { Metrics } from '../../api/summaries.ts';
import { PROJECT_STATUSES } from '../../data/vocabulary.ts';
import { formatCount } from '../../format/numbers.ts';
import type { Language } from '../../i18n/language.ts';
import { STATUS_COLORS } from '../../map/colorScales.ts';
import { ChartFigure } from '../../ui/ChartFigure.tsx';
import { chartDirection } from './chartDirection.ts';

/** Projects by status as horizontal bars, in the status colours of the map; mirrored in Arabic; the counts follow as a table. */
export function StatusChart({ byStatus, language }: { byStatus: Metrics['by_status']; language: Language }) {
  const { t } = useTranslation();
  const { reversed, yOrientation } = chartDirection(language);
  const data = PROJECT_STATUSES.map((status) => ({ status, label: t(`status.${status}`), count: byStatus[status] }));
  const table = {
    rowHeading: t('filters.status'),
    columns: [t('kpi.projects')],
    rows: data.map((d) => ({ key: d.status, header: d.label, cells: [formatCount(d.count, language)] })),
  };
  return (
    <ChartFigure caption={t('panel.statusChart')} table={table} testId="status-chart">
      <ResponsiveContainer width="100%" height={190}>
        <BarChart data={data} layout="vertical" margin={{ top: 4, right: 8, bottom: 4, left: 8 }}>
          <XAxis type="number" reversed={reversed} allowDecimals={false} tickFormatter={(v: number) => formatCount(v, language)} fontSize={12} />
          <YAxis type="category" dataKey="label" orientation={yOrientation} width={86} fontSize={12} tickLine={false} />
          <Tooltip formatter={(value) => formatCount(Number(value), language)} />
          <Bar dataKey="count" name={t('kpi.projects')} isAnimationActive={false}>
            {data.map((d) => (
              <Cell key={d.status} fill={STATUS_COLORS[d.status]} />
            ))}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}
