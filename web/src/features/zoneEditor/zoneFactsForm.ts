import { ZONE_DEVELOPMENTS, type ZoneDetail, type ZoneDevelopment, type ZoneFactsChange } from '@marsad/contracts';
import { parseNumber } from './plotForm.ts';

/** The zone's own facts as typed. */
export interface ZoneFactsForm {
  development: ZoneDevelopment;
  /** Hectares; '' for unknown. */
  area_ha: string;
}

export function zoneFactsFormOf(zone: Pick<ZoneDetail, 'development' | 'area_ha'>): ZoneFactsForm {
  return { development: zone.development, area_ha: zone.area_ha === null ? '' : String(zone.area_ha) };
}

/**
 * `PATCH /api/zones/{id}` with what changed and the zone version read; `null` when nothing did;
 * `{ problem: 'area' }` for an area that is not a number above 0 (at most a million hectares).
 */
export function zoneFactsChange(start: ZoneFactsForm, form: ZoneFactsForm, version: number): ZoneFactsChange | null | { problem: 'area' } {
  const area = parseNumber(form.area_ha);
  if (area === undefined || (area !== null && (area <= 0 || area > 1e6))) return { problem: 'area' };
  const change: ZoneFactsChange = { version };
  if (form.development !== start.development && (ZONE_DEVELOPMENTS as readonly string[]).includes(form.development)) change.development = form.development;
  if (area !== parseNumber(start.area_ha)) change.area_ha = area;
  return Object.keys(change).length === 1 ? null : change;
}
