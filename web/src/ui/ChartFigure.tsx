import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import './chartFigure.css';

/** The same figures as a chart draws, as table rows: a row header and one formatted cell per column. */
export interface ChartTableData {
  /** The heading of the row headers' column (e.g. "Month", "Status"). */
  rowHeading: string;
  /** The headings of the value columns, one per series. */
  columns: string[];
  rows: { key: string; header: string; cells: string[] }[];
}

/**
 * A chart with its text alternative, the one way every chart of the dashboard is shown: the drawing
 * is hidden from screen readers, and the same figures follow as a real table, which screen readers
 * read, a button unfolds on screen and print always shows (chartFigure.css).
 */
export function ChartFigure({
  caption,
  table,
  testId,
  className,
  children,
}: {
  caption: string;
  table: ChartTableData;
  /** The figure's test id; its table is `${testId}-table`, its button `${testId}-table-toggle`. */
  testId: string;
  className?: string;
  /** The drawing. */
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const [shown, setShown] = useState(false);
  const tableId = useId();
  return (
    <figure className={['chart', className].filter(Boolean).join(' ')} data-testid={testId}>
      <figcaption>{caption}</figcaption>
      <div className="chart-drawing" aria-hidden="true">
        {children}
      </div>
      <button
        type="button"
        className="link-button chart-table-toggle"
        aria-expanded={shown}
        aria-controls={tableId}
        onClick={() => setShown((value) => !value)}
        data-testid={`${testId}-table-toggle`}
      >
        {t(shown ? 'chart.hideTable' : 'chart.showTable')}
      </button>
      <div id={tableId} className={shown ? 'chart-table-wrap' : 'chart-table-wrap visually-hidden'}>
        <table className="chart-table" data-testid={`${testId}-table`}>
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{table.rowHeading}</th>
              {table.columns.map((column) => (
                <th scope="col" key={column}>
                  {column}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row) => (
              <tr key={row.key}>
                <th scope="row">{row.header}</th>
                {row.cells.map((cell, i) => (
                  <td key={table.columns[i] ?? i}>{cell}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
