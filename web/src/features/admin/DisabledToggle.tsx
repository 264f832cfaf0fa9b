import { useId } from 'react';
import { useTranslation } from 'react-i18next';

/** Disables or enables an account; what that does is said under it. */
export function DisabledToggle({ checked, onChange, locked }: { checked: boolean; onChange: (disabled: boolean) => void; locked: boolean }) {
  const { t } = useTranslation();
  const hint = useId();
  return (
    <div className="form-field admin-checkbox">
      <label>
        <input type="checkbox" checked={checked} disabled={locked} onChange={(e) => onChange(e.target.checked)} aria-describedby={hint} data-testid="user-disabled" />
        {t('admin.userForm.disabled')}
      </label>
      <span id={hint} className="muted">
        {t('admin.userForm.disabledHint')}
      </span>
    </div>
  );
}
