import type { GovernorateCollection } from '../api/boundaries.ts';
import { useTranslation } from 'react-i18next';
import { findGovernorate, governorateName } from '../data/governorateNames.ts';
import { formatCount } from '../format/numbers.ts';
import type { Language } from '../i18n/language.ts';
import type { HoveredGovernorate } from './useGovernorateHover.ts';

/** Pixels between the pointer and the label. */
const OFFSET = 14;

/**
 * The name of the governorate under the pointer, next to the pointer, and how many projects it has
 * under the filters (also for governorates too small for a count badge at this zoom).
 */
export function HoverLabel({
  hovered,
  governorates,
  projects,
  language,
}: {
  hovered: HoveredGovernorate;
  governorates: GovernorateCollection | undefined;
  /** Its projects under the filters; `null` when unknown. */
  projects: number | null;
  language: Language;
}) {
  const { t } = useTranslation();
  const governorate = findGovernorate(governorates, hovered.code);
  if (governorate === null) return null;
  return (
    <div
      className="hover-label"
      data-testid="hover-label"
      style={{ transform: `translate(${hovered.x + OFFSET}px, ${hovered.y + OFFSET}px)` }}
    >
      <span data-testid="hover-label-name">{governorateName(governorate, language)}</span>
      {projects !== null && projects > 0 && (
        <span className="hover-label-count" data-testid="hover-label-count">
          {t('map.cluster', { count: projects, formatted: formatCount(projects, language) })}
        </span>
      )}
    </div>
  );
}
