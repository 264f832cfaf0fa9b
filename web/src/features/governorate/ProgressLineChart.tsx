import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatPercent } from '../../format/numbers.ts';
import type { Language } from '../../i18n/language.ts';
import { ChartFigure } from '../../ui/ChartFigure.tsx';
import { chartDirection } from './chartDirection.ts';

export interface ProgressSeries {
  key: string;
  name: string;
  color: string;
}

/**
 * Progress (0–100 %) over time, one line per series; time runs right to left in Arabic. Points are
 * `{ x: label, [series.key]: value }`; the same figures follow as a table, one row per point.
 */
export function ProgressLineChart({
  points,
  series,
  language,
  testId,
  caption,
  xHeading,
}: {
  points: Record<string, string | number | null>[];
  series: ProgressSeries[];
  language: Language;
  testId: string;
  caption: string;
  /** The table's heading of the points' labels (`x`): month, date. */
  xHeading: string;
}) {
  const { reversed, yOrientation } = chartDirection(language);
  const value = (v: string | number | null | undefined) => formatPercent(typeof v === 'number' ? v : null, language);
  const table = {
    rowHeading: xHeading,
    columns: series.map((s) => s.name),
    rows: points.map((point, i) => ({ key: `${i}`, header: String(point.x ?? ''), cells: series.map((s) => value(point[s.key])) })),
  };
  return (
    <ChartFigure caption={caption} table={table} testId={testId}>
      <ResponsiveContainer width="100%" height={200}>
        <LineChart data={points} margin={{ top: 8, right: 8, bottom: 4, left: 8 }}>
          <CartesianGrid stroke="#e6e1d6" vertical={false} />
          <XAxis dataKey="x" reversed={reversed} fontSize={11} minTickGap={24} />
          <YAxis orientation={yOrientation} domain={[0, 100]} width={44} fontSize={11} tickFormatter={(v: number) => formatPercent(v, language, 0)} />
          <Tooltip formatter={(value) => formatPercent(Number(value), language)} />
          {series.length > 1 && <Legend wrapperStyle={{ fontSize: 12 }} />}
          {series.map((s) => (
            <Line key={s.key} type="monotone" dataKey={s.key} name={s.name} stroke={s.color} strokeWidth={2} dot={false} connectNulls isAnimationActive={false} />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}
