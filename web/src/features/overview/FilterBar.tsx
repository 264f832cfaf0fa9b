import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { countActiveFilters, EMPTY_FILTERS, filterQuery, FIRST_YEAR, LAST_YEAR, LIST_FILTERS, MAX_QUERY_LENGTH, type Filters, type ListFilterKey } from '../../data/filters.ts';
import type { FunderOption } from './funders.ts';
import { formatCount } from '../../format/numbers.ts';
import type { Language } from '../../i18n/language.ts';
import './overview.css';

/** Milliseconds of typing pause before the text search applies. */
const SEARCH_DELAY = 400;
const YEARS = Array.from({ length: LAST_YEAR - FIRST_YEAR + 1 }, (_, i) => LAST_YEAR - i);

interface FilterBarProps {
  filters: Filters;
  /** The donors to offer, named in the current language; empty while they load. */
  funders: readonly FunderOption[];
  language: Language;
  onChange: (filters: Filters) => void;
}

interface ChipOption {
  value: string;
  label: string;
}

/** One list filter as toggle chips; the chosen values are kept in the order offered. */
function ChipGroup<K extends ListFilterKey | 'funder'>({
  name,
  options,
  filters,
  onChange,
}: {
  name: K;
  options: readonly ChipOption[];
  filters: Filters;
  onChange: (filters: Filters) => void;
}) {
  const { t } = useTranslation();
  const selected = filters[name] as readonly string[];
  const toggle = (value: string) => {
    const next = selected.includes(value) ? selected.filter((v) => v !== value) : [...selected, value];
    const ordered = options.map((option) => option.value).filter((v) => next.includes(v));
    onChange({ ...filters, [name]: ordered });
  };
  return (
    <fieldset className="chip-group" data-testid={`filter-${name}`}>
      <legend>{t(`filters.${name}`)}</legend>
      {options.map(({ value, label }) => (
        <button
          key={value}
          type="button"
          className="chip"
          aria-pressed={selected.includes(value)}
          data-value={value}
          onClick={() => toggle(value)}
        >
          {label}
        </button>
      ))}
    </fieldset>
  );
}

/** A fixed-vocabulary filter, its values named by the i18n resources. */
function VocabularyChips({ name, filters, onChange }: { name: ListFilterKey; filters: Filters; onChange: (filters: Filters) => void }) {
  const { t } = useTranslation();
  const options = LIST_FILTERS[name].map((value: string) => ({ value, label: t(`${name}.${value}`) }));
  return <ChipGroup name={name} options={options} filters={filters} onChange={onChange} />;
}

/** The project filters. They change the URL, and with it the map, the KPI cards, the charts and the lists. */
export function FilterBar({ filters, funders, language, onChange }: FilterBarProps) {
  const { t } = useTranslation();
  const searchId = useId();
  const yearId = useId();
  const [text, setText] = useState(filters.q);
  const [appliedQ, setAppliedQ] = useState(filters.q);
  if (appliedQ !== filters.q) {
    // The URL changed under us (back button, clear): show its text.
    setAppliedQ(filters.q);
    setText(filters.q);
  }

  useEffect(() => {
    if (text.trim() === filters.q) return;
    const timer = window.setTimeout(() => onChange({ ...filters, q: text.trim() }), SEARCH_DELAY);
    return () => window.clearTimeout(timer);
  }, [text, filters, onChange]);

  const active = countActiveFilters(filters);
  const exportQuery = filterQuery(filters, { lang: language });

  return (
    <section className="filter-bar" aria-labelledby="filters-heading">
      <div className="section-heading">
        <h2 id="filters-heading">{t('filters.heading')}</h2>
        {active > 0 && (
          <button type="button" className="link-button" data-testid="filters-clear" onClick={() => onChange(EMPTY_FILTERS)}>
            {t('filters.clear')}
          </button>
        )}
      </div>
      {active > 0 && (
        <p className="filters-active" role="status">
          {t('filters.active', { formatted: formatCount(active, language) })}
        </p>
      )}
      <label className="field" htmlFor={searchId}>
        <span>{t('filters.search')}</span>
        <input
          id={searchId}
          type="search"
          value={text}
          maxLength={MAX_QUERY_LENGTH}
          placeholder={t('filters.searchPlaceholder')}
          data-testid="filter-search"
          onChange={(event) => setText(event.target.value)}
        />
      </label>
      <label className="field" htmlFor={yearId}>
        <span>{t('filters.year')}</span>
        <select
          id={yearId}
          value={filters.year ?? ''}
          data-testid="filter-year"
          onChange={(event) => onChange({ ...filters, year: event.target.value === '' ? null : Number(event.target.value) })}
        >
          <option value="">{t('filters.anyYear')}</option>
          {YEARS.map((year) => (
            <option key={year} value={year}>
              {new Intl.NumberFormat(language === 'ar' ? 'ar-SA-u-nu-arab' : 'en', { useGrouping: false }).format(year)}
            </option>
          ))}
        </select>
      </label>
      <VocabularyChips name="status" filters={filters} onChange={onChange} />
      <VocabularyChips name="sector" filters={filters} onChange={onChange} />
      <VocabularyChips name="kind" filters={filters} onChange={onChange} />
      <ChipGroup
        name="funder"
        options={funders.map(({ slug, name }) => ({ value: slug, label: name }))}
        filters={filters}
        onChange={onChange}
      />
      <p className="exports">
        {t('filters.export')}:{' '}
        {(['csv', 'xlsx', 'geojson'] as const).map((format) => (
          <a key={format} href={`/api/exports/projects.${format}${exportQuery === '' ? '' : `?${exportQuery}`}`} download>
            {format.toUpperCase()}
          </a>
        ))}
      </p>
    </section>
  );
}
