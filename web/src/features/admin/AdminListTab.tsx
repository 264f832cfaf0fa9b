import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { UseQueryResult } from '@tanstack/react-query';
import type { Language } from '../../i18n/language.ts';
import type { FormDone } from './AdminFormFrame.tsx';
import { ListToolbar } from './ListToolbar.tsx';
import { Notice } from './Notice.tsx';
import { matchesQuery } from './searchText.ts';
import { useFormPanels } from './useFormPanels.ts';

interface Props<T> {
  /** Names the tab's strings (`admin.<section>.filter`, `.filterPlaceholder`, `.new`, `.noMatch`) and test ids (`admin-<section>-…`). */
  section: 'organizations' | 'users';
  list: UseQueryResult<{ items: T[] }>;
  /** The texts of an item the filter looks in. */
  searchText: (item: T) => readonly string[];
  language: Language;
  /** The form for a new item (`null`) or for the item being changed; `done` closes it. */
  form: (editing: T | null, done: FormDone) => ReactNode;
  /** The rows the filter keeps, each with its Edit button. */
  table: (shown: readonly T[], onEdit: (item: T, opener: HTMLButtonElement) => void) => ReactNode;
}

/** An admin tab: the list with its filter, and the forms to create and to change an item. */
export function AdminListTab<T>({ section, list, searchText, language, form, table }: Props<T>) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const { creating, editing, notice, startNew, closeNew, startEdit, closeEdit } = useFormPanels<T>();

  const all = list.data?.items ?? [];
  const shown = all.filter((item) => matchesQuery(searchText(item), query));

  return (
    <div className="admin-tab">
      <ListToolbar
        label={t(`admin.${section}.filter`)}
        placeholder={t(`admin.${section}.filterPlaceholder`)}
        query={query}
        onQuery={setQuery}
        shown={shown.length}
        total={all.length}
        language={language}
        newLabel={t(`admin.${section}.new`)}
        creating={creating}
        onNew={startNew}
        testId={`admin-${section}`}
      />
      <Notice message={notice} testId={`admin-${section}-notice`} />
      {creating && form(null, { onSaved: closeNew, onCancel: () => closeNew(null) })}
      {editing !== null && form(editing, { onSaved: closeEdit, onCancel: () => closeEdit(null) })}
      {list.isPending && <p className="muted">{t('admin.loading')}</p>}
      {list.isError && (
        <p role="alert" className="panel-error">
          {t('admin.loadFailed', { detail: list.error.message })}
        </p>
      )}
      {list.isSuccess && shown.length === 0 && <p className="muted">{t(`admin.${section}.noMatch`)}</p>}
      {shown.length > 0 && table(shown, startEdit)}
    </div>
  );
}
