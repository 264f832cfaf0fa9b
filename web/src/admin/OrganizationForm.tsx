import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CountryCollection } from '../api/boundaries.ts';
import type { Language } from '../i18n/language.ts';
import { controlProps, FormField } from './FormField.tsx';
import { formProblemOf } from './formProblem.ts';
import {
  checkNewOrganization,
  CREATABLE_KINDS,
  EMPTY_ORGANIZATION_DRAFT,
  suggestSlug,
  type OrganizationDraft,
  type OrganizationErrors,
  type OrganizationField,
} from './organizationDraft.ts';
import { SaveProblem } from './SaveProblem.tsx';
import { useCreateOrganization } from './useAdminApi.ts';

interface Props {
  countries: CountryCollection | undefined;
  language: Language;
  onSaved: (notice: string) => void;
  onCancel: () => void;
}

/**
 * Creates an organization. The slug follows the English name until the admin types one; what
 * the API refuses is shown beside the form, and the input stays.
 */
export function OrganizationForm({ countries, language, onSaved, onCancel }: Props) {
  const { t } = useTranslation();
  const base = useId();
  const [draft, setDraft] = useState<OrganizationDraft>(EMPTY_ORGANIZATION_DRAFT);
  const [slugTyped, setSlugTyped] = useState(false);
  const [errors, setErrors] = useState<OrganizationErrors>({});
  const create = useCreateOrganization();
  const problem = create.error === null ? null : formProblemOf(create.error);
  const countryList = (countries?.features ?? []).map((f) => f.properties);
  const collator = new Intl.Collator(language);
  const countryLabel = (c: (typeof countryList)[number]) => (language === 'ar' ? c.name_ar : c.name_en);

  const set = <F extends OrganizationField>(field: F, value: OrganizationDraft[F]) => {
    setDraft((d) => ({ ...d, [field]: value }));
    setErrors((e) => ({ ...e, [field]: undefined }));
  };
  const errorOf = (field: OrganizationField): string | undefined => {
    const local = errors[field];
    return local !== undefined ? t(`admin.errors.${local}`) : problem?.fields[field];
  };
  const field = (name: OrganizationField, hint?: string) => ({ id: `${base}-${name}`, hint, error: errorOf(name) });

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const checked = checkNewOrganization(draft, countryList.map((c) => c.iso3));
    if (!checked.ok) return setErrors(checked.errors);
    const name = language === 'ar' ? checked.organization.name_ar : checked.organization.name_en;
    create.mutate(checked.organization, { onSuccess: () => onSaved(t('admin.organizations.created', { name })) });
  };

  const nameAr = field('name_ar');
  const nameEn = field('name_en');
  const slug = field('slug', t('admin.organizationForm.slugHint'));
  const kind = field('kind', t('admin.organizationForm.kindHint'));
  const country = field('country');

  return (
    <section className="admin-form" aria-labelledby={`${base}-title`} data-testid="organization-form">
      <h3 id={`${base}-title`}>{t('admin.organizationForm.title')}</h3>
      <form onSubmit={onSubmit} noValidate>
        <div className="form-row">
          <FormField {...nameAr} label={t('admin.organizationForm.nameAr')} testId="organization-name_ar">
            <input
              type="text"
              dir="rtl"
              lang="ar"
              autoFocus
              value={draft.name_ar}
              onChange={(e) => set('name_ar', e.target.value)}
              {...controlProps(nameAr)}
              data-testid="organization-name_ar"
            />
          </FormField>
          <FormField {...nameEn} label={t('admin.organizationForm.nameEn')} testId="organization-name_en">
            <input
              type="text"
              dir="ltr"
              lang="en"
              value={draft.name_en}
              onChange={(e) => {
                set('name_en', e.target.value);
                if (!slugTyped) set('slug', suggestSlug(e.target.value));
              }}
              {...controlProps(nameEn)}
              data-testid="organization-name_en"
            />
          </FormField>
        </div>
        <FormField {...slug} label={t('admin.organizationForm.slug')} testId="organization-slug">
          <input
            type="text"
            dir="ltr"
            autoComplete="off"
            spellCheck={false}
            value={draft.slug}
            onChange={(e) => {
              setSlugTyped(e.target.value !== '');
              set('slug', e.target.value);
            }}
            {...controlProps(slug)}
            data-testid="organization-slug"
          />
        </FormField>
        <div className="form-row">
          <FormField {...kind} label={t('admin.organizationForm.kind')} testId="organization-kind">
            <select value={draft.kind} onChange={(e) => set('kind', CREATABLE_KINDS.find((k) => k === e.target.value) ?? draft.kind)} {...controlProps(kind)} data-testid="organization-kind">
              {CREATABLE_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`admin.kind.${k}`)}
                </option>
              ))}
            </select>
          </FormField>
          <FormField {...country} label={t('admin.organizationForm.country')} testId="organization-country">
            <select value={draft.country} onChange={(e) => set('country', e.target.value)} {...controlProps(country)} data-testid="organization-country">
              <option value="">{t('admin.organizationForm.international')}</option>
              {[...countryList]
                .sort((a, b) => collator.compare(countryLabel(a), countryLabel(b)))
                .map((c) => (
                  <option key={c.iso3} value={c.iso3}>
                    {countryLabel(c)}
                  </option>
                ))}
            </select>
          </FormField>
        </div>
        {problem !== null && <SaveProblem problem={problem} conflict={t('admin.organizationForm.conflict')} testId="organization-form-problem" />}
        <div className="form-actions">
          <button type="submit" className="primary-button" disabled={create.isPending} data-testid="organization-submit">
            {create.isPending ? t('admin.saving') : t('admin.organizationForm.create')}
          </button>
          <button type="button" className="secondary-button" onClick={onCancel}>
            {t('admin.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}
