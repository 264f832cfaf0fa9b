import { useTranslation } from 'react-i18next';
import type { Language } from '../../i18n/language.ts';
import { bodyName } from './ObstacleParts.tsx';
import { useResponsibleBodies } from './useObstacles.ts';

/**
 * The responsible body of an obstacle: the country's bodies (and the international ones), active
 * ones only, plus the one already named even if it was retired since.
 */
export function BodySelect({
  country,
  value,
  current,
  onChange,
  language,
  controlProps,
}: {
  country: string;
  /** The body's id as text, '' for none. */
  value: string;
  /** The body the obstacle names now, kept in the list. */
  current?: { id: number; name_ar: string; name_en: string | null } | null;
  onChange: (value: string) => void;
  language: Language;
  controlProps: Record<string, unknown>;
}) {
  const { t } = useTranslation();
  const bodies = useResponsibleBodies(country);
  const listed = (bodies.data ?? []).filter((b) => b.is_active || b.id === current?.id);
  const missing = current !== null && current !== undefined && !listed.some((b) => b.id === current.id);
  return (
    <select value={value} onChange={(e) => onChange(e.target.value)} aria-busy={bodies.isPending} {...controlProps}>
      <option value="">{t('obstacles.noBody')}</option>
      {missing && <option value={String(current.id)}>{bodyName(current, language)}</option>}
      {listed.map((b) => (
        <option key={b.id} value={String(b.id)}>
          {bodyName(b, language)} ({t(`obstacles.bodyKinds.${b.kind}`)})
        </option>
      ))}
    </select>
  );
}
