import { useTranslation } from 'react-i18next';
import { formatYear } from '../../format/numbers.ts';
import type { Language } from '../../i18n/language.ts';
import { yearChoices } from './returnPeriods.ts';

/** The year a planning screen works on, in the reader's digits. */
export function YearField({ value, onChange, language, testId }: { value: number; onChange: (year: number) => void; language: Language; testId: string }) {
  const { t } = useTranslation();
  return (
    <label className="inline-field">
      <span>{t('planning.year')}</span>
      <select value={value} onChange={(e) => onChange(Number(e.target.value))} data-testid={testId}>
        {yearChoices().map((y) => (
          <option key={y} value={y}>
            {formatYear(y, language)}
          </option>
        ))}
      </select>
    </label>
  );
}
