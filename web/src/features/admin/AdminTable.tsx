import type { HTMLAttributes, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** A column: its heading and what each row shows in it (the first column heads its row). */
export interface Column<T> {
  header: string;
  cell: (item: T) => ReactNode;
  /** The cell's own attributes (its language and direction, say). */
  cellProps?: HTMLAttributes<HTMLTableCellElement>;
}

interface Props<T> {
  /** Names the table's strings (`admin.<section>.caption`, `.actions`, `.edit`, `.editLabel`) and its test id (`admin-<section>-table`). */
  section: 'organizations' | 'users';
  items: readonly T[];
  columns: readonly Column<T>[];
  /** A row's key, test attributes and the name its Edit button says it changes. */
  row: (item: T) => { key: string | number; name: string } & Record<`data-${string}`, string | boolean>;
  /** The row's test id (`admin-<item>-row`) and its Edit button's (`admin-<item>-edit`). */
  item: 'organization' | 'user';
  onEdit: (item: T, opener: HTMLButtonElement) => void;
}

/** An admin list: one row per item, its first column as the row's heading, and an Edit button at the end. */
export function AdminTable<T>({ section, items, columns, row, item, onEdit }: Props<T>) {
  const { t } = useTranslation();
  const [head, ...rest] = columns;
  return (
    <table className="admin-table" data-testid={`admin-${section}-table`}>
      <caption className="visually-hidden">{t(`admin.${section}.caption`)}</caption>
      <thead>
        <tr>
          {columns.map((c, i) => (
            <th key={i} scope="col">
              {c.header}
            </th>
          ))}
          <th scope="col">
            <span className="visually-hidden">{t(`admin.${section}.actions`)}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {items.map((it) => {
          const { key, name, ...data } = row(it);
          return (
            <tr key={key} data-testid={`admin-${item}-row`} {...data}>
              {head !== undefined && (
                <th scope="row" {...head.cellProps}>
                  {head.cell(it)}
                </th>
              )}
              {rest.map((c, i) => (
                <td key={i} {...c.cellProps}>
                  {c.cell(it)}
                </td>
              ))}
              <td>
                <button
                  type="button"
                  className="secondary-button"
                  aria-label={t(`admin.${section}.editLabel`, { name })}
                  onClick={(e) => onEdit(it, e.currentTarget)}
                  data-testid={`admin-${item}-edit`}
                >
                  {t(`admin.${section}.edit`)}
                </button>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
