import { useTranslation } from 'react-i18next';
import { useOrganizations } from '../../api/useOrganizations.ts';
import { formatNumber, formatPercent } from '../../format/numbers.ts';
import type { Language } from '../../i18n/language.ts';

/** The fields that hold a share of 0–100 (a report's and a project's progress). */
const PERCENT_FIELDS = new Set(['physical_progress', 'financial_progress']);

/**
 * A recorded value as the reader would say it: statuses, kinds and sectors translated (a plot's
 * status with `plot: true`), funders by name, percentages and numbers in the page's digits.
 * Used by a project's change history and by the conflicts for review.
 */
export function useShowValue(language: Language) {
  const { t } = useTranslation();
  const organizations = useOrganizations().data?.items ?? [];
  return (field: string, value: unknown, { plot = false }: { plot?: boolean } = {}): string => {
    if (value === null || value === undefined || value === '') return '—';
    if (field === 'organization' && typeof value === 'string') {
      const funder = organizations.find((o) => o.slug === value);
      return funder === undefined ? value : language === 'ar' ? funder.name_ar : funder.name_en;
    }
    if (field === 'status' && typeof value === 'string') return t(plot ? `plotStatus.${value}` : `status.${value}`, { defaultValue: value });
    if (field === 'kind' && typeof value === 'string') return t(`kind.${value}`, { defaultValue: value });
    if (field === 'sector_code' && typeof value === 'string') return t(`sector.${value}`, { defaultValue: value });
    if (field === 'geom' || field === 'geometry') return t('changes.geometryChanged');
    if (typeof value === 'boolean') return value ? t('changes.yes') : t('changes.no');
    if (typeof value === 'number') return PERCENT_FIELDS.has(field) ? formatPercent(value, language) : formatNumber(value, language);
    if (typeof value === 'string') return value;
    return JSON.stringify(value);
  };
}
