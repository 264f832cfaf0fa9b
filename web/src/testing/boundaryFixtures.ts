import type { GovernorateFeature, GovernorateProperties } from '../api/boundaries.ts';

/** Damascus as the boundary API describes it: the governorate unit tests share. */
export const DAMASCUS: GovernorateProperties = {
  code: 'SY-DI',
  country_iso3: 'SYR',
  kind: 'governorate',
  kind_ar: 'محافظة',
  name_en: 'Damascus',
  name_ar: 'محافظة دمشق',
  name_ar_short: 'دمشق',
};

/** Damascus as a feature (its outline left empty: the tests read its properties). */
export const DAMASCUS_FEATURE: GovernorateFeature = { type: 'Feature', id: 'SY-DI', geometry: { type: 'MultiPolygon', coordinates: [] }, properties: DAMASCUS };
