import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCount } from '../../format/numbers.ts';
import type { Language } from '../../i18n/language.ts';

interface Props {
  label: string;
  placeholder: string;
  query: string;
  onQuery: (query: string) => void;
  shown: number;
  total: number;
  language: Language;
  newLabel: string;
  /** Whether the new-item form is open (the button says so; pressing it again keeps it open). */
  creating: boolean;
  onNew: (opener: HTMLButtonElement) => void;
  testId: string;
}

/** Above a list: its text filter, how many rows it shows, and the button that opens the form for a new one. */
export function ListToolbar({ label, placeholder, query, onQuery, shown, total, language, newLabel, creating, onNew, testId }: Props) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="admin-toolbar">
      <label htmlFor={id} className="visually-hidden">
        {label}
      </label>
      <input
        id={id}
        type="search"
        className="admin-filter"
        placeholder={placeholder}
        value={query}
        onChange={(e) => onQuery(e.target.value)}
        onKeyDown={(e) => {
          // Escape empties a filled filter, and only that: the dialog closes on the next one.
          if (e.key !== 'Escape' || query === '') return;
          e.preventDefault();
          e.stopPropagation();
          onQuery('');
        }}
        data-testid={`${testId}-filter`}
      />
      <span className="muted" aria-live="polite" data-testid={`${testId}-shown`}>
        {t('admin.shown', { shown: formatCount(shown, language), total: formatCount(total, language) })}
      </span>
      <button type="button" className="primary-button admin-new" aria-expanded={creating} onClick={(e) => onNew(e.currentTarget)} data-testid={`${testId}-new`}>
        {newLabel}
      </button>
    </div>
  );
}
