import type { ObstacleOverview } from '@marsad/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatMonth } from '../../format/dates.ts';
import { formatCount } from '../../format/numbers.ts';
import type { Language } from '../../i18n/language.ts';
import { chartDirection } from '../governorate/chartDirection.ts';

const RAISED_COLOR = '#a3380a';
const RESOLVED_COLOR = '#2f7d8c';

/**
 * Obstacles raised against obstacles resolved, month by month (the last twelve), as paired bars;
 * mirrored in Arabic like the other charts. The drawing is hidden from screen readers: the same
 * figures follow as a table, folded on screen (visually only: screen readers read it), unfolded
 * by a button, always printed.
 */
export function MonthlyChart({ monthly, language }: { monthly: ObstacleOverview['monthly']; language: Language }) {
  const { t } = useTranslation();
  const { reversed, yOrientation } = chartDirection(language);
  const points = monthly.map((m) => ({ x: formatMonth(m.month, language), raised: m.raised, resolved: m.resolved }));
  const count = (v: number) => formatCount(v, language);
  const [tableShown, setTableShown] = useState(false);
  return (
    <figure className="obstacle-chart" data-testid="obstacle-monthly">
      <figcaption>{t('obstacleOverview.monthly.heading')}</figcaption>
      <div className="obstacle-chart-drawing" aria-hidden="true">
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
      </div>
      <button type="button" className="link-button obstacle-chart-toggle" aria-expanded={tableShown} onClick={() => setTableShown((shown) => !shown)} data-testid="obstacle-monthly-toggle">
        {t('obstacleOverview.monthly.table')}
      </button>
      <table className={`obstacle-chart-table${tableShown ? '' : ' visually-hidden'}`} data-testid="obstacle-monthly-table">
          <thead>
            <tr>
              <th scope="col">{t('obstacleOverview.monthly.month')}</th>
              <th scope="col">{t('obstacleOverview.monthly.raised')}</th>
              <th scope="col">{t('obstacleOverview.monthly.resolved')}</th>
            </tr>
          </thead>
          <tbody>
            {monthly.map((m) => (
              <tr key={m.month}>
                <th scope="row">{formatMonth(m.month, language)}</th>
                <td>{count(m.raised)}</td>
                <td>{count(m.resolved)}</td>
              </tr>
            ))}
          </tbody>
      </table>
    </figure>
  );
}
