import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CountryCollection } from '../../api/boundaries.ts';
import type { Organization } from '../../api/organizations.ts';
import type { Language } from '../../i18n/language.ts';
import { controlProps, FormField } from '../../ui/FormField.tsx';
import { AdminFormFrame, type FormDone } from './AdminFormFrame.tsx';
import {
  checkNewOrganization,
  checkOrganizationChange,
  CREATABLE_KINDS,
  EMPTY_ORGANIZATION_DRAFT,
  organizationDraftOf,
  suggestSlug,
} from './organizationDraft.ts';
import { organizationName } from './organizationNames.ts';
import { useAdminForm } from './useAdminForm.ts';
import { useChangeOrganization, useCreateOrganization } from './useAdminApi.ts';
import { Options } from '../../ui/Options.tsx';

export type OrganizationFormTarget = { kind: 'new' } | { kind: 'edit'; organization: Organization };

interface Props extends FormDone {
  /** Read when the form opens: a newer copy of the organization later on changes neither the draft nor what it is compared with. */
  target: OrganizationFormTarget;
  countries: CountryCollection | undefined;
  language: Language;
}

/**
 * Creates an organization, or renames one and changes its country (its slug and kind stay). A
 * new slug follows the English name until the admin types one; what the API refuses is shown
 * beside the form, and the input stays.
 */
export function OrganizationForm({ target, countries, language, onSaved, onCancel }: Props) {
  const { t } = useTranslation();
  const create = useCreateOrganization();
  const change = useChangeOrganization();
  const { editing, draft, set, setErrors, field, saving, problem } = useAdminForm({
    opened: target.kind === 'edit' ? target.organization : null,
    empty: EMPTY_ORGANIZATION_DRAFT,
    draftOf: organizationDraftOf,
    formName: 'organization',
    create,
    change,
  });
  const [slugTyped, setSlugTyped] = useState(false);
  const countryList = (countries?.features ?? []).map((f) => f.properties);
  const collator = new Intl.Collator(language);
  const countryLabel = (c: (typeof countryList)[number]) => (language === 'ar' ? c.name_ar : c.name_en);
  // A stored country Marsad has no boundaries for (or not yet) is still offered, so the select shows it.
  const storedCountry = editing?.country ?? null;
  const unlistedCountry = storedCountry !== null && !countryList.some((c) => c.iso3 === storedCountry) ? storedCountry : null;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const codes = countryList.map((c) => c.iso3);
    if (editing === null) {
      const checked = checkNewOrganization(draft, codes);
      if (!checked.ok) return setErrors(checked.errors);
      const name = organizationName(checked.organization, language);
      create.mutate(checked.organization, { onSuccess: () => onSaved(t('admin.organizations.created', { name })) });
      return;
    }
    const checked = checkOrganizationChange(editing, draft, codes);
    if (!checked.ok) return setErrors(checked.errors);
    if (Object.keys(checked.change).length === 0) return onSaved(t('admin.organizations.unchanged', { name: organizationName(editing, language) }));
    change.mutate(
      { slug: editing.slug, change: checked.change },
      { onSuccess: (saved) => onSaved(t('admin.organizations.saved', { name: organizationName(saved, language) })) },
    );
  };

  const title = editing === null ? t('admin.organizationForm.title') : t('admin.organizationForm.editTitle', { name: organizationName(editing, language) });
  const nameAr = field('name_ar');
  const nameEn = field('name_en');
  const slug = field('slug', editing === null ? t('admin.organizationForm.slugHint') : t('admin.organizationForm.slugFixed'));
  const kind = field('kind', editing === null ? t('admin.organizationForm.kindHint') : t('admin.organizationForm.kindFixed'));
  const country = field('country');

  return (
    <AdminFormFrame name="organization" mode={target.kind} title={title} onSubmit={onSubmit} problem={problem} saving={saving.isPending} onCancel={onCancel}>
      <div className="form-row">
        <FormField field={nameAr} label={t('admin.organizationForm.nameAr')}>
          <input
            type="text"
            dir="rtl"
            lang="ar"
            autoFocus
            value={draft.name_ar}
            onChange={(e) => set('name_ar', e.target.value)}
            {...controlProps(nameAr)}
          />
        </FormField>
        <FormField field={nameEn} label={t('admin.organizationForm.nameEn')}>
          <input
            type="text"
            dir="ltr"
            lang="en"
            value={draft.name_en}
            onChange={(e) => {
              set('name_en', e.target.value);
              if (editing === null && !slugTyped) set('slug', suggestSlug(e.target.value));
            }}
            {...controlProps(nameEn)}
          />
        </FormField>
      </div>
      <FormField field={slug} label={t('admin.organizationForm.slug')}>
        <input
          type="text"
          dir="ltr"
          autoComplete="off"
          spellCheck={false}
          readOnly={editing !== null}
          value={draft.slug}
          onChange={(e) => {
            setSlugTyped(e.target.value !== '');
            set('slug', e.target.value);
          }}
          {...controlProps(slug)}
        />
      </FormField>
      <div className="form-row">
        <FormField field={kind} label={t('admin.organizationForm.kind')}>
          {editing === null ? (
            <select value={draft.kind} onChange={(e) => set('kind', CREATABLE_KINDS.find((k) => k === e.target.value) ?? draft.kind)} {...controlProps(kind)}>
              <Options values={CREATABLE_KINDS} label={(k) => t(`admin.kind.${k}`)} />
            </select>
          ) : (
            <input type="text" readOnly value={t(`admin.kind.${editing.kind}`)} data-kind={editing.kind} {...controlProps(kind)} />
          )}
        </FormField>
        <FormField field={country} label={t('admin.organizationForm.country')}>
          <select value={draft.country} onChange={(e) => set('country', e.target.value)} {...controlProps(country)}>
            <option value="">{t('admin.organizationForm.international')}</option>
            {unlistedCountry !== null && <option value={unlistedCountry}>{unlistedCountry}</option>}
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
    </AdminFormFrame>
  );
}
