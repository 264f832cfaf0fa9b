import type { GovernorateCollection } from '../api/boundaries.ts';
import { findGovernorate, governorateName } from '../data/governorateNames.ts';
import type { Language } from '../i18n/language.ts';
import type { HoveredGovernorate } from './useGovernorateHover.ts';

/** Pixels between the pointer and the label. */
const OFFSET = 14;

/** The name of the governorate under the pointer, next to the pointer. */
export function HoverLabel({
  hovered,
  governorates,
  language,
}: {
  hovered: HoveredGovernorate;
  governorates: GovernorateCollection | undefined;
  language: Language;
}) {
  const governorate = findGovernorate(governorates, hovered.code);
  if (governorate === null) return null;
  return (
    <div
      className="hover-label"
      data-testid="hover-label"
      style={{ transform: `translate(${hovered.x + OFFSET}px, ${hovered.y + OFFSET}px)` }}
    >
      {governorateName(governorate, language)}
    </div>
  );
}
