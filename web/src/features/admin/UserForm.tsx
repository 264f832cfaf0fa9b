import { useId, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Organization } from '../../api/organizations.ts';
import { ROLES } from '../account/session.ts';
import { useCountries, useGovernorates } from '../../api/useBoundaries.ts';
import type { Language } from '../../i18n/language.ts';
import {
  accountDraftOf,
  checkAccountChange,
  checkNewAccount,
  EMPTY_ACCOUNT_DRAFT,
  needsGovernorates,
} from './accountDraft.ts';
import type { AdminUser } from './adminApi.ts';
import { DisabledToggle } from './DisabledToggle.tsx';
import { controlProps, FormField } from '../../ui/FormField.tsx';
import { AdminFormFrame, type FormDone } from './AdminFormFrame.tsx';
import { governorateGroups } from './governorateChoices.ts';
import { GovernoratePicker } from './GovernoratePicker.tsx';
import { OrganizationSelect } from './OrganizationSelect.tsx';
import { useAdminForm } from './useAdminForm.ts';
import { useChangeAccount, useCreateAccount } from './useAdminApi.ts';
import { Options } from '../../ui/Options.tsx';

export type UserFormTarget = { kind: 'new' } | { kind: 'edit'; user: AdminUser; isSelf: boolean };

interface Props extends FormDone {
  /** Read when the form opens: a newer copy of the account later on changes neither the draft nor what it is compared with. */
  target: UserFormTarget;
  organizations: readonly Organization[];
  language: Language;
}

/**
 * Creates an account, or changes one (name, role, organization, governorates, password,
 * disabled). It checks what it can before sending; what the API refuses is shown beside the
 * form, and the input stays.
 */
export function UserForm({ target, organizations, language, onSaved, onCancel }: Props) {
  const { t } = useTranslation();
  const base = useId();
  const create = useCreateAccount();
  const change = useChangeAccount();
  const { editing, draft, set, setErrors, errorOf, field, saving, problem } = useAdminForm({
    opened: target.kind === 'edit' ? target.user : null,
    empty: EMPTY_ACCOUNT_DRAFT,
    draftOf: accountDraftOf,
    formName: 'user',
    create,
    change,
  });
  const governorates = useGovernorates();
  const countries = useCountries();
  const isSelf = target.kind === 'edit' && target.isSelf;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (editing === null) {
      const checked = checkNewAccount(draft, organizations);
      if (!checked.ok) return setErrors(checked.errors);
      create.mutate(checked.account, { onSuccess: (user) => onSaved(t('admin.users.created', { email: user.email })) });
      return;
    }
    const checked = checkAccountChange(editing, draft, organizations, isSelf);
    if (!checked.ok) return setErrors(checked.errors);
    if (Object.keys(checked.change).length === 0) return onSaved(t('admin.users.unchanged', { email: editing.email }));
    change.mutate({ id: editing.id, change: checked.change }, { onSuccess: (user) => onSaved(t('admin.users.saved', { email: user.email })) });
  };

  const organization = organizations.find((o) => o.slug === draft.organization);
  const title = editing === null ? t('admin.userForm.createTitle') : t('admin.userForm.editTitle', { name: editing.display_name });
  const email = field('email');
  const name = field('display_name');
  const role = field('role', isSelf ? t('admin.userForm.self') : undefined);
  const org = field('organization');
  const password = field('password', editing === null ? t('admin.userForm.passwordHint') : t('admin.userForm.newPasswordHint'));

  return (
    <AdminFormFrame name="user" mode={target.kind} title={title} onSubmit={onSubmit} problem={problem} saving={saving.isPending} onCancel={onCancel}>
      <div className="form-row">
        <FormField field={email} label={t('admin.userForm.email')}>
          <input
            type="email"
            dir="ltr"
            autoComplete="off"
            autoFocus={editing === null}
            readOnly={editing !== null}
            value={draft.email}
            onChange={(e) => set('email', e.target.value)}
            {...controlProps(email)}
          />
        </FormField>
        <FormField field={name} label={t('admin.userForm.displayName')}>
          <input
            type="text"
            dir="auto"
            autoComplete="off"
            autoFocus={editing !== null}
            value={draft.display_name}
            onChange={(e) => set('display_name', e.target.value)}
            {...controlProps(name)}
          />
        </FormField>
      </div>
      <div className="form-row">
        <FormField field={role} label={t('admin.userForm.role')}>
          <select value={draft.role} disabled={isSelf} onChange={(e) => set('role', ROLES.find((r) => r === e.target.value) ?? draft.role)} {...controlProps(role)}>
            <Options values={ROLES} label={(r) => t(`auth.role.${r}`)} />
          </select>
        </FormField>
        <FormField field={org} label={t('admin.userForm.organization')}>
          <OrganizationSelect
            value={draft.organization}
            onChange={(slug) => set('organization', slug)}
            organizations={organizations}
            language={language}
            control={controlProps(org)}
          />
        </FormField>
      </div>
      {needsGovernorates(draft.role) && (
        <GovernoratePicker
          id={`${base}-governorates`}
          groups={governorateGroups(governorates.data, countries.data, language, organization?.country ?? null, draft.governorates)}
          selected={draft.governorates}
          onChange={(selected) => set('governorates', selected)}
          language={language}
          error={errorOf('governorates')}
          loading={governorates.isPending}
        />
      )}
      <FormField field={password} label={editing === null ? t('admin.userForm.password') : t('admin.userForm.newPassword')}>
        <input
          type="password"
          dir="ltr"
          autoComplete="new-password"
          value={draft.password}
          onChange={(e) => set('password', e.target.value)}
          {...controlProps(password)}
        />
      </FormField>
      {editing !== null && <DisabledToggle checked={draft.disabled} onChange={(disabled) => set('disabled', disabled)} locked={isSelf} />}
    </AdminFormFrame>
  );
}
