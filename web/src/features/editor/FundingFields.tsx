import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Organization } from '../../api/organizations.ts';
import type { Language } from '../../i18n/language.ts';
import { controlProps, FormField } from '../../ui/FormField.tsx';
import type { FundingRow } from './projectForm.ts';

interface FundingFieldsProps {
  rows: FundingRow[];
  onChange: (rows: FundingRow[]) => void;
  organizations: readonly Organization[];
  /** The project's currency, for a new funder. */
  currency: string;
  error: string | undefined;
  language: Language;
}

const KIND_ORDER: Organization['kind'][] = ['donor', 'partner', 'ministry', 'governorate_office'];

/** The project's funders: an organization and an amount per line, added and removed freely. */
export function FundingFields({ rows, onChange, organizations, currency, error, language }: FundingFieldsProps) {
  const { t } = useTranslation();
  const base = useId();
  const name = (o: Organization) => (language === 'ar' ? o.name_ar : o.name_en);
  const sorted = [...organizations].sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || name(a).localeCompare(name(b), language));
  const update = (i: number, change: Partial<FundingRow>) => onChange(rows.map((row, j) => (j === i ? { ...row, ...change } : row)));
  const nameOf = (slug: string) => {
    const found = organizations.find((o) => o.slug === slug);
    return found === undefined ? slug : name(found);
  };

  return (
    <fieldset className="funding-fields" aria-labelledby={`${base}-legend`} aria-describedby={error === undefined ? undefined : `${base}-error`} data-testid="editor-funding">
      <legend id={`${base}-legend`}>{t('editor.field.funding')}</legend>
      {rows.length === 0 && <p className="muted">{t('editor.field.noFunders')}</p>}
      {rows.map((row, i) => (
        <div className="form-row funding-row" key={i} data-testid="editor-funding-row">
          <FormField field={{ id: `${base}-${i}-org`, testId: 'editor-funder' }} label={t('editor.field.funder')}>
            <select value={row.organization} onChange={(e) => update(i, { organization: e.target.value })} {...controlProps({ id: `${base}-${i}-org`, testId: 'editor-funder' })}>
              <option value="">{t('editor.field.chooseFunder')}</option>
              {/* A stored funder the list does not (yet) know stays choosable. */}
              {row.organization !== '' && !organizations.some((o) => o.slug === row.organization) && <option value={row.organization}>{row.organization}</option>}
              {sorted.map((o) => (
                <option key={o.slug} value={o.slug}>
                  {name(o)}
                </option>
              ))}
            </select>
          </FormField>
          <FormField
            field={{ id: `${base}-${i}-amount`, testId: 'editor-funding-amount' }}
            label={
              <>
                {t('editor.field.amount')} <bdi dir="ltr">({row.currency})</bdi>
              </>
            }
          >
            <input
              type="number"
              inputMode="decimal"
              min={0}
              step="any"
              dir="ltr"
              lang={language}
              value={row.amount}
              onChange={(e) => update(i, { amount: e.target.value })}
              {...controlProps({ id: `${base}-${i}-amount`, testId: 'editor-funding-amount' })}
            />
          </FormField>
          <button
            type="button"
            className="link-button funding-remove"
            aria-label={t('editor.field.removeFunder', { name: nameOf(row.organization) })}
            onClick={() => onChange(rows.filter((_, j) => j !== i))}
          >
            ×
          </button>
        </div>
      ))}
      <button type="button" className="secondary-button" onClick={() => onChange([...rows, { organization: '', amount: '', currency }])} data-testid="editor-add-funder">
        {t('editor.field.addFunder')}
      </button>
      {error !== undefined && (
        <p id={`${base}-error`} className="field-error" data-testid="editor-funding-error">
          {error}
        </p>
      )}
    </fieldset>
  );
}
