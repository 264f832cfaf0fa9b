import { useTranslation } from 'react-i18next';
import type { Organization } from '../../api/organizations.ts';
import type { Language } from '../../i18n/language.ts';
import type { controlProps } from '../../ui/FormField.tsx';
import { organizationName, organizationsByKind } from './organizationNames.ts';

interface Props {
  value: string;
  onChange: (slug: string) => void;
  organizations: readonly Organization[];
  language: Language;
  /** From `controlProps`. */
  control: ReturnType<typeof controlProps>;
}

/** Every organization by kind, named in the current language; `''` until one is chosen. */
export function OrganizationSelect({ value, onChange, organizations, language, control }: Props) {
  const { t } = useTranslation();
  return (
    <select value={value} onChange={(e) => onChange(e.target.value)} {...control}>
      <option value="">{t('admin.userForm.chooseOrganization')}</option>
      {organizationsByKind(organizations, language).map((group) => (
        <optgroup key={group.kind} label={t(`admin.kind.${group.kind}`)}>
          {group.organizations.map((o) => (
            <option key={o.slug} value={o.slug}>
              {organizationName(o, language)}
            </option>
          ))}
        </optgroup>
      ))}
    </select>
  );
}
