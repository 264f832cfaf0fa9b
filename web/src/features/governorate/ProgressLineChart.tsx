import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatPercent } from '../../format/numbers.ts';
import type { Language } from '../../i18n/language.ts';
import { chartDirection } from './chartDirection.ts';
import './governorate.css';

export interface ProgressSeries {
  key: string;
  name: string;
  color: string;
}

/**
 * Progress (0–100 %) over time, one line per series; time runs right to left in Arabic. Points are
 * `{ x: label, [series.key]: value }`.
 */
export function ProgressLineChart({
  points,
  series,
  language,
  testId,
  caption,
}: {
  points: Record<string, string | number | null>[];
  series: ProgressSeries[];
  language: Language;
  testId: string;
  caption: string;
}) {
  const { reversed, yOrientation } = chartDirection(language);
  return (
    <figure className="chart" data-testid={testId}>
      <figcaption>{caption}</figcaption>
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
    </figure>
  );
}
