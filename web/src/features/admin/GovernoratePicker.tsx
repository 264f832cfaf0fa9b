import { useTranslation } from 'react-i18next';
import { formatCount } from '../../format/numbers.ts';
import type { Language } from '../../i18n/language.ts';
import type { GovernorateGroup } from './governorateChoices.ts';

interface Props {
  id: string;
  groups: readonly GovernorateGroup[];
  selected: readonly string[];
  onChange: (selected: string[]) => void;
  language: Language;
  error?: string | undefined;
  loading: boolean;
}

/** The governorates of an engineer: check boxes by country, named in the current language. */
export function GovernoratePicker({ id, groups, selected, onChange, language, error, loading }: Props) {
  const { t } = useTranslation();
  const toggle = (code: string, on: boolean) => onChange(on ? [...selected, code] : selected.filter((c) => c !== code));
  return (
    <fieldset
      className="governorate-picker"
      aria-describedby={`${id}-hint${error === undefined ? '' : ` ${id}-error`}`}
      data-testid="user-governorates"
    >
      <legend>{t('admin.userForm.governorates')}</legend>
      <p id={`${id}-hint`} className="muted">
        {t('admin.userForm.governoratesHint')} {t('admin.userForm.selected', { formatted: formatCount(selected.length, language) })}
      </p>
      {loading && <p className="muted">{t('admin.userForm.governoratesLoading')}</p>}
      {groups.map((group) => (
        <fieldset key={group.country} className="governorate-group">
          <legend>{group.name}</legend>
          <ul>
            {group.choices.map((choice) => (
              <li key={choice.code}>
                <label>
                  <input
                    type="checkbox"
                    checked={selected.includes(choice.code)}
                    onChange={(e) => toggle(choice.code, e.target.checked)}
                    data-code={choice.code}
                  />
                  {choice.name}
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
      ))}
      {error !== undefined && (
        <span id={`${id}-error`} className="field-error" data-testid="user-governorates-error">
          {error}
        </span>
      )}
    </fieldset>
  );
}
