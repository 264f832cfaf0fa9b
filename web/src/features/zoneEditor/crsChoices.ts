/**
 * Coordinate reference systems offered for a plot file, by the zone's country: what cadastral plans
 * of that country usually use (WGS 84 UTM zones; Syria's Lambert grid), plus WGS 84 itself. Any
 * other EPSG code may be typed. "As the file says" (no code) leaves it to the file (.prj, GeoJSON).
 */
export interface CrsChoice {
  epsg: number;
  /** The official EPSG name (the same in both languages). */
  name: string;
}

const WGS84: CrsChoice = { epsg: 4326, name: 'WGS 84 (longitude, latitude)' };
const utm = (zone: number): CrsChoice => ({ epsg: 32600 + zone, name: `WGS 84 / UTM zone ${zone}N` });

const BY_COUNTRY: Record<string, CrsChoice[]> = {
  SYR: [utm(36), utm(37), utm(38), { epsg: 22770, name: 'Deir ez Zor / Syria Lambert' }],
  LBY: [utm(32), utm(33), utm(34), utm(35)],
  SAU: [utm(36), utm(37), utm(38), utm(39), utm(40)],
  IRQ: [utm(37), utm(38), utm(39)],
  JOR: [utm(36), utm(37)],
  LBN: [utm(36)],
};

export function crsChoices(countryIso3: string): CrsChoice[] {
  return [WGS84, ...(BY_COUNTRY[countryIso3] ?? []), { epsg: 3857, name: 'WGS 84 / Pseudo-Mercator' }];
}

/** An EPSG code as typed ("32637", "EPSG:32637", "epsg 32637"); `null` when it is not one. */
export function parseEpsg(text: string): number | null {
  const match = /^\s*(?:epsg\s*[:\s]\s*)?(\d{4,6})\s*$/i.exec(text);
  if (match === null) return null;
  const code = Number(match[1]);
  return code >= 1024 && code <= 999_999 ? code : null;
}
