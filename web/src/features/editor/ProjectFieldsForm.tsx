import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PROJECT_KINDS, SECTORS, type ProjectKind, type Sector } from '../../data/vocabulary.ts';
import type { Language } from '../../i18n/language.ts';
import type { Organization } from '../../api/organizations.ts';
import { controlProps, FormField, useFields } from '../../ui/FormField.tsx';
import { FundingFields } from './FundingFields.tsx';
import type { ProjectForm, ProjectFormField } from './projectForm.ts';
import { Options } from '../../ui/Options.tsx';

interface ProjectFieldsFormProps {
  form: ProjectForm;
  errors: Partial<Record<ProjectFormField, string>>;
  onChange: <K extends ProjectFormField>(field: K, value: ProjectForm[K]) => void;
  /** A code to offer for a new project (from its governorate), or `null`. */
  codeSuggestion: string | null;
  /** Who may fund a project (every organization). */
  organizations: readonly Organization[];
  language: Language;
}

/** The project's own fields; each error sits under its field and is tied to it for screen readers. */
export function ProjectFieldsForm({ form, errors, onChange, codeSuggestion, organizations, language }: ProjectFieldsFormProps) {
  const { t } = useTranslation();
  const fieldOf = useFields<ProjectFormField>('editor', (name) => errors[name]);
  const props = (name: ProjectFormField) => controlProps(fieldOf(name));
  const field = (name: ProjectFormField, input: ReactNode, extra?: ReactNode) => (
    <FormField field={fieldOf(name)} label={t([`editor.field.${name}`, `changes.field.${name}`])}>
      {input}
      {extra}
    </FormField>
  );
  const text = (name: 'title_ar' | 'title_en' | 'code' | 'currency', dir: 'rtl' | 'ltr') => (
    <input type="text" dir={dir} value={form[name]} onChange={(e) => onChange(name, e.target.value)} {...props(name)} />
  );

  return (
    <>
      {field(
        'code',
        text('code', 'ltr'),
        codeSuggestion !== null && form.code === '' ? (
          <button type="button" className="link-button" onClick={() => onChange('code', codeSuggestion)} data-testid="editor-suggest-code">
            {t('editor.field.suggestCode')}: <bdi dir="ltr">{codeSuggestion}</bdi>
          </button>
        ) : null,
      )}
      {field('title_ar', text('title_ar', 'rtl'))}
      {field('title_en', text('title_en', 'ltr'))}
      <div className="form-row">
        {field(
          'kind',
          <select value={form.kind} onChange={(e) => onChange('kind', e.target.value as ProjectKind)} {...props('kind')}>
            <Options values={PROJECT_KINDS} label={(kind) => t(`kind.${kind}`)} />
          </select>,
        )}
        {field(
          'sector',
          <select value={form.sector} onChange={(e) => onChange('sector', e.target.value as Sector)} {...props('sector')}>
            <Options values={SECTORS} label={(sector) => t(`sector.${sector}`)} />
          </select>,
        )}
      </div>
      <div className="form-row">
        {field(
          'budget',
          <input type="number" inputMode="decimal" min={0} step="any" dir="ltr" lang={language} value={form.budget} onChange={(e) => onChange('budget', e.target.value)} {...props('budget')} />,
        )}
        {field('currency', text('currency', 'ltr'))}
      </div>
      <div className="form-row">
        {field('planned_start', <input type="date" value={form.planned_start} onChange={(e) => onChange('planned_start', e.target.value)} {...props('planned_start')} />)}
        {field('planned_end', <input type="date" value={form.planned_end} onChange={(e) => onChange('planned_end', e.target.value)} {...props('planned_end')} />)}
      </div>
      <FundingFields
        rows={form.funding}
        onChange={(rows) => onChange('funding', rows)}
        organizations={organizations}
        currency={form.currency.trim() || 'USD'}
        error={errors.funding}
        language={language}
      />
      {field('description_ar', <textarea rows={3} dir="rtl" value={form.description_ar} onChange={(e) => onChange('description_ar', e.target.value)} {...props('description_ar')} />)}
      {field('description_en', <textarea rows={3} dir="ltr" value={form.description_en} onChange={(e) => onChange('description_en', e.target.value)} {...props('description_en')} />)}
      <div className="form-field form-check">
        <label>
          <input type="checkbox" checked={form.is_published} onChange={(e) => onChange('is_published', e.target.checked)} data-testid="editor-is_published" />{' '}
          {t('editor.field.is_published')}
        </label>
        <span className="muted">{t('editor.field.publishedHint')}</span>
      </div>
    </>
  );
}
