import { useTranslation } from 'react-i18next';
import { formatDualDate } from '../format/dates.ts';
import type { Language } from '../i18n/language.ts';

/** A date as Gregorian, with the Umm al-Qura Hijri date beside it. */
export function DualDate({ iso, language }: { iso: string | null; language: Language }) {
  const { t } = useTranslation();
  const date = formatDualDate(iso, language);
  if (date === null) return <span>—</span>;
  return (
    <span className="dual-date">
      <time dateTime={iso?.slice(0, 10)}>{date.gregorian}</time>
      <span className="hijri" data-testid="hijri-date" title={t('date.hijri')}>
        {date.hijri}
      </span>
    </span>
  );
}
