import type { ReactNode } from 'react';
import { useReader } from './briefContext.ts';

export interface Column<T> {
  key: string;
  header: string;
  cell: (row: T) => ReactNode;
  /** Numbers and dates: kept on one line, aligned to the end. */
  numeric?: boolean;
}

/**
 * A printed table: its header repeats on every page it spans (thead as table-header-group, in
 * print.css) and a row is never split between pages. With no rows it says so in a sentence.
 */
export function BriefTable<T>({ rows, columns, rowKey, className }: { rows: readonly T[]; columns: Column<T>[]; rowKey: (row: T) => string | number; className?: string }) {
  const { m } = useReader();
  if (rows.length === 0) return <p className="empty">{m.none}</p>;
  return (
    <table className={className === undefined ? 'brief-table' : `brief-table ${className}`}>
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c.key} scope="col" className={c.numeric === true ? 'num' : undefined}>
              {c.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={rowKey(row)}>
            {columns.map((c) => (
              <td key={c.key} className={c.numeric === true ? 'num' : undefined}>
                {c.cell(row)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A section: its heading, kept with what follows it. */
export function BriefSection({ title, className, children }: { title: string; className?: string; children: ReactNode }) {
  return (
    <section className={className === undefined ? 'brief-section' : `brief-section ${className}`}>
      <h2>{title}</h2>
      {children}
    </section>
  );
}
